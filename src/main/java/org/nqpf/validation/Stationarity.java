package org.nqpf.validation;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Stationarity and ergodicity tests of a simulated series in the manner of Grazzini (2012),
 * "Analysis of the emergent properties: stationarity and ergodicity", JASSS 15(2) 7: the series
 * after its warm-up is cut into {@link #WINDOWS} windows of equal length and the mean of each
 * window is the moment tested.
 *
 * <ul>
 *   <li><b>Stationarity</b>: the Wald–Wolfowitz runs test of the window means about their median
 *       (two-sided, normal approximation; values equal to the median dropped). A trend or a slow
 *       drift leaves too few runs and rejects.
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

  /** Windows per series (the runs test's normal approximation wants ten values each side of the median). */
  public static final int WINDOWS = 20;

  /** The tests' level. */
  public static final double LEVEL = 0.05;

  /**
   * The means of {@link #WINDOWS} consecutive windows of {@code x} from index {@code from} (each of
   * length (x.length − from) / WINDOWS; the remainder at the end is left out), or an empty array
   * when a window would be shorter than one step.
   */
  public static double[] windowMeans(double[] x, int from) {
    Objects.requireNonNull(x, "x");
    int length = (x.length - from) / WINDOWS;
    if (from < 0 || length < 1) {
      return new double[0];
    }
    double[] means = new double[WINDOWS];
    for (int w = 0; w < WINDOWS; w++) {
      double sum = 0;
      for (int i = from + w * length; i < from + (w + 1) * length; i++) {
        sum += x[i];
      }
      means[w] = sum / length;
    }
    return means;
  }

  /** The length of each window of {@link #windowMeans} of a series of {@code n} values from {@code from}. */
  public static int windowLength(int n, int from) {
    return Math.max(0, (n - from) / WINDOWS);
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
   * The two-sided p-value of the Wald–Wolfowitz runs test of {@code x} about its median (1 when
   * every value lies on one side of it, as for a constant series; NaN when a value is not finite).
   */
  public static double runsTest(double[] x) {
    Objects.requireNonNull(x, "x");
    if (x.length == 0 || Arrays.stream(x).anyMatch(v -> !Double.isFinite(v))) {
      return Double.NaN;
    }
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
    if (above == 0 || below == 0) {
      return 1;
    }
    double n = above + below;
    double mean = 2.0 * above * below / n + 1;
    double variance = 2.0 * above * below * (2.0 * above * below - n) / (n * n * (n - 1));
    if (!(variance > 0)) {
      return 1;
    }
    double z = (runs - mean) / Math.sqrt(variance);
    return 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
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
