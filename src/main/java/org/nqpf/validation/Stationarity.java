package org.nqpf.validation;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Stationarity and ergodicity tests of a simulated series in the manner of Grazzini (2012),
 * "Analysis of the emergent properties: stationarity and ergodicity", JASSS 15(2) 7: the series
 * after its warm-up is cut into windows of equal length and the mean of each window is the moment
 * tested.
 *
 * <p>Grazzini's tests treat the window means as independent draws, which they are only when a
 * window is long against the series' memory. The windows are therefore set from the measured
 * memory ({@link #windowLength}): at least {@link #WINDOW_MEMORIES} integrated autocorrelation times
 * long, and {@link #WINDOWS} of them when the series is long enough. With fixed windows of a
 * twentieth of the series the runs test rejected 13% of stationary AR(1) series of memory n/18 at
 * a 5% level; with windows of two memories (the median over ten replications) it rejects 5%
 * (StationarityTest). A series whose memory leaves fewer than {@link #MIN_WINDOWS} such windows
 * cannot be shown stationary in a run of its length.
 *
 * <ul>
 *   <li><b>Stationarity</b>: the Wald–Wolfowitz runs test of the window means about their median
 *       (from the exact distribution of the number of runs given the counts above and below, Swed
 *       and Eisenhart 1943; values equal to the median dropped). A trend, a slow drift or a shift
 *       leaves too few runs and rejects: the lower tail of the two-sided test at {@link #LEVEL}.
 *       Too many runs, window means that alternate about the median, is not rejected: it is
 *       negative correlation between windows, not drift. A growth rate's windows have it when the
 *       level has slow stationary swings, since a window's mean growth is the level's change across
 *       the window and adjacent windows share an end point (StationarityTest measures 16% rejections on
 *       the two-sided test's upper tail for the growth of a stationary AR(1) of memory 60 plus
 *       noise).
 *   <li><b>Ergodicity</b>: the window means of one run against the means of one window of the same
 *       length in each other run (each at a different position), by the two-sample
 *       Kolmogorov–Smirnov test (Commons Math, exact for these sample sizes). Grazzini compares the
 *       two samples with the runs test; Kolmogorov–Smirnov asks the same question (the two samples
 *       come from one distribution) with a well-kept implementation and more power in small
 *       samples. A run whose time averages differ from the ensemble's rejects.
 * </ul>
 */
public final class Stationarity {
  private Stationarity() {}

  /** The most windows per series. */
  public static final int WINDOWS = 20;

  /** The fewest windows the tests are made on: with four on each side of the median the runs test can hardly reject. */
  public static final int MIN_WINDOWS = 8;

  /** A window's least length in integrated autocorrelation times of the series. */
  public static final double WINDOW_MEMORIES = 2;

  /** The tests' level. */
  public static final double LEVEL = 0.05;

  /**
   * The length of each window of a series of {@code n} values tested from index {@code from} whose
   * memory ({@link #memory}) is {@code memory} steps: the longer of a {@link #WINDOWS}th of the values
   * and {@link #WINDOW_MEMORIES} memories; 0 when the memory is not measured or when fewer than
   * {@link #MIN_WINDOWS} windows of that length fit.
   */
  public static int windowLength(int n, int from, double memory) {
    int values = n - from;
    if (from < 0 || !(memory > 0) || values / WINDOWS < 1) {
      return 0;
    }
    int length = (int) Math.max(values / WINDOWS, Math.ceil(WINDOW_MEMORIES * memory));
    return values / length >= MIN_WINDOWS ? length : 0;
  }

  /** How many windows of {@code length} steps {@link #windowMeans} cuts from {@code values} values: at most {@link #WINDOWS}. */
  public static int windowCount(int values, int length) {
    return length < 1 ? 0 : Math.min(WINDOWS, Math.max(0, values / length));
  }

  /**
   * The means of consecutive windows of {@code length} steps of {@code x} from index {@code from},
   * at most {@link #WINDOWS} of them (the remainder at the end is left out), or an empty array when
   * the length is not positive or no window fits.
   */
  public static double[] windowMeans(double[] x, int from, int length) {
    Objects.requireNonNull(x, "x");
    if (from < 0 || length < 1) {
      return new double[0];
    }
    int count = windowCount(x.length - from, length);
    double[] means = new double[count];
    for (int w = 0; w < count; w++) {
      double sum = 0;
      for (int i = from + w * length; i < from + (w + 1) * length; i++) {
        sum += x[i];
      }
      means[w] = sum / length;
    }
    return means;
  }

  /** The window factor c of {@link #memory}'s automatic window (Sokal 1997). */
  public static final double MEMORY_WINDOW = 5;

  /**
   * The memory of {@code x} from index {@code from}: its integrated autocorrelation time τ = 1 + 2
   * Σ_{k=1}^{M} ρ(k), in steps, with ρ the sample autocorrelation (autocovariances over n, about the
   * mean) and M the first lag with M ≥ {@link #MEMORY_WINDOW} × τ(M), Sokal's automatic window
   * (Madras and Sokal 1988; Sokal 1997). For an AR(1) of coefficient φ, τ = (1 + φ) / (1 − φ); n / τ
   * is about the number of independent values in the series. NaN when fewer than 20 values follow
   * {@code from}, when the series is constant or not finite, or when the window would pass half of
   * them (the memory is too long for the series to measure).
   */
  public static double memory(double[] x, int from) {
    Objects.requireNonNull(x, "x");
    int n = x.length - Math.max(0, from);
    if (from < 0 || n < 20) {
      return Double.NaN;
    }
    double mean = 0;
    for (int i = from; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        return Double.NaN;
      }
      mean += x[i];
    }
    mean /= n;
    double c0 = 0;
    for (int i = from; i < x.length; i++) {
      c0 += (x[i] - mean) * (x[i] - mean);
    }
    if (!(c0 > 0)) {
      return Double.NaN;
    }
    double tau = 1;
    for (int lag = 1; lag <= n / 2; lag++) {
      double c = 0;
      for (int i = from + lag; i < x.length; i++) {
        c += (x[i] - mean) * (x[i - lag] - mean);
      }
      tau += 2 * c / c0;
      if (lag >= MEMORY_WINDOW * tau) {
        return tau;
      }
    }
    return Double.NaN;
  }

  /**
   * The p-value of the Wald–Wolfowitz runs test of {@code x} about its median against too few runs:
   * twice the probability of at most the observed number of runs under the exact distribution given
   * the counts above and below the median (Swed and Eisenhart 1943), at most 1, so that it rejects
   * at a level α exactly when the two-sided test rejects at α on its lower tail. It is 1 when every
   * value lies on one side of the median, as for a constant series, and NaN when a value is not
   * finite.
   */
  public static double runsTest(double[] x) {
    Objects.requireNonNull(x, "x");
    if (x.length == 0 || Arrays.stream(x).anyMatch(v -> !Double.isFinite(v))) {
      return Double.NaN;
    }
    Runs runs = runs(x);
    if (runs.above() == 0 || runs.below() == 0) {
      return 1;
    }
    double atMost = 0;
    for (int r = 2; r <= runs.runs(); r++) {
      atMost += runsProbability(r, runs.above(), runs.below());
    }
    return Math.min(1, 2 * atMost);
  }

  /** The runs of a sequence about its median, and how many values lie above and below it. */
  record Runs(int runs, int above, int below) {}

  /** The runs of the finite values {@code x} about their median; values equal to the median are dropped. */
  static Runs runs(double[] x) {
    double median = new Median().evaluate(x);
    int above = 0;
    int below = 0;
    int runs = 0;
    int last = 0;
    for (double v : x) {
      int side = Double.compare(v, median);
      if (side == 0) {
        continue;
      }
      if (side > 0) {
        above++;
      } else {
        below++;
      }
      if (side != last) {
        runs++;
        last = side;
      }
    }
    return new Runs(runs, above, below);
  }

  /**
   * P(R = r) for the number of runs R in a random arrangement of {@code a} values of one kind and
   * {@code b} of the other: 2 C(a−1, k−1) C(b−1, k−1) / C(a+b, a) for r = 2k, and (C(a−1, k) C(b−1,
   * k−1) + C(a−1, k−1) C(b−1, k)) / C(a+b, a) for r = 2k + 1 (Swed and Eisenhart 1943).
   */
  static double runsProbability(int r, int a, int b) {
    double total = CombinatoricsUtils.binomialCoefficientLog(a + b, a);
    int k = r / 2;
    if (r % 2 == 0) {
      return 2 * Math.exp(logChoose(a - 1, k - 1) + logChoose(b - 1, k - 1) - total);
    }
    return Math.exp(logChoose(a - 1, k) + logChoose(b - 1, k - 1) - total)
        + Math.exp(logChoose(a - 1, k - 1) + logChoose(b - 1, k) - total);
  }

  /** ln C(n, k), or −∞ when C(n, k) is 0. */
  private static double logChoose(int n, int k) {
    return k < 0 || k > n ? Double.NEGATIVE_INFINITY : CombinatoricsUtils.binomialCoefficientLog(n, k);
  }

  /**
   * The p-value of the two-sample Kolmogorov–Smirnov test of {@code within} against {@code across}
   * (1 when both are constant and equal; NaN when either has fewer than two values or a value that
   * is not finite).
   */
  public static double ergodicityTest(double[] within, double[] across) {
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(across, "across");
    if (within.length < 2 || across.length < 2
        || Arrays.stream(within).anyMatch(v -> !Double.isFinite(v))
        || Arrays.stream(across).anyMatch(v -> !Double.isFinite(v))) {
      return Double.NaN;
    }
    double first = within[0];
    if (Arrays.stream(within).allMatch(v -> v == first) && Arrays.stream(across).allMatch(v -> v == first)) {
      return 1;
    }
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(within, across);
  }
}
