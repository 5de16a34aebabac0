package org.nqpf.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the policy-effects outputs print. */
class EffectsOutputTest {
  @Test
  void theChartDrawsLabelsInLatinScriptOnly() {
    assertThat(EffectsOutput.displayable("Financing guarantees (融资担保)")).isEqualTo("Financing guarantees");
    assertThat(EffectsOutput.displayable("R&D subsidy (a, b)")).isEqualTo("R&D subsidy (a, b)");
    assertThat(EffectsOutput.displayable("楼下创业")).isEqualTo("楼下创业");
  }

  @Test
  void theTableShowsFourSignificantDigits() {
    assertThat(EffectsOutput.format(0.0005)).isEqualTo("0.0005000");
    assertThat(EffectsOutput.format(247.51)).isEqualTo("247.5");
    assertThat(EffectsOutput.format(-2.959e-5)).isEqualTo("-2.959e-5");
    assertThat(EffectsOutput.format(Double.NaN)).isEqualTo("NaN");
  }
}
