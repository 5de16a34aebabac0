package org.nqpf.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of one results folder {@code <out>}: an operating-system file lock
 * ({@link FileChannel#tryLock()}) on {@value #FILE} inside the folder's working folder
 * {@code <out>.partial/}, held from the start of a command to its end, so that a second command
 * on the same folder is refused at once, naming the process that holds it. The lock file holds
 * that process's id and command (for the message only: the operating system's lock is what
 * counts). The operating system releases the lock when its process ends in any way, so the lock
 * file left by a crash ({@code kill -9}) is stale: the next command gets the lock and takes the
 * folder over.
 *
 * <p>On POSIX systems closing any channel on a locked file releases the process's lock on it, so
 * this class never opens the lock file twice in one process: locks held in this process are
 * known from a table, and nothing else opens the lock file ({@link Manifest} does not list it).
 */
public final class ResultsLock implements AutoCloseable {
  /** The lock file's name inside {@code <out>.partial/}. */
  public static final String FILE = ".nqpf.lock";

  private static final int ATTEMPTS = 20;
  /** The working folders locked by this process, with what holds them. */
  private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

  private final Path work;
  private final FileChannel channel;
  private final FileLock lock;
  private final String previousHolder;
  private boolean released;

  private ResultsLock(Path work, FileChannel channel, FileLock lock, String previousHolder) {
    this.work = work;
    this.channel = channel;
    this.lock = lock;
    this.previousHolder = previousHolder;
  }

  /** The working folder of results folder {@code out}: {@code <out>.partial}, absolute. */
  public static Path workingFolder(Path out) {
    Path absolute = out.toAbsolutePath().normalize();
    if (absolute.getFileName() == null) {
      throw new OutputException("cannot write results to " + out + ": it is a file-system root, not a folder name");
    }
    return absolute.resolveSibling(absolute.getFileName() + ".partial");
  }

  /**
   * Locks results folder {@code out} for {@code command} (run, sweep, merge, ...), creating its
   * working folder if missing.
   *
   * @throws OutputException if another command holds the lock, naming its process id, or if the
   *     lock file cannot be made
   */
  public static ResultsLock acquire(Path out, String command) {
    Objects.requireNonNull(command, "command");
    Path work = workingFolder(out);
    Path file = work.resolve(FILE);
    String me = "pid " + ProcessHandle.current().pid() + " (" + command + ")";
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String inProcess = HELD.get(work);
      if (inProcess != null) {
        throw held(out, work, inProcess);
      }
      try {
        Files.createDirectories(work);
      } catch (IOException e) {
        throw new OutputException("cannot create the working folder " + work + ": " + e, e);
      }
      Object key = fileKey(file);
      FileChannel channel;
      try {
        if (key == null) {
          channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
          key = fileKey(file);
        } else {
          // Never through a symbolic link: the lock file is truncated and written.
          channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
      } catch (FileAlreadyExistsException | NoSuchFileException e) {
        continue; // made or removed by another process between our look and our open: look again
      } catch (IOException e) {
        throw new OutputException("cannot open the lock file " + file + ": " + e, e);
      }
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      } catch (IOException e) {
        closeQuietly(channel);
        throw new OutputException("cannot lock " + file + ": " + e, e);
      }
      if (lock == null) {
        String holder = read(channel);
        closeQuietly(channel);
        throw held(out, work, holder.isBlank() ? "another process" : holder);
      }
      // The path must still name the file we locked: a holder that finished may have removed it.
      if (key == null || !key.equals(fileKey(file))) {
        closeQuietly(channel);
        continue;
      }
      String previous = read(channel);
      try {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
      } catch (IOException e) {
        closeQuietly(channel);
        throw new OutputException("cannot write the lock file " + file + ": " + e, e);
      }
      HELD.put(work, me);
      return new ResultsLock(work, channel, lock, previous.isBlank() ? null : previous);
    }
    throw new OutputException("cannot lock " + file + ": it was made and removed " + ATTEMPTS
        + " times while trying; is a loop of commands writing " + out + "?");
  }

  /** The working folder this lock guards. */
  public Path workingFolder() {
    return work;
  }

  /**
   * What held the lock before, when a process ended without releasing it (a crash or a kill):
   * for example {@code pid 4711 (sweep)}; null when the lock file was new or left clean.
   */
  public String previousHolder() {
    return previousHolder;
  }

  /**
   * Releases the lock, and removes the working folder if it holds nothing but the lock file. A
   * working folder that still holds files (an interrupted sweep's) is kept, with its lock file,
   * which marks it as this program's: the next command takes it over.
   */
  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      if (Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
        boolean onlyTheLock;
        try (var entries = Files.list(work)) {
          onlyTheLock = entries.allMatch(entry -> entry.getFileName().toString().equals(FILE));
        }
        if (onlyTheLock) {
          Files.deleteIfExists(work.resolve(FILE));
          Files.deleteIfExists(work);
        } else {
          // Kept for a later command, saying who left it: this process, unless it only took over an
          // earlier one's folder and gave up (a refusal), when that earlier one still did.
          String left = previousHolder != null ? previousHolder : HELD.get(work);
          channel.truncate(0);
          channel.write(ByteBuffer.wrap((left + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        }
      }
    } catch (IOException e) {
      // best effort: the lock is released below whatever happens; a stale file is taken over later
    } finally {
      HELD.remove(work);
      try {
        lock.release();
      } catch (IOException e) {
        // the channel's close releases it too
      }
      closeQuietly(channel);
    }
  }

  private static OutputException held(Path out, Path work, String holder) {
    String who = holder.startsWith("pid ") && holder.contains("(")
        ? "another " + holder.substring(holder.indexOf('(') + 1, holder.lastIndexOf(')')) + " is writing it ("
            + holder.substring(0, holder.indexOf('(')).trim() + ")"
        : "another command is writing it (" + holder + ")";
    return new OutputException("cannot write results to " + out.toAbsolutePath().normalize() + ": " + who
        + ", holding the lock " + work.resolve(FILE) + "; wait for it to end, or choose another --out");
  }

  private static Object fileKey(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Object key = attributes.fileKey();
      return key != null ? key : file.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** The lock file's text through the channel already open (a second open would release a lock). */
  private static String read(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      int n = channel.read(buffer, 0);
      String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
      // Shown in a one-line message: its first line, printable characters only.
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).replaceAll("[^\\p{Print}]", "?");
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
