package org.nqpf.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nqpf.config.ConfigException;
import org.nqpf.config.FirmsConfig;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;

/** The up-front memory estimate: which key it blames, and that it lets ordinary runs through. */
class MemoryEstimateTest {
  private static final long GIB = 1024L * 1024 * 1024;

  private static Scenario withFirms(int count) {
    return ScenarioLoader.parse("firms: {count: " + count + "}", false);
  }

  @Test
  void theBaselineFitsEasilyInHalfAGibibyte() {
    MemoryEstimate.check(Scenario.DEFAULT, 1, GIB / 2);
    assertThat(MemoryEstimate.of(Scenario.DEFAULT).total()).isLessThan(GIB / 64);
  }

  @Test
  void aMillionFirmsFitInEightGibibytesAndTenMillionDoNot() {
    MemoryEstimate.check(withFirms(1_000_000), 1, 8 * GIB);
    assertThatThrownBy(() -> MemoryEstimate.check(withFirms(FirmsConfig.DEFAULT.count() * 10_000), 1, 8 * GIB))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.keyPath()).isEqualTo("firms.count");
          assertThat(e.getMessage()).contains("value 10000000", "GiB of memory", "8.0 GiB this JVM may use", "-Xmx");
        });
  }

  @Test
  void theEstimateGrowsLinearlyWithFirms() {
    double small = MemoryEstimate.of(withFirms(10_000)).firms();
    double large = MemoryEstimate.of(withFirms(100_000)).firms();
    assertThat(large / small).isEqualTo(10.0);
  }

  @Test
  void concurrentRunsCountTogetherAndTheMessageSaysThreads() {
    Scenario scenario = withFirms(200_000);
    long fitsOnce = (long) (MemoryEstimate.FIXED_BYTES + MemoryEstimate.of(scenario).total() * 1.5);
    MemoryEstimate.check(scenario, 1, fitsOnce);
    assertThatThrownBy(() -> MemoryEstimate.check(scenario, 4, fitsOnce))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("firms.count")
        .hasMessageContaining("times 4 runs at once")
        .hasMessageContaining("--threads");
  }

  @Test
  void aVeryLongRunOfATinyEconomyBlamesTheSteps() {
    Scenario scenario = ScenarioLoader.parse("steps: 1000000\nfirms: {count: 10}", false);
    assertThatThrownBy(() -> MemoryEstimate.check(scenario, 1, GIB))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.keyPath()).isEqualTo("steps"));
  }
}
