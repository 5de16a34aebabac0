package org.nqpf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;

/**
 * The {@code manifest.json} of a results folder: which tool version, Java, OS and library
 * versions made it, which configuration (by its {@link ScenarioLoader#hash} identity) and seed,
 * the command line, and the size and SHA-256 of every other file in the folder. It exists so a
 * results folder can be traced back to exactly what produced it and checked for tampering or
 * truncation later. It holds no timestamps, so re-running the same command on the same machine
 * gives the same manifest.
 *
 * <p>Write it last, after every other file, into the folder before {@link ResultsFolder#commit()}.
 */
public final class Manifest {

  /** An experiment's report, which shows the manifest and so is written after it; never listed. */
  public static final String REPORT = "report.html";

  /** A sweep's working state, present only until its folder is complete; never listed. */
  public static final String SWEEP_STATE = ".sweep-state.json";

  /**
   * A calibration's resolved configuration: in its working folder, the mark of an interrupted
   * calibration, which only {@code calibrate --resume} continues.
   */
  public static final String CALIBRATION_CONFIG = "calibration.yaml";

  /** The manifest's own file name; it is never listed in {@code files}. */
  public static final String FILE_NAME = "manifest.json";

  /** The default name of the resolved configuration file in a results folder. */
  public static final String CONFIG_FILE_NAME = "config.yaml";

  /** Classpath resource written by Maven resource filtering. */
  static final String BUILD_INFO_RESOURCE = "/org/nqpf/build-info.properties";

  /** Value used when the build information is missing or unfiltered (running from sources). */
  public static final String UNKNOWN_VERSION = "dev";

  /** The dependencies listed, in output order (keys of build-info.properties). */
  public static final List<String> DEPENDENCIES = List.of(
      "mason", "commons-math3", "jackson", "jfreechart", "jcommon", "picocli", "progressbar", "duckdb");

  private static final Map<String, String> BUILD_INFO = loadBuildInfo();

  private Manifest() {}

  /**
   * Writes {@code manifest.json} into {@code folder}, naming {@value #CONFIG_FILE_NAME} as the
   * resolved configuration.
   *
   * @throws IllegalArgumentException if {@code folder} holds no {@value #CONFIG_FILE_NAME}
   * @throws OutputException if the manifest cannot be written
   */
  public static void write(Path folder, Scenario scenario, String command) {
    write(folder, scenario, command, CONFIG_FILE_NAME);
  }

  /**
   * Writes a run's {@code manifest.json} into {@code folder}, naming {@value #CONFIG_FILE_NAME} as
   * the resolved configuration and recording the command line's {@code --set} assignments.
   *
   * @param sets the assignments as typed, in order (empty when none was given)
   */
  public static void write(Path folder, Scenario scenario, String command, List<String> sets) {
    write(folder, scenario, command, sets, 0);
  }

  /**
   * Writes a run's {@code manifest.json} as {@link #write(Path, Scenario, String, List)} does, with
   * a {@code firmPanel} field after {@code set} when {@code firmPanel} (the K of
   * {@code --firm-panel K}) is positive, so that {@code verify} reruns the panel too.
   */
  public static void write(Path folder, Scenario scenario, String command, List<String> sets, int firmPanel) {
    ObjectNode root = withSets(build(folder, scenario, command, CONFIG_FILE_NAME), sets);
    if (firmPanel > 0) {
      ObjectNode withPanel = JsonOutput.object();
      root.fields().forEachRemaining(field -> {
        withPanel.set(field.getKey(), field.getValue());
        if (field.getKey().equals("set")) {
          withPanel.put("firmPanel", firmPanel);
        }
      });
      root = withPanel;
    }
    ResultsFolder.writeAtomically(folder.resolve(FILE_NAME), JsonOutput.prettyBytes(root));
  }

  /**
   * The manifest {@code root} with a {@code set} field after the command: the {@code --set}
   * assignments as typed, in order, so that a reader sees what changed the configuration file's
   * keys (the resolved configuration holds their values).
   */
  public static ObjectNode withSets(ObjectNode root, List<String> sets) {
    ObjectNode withSets = JsonOutput.object();
    root.fields().forEachRemaining(field -> {
      withSets.set(field.getKey(), field.getValue());
      if (field.getKey().equals("command")) {
        ArrayNode set = withSets.putArray("set");
        sets.forEach(set::add);
      }
    });
    return withSets;
  }

