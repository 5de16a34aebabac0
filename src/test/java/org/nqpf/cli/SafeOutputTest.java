package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nqpf.cli.RunCommandTest.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqpf.cli.RunCommandTest.Outcome;

/**
 * Issue 23: hostile or careless input never loses a user's files. Each case runs the command line
 * as typed and checks the exit code, the first words of the message, that no file outside the
 * results folder changed (the tree's hashes before and after) and that no {@code .partial} is left.
 */
class SafeOutputTest {
  static final String TINY = """
      name: tiny
      seed: 3
      steps: 4
      burnIn: 1
      firms: {count: 40}
      universities: {count: 1}
      """;
  static final String TINY_EXPERIMENT = """
      name: small
      scenario: {firms: {count: 40}, universities: {count: 1}}
      steps: 4
      burnIn: 1
      replications: 2
      masterSeed: 5
      parameters:
        - {key: policy.iprProtection, values: [0.0, 0.8]}
      metrics: [innovations, output, firms]
      """;

  static final String TINY_CALIBRATION = """
      name: cal
      base: ../scenarios/tiny.yaml
      replications: 2
      budget: 4
      parameters:
        - {key: firms.soeShare, low: 0.01, high: 0.2}
      moments:
        - {statistic: share.firms, target: 0.95, standardError: 0.01}
      profile: {points: 3, width: 0.1}
      fit: {replications: 2}
      """;

  @TempDir
  Path dir;

  /** Every file under {@code root} (symbolic links not followed) with its SHA-256, by relative name. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        String name = root.relativize(p).toString();
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          hashes.put(name + "/", "folder");
        } else {
          hashes.put(name, sha256(p));
        }
      }
    }
    return hashes;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertNoPartial(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      assertThat(paths.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
    }
  }

  /** Runs {@code args}, and checks exit 2, the first words, an unchanged tree and no .partial. */
  private Outcome assertRefused(String firstWords, String... args) throws IOException {
    Map<String, String> before = tree(dir);
    Outcome outcome = execute(args);
    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err()).startsWith(firstWords).doesNotContain("\tat ");
    assertThat(outcome.err().strip().lines()).as("one line").hasSize(1);
    assertThat(tree(dir)).isEqualTo(before);
    assertNoPartial(dir);
    return outcome;
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private Path userFolder(String name) throws IOException {
    write(name + "/thesis.tex", "\\chapter{One}");
    write(name + "/sub/data.csv", "a,b\n1,2\n");
    return dir.resolve(name);
  }

  // ------------------------------------------------------------------ output folders

  @Test
  void runOutTheScenariosOwnFolderIsRefused() throws IOException {
    Path scenario = write("work/ok.yaml", TINY);
    write("work/thesis.tex", "\\chapter{One}");
    write("work/sub/data.csv", "1,2\n");
    assertRefused("error: cannot write results to", "run", scenario.toString(), "--out", dir.resolve("work").toString());
  }

  @Test
  void runOutAFolderHoldingOnlyTheScenarioIsRefused() throws IOException {
    Path scenario = write("sc/ok.yaml", TINY);
    Outcome outcome = assertRefused("error: cannot write results to", "run", scenario.toString(), "--out",
        dir.resolve("sc").toString());
    assertThat(outcome.err()).contains("it holds the input");
  }

  @Test
  void runOutAFolderAboveTheScenarioIsRefused() throws IOException {
    Path scenario = write("project/scenarios/ok.yaml", TINY);
    assertRefused("error: cannot write results to", "run", scenario.toString(), "--out", dir.resolve("project").toString());
  }

  @Test
  void sweepOutAFolderOfUserFilesIsRefusedBeforeAnyRun() throws IOException {
    Path experiment = write("proj2/smoke.yaml", TINY_EXPERIMENT);
    write("proj2/thesis.tex", "\\chapter{One}");
    assertRefused("error: cannot write results to", "sweep", experiment.toString(), "--out", dir.resolve("proj2").toString(),
        "--quiet");
    Path elsewhere = userFolder("elsewhere");
    Outcome outcome = assertRefused("error: cannot write results to", "sweep", experiment.toString(), "--out",
        elsewhere.toString(), "--quiet");
    assertThat(outcome.err()).contains("not a results folder written by nqpf", "sub/data.csv, thesis.tex");
  }

