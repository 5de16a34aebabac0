package org.nqpf.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpf.stats.ExitHazard;
import org.nqpf.stats.Replications;
import org.nqpf.stats.TransitionMatrix;

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
      double p = Stationarity.runsTest(Stationarity.windowMeans(noise(random, 400, 0, 1), 0, 20));
      rejected += p < Stationarity.LEVEL ? 1 : 0;
    }
    // The level is 5%; the exact distribution of 20 values' runs is discrete, so the test is a little under it.
    assertThat((double) rejected / trials).isBetween(0.0, 0.10);

    double[] trend = noise(random, 400, 0, 1);
    for (int i = 0; i < trend.length; i++) {
      trend[i] += 0.01 * i;
    }
    assertThat(Stationarity.runsTest(Stationarity.windowMeans(trend, 0, 20))).isLessThan(0.001);
    double[] constant = new double[40];
    assertThat(Stationarity.runsTest(constant)).isEqualTo(1.0);
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

  @Test
  void runsTestIsExact() {
    for (int[] ab : new int[][] {{5, 7}, {10, 10}, {1, 9}, {30, 25}}) {
      double total = 0;
      for (int r = 2; r <= ab[0] + ab[1]; r++) {
        total += Stationarity.runsProbability(r, ab[0], ab[1]);
      }
      assertThat(total).as("%s above and %s below", ab[0], ab[1]).isCloseTo(1, within(1e-9));
    }
    // Swed and Eisenhart (1943), 10 on each side: at most 6 runs is the lower 2.5% critical region.
    double atMostSix = 0;
    for (int r = 2; r <= 6; r++) {
      atMostSix += Stationarity.runsProbability(r, 10, 10);
    }
    assertThat(atMostSix).isBetween(0.015, 0.025);
    assertThat(atMostSix + Stationarity.runsProbability(7, 10, 10)).isGreaterThan(0.025);
    // AAAA BBBB: two runs of 8 values, probability 2 / C(8, 4) on each tail; the lower tail, doubled.
    assertThat(Stationarity.runsTest(new double[] {1, 2, 3, 4, -1, -2, -3, -4})).isCloseTo(2 * 2.0 / 70, within(1e-12));
    // ABABABAB: eight runs, as unlikely on the upper tail, is not evidence of drift.
    assertThat(Stationarity.runsTest(new double[] {1, -1, 2, -2, 3, -3, 4, -4})).isEqualTo(1.0);
  }

  /**
   * {@code count} groups of ten runs of {@code n} steps of AR(1) of memory {@code tau} and standard
   * deviation 1, shifted by {@code shift}(t).
   */
  private static List<List<RunObservations>> groups(MersenneTwisterFast random, int count, int n, double tau,
      java.util.function.IntToDoubleFunction shift) {
    double phi = phiOfMemory(tau);
    List<List<RunObservations>> groups = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      List<RunObservations> runs = new ArrayList<>();
      for (int r = 0; r < 10; r++) {
        double[] x = ar1(random, n, random.nextGaussian(), 0, phi, Math.sqrt(1 - phi * phi));
        for (int t = 0; t < n; t++) {
          x[t] += shift.applyAsDouble(t);
        }
        runs.add(withSeries(x));
      }
      groups.add(runs);
    }
    return groups;
  }

  private static double meanShare(List<List<RunObservations>> groups, String prefix) {
    return groups.stream().mapToDouble(g -> share(g, prefix)).average().orElseThrow();
  }

  /**
   * The claim of the stationarity rows (docs/VALIDATION.md): with windows set from the replications'
   * memory, ten stationary runs of 2,000 steps pass the runs test at about its 5% level (5.0% and
   * 4.5% of 600) up to a memory of an eighteenth of the series, where windows of a twentieth of it
   * reject 13.5%; a random walk, a trend of 4 standard deviations over the run and a shift of 1 halfway
   * are caught (a trend of 2 passes about half the time, as it did with fixed windows: MSER-5 cuts
   * up to half of it as warm-up and the runs test is weak against what is left).
   */
  @Test
  void windowsFromTheMemoryHoldTheLevelOnLongMemoryAndStillCatchDrift() {
    MersenneTwisterFast random = new MersenneTwisterFast(31);
    int n = 2000;
    for (double tau : new double[] {n / 45.0, n / 18.0}) {
      double passed = meanShare(groups(random, 60, n, tau, t -> 0), Targets.STATIONARITY);
      assertThat(1 - passed).as("rejections at memory %s", tau).isBetween(0.01, 0.08);
    }
    int fixedRejected = 0;
    int trials = 600;
    double phi = phiOfMemory(n / 18.0);
    for (int rep = 0; rep < trials; rep++) {
      double[] x = ar1(random, n, random.nextGaussian() / Math.sqrt(1 - phi * phi), 0, phi, 1);
      fixedRejected += Stationarity.runsTest(Stationarity.windowMeans(x, 0, n / 20)) < Stationarity.LEVEL ? 1 : 0;
    }
    assertThat((double) fixedRejected / trials).as("fixed windows of n/20 at memory n/18").isGreaterThan(0.1);

    double rw = meanShare(groups(random, 10, n, 1e9, t -> 0), Targets.STATIONARITY);
    double tr = meanShare(groups(random, 10, n, 20, t -> 4.0 * t / n), Targets.STATIONARITY);
    double sh = meanShare(groups(random, 10, n, 20, t -> t < n / 2 ? 0 : 1), Targets.STATIONARITY);
    assertThat(rw).as("random walk").isLessThan(0.1);
    assertThat(tr).as("trend of 4 sd").isLessThan(0.1);
    assertThat(sh).as("a shift of 1 sd halfway").isLessThan(0.2);
  }

  /**
   * The growth rate of a stationary level (an AR(1) of memory 60 plus unit noise) is stationary;
   * its window means, the level's changes across windows, alternate about their median more often
   * than independent values would. The two-sided runs test rejects many such runs on its upper tail;
   * the test against too few runs does not.
   */
  @Test
  void theGrowthOfAStationaryLevelIsNotRejectedForAlternating() {
    MersenneTwisterFast random = new MersenneTwisterFast(41);
    int n = 2000;
    double phi = phiOfMemory(60);
    List<List<RunObservations>> groups = new ArrayList<>();
    int upperTail = 0;
    int runs = 0;
    for (int g = 0; g < 40; g++) {
      List<RunObservations> group = new ArrayList<>();
      for (int r = 0; r < 10; r++) {
        double[] level = ar1(random, n + 1, random.nextGaussian(), 0, phi, Math.sqrt(1 - phi * phi));
        double[] growth = new double[n];
        double previous = level[0] + random.nextGaussian();
        for (int t = 0; t < n; t++) {
          double current = level[t + 1] + random.nextGaussian();
          growth[t] = current - previous;
          previous = current;
        }
        group.add(withSeries(growth));
        double[] means = Stationarity.windowMeans(growth, 0, n / 20);
        Stationarity.Runs observed = Stationarity.runs(means);
        double atLeast = 0;
        for (int k = observed.runs(); k <= observed.above() + observed.below(); k++) {
          atLeast += Stationarity.runsProbability(k, observed.above(), observed.below());
        }
        upperTail += 2 * atLeast < Stationarity.LEVEL ? 1 : 0;
        runs++;
      }
      groups.add(group);
    }
    assertThat((double) upperTail / runs).as("the two-sided test's upper-tail rejections").isGreaterThan(0.1);
    assertThat(1 - meanShare(groups, Targets.STATIONARITY)).as("rejections").isLessThan(Stationarity.LEVEL);
  }

  @Test
  void windowMeansCutEqualWindowsAfterTheWarmUpAtLeastTwoMemoriesLong() {
    double[] x = new double[45];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    assertThat(Stationarity.windowLength(45, 3, 1)).as("a twentieth of 42 values").isEqualTo(2);
    double[] means = Stationarity.windowMeans(x, 3, 2);
    assertThat(means).hasSize(Stationarity.WINDOWS);
    assertThat(means[0]).isEqualTo(3.5);
    assertThat(means[19]).isEqualTo(41.5);
    assertThat(Stationarity.windowMeans(x, 30, 2)).hasSize(7);
    assertThat(Stationarity.windowMeans(x, 3, 0)).isEmpty();
    assertThat(Stationarity.windowLength(1800, 0, 30)).as("a twentieth").isEqualTo(90);
    assertThat(Stationarity.windowLength(1800, 0, 60.2)).as("two memories").isEqualTo(121);
    assertThat(Stationarity.windowLength(1800, 0, 112.5)).as("eight windows of two memories").isEqualTo(225);
    assertThat(Stationarity.windowLength(1800, 0, 113)).as("seven would fit").isZero();
    assertThat(Stationarity.windowLength(1800, 0, Double.NaN)).isZero();
    assertThat(Stationarity.windowLength(10, 0, 1)).as("shorter than twenty values").isZero();
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
        TransitionMatrix.empty(3), new long[4], new double[4], new int[0], new int[0], 0, 0, series, new double[5], 0, new double[0], new double[0]);
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
