package org.nqpf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nqpf.stats.Replications;

class TargetTest {
  @Test
  void verdictsNeedTheWholeIntervalOnTheRightSide() {
    Target above = Target.above("x", "x", "x", 0.5, "ref");
    assertThat(above.verdict(Replications.of(new double[] {0.6, 0.62, 0.61}))).isEqualTo(Target.Verdict.PASS);
    assertThat(above.verdict(Replications.of(new double[] {0.45, 0.62, 0.61}))).isEqualTo(Target.Verdict.MISS);
    assertThat(above.verdict(Replications.of(new double[] {0.7}))).isEqualTo(Target.Verdict.MISS);
    Target band = Target.band("y", "y", "y", -0.25, -0.15, "ref");
    assertThat(band.verdict(Replications.of(new double[] {-0.2, -0.21, -0.19}))).isEqualTo(Target.Verdict.PASS);
    assertThat(band.verdict(Replications.of(new double[] {-0.1, -0.11, -0.12}))).isEqualTo(Target.Verdict.MISS);
    assertThat(band.targetText()).isEqualTo("[-0.25, -0.15]");
    assertThat(Target.info("z", "z", "z", "r").verdict(Replications.of(new double[] {1, 2})))
        .isEqualTo(Target.Verdict.INFO);
  }
}
