package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hints a newcomer's first mistakes get, each from the command line as a user types it (a
 * separate JVM running {@code nqpf}'s main, so that the exit code is the process's): the wrong kind
 * of file for the command, a misspelt parameter key or metric, and no command at all.
 */
class UsageHintsTest {

  @TempDir
  Path dir;

  /** Runs {@code nqpf ARGS} in a new JVM with the test's class path; its exit code and output. */
  static RunCommandTest.Outcome launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("nqpf-out", ".txt");
    Path err = Files.createTempFile("nqpf-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("nqpf finished").isTrue();
      return new RunCommandTest.Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void sweepOnAScenarioFileSaysToUseRun() throws Exception {
    Path out = dir.resolve("out");
    RunCommandTest.Outcome outcome = launch("sweep", "experiments/baseline.yaml", "--out", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(outcome.err()).contains("this is a scenario file").contains("use `run`").contains("'seed'");
    assertThat(outcome.err().lines().count()).isEqualTo(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void runOnAnExperimentFileSaysToUseSweep() throws Exception {
    Path out = dir.resolve("out");
    RunCommandTest.Outcome outcome = launch("run", "experiments/guarantees.yaml", "--out", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(outcome.err()).contains("this is an experiment file").contains("use `sweep`").contains("'scenario'");
    assertThat(out).doesNotExist();
  }

  @Test
  void aCalibrationFileForSweepOrRunAndAnExperimentOrScenarioFileForCalibrateNameTheirCommand() throws Exception {
    Path out = dir.resolve("out");
    String[][] cases = {
        {"sweep", "experiments/calibrate-shares.yaml", "this is a calibration file", "use `calibrate`"},
        {"run", "experiments/calibrate-shares.yaml", "this is a calibration file", "use `calibrate`"},
        {"calibrate", "experiments/guarantees.yaml", "this is an experiment file", "use `sweep`"},
        {"calibrate", "experiments/baseline.yaml", "this is a scenario file", "use `run`"},
    };
    for (String[] c : cases) {
      RunCommandTest.Outcome outcome = launch(c[0], c[1], "--out", out.toString());
      assertThat(outcome.exitCode()).as(c[0] + " " + c[1]).isEqualTo(Main.EXIT_BAD_INPUT);
      assertThat(outcome.err()).as(c[0] + " " + c[1]).contains(c[2]).contains(c[3]);
      assertThat(outcome.err().lines().count()).isEqualTo(1);
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void aMisspeltParameterKeyGetsADidYouMean() throws Exception {
    Path file = smokeWith("key: policy.iprProtection", "key: policy.iprProtecton");
    RunCommandTest.Outcome outcome = launch("sweep", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(outcome.err()).contains("parameters[0].key: value \"policy.iprProtecton\" is not a numeric scenario key")
        .contains("(did you mean 'policy.iprProtection'?)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMisspeltMetricGetsADidYouMean() throws Exception {
    Path file = smokeWith("metrics: [innovations,", "metrics: [innovation,");
    RunCommandTest.Outcome outcome = launch("sweep", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(outcome.err()).contains("metrics[0]: value \"innovation\" is not a metric")
        .contains("(did you mean 'innovations'?)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void noCommandPrintsTheUsageAndExitsTwo() throws Exception {
    RunCommandTest.Outcome outcome = launch();
    assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(outcome.err()).contains("no command given").contains("Usage: nqpf").contains("sweep");
    assertThat(outcome.out()).isEmpty();
  }

  /** experiments/smoke.yaml with one piece of text replaced, in the test's folder. */
  private Path smokeWith(String text, String replacement) throws IOException {
    String smoke = Files.readString(Path.of("experiments/smoke.yaml"), StandardCharsets.UTF_8);
    assertThat(smoke).contains(text);
    return Files.writeString(dir.resolve("typo.yaml"), smoke.replace(text, replacement), StandardCharsets.UTF_8);
  }
}
