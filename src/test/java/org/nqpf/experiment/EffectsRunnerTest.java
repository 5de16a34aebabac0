package org.nqpf.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nqpf.config.EffectsConfig.Outcome;
import org.nqpf.config.EffectsConfig.Sign;

/** The statistics of a policy-effects table on numbers worked by hand. */
class EffectsRunnerTest {
  private static double[][] column(double... values) {
    double[][] runs = new double[values.length][Outcome.values().length];
    for (int r = 0; r < values.length; r++) {
      runs[r][Outcome.privateSmeCredit.ordinal()] = values[r];
    }
    return runs;
  }

  @Test
  void pairedDifferencesGetAStudentInterval() {
    // differences 1, 2, 3: mean 2, sd 1, standard error 1/√3, t(2) at 97.5% = 4.302653
    EffectsRunner.Effect e = EffectsRunner.effect(Outcome.privateSmeCredit, column(10, 20, 30), column(11, 22, 33), Sign.POSITIVE);
    assertThat(e.difference()).isEqualTo(2.0);
    assertThat(e.fromMean()).isEqualTo(20.0);
    assertThat(e.toMean()).isEqualTo(22.0);
    double half = 4.302652729911275 / Math.sqrt(3);
    assertThat(e.low()).isCloseTo(2 - half, within(1e-9));
    assertThat(e.high()).isCloseTo(2 + half, within(1e-9));
    assertThat(e.replications()).isEqualTo(3);
    assertThat(e.model()).isEqualTo(Sign.NONE);
    assertThat(e.agreement()).isEqualTo("not significant");
  }

  @Test
  void theSignIsTheIntervalsAndAgreementComparesItWithTheExpectedOne() {
    double[][] from = column(0, 0, 0, 0);
    double[][] down = column(-1, -1.1, -0.9, -1);
    assertThat(EffectsRunner.effect(Outcome.privateSmeCredit, from, down, Sign.NEGATIVE).agreement()).isEqualTo("yes");
    assertThat(EffectsRunner.effect(Outcome.privateSmeCredit, from, down, Sign.POSITIVE).agreement()).isEqualTo("no");
    assertThat(EffectsRunner.effect(Outcome.privateSmeCredit, from, down, Sign.NONE).agreement()).isEqualTo("no (an effect)");
    assertThat(EffectsRunner.effect(Outcome.privateSmeCredit, from, down, null).agreement()).isEqualTo("—");
    assertThat(EffectsRunner.effect(Outcome.privateSmeCredit, from, down, null).model()).isEqualTo(Sign.NEGATIVE);
  }

  @Test
  void aReplicationWithoutTheOutcomeIsLeftOutOfThePairs() {
    EffectsRunner.Effect e = EffectsRunner.effect(Outcome.privateSmeCredit, column(1, Double.NaN, 1), column(2, 5, 2), null);
    assertThat(e.replications()).isEqualTo(2);
    assertThat(e.difference()).isEqualTo(1.0);
    EffectsRunner.Effect none = EffectsRunner.effect(Outcome.privateSmeCredit, column(1, Double.NaN), column(2, 5), null);
    assertThat(none.difference()).isNaN();
    assertThat(none.model()).isEqualTo(Sign.NONE);
  }

  @Test
  void theSlopeIsOrdinaryLeastSquaresOnTheStep() {
    assertThat(EffectsRunner.slope(new double[] {1, 3, 5, 7})).isEqualTo(2.0);
    assertThat(EffectsRunner.slope(new double[] {0, 1, 0, 1})).isCloseTo(0.2, within(1e-12));
  }
}
