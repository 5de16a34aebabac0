package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

/** The fast decisions give StrictMath's, for random draws and for draws on the boundary itself. */
class ExactShortcutsTest {

  @Test
  void aSuccessOfProbabilityOneMinusExpIsDecidedAsStrictMathDecidesIt() {
    MersenneTwisterFast random = new MersenneTwisterFast(20261205);
    for (int i = 0; i < 200_000; i++) {
      double rate = StrictMath.exp(-12 + 16 * random.nextDouble());
      double u = random.nextDouble();
      assertThat(ExactShortcuts.below1MinusExp(u, rate)).isEqualTo(u < 1 - StrictMath.exp(-rate));
      // On the boundary and one ulp either side the fast value cannot decide: the strict one does.
      double p = 1 - StrictMath.exp(-rate);
      for (double v : new double[] {p, Math.nextDown(p), Math.nextUp(p)}) {
        assertThat(ExactShortcuts.below1MinusExp(v, rate)).as("u %s, rate %s", v, rate).isEqualTo(v < p);
      }
    }
  }

  @Test
  void aGeometricGapIsTheFloorStrictMathGives() {
    MersenneTwisterFast random = new MersenneTwisterFast(20261206);
    for (int i = 0; i < 100_000; i++) {
      double p = 1e-6 + (0.5 - 1e-6) * random.nextDouble();
      double logQ = StrictMath.log1p(-p);
      double v = 1 - random.nextDouble();
      assertThat(ExactShortcuts.floorLogRatio(v, logQ)).isEqualTo(StrictMath.floor(StrictMath.log(v) / logQ));
      // v = (1 − p)^k and its neighbours put the quotient on or next to the whole number k.
      int k = 1 + random.nextInt(60);
      double onK = StrictMath.exp(k * logQ);
      for (double w : new double[] {onK, Math.nextDown(onK), Math.nextUp(onK)}) {
        if (w > 0 && w <= 1) {
          assertThat(ExactShortcuts.floorLogRatio(w, logQ)).as("v %s, p %s", w, p)
              .isEqualTo(StrictMath.floor(StrictMath.log(w) / logQ));
        }
      }
    }
    assertThat(ExactShortcuts.floorLogRatio(1.0, StrictMath.log1p(-0.3))).isEqualTo(StrictMath.floor(0.0 / StrictMath.log1p(-0.3)));
  }

  /**
   * An index drawn over weights taken with Math's logarithm and exponential is the one the strict
   * weights give for the same draw, or undecided (−1); draws on a boundary between two weights,
   * and one ulp either side, are left undecided or decided as the strict weights decide them.
   */
  @Test
  void anIndexDrawnOverFastWeightsIsTheOneTheStrictWeightsGive() {
    MersenneTwisterFast random = new MersenneTwisterFast(20261207);
    int n = 5;
    double[] fast = new double[n];
    double[] strict = new double[n];
    int randomDraws = 0;
    int randomDecided = 0;
    for (int i = 0; i < 100_000; i++) {
      for (int k = 0; k < n; k++) {
        boolean empty = random.nextDouble() < 0.1;
        double distance = 60 * random.nextDouble();
        double ratio = StrictMath.exp(4 * random.nextGaussian());
        fast[k] = empty ? 0 : Math.exp(-distance / 10) / (0.01 + Math.abs(Math.log(ratio)));
        strict[k] = empty ? 0 : StrictMath.exp(-distance / 10) / (0.01 + Math.abs(StrictMath.log(ratio)));
      }
      double total = 0;
      double[] boundaries = new double[n];
      for (int k = 0; k < n; k++) {
        total += strict[k];
        boundaries[k] = total;
      }
      if (total <= 0) {
        continue;
      }
      double[] rs = {random.nextDouble(), boundaries[0] / total, Math.nextDown(boundaries[1] / total),
          Math.nextUp(boundaries[2] / total), boundaries[3] / total};
      for (int j = 0; j < rs.length; j++) {
        double r = rs[j];
        if (r >= 1) {
          continue;
        }
        int index = ExactShortcuts.indexAt(fast, n, r);
        if (index >= 0) {
          assertThat(index).as("draw %s", r).isEqualTo(EcosystemModel.indexAt(strict, n, r));
        }
        if (j == 0) {
          randomDraws++;
          randomDecided += index >= 0 ? 1 : 0;
        }
      }
    }
    // The fast weights decide all but the draws within 1e-9 of a boundary.
    assertThat(randomDecided).isGreaterThan(randomDraws - randomDraws / 1000);
  }
}
