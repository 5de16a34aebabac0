package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nqpf.calibration.CalibrationRun;

/** Calibration files: defaults, the resolved file read back as the same calibration, refusals by key. */
class CalibrationLoaderTest {
  private static final String FILE = """
      name: c
      scenario: {firms: {count: 200}}
      steps: 10
      parameters:
        - {key: firms.soeShare, low: 0.01, high: 0.2}
        - {key: firms.soeSizeMultiplier, low: 1, high: 16, transform: LOG}
        - {key: firms.count, low: 100, high: 300}
      moments:
        - {statistic: share.firms, target: 0.95}
      """;

  @Test
  void defaultsAreTheDocumentedOnes() {
    CalibrationConfig c = CalibrationLoader.parse(FILE, false, Path.of("."));
    assertThat(c.replications()).isEqualTo(4);
    assertThat(c.masterSeed()).isZero();
    assertThat(c.budget()).isEqualTo(200);
    assertThat(c.population()).isZero();
    assertThat(c.bootstrap()).isEqualTo(200);
    assertThat(c.profile()).isEqualTo(new CalibrationConfig.Profile(11, 0.1));
    assertThat(c.fit()).isEqualTo(new CalibrationConfig.Fit(10, 1));
    // The middle of each range: arithmetic, geometric for LOG, whole for a whole-number key.
    assertThat(c.start()).containsExactly(0.105, 4.0, 200.0);
    assertThat(c.parameters().get(2).integer()).isTrue();
    assertThat(c.bootstrapWeights()).isTrue();
    assertThat(c.baseScenario().steps()).isEqualTo(10);
  }

  @Test
  void theResolvedFileReadsBackAsTheSameCalibration() {
    CalibrationConfig c = CalibrationLoader.parse(FILE, false, Path.of("."));
    String yaml = CalibrationRun.resolvedYaml(c);
    CalibrationConfig again = CalibrationLoader.parse(yaml, false, Path.of("."));
    assertThat(CalibrationRun.resolvedYaml(again)).isEqualTo(yaml);
    assertThat(again.baseScenario()).isEqualTo(c.baseScenario());
  }

  @Test
  void refusalsNameTheKey() {
    assertThatThrownBy(() -> CalibrationLoader.parse(FILE.replace("transform: LOG", "transfrom: LOG"), false, Path.of(".")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("parameters[1].transfrom").hasMessageContaining("did you mean 'transform'");
    assertThatThrownBy(() -> CalibrationLoader.parse(FILE.replace("low: 1, high: 16", "low: 0, high: 16"), false, Path.of(".")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("parameters[1].low").hasMessageContaining("LOG");
    assertThatThrownBy(() -> CalibrationLoader.parse(FILE.replace("high: 300}", "high: 300, start: 150.5}"), false, Path.of(".")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("parameters[2].start").hasMessageContaining("not whole");
    assertThatThrownBy(() -> CalibrationLoader.parse(FILE.replace("  - {statistic: share.firms, target: 0.95}\n", "  []\n"), false,
        Path.of("."))).isInstanceOf(ConfigException.class).hasMessageContaining("moments");
    assertThatThrownBy(() -> CalibrationLoader.parse(FILE.replace("key: firms.soeShare", "key: firms.soeSectors"), false,
        Path.of("."))).isInstanceOf(ConfigException.class).hasMessageContaining("parameters[0].key");
  }
}
