package org.nqpf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpf.report.Replications;

/** The warm-up, stationarity and ergodicity estimators on series with known answers. */
class StationarityTest {

  private static double[] noise(MersenneTwisterFast random, int n, double mean, double sd) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * random.nextGaussian();
    }
    return x;
  }

  /** An AR(1) series x(t) = mean + phi (x(t−1) − mean) + noise, started at {@code start}. */
  private static double[] ar1(MersenneTwisterFast random, int n, double start, double mean, double phi, double sd) {
    double[] x = new double[n];
    double v = start;
    for (int i = 0; i < n; i++) {
      v = mean + phi * (v - mean) + sd * random.nextGaussian();
      x[i] = v;
    }
    return x;
  }

  @Test
  void mserFindsNoWarmUpInNoiseAndTheTransientOfADecay() {
    MersenneTwisterFast random = new MersenneTwisterFast(11);
    int noWarmUp = 0;
    for (int rep = 0; rep < 20; rep++) {
      noWarmUp += WarmUp.mser5(noise(random, 400, 1, 0.1)) <= 40 ? 1 : 0;
    }
    assertThat(noWarmUp).isGreaterThanOrEqualTo(18);

    // Starts 9 above its mean and decays with a half-life of about 14 steps: 13 stationary standard
    // deviations (0.032) away at step 60, within one by step 110. MSER-5 cuts after the transient and
    // well before the half of the series it may search.
    int[] found = new int[21];
    for (int rep = 0; rep < found.length; rep++) {
      found[rep] = WarmUp.mser5(ar1(random, 1000, 10, 1, 0.95, 0.01));
      assertThat(found[rep]).isBetween(60, 400);
    }
    java.util.Arrays.sort(found);
    assertThat(found[found.length / 2]).isBetween(80, 250);
  }

  @Test
  void mserRefusesShortOrBrokenSeriesAndIsAMultipleOfTheBatch() {
    assertThat(WarmUp.mser5(new double[19])).isEqualTo(-1);
    assertThat(WarmUp.mser5(new double[] {1, 2, 3, Double.NaN, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}))
        .isEqualTo(-1);
    double[] x = ar1(new MersenneTwisterFast(3), 203, 5, 0, 0.9, 0.1);
    assertThat(WarmUp.mser5(x) % WarmUp.BATCH).isZero();
    assertThat(WarmUp.mser5(new double[100])).isZero();
    double[] trend = new double[203];
    for (int i = 0; i < trend.length; i++) {
      trend[i] = i;
    }
    assertThat(WarmUp.mser5(trend)).as("a trend never settles").isEqualTo(WarmUp.searchLimit(203)).isEqualTo(100);
  }

  @Test
  void runsTestRejectsATrendAndRarelyRejectsNoise() {
    MersenneTwisterFast random = new MersenneTwisterFast(5);
    int rejected = 0;
    int trials = 400;
    for (int rep = 0; rep < trials; rep++) {
      double p = Stationarity.runsTest(Stationarity.windowMeans(noise(random, 400, 0, 1), 0));
      rejected += p < Stationarity.LEVEL ? 1 : 0;
    }
    // The level is 5%; the normal approximation with 20 values is close to it.
    assertThat((double) rejected / trials).isBetween(0.0, 0.10);

    double[] trend = noise(random, 400, 0, 1);
    for (int i = 0; i < trend.length; i++) {
      trend[i] += 0.01 * i;
    }
    assertThat(Stationarity.runsTest(Stationarity.windowMeans(trend, 0))).isLessThan(0.001);
    double[] constant = new double[40];
    assertThat(Stationarity.runsTest(constant)).isEqualTo(1.0);
  }

  /**
   * The size of the runs test on a stationary series with long memory: an AR(1) with the
   * autocorrelation of a birth–death count whose entrants arrive at a constant rate and whose
   * members leave with hazard h (the autocorrelation at lag k is (1 − h)^k), with h = 27 / 1,584,
   * the default model's exit hazard. On 1,600 steps (what a 2,000-step run leaves after its
   * warm-up) the windows of 80 steps are short against the memory of 1 / h ≈ 59 steps and the
   * test rejects far more often than its 5% level; on 3,600 steps (windows of 180) it holds it.
   * This is why docs/VALIDATION.md reads the firm count's stationarity on longer runs.
   */
  @Test
  void runsTestOverRejectsAStationarySeriesWhoseMemoryIsLongAgainstItsWindows() {
    MersenneTwisterFast random = new MersenneTwisterFast(11);
    double phi = 1 - 27.0 / 1584;
    int trials = 600;
    int shortRejected = 0;
    int longRejected = 0;
    for (int rep = 0; rep < trials; rep++) {
      double[] shortRun = ar1(random, 1600, 0, 0, phi, 1);
      double[] longRun = ar1(random, 3600, 0, 0, phi, 1);
      shortRejected += Stationarity.runsTest(Stationarity.windowMeans(shortRun, 0)) < Stationarity.LEVEL ? 1 : 0;
      longRejected += Stationarity.runsTest(Stationarity.windowMeans(longRun, 0)) < Stationarity.LEVEL ? 1 : 0;
    }
    assertThat((double) shortRejected / trials).as("1,600 steps").isBetween(0.12, 0.26);
    assertThat((double) longRejected / trials).as("3,600 steps").isBetween(0.02, 0.09);
  }

  /** The AR(1) coefficient whose integrated autocorrelation time (1 + φ) / (1 − φ) is {@code tau}. */
  private static double phiOfMemory(double tau) {
    return (tau - 1) / (tau + 1);
  }

  @Test
  void memoryIsTheIntegratedAutocorrelationTimeOfAnAr1AndOneForNoise() {
    MersenneTwisterFast random = new MersenneTwisterFast(21);
    for (double tau : new double[] {5, 20, 60}) {
      double[] estimates = new double[15];
      for (int rep = 0; rep < estimates.length; rep++) {
        // Started from its stationary distribution (sd 1 / sqrt(1 − φ²)), 400 memories long.
        double phi = phiOfMemory(tau);
        double[] x = ar1(random, (int) (400 * tau), random.nextGaussian() / Math.sqrt(1 - phi * phi), 0, phi, 1);
        estimates[rep] = Stationarity.memory(x, 0);
      }
      java.util.Arrays.sort(estimates);
      assertThat(estimates[estimates.length / 2]).as("median memory of an AR(1) of memory %s", tau)
          .isBetween(0.8 * tau, 1.2 * tau);
    }
    double[] noise = noise(random, 2000, 3, 1);
    assertThat(Stationarity.memory(noise, 0)).isBetween(0.7, 1.3);
    // From the warm-up on: a transient before it does not count.
    double[] withTransient = noise.clone();
    for (int i = 0; i < 500; i++) {
      withTransient[i] += 50 - 0.1 * i;
    }
    assertThat(Stationarity.memory(withTransient, 500)).isEqualTo(Stationarity.memory(noise, 500));
    assertThat(Stationarity.memory(withTransient, 0)).isGreaterThan(50);
  }

  @Test
  void memoryIsNotMeasurableOnShortConstantBrokenOrWanderingSeries() {
    assertThat(Stationarity.memory(new double[19], 0)).isNaN();
    assertThat(Stationarity.memory(new double[100], 0)).as("constant").isNaN();
    assertThat(Stationarity.memory(new double[100], 90)).as("ten values after the warm-up").isNaN();
    double[] broken = noise(new MersenneTwisterFast(2), 100, 0, 1);
    broken[50] = Double.NaN;
    assertThat(Stationarity.memory(broken, 0)).isNaN();
    // A random walk's autocorrelations stay near 1: the window never closes within half the series.
    assertThat(Stationarity.memory(ar1(new MersenneTwisterFast(4), 2000, 0, 0, 1, 1), 0)).isNaN();
  }

  /**
   * The claim of the memory rows (docs/VALIDATION.md): the runs test of 20 window means over 1,800
   * steps holds its 5% level while the memory is below about a thirtieth of the series, and rejects
   * stationary series far more often when it is a twelfth.
   */
  @Test
  void runsTestHoldsItsLevelWhileTheMemoryIsShortAgainstTheSeries() {
    MersenneTwisterFast random = new MersenneTwisterFast(31);
    int trials = 600;
    int n = 1800;
    double[] taus = {n / 45.0, n / 30.0, n / 12.0};
    int[] rejected = new int[taus.length];
    for (int t = 0; t < taus.length; t++) {
      double phi = phiOfMemory(taus[t]);
      for (int rep = 0; rep < trials; rep++) {
        double[] x = ar1(random, n, random.nextGaussian() / Math.sqrt(1 - phi * phi), 0, phi, 1);
        rejected[t] += Stationarity.runsTest(Stationarity.windowMeans(x, 0)) < Stationarity.LEVEL ? 1 : 0;
      }
    }
    assertThat((double) rejected[0] / trials).as("memory n/45").isBetween(0.02, 0.08);
    assertThat((double) rejected[1] / trials).as("memory n/30").isBetween(0.02, 0.09);
    assertThat((double) rejected[2] / trials).as("memory n/12").isGreaterThan(0.15);
  }

  @Test
  void windowMeansCutEqualWindowsAfterTheWarmUp() {
    double[] x = new double[45];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    double[] means = Stationarity.windowMeans(x, 3);
    assertThat(means).hasSize(Stationarity.WINDOWS);
    assertThat(Stationarity.windowLength(45, 3)).isEqualTo(2);
    assertThat(means[0]).isEqualTo(3.5);
    assertThat(means[19]).isEqualTo(41.5);
    assertThat(Stationarity.windowMeans(x, 30)).isEmpty();
  }

  @Test
  void ergodicityRejectsRunsThatKeepTheirStartAndNotRunsThatForgetIt() {
    MersenneTwisterFast random = new MersenneTwisterFast(9);
    // Ergodic: every run is the same AR(1) around 0.
    List<RunObservations> ergodic = new ArrayList<>();
    // Not ergodic: each run settles around a level of its own (drawn once per run).
    List<RunObservations> stuck = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      ergodic.add(withSeries(ar1(random, 2000, 0, 0, 0.5, 1)));
      stuck.add(withSeries(ar1(random, 2000, 0, 3 * random.nextGaussian(), 0.5, 1)));
    }
    assertThat(share(ergodic, Targets.ERGODICITY)).isGreaterThanOrEqualTo(0.8);
    assertThat(share(stuck, Targets.ERGODICITY)).isLessThanOrEqualTo(0.2);
    assertThat(share(ergodic, Targets.STATIONARITY)).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void anInputIsNeverScoredAndACalibratedTargetIsScored() {
    Replications.Stats clear = Replications.of(new double[] {0.95, 0.96, 0.97});
    Replications.Stats band = Replications.of(new double[] {0.33, 0.35, 0.37});
    Target input = Targets.byId("2a");
    assertThat(input.origin()).isEqualTo(Target.Origin.INPUT);
    assertThat(input.verdict(band)).isEqualTo(Target.Verdict.INFO);
    Target calibrated = Targets.byId("1a");
    assertThat(calibrated.origin()).as("the share of firms: soeFoundingRate is estimated from it").isEqualTo(Target.Origin.CALIBRATED);
    assertThat(calibrated.verdict(clear)).isEqualTo(Target.Verdict.PASS);
    assertThat(Targets.byId("1d").origin()).as("the output share: nothing is fitted to it").isEqualTo(Target.Origin.OUTCOME);
    assertThat(Targets.byId("1d").verdict(clear)).isEqualTo(Target.Verdict.PASS);
    assertThat(Targets.byId("8c").origin()).isEqualTo(Target.Origin.OUTCOME);
  }

  /** Observations whose every key series is {@code x}. */
  private static RunObservations withSeries(double[] x) {
    double[][] series = new double[KeySeries.values().length][];
    java.util.Arrays.fill(series, x);
    return new RunObservations(0, new double[5], java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
        new double[0], new double[0], new double[0], new double[0], new double[0], new double[0], new ExitHazard(),
        TransitionMatrix.empty(3), new long[4], new double[4], new int[0], new int[0], 0, 0, series, new double[5], 0);
  }

  /** The share of replications that pass the test of {@code prefix} on the first key series. */
  private static double share(List<RunObservations> runs, String prefix) {
    List<RunStatistics> empty = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      double[] v = new double[Targets.ALL.size()];
      java.util.Arrays.fill(v, Double.NaN);
      empty.add(new RunStatistics(v, null, null, null, null, null, null));
    }
    List<RunStatistics> done = SeriesChecks.complete(runs, empty);
    String id = Targets.seriesId(prefix, KeySeries.values()[0]);
    return done.stream().mapToDouble(s -> s.value(id)).average().orElseThrow();
  }
}
