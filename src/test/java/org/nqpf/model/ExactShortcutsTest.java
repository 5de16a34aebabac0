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
}
