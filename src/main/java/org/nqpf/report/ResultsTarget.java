package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where results may be written: the checks a results folder's target passes before any command
 * runs ({@link #check}), the files of a folder its manifest does not list, which replacing it
 * would lose, and the leftovers of a crashed command in a working folder ({@link #clearLeftovers}).
 */
public final class ResultsTarget {
  /** Files of this program's own that a results folder may hold though its manifest does not list them. */
  private static final Set<String> OWN_FILES = Set.of(Manifest.FILE_NAME, Manifest.REPORT, Manifest.SWEEP_STATE,
      ResultsLock.FILE);
  /** The largest manifest read to decide whether a folder is a results folder (a sweep's is a few KB). */
  private static final long MAX_MANIFEST_BYTES = 16L << 20;
  /** How many unlisted files a refusal names. */
  private static final int NAMED_FILES = 3;

  private ResultsTarget() {}

  /**
   * Checks that results can be written to {@code finalDir} and returns it absolute and normalised:
   * a folder name, not an existing file, with a writable parent (created if missing); if it exists,
   * empty or a results folder of this program's that holds no file its manifest does not list (so
   * that replacing it loses nothing of the user's); not the folder of any of {@code inputs}, nor
   * above it; and its {@code <finalDir>.partial}, if any, one of this program's.
   *
   * @throws OutputException naming the folder and why, before anything has run
   */
  public static Path check(Path finalDir, Path... inputs) {
    return check(finalDir, List.of(), inputs);
  }

  static Path check(Path finalDir, List<String> ownSuffixes, Path... inputs) {
    Objects.requireNonNull(finalDir, "finalDir");
    Path target = finalDir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (target.getFileName() == null || parent == null) {
      throw new OutputException("cannot write results to " + finalDir + ": it is a file-system root, not a folder name");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target)) {
      throw new OutputException("cannot write results to " + target + ": a file with that name exists and is not a folder");
    }
    for (Path input : inputs) {
      if (input != null && contains(target, input)) {
        throw new OutputException("cannot write results to " + target + ": it holds the input " + input
            + ", which replacing the folder would delete; choose an output folder outside the input's folder");
      }
    }
    checkReplaceable(target, ownSuffixes);
    Path work = ResultsLock.workingFolder(target);
    if (Files.exists(work, LinkOption.NOFOLLOW_LINKS) && !isOwnWorkingFolder(work)) {
      throw new OutputException("cannot write results to " + target + ": " + work + " exists and was not made by nqpf"
          + " (no " + ResultsLock.FILE + " or " + Manifest.SWEEP_STATE + " in it); move it away or choose another --out");
    }
    ResultsFolder.ensureWritableFolder(parent);
    return target;
  }

  /** Whether folder {@code target} is, or is above, the folder that holds {@code input}. */
  private static boolean contains(Path target, Path input) {
    Path absolute = input.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    if (folder != null && folder.startsWith(target)) {
      return true;
    }
    try {
      Path real = input.toRealPath().getParent();
      Path realTarget = Files.exists(target) ? target.toRealPath() : target;
      return real != null && real.startsWith(realTarget);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Refuses an existing folder that is not empty and not a results folder this program wrote, or
   * that holds files its manifest does not list.
   */
  static void checkReplaceable(Path target, List<String> ownSuffixes) {
    if (!Files.isDirectory(target)) {
      return;
    }
    List<String> present = new ArrayList<>(filesIn(target));
    present.removeIf(name -> !name.contains("/") && ownSuffixes.stream().anyMatch(name::endsWith));
    if (present.isEmpty()) {
      return;
    }
    Set<String> listed = listedFiles(target);
    String whose = "its manifest";
    if (listed == null) {
      Set<String> parentListed = target.getParent() == null ? null : listedFiles(target.getParent());
      if (parentListed != null) {
        String prefix = target.getFileName() + "/";
        listed = new HashSet<>();
        for (String name : parentListed) {
          if (name.startsWith(prefix)) {
            listed.add(name.substring(prefix.length()));
          }
        }
        whose = "the manifest of " + target.getParent();
      }
    }
    if (listed == null) {
      throw new OutputException("cannot write results to " + target + ": it is not empty and not a results folder"
          + " written by nqpf (no nqpf manifest.json), so replacing it would delete files such as "
          + named(present) + "; choose a new or empty folder");
    }
    List<String> extra = new ArrayList<>();
    for (String name : present) {
      if (!listed.contains(name) && !OWN_FILES.contains(name)) {
        extra.add(name);
      }
    }
    if (!extra.isEmpty()) {
      throw new OutputException("cannot write results to " + target + ": it holds " + extra.size() + " file"
          + (extra.size() == 1 ? "" : "s") + " that " + whose + " does not list (" + named(extra)
          + "), which replacing it would delete; move them out or choose another folder");
    }
  }

  /** The first few names, with any character that is not printable shown as '?' (the message is one line). */
  private static String named(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String name : names.subList(0, Math.min(NAMED_FILES, names.size()))) {
      shown.add(name.replaceAll("[\\p{Cntrl}]", "?"));
    }
    return String.join(", ", shown) + (names.size() > NAMED_FILES ? " and " + (names.size() - NAMED_FILES) + " more" : "");
  }

  /** Every entry under {@code folder} but folders: '/'-separated relative names, sorted. */
  private static List<String> filesIn(Path folder) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
        List<String> parts = new ArrayList<>();
        folder.relativize(p).forEach(part -> parts.add(part.toString()));
        names.add(String.join("/", parts));
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new OutputException("cannot write results to " + folder + ": its files cannot be listed (" + e.getMessage()
          + "); choose another folder", e);
    }
    Collections.sort(names);
    return names;
  }

  /**
   * The files that {@code folder}'s {@code manifest.json} lists, if it is a manifest this program
   * wrote ({@code tool.name} is nqpf); null otherwise.
   */
  static Set<String> listedFiles(Path folder) {
    Path manifest = folder.resolve(Manifest.FILE_NAME);
    try {
      if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS) || Files.size(manifest) > MAX_MANIFEST_BYTES) {
        return null;
      }
      JsonNode root = JsonOutput.MAPPER.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
      if (root == null || !"nqpf".equals(root.path("tool").path("name").asText()) || !root.path("files").isArray()) {
        return null;
      }
      Set<String> names = new HashSet<>();
      for (JsonNode entry : root.path("files")) {
        names.add(entry.path("name").asText());
      }
      return names;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The files in results folder {@code folder} that its manifest ({@code manifest}, read by the
   * caller) does not list and that are not this program's own ({@code manifest.json},
   * {@code report.html}, a lock or sweep state): a user's files, which keep it from being replaced.
   */
  public static List<String> unlistedFiles(Path folder, JsonNode manifest) {
    Set<String> listed = new HashSet<>();
    for (JsonNode entry : manifest.path("files")) {
      listed.add(entry.path("name").asText());
    }
    List<String> extra = new ArrayList<>();
    for (String name : filesIn(folder)) {
      if (!listed.contains(name) && !OWN_FILES.contains(name)) {
        extra.add(name);
      }
    }
    return extra;
  }

  /** A working folder that this program made: it holds its lock file or a sweep's state. */
  private static boolean isOwnWorkingFolder(Path work) {
    if (!Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (Files.exists(work.resolve(ResultsLock.FILE), LinkOption.NOFOLLOW_LINKS)
        || Files.exists(work.resolve(Manifest.SWEEP_STATE), LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(work)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Removes what a crashed command left in working folder {@code work}, keeping the lock file.
   *
   * @throws OutputException if it holds an interrupted sweep's state, which {@code sweep --resume}
   *     continues, or an interrupted calibration, which {@code calibrate --resume} continues
   */
  public static void clearLeftovers(Path work) {
    if (Files.exists(work.resolve(Manifest.SWEEP_STATE), LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputException("cannot write results to " + finalFolder(work) + ": an interrupted sweep is in " + work
          + " (no process is writing it); continue it with sweep --resume, or remove the folder to start again");
    }
    if (Files.exists(work.resolve(Manifest.CALIBRATION_CONFIG), LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputException("cannot write results to " + finalFolder(work) + ": an interrupted calibration is in "
          + work + " (no process is writing it); continue it with calibrate --resume, or remove the folder to start"
          + " again");
    }
    try {
      deleteAllButLock(work);
    } catch (IOException e) {
      throw new OutputException("cannot clear the working folder " + work + ": " + e, e);
    }
  }

  static void deleteAllButLock(Path work) throws IOException {
    if (!Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> entries = Files.list(work)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().equals(ResultsLock.FILE)) {
          ResultsFolder.deleteRecursively(entry);
        }
      }
    }
  }

  private static Path finalFolder(Path work) {
    String name = work.getFileName().toString();
    return work.resolveSibling(name.substring(0, name.length() - ".partial".length()));
  }
}
