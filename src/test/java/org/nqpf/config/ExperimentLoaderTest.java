package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentLoaderTest {
  @TempDir
  Path dir;

  private ExperimentConfig parse(String yaml) {
    return ExperimentLoader.parse(yaml, false, dir);
  }

  @Test
  void theSmokeExperimentLoads() {
    ExperimentConfig e = ExperimentLoader.load(Path.of("experiments/smoke.yaml"));
    assertThat(e.name()).isEqualTo("smoke");
    assertThat(e.replications()).isEqualTo(2);
    assertThat(e.baseScenario().firms().count()).isEqualTo(150);
    assertThat(e.baseScenario().steps()).isEqualTo(20);
    assertThat(e.baseScenario().name()).isEqualTo("smoke");
    assertThat(ExperimentLoader.points(e.design(), e.parameters())).isEqualTo(4);
  }

  @Test
  void aBaseFileIsReadRelativeToTheExperimentAndOverridden() throws Exception {
    Files.writeString(dir.resolve("base.yaml"), "firms: {count: 321}\npolicy: {taxRate: 0.2}\n");
    ExperimentConfig e = parse("name: x\nbase: base.yaml\nscenario: {policy: {taxRate: 0.3}}\nsteps: 7\n");
    assertThat(e.baseScenario().firms().count()).isEqualTo(321);
    assertThat(e.baseScenario().policy().taxRate()).isEqualTo(0.3);
    assertThat(e.baseScenario().steps()).isEqualTo(7);
  }

  @Test
  void rangesLandExactlyOnTheirDecimalSteps() {
    ExperimentConfig e = parse("name: x\nparameters:\n  - {key: policy.taxRate, range: {from: 0.0, to: 0.3, step: 0.1}}\n");
    assertThat(e.parameters().get(0).values()).containsExactly(0.0, 0.1, 0.2, 0.3);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "name: x\\nreplicatons: 2                                                        | replicatons | did you mean 'replications'",
      "name: x\\nreplications: 0                                                       | replications | [1, 1000000]",
      "name: x\\nparameters: [{key: policy.nothing, values: [1]}]                      | parameters[0].key | not a numeric scenario key",
      "name: x\\nparameters: [{key: name, values: [1]}]                                | parameters[0].key | not a numeric scenario key",
      "name: x\\nparameters: [{key: policy.taxRate, values: [0.1, 1.5]}]               | parameters[0] | value 1.5 is not allowed for policy.taxRate",
      "name: x\\nparameters: [{key: firms.count, values: [10.5]}]                      | parameters[0].values[0] | whole number",
      "name: x\\nparameters: [{key: policy.taxRate, distribution: {type: UNIFORM, low: 0, high: 1}}] | parameters[0] | GRID design needs values",
      "name: x\\ndesign: {type: SOBOL, samples: 8}\\nparameters: [{key: policy.taxRate, values: [0.1]}, {key: policy.taxRate, values: [0.2]}] | parameters[1].key | varied twice",
      "name: x\\ndesign: {type: LATIN_HYPERCUBE}                                       | design.samples | expected a whole number >= 2",
      "name: x\\ndesign: {type: FACTORIAL}                                             | design.type | GRID, RANDOM, LATIN_HYPERCUBE, SOBOL",
      "name: x\\nparameters: [{key: policy.taxRate, distribution: {type: LOG_UNIFORM, low: 0, high: 0.5}}]\\ndesign: {type: RANDOM, samples: 4} | parameters[0].distribution.low | low > 0",
      "name: x\\nparameters: [{key: policy.taxRate, values: [0.1], range: {from: 0, to: 1, step: 0.5}}] | parameters[0] | exactly one",
      "name: x\\nscenario: {firms: {count: -3}}                                         | scenario.firms.count | [1, 10000000]",
      "name: x\\nsteps: 0                                                              | steps | [1, 1000000]",
      "name: x\\ntimeSeries: TALL                                                      | timeSeries | WIDE, LONG, NONE",
      "name: ../x                                                                   | name | letters, digits",
  })
  void badExperimentsAreRefusedWithTheKeyPath(String yaml, String key, String message) {
    assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.keyPath()).isEqualTo(key);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @Test
  void tooManyRunsAreRefusedUpFront() {
    assertThatThrownBy(() -> parse("name: x\nreplications: 1000000\nparameters:\n"
        + "  - {key: policy.taxRate, range: {from: 0.0, to: 0.2, step: 0.01}}\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains("runs; expected at most"));
  }
}
