package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bench: refusals of bad options (exit 2, naming the option, the value and what is allowed) and a tiny model bench. */
class BenchCommandTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--sizes|50|--sizes|value 50 is not allowed",
      "--sizes|1000,abc|--sizes|'abc' is not a whole number",
      "--sizes|2000,2000|--sizes|given twice",
      "--sizes|20000000|--sizes|[100, 10000000]",
      "--rounds|0|--rounds|at least 1",
      "--warm-up|-1|--warm-up|at least 0",
      "--threads|0|--threads|at least 1",
      "--steps|0|--steps|[1, 1000000]",
      "--burn-in|-1|--burn-in|[0, 1000000]",
      "--what|speed|--what|expected all, model or sweep"})
  void badOptionsAreRefusedWithExitCodeTwo(String option, String value, String named, String message) {
    RunCommandTest.Outcome outcome = RunCommandTest.execute("bench", option, value);
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains(named).contains(message);
  }

  @Test
  void aNonNumericOptionIsRefusedByTheParser() {
    RunCommandTest.Outcome outcome = RunCommandTest.execute("bench", "--steps", "many");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--steps").contains("many");
  }

  @Test
  void modelBenchReportsEverySizeAndTheScalingExponent() {
    RunCommandTest.Outcome outcome = RunCommandTest.execute("bench", "--what", "model", "--sizes", "100,200", "--steps", "3",
        "--burn-in", "0", "--rounds", "1", "--warm-up", "700");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("first run after JVM start").contains("        100 ").contains("        200 ")
        .contains("200 firms, 2 universities").contains("scaling exponent of step time against firm count (100 to 200 firms)")
        .contains("x floor").contains("2 untimed run(s) first").contains("1 untimed run(s) first")
        .contains("memory floor: one field read from each of the").contains("scaling exponent of the memory floor's pass time");
  }

  @Test
  void theModelPartScalesTheScenarioItIsGiven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path scenario = dir.resolve("decision.yaml");
    java.nio.file.Files.writeString(scenario, "name: decision\nmechanisms: {ai: DECISION}\nuniversities: {count: 3}\n");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("bench", "--what", "model", "--scenario", scenario.toString(),
        "--sizes", "100", "--steps", "3", "--burn-in", "0", "--rounds", "1", "--warm-up", "0");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    // Universities scale with the scenario's own ratio: 3 per 1,000 firms, at least 1.
    assertThat(outcome.out()).contains("        100 ").contains("100 firms, 1 universit");
    RunCommandTest.Outcome refused = RunCommandTest.execute("bench", "--what", "model", "--scenario",
        dir.resolve("missing.yaml").toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("missing.yaml").contains("does not exist");
  }
}