  @Test
  void calibrateOutAFolderOfUserFilesOrAnInputsFolderIsRefusedBeforeAnyRun() throws IOException {
    write("project/scenarios/tiny.yaml", TINY);
    Path calibration = write("project/calibrations/cal.yaml", TINY_CALIBRATION);
    Path mine = userFolder("mine");
    Outcome outcome = assertRefused("error: cannot write results to", "calibrate", calibration.toString(), "--out",
        mine.toString(), "--quiet");
    assertThat(outcome.err()).contains("not a results folder written by nqpf", "sub/data.csv, thesis.tex");
    // The calibration file's folder, the base scenario's folder and a folder above both.
    for (String out : new String[] {"project/calibrations", "project/scenarios", "project"}) {
      assertThat(assertRefused("error: cannot write results to", "calibrate", calibration.toString(), "--out",
          dir.resolve(out).toString(), "--quiet").err()).as(out).contains("it holds the input");
    }
    // A calibration's own results folder is replaced; one holding a user's file is not.
    Path results = dir.resolve("results");
    assertThat(execute("calibrate", calibration.toString(), "--out", results.toString(), "--quiet").exitCode()).isZero();
    assertThat(execute("calibrate", calibration.toString(), "--out", results.toString(), "--quiet").exitCode()).isZero();
    write("results/notes.md", "my notes");
    assertThat(assertRefused("error: cannot write results to", "calibrate", calibration.toString(), "--out",
        results.toString(), "--quiet").err()).contains("does not list (notes.md)");
  }

  @Test
  void validateOutAFolderOfUserFilesIsRefusedBeforeAnyRun() throws IOException {
    Path scenario = write("tiny.yaml", TINY);
    Path mine = userFolder("mine");
    assertRefused("error: cannot write results to", "validate", scenario.toString(), "--replications", "2",
        "--out", mine.toString(), "--quiet");
  }

  @Test
  void mergeOutAFolderOfUserFilesIsRefused() throws IOException {
    Path experiment = write("small.yaml", TINY_EXPERIMENT);
    for (int i = 0; i < 2; i++) {
      Outcome shard = execute("sweep", experiment.toString(), "--shard", i + "/2", "--out",
          dir.resolve("shards/shard-" + i).toString(), "--quiet");
      assertThat(shard.exitCode()).as(shard.err()).isZero();
    }
    Path mine = userFolder("mine");
    assertRefused("error: cannot write results to", "merge", dir.resolve("shards/shard-0").toString(),
        dir.resolve("shards/shard-1").toString(), "--out", mine.toString(), "--quiet");
    // Merging into the folder that holds the shards would delete them.
    assertRefused("error: cannot write results to", "merge", dir.resolve("shards/shard-0").toString(),
        dir.resolve("shards/shard-1").toString(), "--out", dir.resolve("shards").toString(), "--quiet");
  }

  @Test
  void chartKeepsAUserFileInChartsAndRefuses() throws IOException {
    Path experiment = write("small.yaml", TINY_EXPERIMENT);
    Path results = dir.resolve("results");
    assertThat(execute("sweep", experiment.toString(), "--out", results.toString(), "--quiet").exitCode()).isZero();
    write("results/charts/notes.md", "my notes on the charts");
    assertRefused("error: cannot write results to", "chart", results.toString(), "--quiet");
  }