  /**
   * Writes {@code manifest.json} into {@code folder}.
   *
   * @param configFileName the resolved configuration's file name (relative to {@code folder})
   * @throws IllegalArgumentException if that file is not in {@code folder}
   * @throws OutputException if the manifest cannot be written
   */
  public static void write(Path folder, Scenario scenario, String command, String configFileName) {
    ResultsFolder.writeAtomically(folder.resolve(FILE_NAME), JsonOutput.prettyBytes(build(folder, scenario, command, configFileName)));
  }

  /** The manifest for {@code folder} as JSON text (what {@link #write} writes). */
  public static String toJson(Path folder, Scenario scenario, String command, String configFileName) {
    return JsonOutput.pretty(build(folder, scenario, command, configFileName));
  }

  /** The manifest for {@code folder} as a JSON tree, keys in output order. */
  /**
   * Rewrites the {@code files} list of an existing manifest from the files now in the folder (for
   * example after {@code chart} redrew the charts), keeping every other field as it was.
   */
  public static void refreshFiles(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    ObjectNode root;
    try {
      root = (ObjectNode) JsonOutput.MAPPER.readTree(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException | ClassCastException e) {
      throw new OutputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    root.set("files", fileList(folder));
    ResultsFolder.writeAtomically(file, JsonOutput.prettyBytes(root));
  }

  private static ArrayNode fileList(Path folder) {
    ArrayNode files = JsonOutput.array();
    for (String name : listFiles(folder)) {
      Path file = folder.resolve(name);
      ObjectNode entry = files.addObject();
      entry.put("name", name);
      entry.put("bytes", size(file));
      entry.put("sha256", sha256(file));
    }
    return files;
  }

  public static ObjectNode build(Path folder, Scenario scenario, String command, String configFileName) {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(configFileName, "configFileName");
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("results folder " + folder + " does not exist or is not a folder");
    }
    if (!Files.isRegularFile(folder.resolve(configFileName), LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("configuration file " + configFileName + " is not in " + folder);
    }

    ObjectNode root = JsonOutput.object();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "nqpf");
    tool.put("version", buildInfo("version"));
    ObjectNode git = root.putObject("git");
    git.put("commit", buildInfo("git.commit"));
    git.put("dirty", buildInfo("git.dirty"));
    // Wall-clock times belong here, never in the data files: the process's start and now.
    root.put("started", java.time.Instant.ofEpochMilli(
        java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()).toString());
    root.put("finished", java.time.Instant.now().toString());
    ObjectNode java = root.putObject("java");
    java.put("vendor", System.getProperty("java.vendor", "unknown"));
    java.put("version", System.getProperty("java.version", "unknown"));
    ObjectNode os = root.putObject("os");
    os.put("name", System.getProperty("os.name", "unknown"));
    os.put("arch", System.getProperty("os.arch", "unknown"));
    ObjectNode dependencies = root.putObject("dependencies");
    for (String dependency : DEPENDENCIES) {
      dependencies.put(dependency, buildInfo(dependency));
    }
    ObjectNode config = root.putObject("config");
    config.put("file", configFileName.replace(folder.getFileSystem().getSeparator(), "/"));
    config.put("sha256", ScenarioLoader.hash(scenario));
    root.put("seed", scenario.seed());
    root.put("command", command);
    root.set("files", fileList(folder));
    return root;
  }

  /** A value from build-info.properties, or {@value #UNKNOWN_VERSION} when missing or unfiltered. */
  public static String buildInfo(String key) {
    return BUILD_INFO.getOrDefault(key, UNKNOWN_VERSION);
  }

  /** Lower-case hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      byte[] buffer = new byte[64 * 1024];
      while (in.read(buffer) >= 0) {
        // the digest sees every byte read
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The regular files under {@code folder} (recursively, symbolic links not followed) except the
   * top-level manifest, as '/'-separated relative names in code-point order.
   */
  static List<String> listFiles(Path folder) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
        List<String> parts = new ArrayList<>();
        folder.relativize(p).forEach(part -> parts.add(part.toString()));
        String name = String.join("/", parts);
        // Never the lock file: opening it (to hash it) would release its process's lock.
        if (!name.equals(FILE_NAME) && !name.equals(SWEEP_STATE) && !name.equals(REPORT) && !name.equals(ResultsLock.FILE)) {
          names.add(name);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    Collections.sort(names);
    return names;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> loadBuildInfo() {
    Properties properties = new Properties();
    try (InputStream in = Manifest.class.getResourceAsStream(BUILD_INFO_RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // unreadable build information: every value falls back to "dev"
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).trim();
      if (!value.isEmpty() && !value.contains("${")) {
        values.put(key, value);
      }
    }
    return Collections.unmodifiableMap(values);
  }
}
