package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.report.Manifest;

/**
 * Guards every output of every command, not only the model's dynamics (which {@link GoldenMasterTest}
 * guards): small runs of {@code sweep} (a grid from {@code experiments/smoke.yaml}, a Sobol design
 * with its Sobol indices, a Latin hypercube with its regression indices), {@code validate},
 * {@code calibrate} ({@code experiments/calibrate-smoke.yaml}), {@code effects} and {@code run
 * --matrices} must write files whose SHA-256 hashes are those committed in {@code
 * src/test/resources/guard/outputs.sha256}. A refactoring of what comes after the model must leave
 * them byte for byte; a change of output on purpose regenerates them with {@code mvn test
 * -Dtest=OutputsGuardTest -Dguard.update=true} and says why in the commit message. {@code
 * manifest.json} is left out (it records the clock, the command line and the commit), and so is the
 * commit in the manifest an experiment's report.html shows. The hash file has {@code sha256sum}'s
 * format, of the files so stripped.
 */
class OutputsGuardTest {
  private static final Path GUARD = Path.of("src/test/resources/guard");
  private static final Path HASHES = GUARD.resolve("outputs.sha256");
  private static final String UNGUARDED = Manifest.FILE_NAME;
  private static final Pattern COMMIT = Pattern.compile("(&quot;(?:commit|dirty)&quot;: &quot;)[^&]*(&quot;)");

  @TempDir
  Path dir;

  @Test
  void everyCommandsOutputsAreUnchanged() throws IOException {
    runs(
        List.of("sweep", "experiments/smoke.yaml", "--out", out("smoke"), "--quiet", "--threads", "2"),
        List.of("sweep", GUARD.resolve("sobol.yaml").toString(), "--out", out("sobol"), "--quiet", "--threads", "2"),
        List.of("sweep", GUARD.resolve("lhs.yaml").toString(), "--out", out("lhs"), "--quiet", "--threads", "2"),
        List.of("validate", GUARD.resolve("validation.yaml").toString(), "--replications", "2", "--out",
            out("validation"), "--quiet", "--threads", "2"),
        List.of("calibrate", "experiments/calibrate-smoke.yaml", "--out", out("calibrate"), "--quiet", "--threads", "2"),
        List.of("effects", GUARD.resolve("effects.yaml").toString(), "--out", out("effects"), "--quiet", "--threads", "2"),
        List.of("run", "src/test/resources/golden/scenario.yaml", "--matrices", "--out", out("run"), "--quiet"));
    Map<String, String> actual = hashes(dir.resolve("out"));
    if (Boolean.getBoolean("guard.update")) {
      StringBuilder text = new StringBuilder();
      actual.forEach((file, hash) -> text.append(hash).append("  ").append(file).append('\n'));
      Files.writeString(HASHES, text.toString(), StandardCharsets.UTF_8);
    }
    Map<String, String> expected = new TreeMap<>();
    for (String line : Files.readAllLines(HASHES, StandardCharsets.UTF_8)) {
      expected.put(line.substring(66), line.substring(0, 64));
    }
    assertThat(actual.keySet()).as("the files written").containsExactlyElementsOf(expected.keySet());
    List<String> drawn = new ArrayList<>();
    for (Map.Entry<String, String> file : expected.entrySet()) {
      if (file.getValue().equals(actual.get(file.getKey()))) {
        continue;
      }
      assertThat(isDrawn(file.getKey())).as(file.getKey() + " differs").isTrue();
      drawn.add(file.getKey());
    }
    // A chart's pixels and its SVG's text metrics depend on the machine's fonts (docs/OUTPUTS.md):
    // on a machine with other fonts only the charts may differ, and the test is skipped there.
    Assumptions.assumeTrue(drawn.isEmpty(),
        "charts differ (this machine's fonts may not be those the hashes were made with): " + drawn);
  }

  private String out(String name) {
    return dir.resolve("out").resolve(name).toString();
  }

  @SafeVarargs
  private static void runs(List<String>... commands) {
    for (List<String> command : commands) {
      RunCommandTest.Outcome outcome = RunCommandTest.execute(command.toArray(String[]::new));
      assertThat(outcome.exitCode()).as(command + ": " + outcome.err()).isZero();
    }
  }

  private static boolean isDrawn(String file) {
    return file.endsWith(".png") || file.endsWith(".svg");
  }

  /** Each file's SHA-256 by its path under {@code root} (with '/'), in the order of the paths. */
  static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.getFileName().toString().equals(UNGUARDED)) {
          continue;
        }
        String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        byte[] bytes = Files.readAllBytes(file);
        if (file.getFileName().toString().equals(Manifest.REPORT)) {
          bytes = withoutCommit(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        hashes.put(name, sha256(bytes));
      }
    }
    return hashes;
  }

  /**
   * An experiment's report.html shows its manifest, whose {@code git} block names the commit that
   * made it and whether the tree was dirty: the guard compares the rest.
   */
  static String withoutCommit(String html) {
    return COMMIT.matcher(html).replaceAll("$1-$2");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