  @Test
  void aPartialFolderThatIsNotNqpfsIsRefused() throws IOException {
    Path scenario = write("tiny.yaml", TINY);
    write("out.partial/draft.txt", "mine");
    Map<String, String> before = tree(dir);
    Outcome outcome = execute("run", scenario.toString(), "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("error: cannot write results to").contains("out.partial exists and was not made by nqpf");
    assertThat(tree(dir)).isEqualTo(before);
  }

  @Test
  void aResultsFolderIsReplacedAndNothingElseChanges() throws IOException {
    Path scenario = write("tiny.yaml", TINY);
    userFolder("neighbour");
    Path out = dir.resolve("out");
    assertThat(execute("run", scenario.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    Map<String, String> before = tree(dir);
    assertThat(execute("run", scenario.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    Map<String, String> after = tree(dir);
    before.keySet().removeIf(name -> name.startsWith("out/"));
    after.keySet().removeIf(name -> name.startsWith("out/"));
    assertThat(after).isEqualTo(before);
    assertNoPartial(dir);
  }

  // ------------------------------------------------------------------ checkpoints

  @ParameterizedTest
  @ValueSource(strings = {"huge-long-array.ckpt", "nested-hashsets.ckpt", "priorityqueue-reverseorder.ckpt",
      "badattributevalueexp.ckpt"})
  void aForgedCheckpointIsRefusedAsForged(String name) throws IOException {
    Path forged = dir.resolve(name);
    try (InputStream in = SafeOutputTest.class.getResourceAsStream("/forged/" + name)) {
      Files.write(forged, in.readAllBytes());
    }
    Outcome outcome = assertRefused("error: cannot resume from " + forged + ": refused, it is not a checkpoint this model"
        + " writes", "run", "--resume-from", forged.toString(), "--out", dir.resolve("resumed").toString(), "--quiet");
    assertThat(outcome.err()).doesNotContain("incompatible version");
  }

  // ------------------------------------------------------------------ scenario and experiment files

  @ParameterizedTest
  @ValueSource(strings = {"comment", "string"})
  void aFiftyMegabyteSingleLineScenarioIsRefusedAtOnce(String kind) throws IOException {
    Path file = dir.resolve(kind + ".yaml");
    byte[] line = new byte[50_000_000];
    java.util.Arrays.fill(line, (byte) 'x');
    try (var out = Files.newOutputStream(file)) {
      out.write((kind.equals("comment") ? "# " : "name: \"").getBytes(StandardCharsets.US_ASCII));
      out.write(line);
      out.write((kind.equals("comment") ? "\n" : "\"\n").getBytes(StandardCharsets.US_ASCII));
    }
    long started = System.nanoTime();
    assertRefused("error: invalid configuration: scenario file " + file + " has 5000", "run", file.toString(), "--out",
        dir.resolve("out").toString(), "--quiet");
    // Measured, not asserted (docs/SECURITY.md quotes it).
    System.out.printf("50 MB single-line scenario (%s) refused in %.3f s%n", kind, (System.nanoTime() - started) / 1e9);
  }

  @Test
  void aGridOfMillionsOfPointsIsRefusedBeforeItIsBuilt() throws IOException {
    StringBuilder yaml = new StringBuilder("name: huge\nparameters:\n");
    String[] keys = {"policy.iprProtection", "demography.entryRate", "policy.taxRate"};
    int[] counts = {100, 100, 478};
    for (int k = 0; k < keys.length; k++) {
      yaml.append("  - {key: ").append(keys[k]).append(", values: [");
      for (int v = 0; v < counts[k]; v++) {
        yaml.append(v == 0 ? "" : ", ").append(0.4 * v / counts[k]);
      }
      yaml.append("]}\n");
    }
    Path file = write("huge.yaml", yaml.toString());
    Outcome outcome = assertRefused("error: invalid configuration: parameters: the grid has 100 × 100 × 478 = 4780000 points",
        "sweep", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(outcome.err()).contains("more than the 100000 a design may have");
  }

  @Test
  void aBaseThatIsNotAScenarioIsRefusedWithoutQuotingIt() throws IOException {
    write("secret.txt", "root:x:0:0:secret-contents:/root:/bin/bash\n");
    Path experiment = write("exp.yaml", "name: pw\nbase: secret.txt\n");
    Outcome outcome = assertRefused("error: invalid configuration: base: scenario file", "sweep", experiment.toString(),
        "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(outcome.err()).contains("is a text of", "not shown").doesNotContain("secret-contents").doesNotContain("root:x");
  }

  @Test
  void anEmptyScenarioRunsTheDefaultsAndSaysSo() throws IOException {
    Path empty = write("empty.yaml", "# nothing here yet\n");
    Outcome outcome = execute("run", empty.toString(), "--steps", "2", "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.err()).startsWith("note: scenario file " + empty + " sets no key");
    assertNoPartial(dir);
  }

  @Test
  void aSobolSampleCountThatIsNotAPowerOfTwoIsWarnedOf() throws IOException {
    Path experiment = write("sobol.yaml", TINY_EXPERIMENT.replace("  - {key: policy.iprProtection, values: [0.0, 0.8]}",
        "  - {key: policy.iprProtection, distribution: {type: UNIFORM, low: 0.0, high: 0.8}}")
        .replace("replications: 2", "replications: 1\ndesign: {type: SOBOL, samples: 3}"));
    Outcome outcome = execute("sweep", experiment.toString(), "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.err()).startsWith("warning: design.samples 3 is not a power of two").contains("N = 2 or 4");
    assertNoPartial(dir);
  }

  // ------------------------------------------------------------------ verify

  @Test
  void verifyNamesACorruptedConfig() throws IOException {
    Path out = dir.resolve("out");
    assertThat(execute("run", write("tiny.yaml", TINY).toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    Files.writeString(out.resolve("config.yaml"), "seed: [unclosed\n");
    Map<String, String> before = tree(dir);
    Outcome outcome = execute("verify", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("MISMATCH config.yaml: " + out.resolve("config.yaml") + " cannot be read");
    assertThat(tree(dir)).isEqualTo(before);
  }

  @Test
  void verifyMentionsAFileTheManifestDoesNotList() throws IOException {
    Path out = dir.resolve("out");
    assertThat(execute("run", write("tiny.yaml", TINY).toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    write("out/notes.txt", "mine");
    Outcome outcome = execute("verify", out.toString());
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).startsWith("warning: " + out.resolve("notes.txt") + " is not listed in the manifest");
    assertThat(out.resolve("notes.txt")).hasContent("mine");
  }
}
