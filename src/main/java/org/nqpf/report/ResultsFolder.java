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
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic output for a run: every file is written into a hidden temporary sibling of the results
 * folder ({@code .<name>.tmp-<n>} in the same parent), and {@link #commit()} renames it into place
 * in one step, so a reader (or a crashed run) never leaves a half-written results folder behind.
 * A results folder that already exists is replaced only once the new one is complete. Closing
 * without committing deletes the temporary folder.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * try (ResultsFolder out = ResultsFolder.create(Path.of("results", scenario.name()))) {
 *   TimeSeriesCsv.write(series, out.file("timeseries.csv"));
 *   Manifest.write(out.directory(), scenario, command);
 *   out.commit();
 * }
 * }</pre>
 *
 * <p>The temporary folder is made with {@link Files#createDirectory} under a random unused name
 * rather than {@link Files#createTempDirectory}, so the committed folder gets the user's usual
 * permissions (umask) instead of the owner-only permissions of a temp directory.
 */
public final class ResultsFolder implements AutoCloseable {

  private static final int MAX_NAME_ATTEMPTS = 100;

  private enum State { OPEN, COMMITTED, ABORTED }

  private final Path finalDir;
  private final Path tempDir;
  private State state = State.OPEN;

  private ResultsFolder(Path finalDir, Path tempDir) {
    this.finalDir = finalDir;
    this.tempDir = tempDir;
  }

  /**
   * Starts a results folder that {@link #commit()} will put at {@code finalDir}.
   *
   * @throws OutputException if {@code finalDir} exists and is not a folder, or its parent cannot
   *     be created or is not writable
   */
  public static ResultsFolder create(Path finalDir) {
    Path target = checkTarget(finalDir);
    Path temp = createUnique(target.getParent(), "." + target.getFileName() + ".tmp-", true);
    return new ResultsFolder(target, temp);
  }

  /**
   * Checks that results can be written to {@code finalDir} — a folder name, not an existing file,
   * with a writable parent (created if missing) — and returns it absolute and normalised.
   */
  public static Path checkTarget(Path finalDir) {
    Objects.requireNonNull(finalDir, "finalDir");
    Path target = finalDir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (target.getFileName() == null || parent == null) {
      throw new OutputException("cannot write results to " + finalDir + ": it is a file-system root, not a folder name");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target)) {
      throw new OutputException("cannot write results to " + target + ": a file with that name exists and is not a folder");
    }
    ensureWritableFolder(parent);
    return target;
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
    replace(tempDir, finalDir);
    state = State.COMMITTED;
    return finalDir;
  }

  /**
   * Moves a complete folder {@code source} into place at {@code finalDir}: in one rename if
   * nothing is there, else by moving the existing folder aside first and deleting it after (it is
   * put back if the second rename fails). For folders completed outside this class, such as a
   * sweep's working folder.
   */
  public static Path replace(Path source, Path finalDir) {
    Path parent = finalDir.toAbsolutePath().normalize().getParent();
    String name = finalDir.getFileName().toString();
    if (!Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        moveAtomically(source, finalDir);
      } catch (IOException e) {
        throw new OutputException("cannot move results into " + finalDir + ": " + e, e);
      }
      return finalDir;
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
    try {
      deleteRecursively(holder);
    } catch (IOException e) {
      throw new OutputException("results are in " + finalDir + ", but the previous folder, moved to " + holder
          + ", cannot be deleted: " + e, e);
    }
    return finalDir;
  }

  /** Deletes the temporary folder and everything in it; does nothing after a commit or abort. */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    try {
      deleteRecursively(tempDir);
    } catch (IOException e) {
      throw new OutputException("cannot delete the temporary folder " + tempDir + ": " + e, e);
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

  private static void ensureWritableFolder(Path folder) {
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
