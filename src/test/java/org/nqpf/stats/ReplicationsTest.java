package org.nqpf.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.nqpf.stats.Replications.Stats;

/** Replication statistics against hand computations with t-table quantiles. */
class ReplicationsTest {

  @Test
  void fiveValuesMatchTheHandComputation() {
    // mean 3, sd = √(10/4), t(0.975; 4) = 2.776445 (table), half width = 2.776445 · sd / √5.
    Stats stats = Replications.of(new double[] {4, 1, 5, 3, 2});
    assertThat(stats.n()).isEqualTo(5);
    assertThat(stats.mean()).isEqualTo(3.0);
    assertThat(stats.sd()).isCloseTo(1.5811388300841898, within(1e-15));
    assertThat(stats.ciLow()).isCloseTo(1.036756838, within(1e-8));
    assertThat(stats.ciHigh()).isCloseTo(4.963243161, within(1e-8));
  }

  @Test
  void eightValuesWithTiesMatchTheHandComputation() {
    // mean 5, sd = √(32/7) = 2.138090, t(0.975; 7) = 2.364624 (table).
    Stats stats = Replications.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
    assertThat(stats.n()).isEqualTo(8);
    assertThat(stats.mean()).isEqualTo(5.0);
    assertThat(stats.sd()).isCloseTo(2.138089935299395, within(1e-14));
    assertThat(stats.ciLow()).isCloseTo(3.212512082, within(1e-8));
    assertThat(stats.ciHigh()).isCloseTo(6.787487918, within(1e-8));
  }

  @Test
  void otherLevelsUseTheirOwnQuantile() {
    // 90%: t(0.95; 4) = 2.131847 (table); half width = 2.131847 · √2.5 / √5 = 1.507443.
    Stats stats = Replications.of(new double[] {1, 2, 3, 4, 5}, 0.90);
    assertThat(stats.ciHigh() - stats.mean()).isCloseTo(1.507443, within(1e-6));
    assertThat(stats.mean() - stats.ciLow()).isCloseTo(1.507443, within(1e-6));
    assertThatThrownBy(() -> Replications.of(new double[] {1, 2}, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyReplicationsApproachTheNormalQuantile() {
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? 1 : -1;
    }
    Stats stats = Replications.of(values);
    // sd = √(1000/999); t(0.975; 999) = 1.962341 (table).
    double halfWidth = 1.962341 * Math.sqrt(1000.0 / 999) / Math.sqrt(1000);
    assertThat(stats.mean()).isEqualTo(0.0);
    assertThat(stats.ciHigh()).isCloseTo(halfWidth, within(1e-6));
  }

  @Test
  void oneReplicationHasAMeanButNoSpreadOrInterval() {
    Stats stats = Replications.of(new double[] {7.25});
    assertThat(stats.n()).isEqualTo(1);
    assertThat(stats.mean()).isEqualTo(7.25);
    assertThat(stats.sd()).isNaN();
    assertThat(stats.ciLow()).isNaN();
    assertThat(stats.ciHigh()).isNaN();
  }

  @Test
  void noReplicationIsAllNaN() {
    Stats stats = Replications.of(new double[0]);
    assertThat(stats.n()).isZero();
    assertThat(stats.mean()).isNaN();
    assertThat(stats.sd()).isNaN();
    assertThat(stats.ciLow()).isNaN();
    assertThat(stats.ciHigh()).isNaN();
  }

  @Test
  void equalValuesHaveZeroSpreadAndAPointInterval() {
    Stats stats = Replications.of(new double[] {0.1, 0.1, 0.1});
    assertThat(stats.mean()).isEqualTo(0.1);
    assertThat(stats.sd()).isZero();
    assertThat(stats.ciLow()).isEqualTo(0.1);
    assertThat(stats.ciHigh()).isEqualTo(0.1);
  }

  @Test
  void theIntervalCoversTheTrueMeanAbout95PercentOfTheTimeForSmallSamples() {
    // With n = 4 a normal (z) interval would cover only about 86%; the t interval 95%.
    MersenneTwister random = new MersenneTwister(20261127L);
    int trials = 4000;
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      double[] values = new double[4];
      for (int i = 0; i < values.length; i++) {
        values[i] = 10 + 3 * random.nextGaussian();
      }
      Stats stats = Replications.of(values);
      if (stats.ciLow() <= 10 && 10 <= stats.ciHigh()) {
        covered++;
      }
    }
    // 95% ± 3 binomial standard errors (0.34%).
    assertThat(covered / (double) trials).isBetween(0.94, 0.96);
  }

  @Test
  void theSameValuesGiveTheSameBits() {
    double[] values = {0.3, 1e-9, 2.5e6, -4, 17.125};
    Stats a = Replications.of(values);
    Stats b = Replications.of(values.clone());
    assertThat(Double.doubleToRawLongBits(a.mean())).isEqualTo(Double.doubleToRawLongBits(b.mean()));
    assertThat(Double.doubleToRawLongBits(a.sd())).isEqualTo(Double.doubleToRawLongBits(b.sd()));
    assertThat(Double.doubleToRawLongBits(a.ciLow())).isEqualTo(Double.doubleToRawLongBits(b.ciLow()));
    assertThat(Double.doubleToRawLongBits(a.ciHigh())).isEqualTo(Double.doubleToRawLongBits(b.ciHigh()));
  }
}
