package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.cli.RunCommandTest.Outcome;

/**
 * {@code --set KEY=VALUE} on {@code run}, {@code sweep} and {@code gui}, end to end: the resolved
 * config and the manifest record it, a file with the same values gives the same bytes, {@code verify}
 * reruns the folder, and a bad assignment is refused with exit code 2 and nothing written.
 */
class SetOptionTest {
  /** A small economy made without a file: the what-if the option is for. */
  private static final String[] SMALL = {"--set", "name=tiny", "--set", "seed=3", "--set", "steps=30", "--set", "burnIn=5",
      "--set", "firms.count=120", "--set", "universities.count=2"};
  private static final String EXPERIMENT = """
      name: tiny
      scenario: {firms: {count: 80}, universities: {count: 2}}
      steps: 8
      burnIn: 2
      replications: 2
      masterSeed: 99
      parameters:
        - {key: policy.iprProtection, values: [0.0, 0.8]}
      metrics: [innovations, output, firms]
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String[] run(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(SMALL));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", out.toString(), "--quiet"));
    return args.toArray(String[]::new);
  }

  private static List<String> setField(Path folder) throws IOException {
    JsonNode manifest = JSON.readTree(Files.readString(folder.resolve("manifest.json"), StandardCharsets.UTF_8));
    assertThat(manifest.get("set")).as("manifest.json's set").isNotNull();
    List<String> set = new ArrayList<>();
    manifest.get("set").forEach(node -> set.add(node.asText()));
    return set;
  }

  private void assertNothingWritten(Path out) throws IOException {
    assertThat(out).doesNotExist();
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
    }
  }

  @Test
  void anAssignmentReachesTheResolvedConfigAndTheManifestAndRerunsTheSame() throws IOException {
    Path out = dir.resolve("subsidy");
    Outcome outcome = RunCommandTest.execute(run(out, "--set", "policy.rdSubsidyRate=0.3", "--set", "mechanisms.ai=DECISION"));
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    String config = Files.readString(out.resolve("config.yaml"), StandardCharsets.UTF_8);
    assertThat(config).contains("  rdSubsidyRate: 0.3\n", "  ai: \"DECISION\"\n", "  count: 120\n");
    assertThat(setField(out)).containsExactly("name=tiny", "seed=3", "steps=30", "burnIn=5", "firms.count=120",
        "universities.count=2", "policy.rdSubsidyRate=0.3", "mechanisms.ai=DECISION");

    Path again = dir.resolve("again");
    assertThat(RunCommandTest.execute(run(again, "--set", "policy.rdSubsidyRate=0.3", "--set", "mechanisms.ai=DECISION"))
        .exitCode()).isZero();
    for (String name : List.of("config.yaml", "timeseries.csv", "summary.json", "innovations.png")) {
      assertThat(Files.readAllBytes(again.resolve(name))).as(name).isEqualTo(Files.readAllBytes(out.resolve(name)));
    }

    Outcome verified = RunCommandTest.execute("verify", out.toString());
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).contains("timeseries.csv: identical", "verified: every output matches");
  }

  @Test
  void aFileWithTheSameValuesGivesTheSameBytesAndAnAssignmentOverridesTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("tiny.yaml"), """
        name: tiny
        seed: 3
        steps: 30
        burnIn: 5
        firms: {count: 120}
        universities: {count: 2}
        policy: {rdSubsidyRate: 0.3}
        """, StandardCharsets.UTF_8);
    Path fromFile = dir.resolve("file");
    assertThat(RunCommandTest.execute("run", file.toString(), "--out", fromFile.toString(), "--quiet").exitCode()).isZero();
    Path fromSet = dir.resolve("set");
    assertThat(RunCommandTest.execute(run(fromSet, "--set", "policy.rdSubsidyRate=0.3")).exitCode()).isZero();
    for (String name : List.of("config.yaml", "timeseries.csv", "summary.json")) {
      assertThat(Files.readAllBytes(fromSet.resolve(name))).as(name).isEqualTo(Files.readAllBytes(fromFile.resolve(name)));
    }
    assertThat(setField(fromFile)).isEmpty();

    Path over = dir.resolve("over");
    assertThat(RunCommandTest.execute("run", file.toString(), "--set", "policy.rdSubsidyRate=0.1", "--out", over.toString(),
        "--quiet").exitCode()).isZero();
    assertThat(Files.readString(over.resolve("config.yaml"), StandardCharsets.UTF_8)).contains("  rdSubsidyRate: 0.1\n")
        .contains("  count: 120\n");
  }

  @Test
  void anUnknownKeyIsRefusedAsInAFileWithExitTwoAndNothingWritten() throws Exception {
    Path out = dir.resolve("unknown");
    Outcome outcome = UsageHintsTest.launch("run", "--set", "policy.rdSubsidyRate=0.3", "--set", "firms.cuont=500", "--out",
        out.toString());
    assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(outcome.err()).startsWith("error: invalid configuration: --set firms.cuont=500: unknown key"
        + " (did you mean 'count'?); allowed keys here: ").contains(" count, ");
    assertThat(outcome.err().lines().count()).isEqualTo(1);
    assertThat(outcome.out()).isEmpty();
    assertNothingWritten(out);
  }

  @Test
  void aValueOutOfRangeOrAMalformedArgumentIsRefusedNamingIt() throws IOException {
    Path out = dir.resolve("bad");
    String[][] cases = {
        {"policy.taxRate=1.5", "error: invalid configuration: --set policy.taxRate=1.5: value 1.5 is out of range;"
            + " expected a probability in [0, 1]"},
        {"mechanisms.ai=MAYBE", "error: invalid configuration: --set mechanisms.ai=MAYBE: value \"MAYBE\" (text) is not"
            + " allowed; expected one of OFF, DIFFUSION, DECISION"},
        {"policy.taxRate", "error: invalid configuration: --set: value \"policy.taxRate\" has no '='; expected KEY=VALUE"},
        {"=0.3", "error: invalid configuration: --set: value \"=0.3\" has no key before '='"},
    };
    for (String[] c : cases) {
      Outcome outcome = RunCommandTest.execute(run(out, "--set", c[0]));
      assertThat(outcome.exitCode()).as(c[0]).isEqualTo(Main.EXIT_BAD_INPUT);
      assertThat(outcome.err()).as(c[0]).startsWith(c[1]);
      assertNothingWritten(out);
    }
    Outcome twice = RunCommandTest.execute(run(out, "--seed", "4"));
    assertThat(twice.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(twice.err()).startsWith("error: invalid configuration: --seed: value 4 and --set seed=3 both set the seed");
    assertNothingWritten(out);
  }

  @Test
  void sweepLaysThemOverTheBaseScenarioRecordsThemAndVerifies() throws IOException {
    Path file = Files.writeString(dir.resolve("tiny.yaml"), EXPERIMENT, StandardCharsets.UTF_8);
    Path out = dir.resolve("sweep");
    Outcome outcome = RunCommandTest.execute("sweep", file.toString(), "--set", "policy.rdSubsidyRate=0.3", "--set", "steps=6",
        "--threads", "2", "--out", out.toString(), "--quiet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    String experiment = Files.readString(out.resolve("experiment.yaml"), StandardCharsets.UTF_8);
    assertThat(experiment).contains("  steps: 6\n", "    rdSubsidyRate: 0.3\n", "    count: 80\n");
    assertThat(Files.readAllLines(out.resolve("timeseries.csv"))).hasSize(1 + 2 * 2 * 8);
    assertThat(setField(out)).containsExactly("policy.rdSubsidyRate=0.3", "steps=6");
    Outcome verified = RunCommandTest.execute("verify", out.toString());
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();

    // The same experiment written in a file gives the same files, the report included.
    Path same = Files.writeString(dir.resolve("same.yaml"), EXPERIMENT.replace("steps: 8", "steps: 6")
        .replace("universities: {count: 2}", "universities: {count: 2}, policy: {rdSubsidyRate: 0.3}"), StandardCharsets.UTF_8);
    Path fromFile = dir.resolve("file");
    assertThat(RunCommandTest.execute("sweep", same.toString(), "--threads", "2", "--out", fromFile.toString(), "--quiet")
        .exitCode()).isZero();
    for (String name : List.of("experiment.yaml", "runs.csv", "timeseries.csv", "summary.csv", "report.html")) {
      assertThat(Files.readAllBytes(out.resolve(name))).as(name).isEqualTo(Files.readAllBytes(fromFile.resolve(name)));
    }

    Path varied = dir.resolve("varied");
    Outcome refused = RunCommandTest.execute("sweep", file.toString(), "--set", "policy.iprProtection=0.5", "--out",
        varied.toString(), "--quiet");
    assertThat(refused.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(refused.err()).startsWith("error: invalid configuration: --set policy.iprProtection=0.5: the key"
        + " policy.iprProtection is varied by the experiment (parameters[0])");
    assertNothingWritten(varied);
  }

  @Test
  void guiChecksThemBeforeItLooksForADisplay() {
    Outcome unknown = RunCommandTest.execute("gui", "--set", "firms.cuont=500");
    assertThat(unknown.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(unknown.err()).startsWith("error: invalid configuration: --set firms.cuont=500: unknown key (did you mean 'count'?)");
    Outcome withCheckpoint = RunCommandTest.execute("gui", "--set", "firms.count=500", "--checkpoint", "x.ckpt");
    assertThat(withCheckpoint.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(withCheckpoint.err()).contains("--checkpoint: value x.ckpt cannot be combined with --set firms.count=500");
  }
}
