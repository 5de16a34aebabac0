package org.nqpf.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;
import org.nqpf.validation.DegreeDistribution;

/** The estimators on synthetic samples with known answers. */
class EstimatorsTest {

  private static double[] pareto(MersenneTwisterFast random, int n, double alpha, double xmin) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = xmin * StrictMath.pow(1 - random.nextDouble(), -1 / (alpha - 1));
    }
    return x;
  }

  private static double[] laplace(MersenneTwisterFast random, int n, double location, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble() - 0.5;
      x[i] = location - scale * Math.signum(u) * StrictMath.log(1 - 2 * Math.abs(u));
    }
    return x;
  }

  private static double[] normal(MersenneTwisterFast random, int n, double mean, double sd) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * random.nextGaussian();
    }
    return x;
  }

  @Test
  void powerLawRecoversTheExponentOfAParetoSample() {
    double[] x = pareto(new MersenneTwisterFast(11), 5000, 2.5, 1.0);
    PowerLawFit.Result fit = PowerLawFit.fitAbove(x, 1.0);
    assertThat(fit.alpha()).isCloseTo(2.5, within(3 * fit.standardError()));
    assertThat(fit.standardError()).isCloseTo(1.5 / Math.sqrt(5000), within(0.002));
    assertThat(fit.tail()).isEqualTo(5000);
  }

  @Test
  void powerLawChoosesTheCutOffAboveAUniformBody() {
    MersenneTwisterFast random = new MersenneTwisterFast(12);
    double[] tail = pareto(random, 3000, 2.0, 10.0);
    double[] x = new double[tail.length + 3000];
    System.arraycopy(tail, 0, x, 0, tail.length);
    for (int i = 0; i < 3000; i++) {
      x[tail.length + i] = 1 + 9 * random.nextDouble();
    }
    PowerLawFit.Result fit = PowerLawFit.fit(x);
    assertThat(fit.xmin()).isBetween(8.0, 13.0);
    assertThat(fit.alpha()).isCloseTo(2.0, within(0.1));
    assertThat(fit.n()).isEqualTo(6000);
    // The whole sample is a poor power law: its KS distance is larger than the chosen tail's.
    assertThat(PowerLawFit.fitAbove(x, 1.0).ks()).isGreaterThan(fit.ks());
  }

  @Test
  void hillRecoversTheTailIndexOfAParetoTailAboveAnyBody() {
    MersenneTwisterFast random = new MersenneTwisterFast(13);
    // A Pareto of CCDF index 1.06 (Axtell's) in the top tenth, above a uniform body below its x_min.
    double[] tail = pareto(random, 1000, 2.06, 10.0);
    double[] x = new double[10_000];
    System.arraycopy(tail, 0, x, 0, tail.length);
    for (int i = tail.length; i < x.length; i++) {
      x[i] = 1 + 8.9 * random.nextDouble();
    }
    // Hill's standard error is about ζ / √k: 1.06 / √999 ≈ 0.034.
    assertThat(PowerLawFit.hill(x, 0.0999)).isCloseTo(1.06, within(0.1));
    assertThat(PowerLawFit.hill(pareto(random, 5000, 3.0, 1.0), 0.1)).isCloseTo(2.0, within(0.2));
    assertThat(PowerLawFit.hill(new double[] {1, 2, 3}, 0.1)).as("one value in the tail").isNaN();
    assertThat(PowerLawFit.hill(new double[100], 0.1)).as("no positive value").isNaN();
    assertThat(PowerLawFit.hill(java.util.stream.DoubleStream.generate(() -> 5).limit(100).toArray(), 0.1))
        .as("all equal").isNaN();
  }

  @Test
  void vuongTestFavoursTheLognormalForALognormalSampleAndNotForAParetoSample() {
    MersenneTwisterFast random = new MersenneTwisterFast(13);
    double[] lognormal = new double[5000];
    for (int i = 0; i < lognormal.length; i++) {
      lognormal[i] = StrictMath.exp(random.nextGaussian());
    }
    PowerLawFit.Result onLognormal = PowerLawFit.fitAbove(lognormal, 1.0);
    LognormalFit.Result ln = LognormalFit.fit(lognormal, 1.0);
    assertThat(ln.mu()).isCloseTo(0.0, within(0.15));
    assertThat(ln.sigma()).isCloseTo(1.0, within(0.1));
    LognormalFit.Comparison c = LognormalFit.compare(lognormal, onLognormal, ln);
    assertThat(c.favoured()).isEqualTo("lognormal");
    assertThat(c.p()).isLessThan(0.01);

    double[] pareto = pareto(new MersenneTwisterFast(14), 5000, 2.2, 1.0);
    LognormalFit.Comparison d = LognormalFit.compare(pareto, PowerLawFit.fitAbove(pareto, 1.0));
    assertThat(d.favoured()).isNotEqualTo("lognormal");
  }

  @Test
  void laplaceFitRecoversTheScale() {
    double[] x = laplace(new MersenneTwisterFast(21), 20_000, 0.1, 0.5);
    SubbotinFit.Laplace fit = SubbotinFit.laplace(x);
    assertThat(fit.location()).isCloseTo(0.1, within(0.02));
    assertThat(fit.scale()).isCloseTo(0.5, within(3 * fit.scaleStandardError()));
  }

  @Test
  void subbotinFitOfDataWithAMassPointEndsAtTheLowerShapeBound() {
    // Growth rates of firms whose sales did not change are exactly 0: a mass point that pushes the
    // shape to its lower bound (validate crashed here once with the simplex out of evaluations).
    double[] noise = laplace(new MersenneTwisterFast(24), 4_000, 0, 0.3);
    double[] x = new double[10_000];
    System.arraycopy(noise, 0, x, 0, noise.length);
    SubbotinFit.Result fit = SubbotinFit.fit(x);
    assertThat(fit.shape()).isCloseTo(SubbotinFit.MIN_SHAPE, within(0.01));
    assertThat(fit.location()).isCloseTo(0.0, within(1e-6));
    assertThat(fit.logLikelihood()).isGreaterThan(SubbotinFit.fit(noise).logLikelihood());
  }

  @Test
  void subbotinShapeIsNearOneForLaplaceAndNearTwoForNormal() {
    SubbotinFit.Result onLaplace = SubbotinFit.fit(laplace(new MersenneTwisterFast(22), 10_000, 0, 0.3));
    assertThat(onLaplace.shape()).isCloseTo(1.0, within(0.08));
    assertThat(onLaplace.scale()).isCloseTo(0.3, within(0.02));
    SubbotinFit.Result onNormal = SubbotinFit.fit(normal(new MersenneTwisterFast(23), 10_000, 1, 2));
    assertThat(onNormal.shape()).isCloseTo(2.0, within(0.15));
    assertThat(onNormal.scale()).isCloseTo(2.0, within(0.1));
    assertThat(onNormal.location()).isCloseTo(1.0, within(0.1));
  }

  @Test
  void excessKurtosisIsThreeForLaplaceAndZeroForNormal() {
    assertThat(Moments.of(laplace(new MersenneTwisterFast(31), 50_000, 0, 1)).excessKurtosis()).isCloseTo(3.0, within(0.4));
    assertThat(Moments.of(normal(new MersenneTwisterFast(32), 50_000, 0, 1)).excessKurtosis()).isCloseTo(0.0, within(0.1));
  }

  @Test
  void lorenzTopSharesAndGiniOfAKnownVector() {
    Lorenz lorenz = Lorenz.of(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 11});
    assertThat(lorenz.topShare(0.10)).isEqualTo(11.0 / 20);
    assertThat(lorenz.topShare(0.05)).isEqualTo(11.0 / 20);
    assertThat(lorenz.topShare(0.20)).isEqualTo(12.0 / 20);
    // Gini = Σ (2i − n − 1) x_(i) / (n Σ x) = (−9 −7 −5 −3 −1 +1 +3 +5 +7 + 9·11) / 200 = 0.45
    assertThat(lorenz.gini()).isCloseTo(0.45, within(1e-12));
    double[][] curve = lorenz.curve(10);
    assertThat(curve[0]).containsExactly(0.0, 0.0);
    assertThat(curve[9][1]).isCloseTo(9.0 / 20, within(1e-12));
    assertThat(curve[10]).containsExactly(1.0, 1.0);
    assertThat(Lorenz.of(new double[] {2, 2, 2, 2}).gini()).isEqualTo(0.0);
  }

  @Test
  void transitionMatrixRowsSumToOneOnAHandMadePanel() {
    int[][] panel = {
        {0, 0, 1, 2},
        {2, 2, 2, -1},
        {-1, 1, 0, 0},
        {1, 1, 2, 2}};
    TransitionMatrix m = TransitionMatrix.of(panel, 3);
    assertThat(m.counts()).isDeepEqualTo(new long[][] {{2, 1, 0}, {1, 1, 2}, {0, 0, 3}});
    for (int i = 0; i < 3; i++) {
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += m.probability(i, j);
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
    }
    assertThat(m.probability(1, 2)).isEqualTo(0.5);
    assertThat(TransitionMatrix.empty(3).probability(0, 0)).isNaN();
  }

  @Test
  void hazardOfAHandMadePanel() {
    ExitHazard h = new ExitHazard();
    // Four firms born together: one exits at age 0, one at age 2, two survive to age 3.
    int[] exitAge = {0, 2, -1, -1};
    for (int age = 0; age <= 3; age++) {
      for (int e : exitAge) {
        boolean alive = e < 0 || e >= age;
        if (alive) {
          h.record(age, e == age);
        }
      }
    }
    assertThat(h.atRisk(0)).isEqualTo(4);
    assertThat(h.atRisk(1)).isEqualTo(3);
    assertThat(h.atRisk(2)).isEqualTo(3);
    assertThat(h.atRisk(3)).isEqualTo(2);
    assertThat(h.hazard(0, 1)).isEqualTo(0.25);
    assertThat(h.hazard(1, 2)).isEqualTo(0.0);
    assertThat(h.hazard(2, 3)).isEqualTo(1.0 / 3);
    assertThat(h.hazard(0, 4)).isEqualTo(2.0 / 12);
    assertThat(h.survival(3)).isCloseTo(0.75 * (2.0 / 3), within(1e-12));
    assertThat(h.hazard(10, 20)).isNaN();
    ExitHazard copy = new ExitHazard();
    copy.add(h);
    copy.add(h);
    assertThat(copy.atRisk(0)).isEqualTo(8);
    assertThat(copy.hazard(0, 4)).isEqualTo(2.0 / 12);
  }

  @Test
  void degreeDistributionAndVolatilitySlope() {
    DegreeDistribution d = DegreeDistribution.of(new int[] {0, 0, 1, 3});
    assertThat(d.counts()).containsExactly(2, 1, 0, 1);
    assertThat(d.mean()).isEqualTo(1.0);
    assertThat(d.share(0)).isEqualTo(0.5);
    assertThat(d.plus(d).counts()).containsExactly(4, 2, 0, 2);

    // Growth with sd proportional to exp(-0.2 × log size): the slope is recovered.
    MersenneTwisterFast random = new MersenneTwisterFast(41);
    int n = 20_000;
    double[] size = new double[n];
    double[] growth = new double[n];
    for (int i = 0; i < n; i++) {
      size[i] = 6 * random.nextDouble();
      growth[i] = StrictMath.exp(-0.2 * size[i]) * random.nextGaussian();
    }
    GrowthVolatility v = GrowthVolatility.of(size, growth, 10);
    assertThat(v.slope()).isCloseTo(-0.2, within(0.03));
    assertThat(v.binCount()).hasSize(10);
  }
}
