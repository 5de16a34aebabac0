package org.nqpf.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Safe, atomic output for every command that writes a results folder ({@code run}, {@code sweep},
 * {@code merge}, {@code validate}, {@code chart}, and any later one): the one place that decides
 * whether a folder may be written and replaced.
 *
 * <p><b>What may be replaced.</b> {@link ResultsTarget#check} refuses, before anything runs, an output
 * folder that exists and is neither empty nor a results folder this program wrote: one whose
 * {@code manifest.json} names {@code nqpf} as its tool and lists every file in it (a file the
 * manifest does not list, such as a user's notes, makes the folder irreplaceable). A sub-folder of
 * such a folder ({@code charts/}) is judged by its parent's manifest. It refuses too an output
 * folder that is, or is above, the folder of one of the command's input files, and a
 * {@code <out>.partial} that this program did not make.
 *
 * <p><b>Atomic.</b> Every file is written into the working folder {@code <out>.partial} (the same
 * parent), and {@link #commit()} renames it into place, so a reader (or a crashed run) never
 * leaves a half-written results folder behind. A results folder that already exists is replaced
 * only once the new one is complete. Closing without committing deletes the working folder.
 *
 * <p><b>Locked.</b> The folder is locked ({@link ResultsLock}) from {@link #create} to
 * {@link #close}, so a second command on the same folder is refused at once.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * try (ResultsFolder out = ResultsFolder.create(Path.of("results", scenario.name()), "run", scenarioFile)) {
 *   TimeSeriesCsv.write(series, out.file("timeseries.csv"));
 *   Manifest.write(out.directory(), scenario, command);
 *   out.commit();
 * }
 * }</pre>
 */
public final class ResultsFolder implements AutoCloseable {

  private static final int MAX_NAME_ATTEMPTS = 100;

  private enum State { OPEN, COMMITTED, ABORTED }


  private final Path finalDir;
  private final Path tempDir;
  private final ResultsLock lock;
  private final List<String> ownSuffixes;
  private State state = State.OPEN;

  private ResultsFolder(Path finalDir, ResultsLock lock, List<String> ownSuffixes) {
    this.finalDir = finalDir;
    this.tempDir = lock.workingFolder();
    this.lock = lock;
    this.ownSuffixes = List.copyOf(ownSuffixes);
  }

  /** Starts a results folder at {@code finalDir} with no input files to protect (see {@link #create(Path, String, Path...)}). */
  public static ResultsFolder create(Path finalDir) {
    return create(finalDir, "command");
  }

  /**
   * Checks {@code finalDir} ({@link ResultsTarget#check}), locks it for {@code command} and starts its
   * working folder {@code <finalDir>.partial}, which {@link #commit()} will put at {@code finalDir}.
   * The leftovers of a crashed run in the working folder are removed; an interrupted sweep's or
   * calibration's are refused (only {@code sweep --resume} or {@code calibrate --resume} continues
   * them).
   *
   * @param command the command, named to a second command that finds the folder locked
   * @param inputs the files the command reads, which {@code finalDir} must not contain
   * @throws OutputException if the folder may not be written or another command holds it
   */
  public static ResultsFolder create(Path finalDir, String command, Path... inputs) {
    return create(finalDir, command, List.of(), inputs);
  }

  /**
   * As {@link #create(Path, String, Path...)}, for a folder whose files this program may replace
   * without a manifest listing them: files directly in it whose names end with one of
   * {@code ownSuffixes} (the {@code .png} and {@code .svg} of an experiment's {@code charts/}).
   */
  public static ResultsFolder create(Path finalDir, String command, List<String> ownSuffixes, Path... inputs) {
    Path target = ResultsTarget.check(finalDir, ownSuffixes, inputs);
    ResultsLock lock = ResultsLock.acquire(target, command);
    try {
      ResultsTarget.clearLeftovers(lock.workingFolder());
      return new ResultsFolder(target, lock, ownSuffixes);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Where the folder will be once committed (absolute). */
  public Path target() {
    return finalDir;
  }

  /** The temporary folder being filled; pass it to writers that take a folder. */
  public Path directory() {
    ensureOpen();
    return tempDir;
  }

  /**
   * The path of file {@code name} inside the temporary folder, to write into. {@code name} is
   * relative and may contain sub-folders (created here); it may not leave the folder.
   */
  public Path file(String name) {
    Objects.requireNonNull(name, "name");
    ensureOpen();
    if (name.isBlank()) {
      throw new IllegalArgumentException("a file name must not be empty");
    }
    Path relative = tempDir.getFileSystem().getPath(name);
    Path resolved = tempDir.resolve(relative).normalize();
    if (relative.isAbsolute() || !resolved.startsWith(tempDir) || resolved.equals(tempDir)) {
      throw new IllegalArgumentException("file name '" + name + "' must stay inside the results folder");
    }
    Path parent = resolved.getParent();
    if (!parent.equals(tempDir)) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new OutputException("cannot create folder " + parent + ": " + e.getMessage(), e);
      }
    }
    return resolved;
  }

  /**
   * Moves the finished folder into place. An existing folder at the target is first moved aside,
   * then the new one is renamed in, then the old one is deleted; if the rename fails the old one
   * is put back.
   *
   * @return the final folder
   * @throws OutputException if the folder cannot be moved into place (the temporary folder is
   *     then still there, and {@link #close()} deletes it)
   */
  public Path commit() {
    ensureOpen();
    replace(tempDir, finalDir, ownSuffixes);
    state = State.COMMITTED;
    lock.close();
    return finalDir;
  }

  /**
   * Moves a complete folder {@code source} into place at {@code finalDir}: in one rename if
   * nothing is there, else by moving the existing folder aside first and deleting it after (it is
   * put back if the second rename fails). For folders completed outside this class, such as a
   * sweep's working folder.
   */
  public static Path replace(Path source, Path finalDir) {
    return replace(source, finalDir, List.of());
  }

  private static Path replace(Path source, Path finalDir, List<String> ownSuffixes) {
    Path parent = finalDir.toAbsolutePath().normalize().getParent();
    String name = finalDir.getFileName().toString();
    if (!Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        moveAtomically(source, finalDir);
      } catch (IOException e) {
        throw new OutputException("cannot move results into " + finalDir + ": " + e, e);
      }
      removeLockFile(finalDir);
      return finalDir;
    }
    // Checked again just before: files may have been put there while the command ran.
    try {
      ResultsTarget.checkReplaceable(finalDir.toAbsolutePath().normalize(), ownSuffixes);
    } catch (OutputException e) {
      throw new OutputException(e.getMessage() + " (the new results are complete in " + source + ")", e);
    }
    if (!Files.isDirectory(finalDir)) {
      throw new OutputException("cannot write results to " + finalDir + ": a file with that name exists and is not a folder");
    }
    Path holder = createUnique(parent, "." + name + ".old-", true);
    Path aside = holder.resolve(name);
    try {
      moveAtomically(finalDir, aside);
    } catch (IOException e) {
      deleteQuietly(holder);
      throw new OutputException("cannot move the existing folder " + finalDir + " aside to replace it: " + e, e);
    }
    try {
      moveAtomically(source, finalDir);
    } catch (IOException e) {
      try {
        moveAtomically(aside, finalDir);
        deleteRecursively(holder);
      } catch (IOException restore) {
        e.addSuppressed(restore);
        throw new OutputException("cannot move results into " + finalDir + " (the previous folder is kept at "
            + aside + "): " + e, e);
      }
      throw new OutputException("cannot move results into " + finalDir + ": " + e, e);
    }
    removeLockFile(finalDir);
    try {
      deleteRecursively(holder);
    } catch (IOException e) {
      throw new OutputException("results are in " + finalDir + ", but the previous folder, moved to " + holder
          + ", cannot be deleted: " + e, e);
    }
    return finalDir;
  }

  /**
   * The lock file moved in with a working folder: removed (its process still holds the lock, which
   * it releases next).
   */
  private static void removeLockFile(Path folder) {
    try {
      Files.deleteIfExists(folder.resolve(ResultsLock.FILE));
    } catch (IOException e) {
      // a stale lock file is ignored by every check, and taken over by the next command
    }
  }

  /** Deletes the working folder and everything in it, and releases the lock; does nothing after a commit or abort. */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    try {
      ResultsTarget.deleteAllButLock(tempDir);
    } catch (IOException e) {
      throw new OutputException("cannot delete the working folder " + tempDir + ": " + e, e);
    } finally {
      lock.close();
    }
  }

  /** Aborts unless {@link #commit()} succeeded. */
  @Override
  public void close() {
    abort();
  }

  /**
   * Writes one file atomically: the bytes go to a temporary file in the same folder, are flushed
   * to disk, and the temporary file is renamed over {@code file}. Missing parent folders are
   * created.
   *
   * @throws OutputException if the file cannot be written
   */
  public static void writeAtomically(Path file, byte[] content) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Path target = file.toAbsolutePath().normalize();
    Path fileName = target.getFileName();
    Path parent = target.getParent();
    if (fileName == null || parent == null) {
      throw new OutputException("cannot write " + file + ": it is a file-system root, not a file name");
    }
    if (Files.isDirectory(target)) {
      throw new OutputException("cannot write " + target + ": a folder with that name exists");
    }
    ensureWritableFolder(parent);
    Path temp = createUnique(parent, "." + fileName + ".tmp-", false);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new OutputException("cannot write " + target + ": " + e, e);
    }
  }

  private void ensureOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("results folder for " + finalDir + " is already "
          + (state == State.COMMITTED ? "committed" : "aborted"));
    }
  }

  static void ensureWritableFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (FileAlreadyExistsException e) {
      throw new OutputException("cannot create folder " + folder + ": a file with that name (or one of its parents) exists and is not a folder", e);
    } catch (IOException e) {
      throw new OutputException("cannot create folder " + folder + ": " + e, e);
    }
    if (!Files.isDirectory(folder)) {
      throw new OutputException("cannot write into " + folder + ": it is not a folder");
    }
    if (!Files.isWritable(folder)) {
      throw new OutputException("cannot write into " + folder + ": permission denied (folder is not writable)");
    }
  }

  /** Creates a new, empty folder or file named {@code prefix<n>} in {@code parent}. */
  private static Path createUnique(Path parent, String prefix, boolean directory) {
    IOException last = null;
    for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
      Path candidate = parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
      try {
        return directory ? Files.createDirectory(candidate) : Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        last = e;
      } catch (IOException e) {
        throw new OutputException("cannot create a temporary " + (directory ? "folder" : "file") + " in " + parent + ": " + e, e);
      }
    }
    throw new OutputException("cannot create a temporary " + (directory ? "folder" : "file") + " in " + parent
        + ": no free name after " + MAX_NAME_ATTEMPTS + " attempts", last);
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a file or a folder tree without following symbolic links. */
  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteQuietly(Path path) {
    try {
      deleteRecursively(path);
    } catch (IOException ignored) {
      // best effort: the original failure is what the caller needs to see
    }
  }
}
