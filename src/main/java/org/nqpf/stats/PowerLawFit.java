package org.nqpf.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * A continuous power law p(x) = (α − 1) / x_min · (x / x_min)^(−α) for x ≥ x_min, fitted as
 * Clauset, Shalizi and Newman (2009, "Power-law distributions in empirical data", SIAM Review
 * 51: 661–703) do: for a given lower cut-off the maximum-likelihood exponent
 *
 * <pre>  α = 1 + n / Σ ln(x_i / x_min)      (their eq. 3.1),  standard error (α − 1) / √n  (eq. 3.2)</pre>
 *
 * over the n observations x_i ≥ x_min, and x_min chosen among the observed values as the one
 * whose fitted tail has the smallest Kolmogorov–Smirnov distance to the empirical distribution of
 * the tail (their §3.3), keeping at least {@code minTail} observations in the tail.
 *
 * <p>α is the exponent of the density; the complementary CDF (and the rank–size plot) falls with
 * slope −(α − 1). Zipf's law for firm sizes (Axtell 2001: CCDF exponent 1.06 ± 0.05 for US firms'
 * employment) is α ≈ 2.
 *
 * <p>Pure and deterministic (sorting and plain loops, {@link StrictMath}).
 */
public final class PowerLawFit {
  /** The smallest tail considered when x_min is chosen, if none is given. */
  public static final int DEFAULT_MIN_TAIL = 50;

  private PowerLawFit() {}

  /**
   * A fitted power law.
   *
   * @param alpha the density exponent α
   * @param xmin the lower cut-off
   * @param tail observations at or above x_min
   * @param n all (positive, finite) observations
   * @param ks Kolmogorov–Smirnov distance between the fitted and the empirical tail
   * @param standardError (α − 1) / √tail
   */
  public record Result(double alpha, double xmin, int tail, int n, double ks, double standardError) {
    /** The fitted complementary CDF P(X ≥ x | X ≥ x_min) = (x / x_min)^(1 − α) for x ≥ x_min. */
    public double ccdf(double x) {
      return x < xmin ? 1.0 : StrictMath.pow(x / xmin, 1 - alpha);
    }

    /** The log density at x ≥ x_min. */
    public double logDensity(double x) {
      return StrictMath.log((alpha - 1) / xmin) - alpha * StrictMath.log(x / xmin);
    }
  }

  /** {@link #fit(double[], int)} with {@value #DEFAULT_MIN_TAIL} as the smallest tail. */
  public static Result fit(double[] data) {
    return fit(data, DEFAULT_MIN_TAIL);
  }

  /**
   * Fits α and chooses x_min by the minimum KS distance over the distinct observed values that
   * leave at least {@code minTail} observations (or all of them if there are fewer) in the tail.
   *
   * @throws IllegalArgumentException if fewer than two positive finite values are given
   */
  public static Result fit(double[] data, int minTail) {
    double[] x = positiveSorted(data);
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("a power law needs at least two positive values, got " + n);
    }
    int keep = Math.max(2, Math.min(minTail, n));
    // suffix sums of ln x: logs[i] = Σ_{j ≥ i} ln x_j
    double[] logs = new double[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      logs[i] = logs[i + 1] + StrictMath.log(x[i]);
    }
    Result best = null;
    for (int i = 0; i <= n - keep; i++) {
      if (i > 0 && x[i] == x[i - 1]) {
        continue;
      }
      int m = n - i;
      double sum = logs[i] - m * StrictMath.log(x[i]);
      if (!(sum > 0)) {
        continue;
      }
      double alpha = 1 + m / sum;
      double ks = ks(x, i, alpha, x[i]);
      if (best == null || ks < best.ks()) {
        best = new Result(alpha, x[i], m, n, ks, (alpha - 1) / Math.sqrt(m));
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no power law fits: all values are equal");
    }
    return best;
  }

  /** The maximum-likelihood α for a given x_min. */
  public static Result fitAbove(double[] data, double xmin) {
    if (!(xmin > 0)) {
      throw new IllegalArgumentException("xmin must be positive: " + xmin);
    }
    double[] x = positiveSorted(data);
    int i = 0;
    while (i < x.length && x[i] < xmin) {
      i++;
    }
    int m = x.length - i;
    double sum = 0;
    for (int j = i; j < x.length; j++) {
      sum += StrictMath.log(x[j] / xmin);
    }
    if (m < 2 || !(sum > 0)) {
      throw new IllegalArgumentException("too few values above xmin " + xmin + " to fit a power law: " + m);
    }
    double alpha = 1 + m / sum;
    return new Result(alpha, xmin, m, x.length, ks(x, i, alpha, xmin), (alpha - 1) / Math.sqrt(m));
  }

  /**
   * The KS distance between the empirical CDF of the sorted tail x[from..] and the power law's
   * CDF 1 − (x / x_min)^(1 − α), taken on both sides of each step of the empirical CDF.
   */
  static double ks(double[] sorted, int from, double alpha, double xmin) {
    int m = sorted.length - from;
    double d = 0;
    for (int j = 0; j < m; j++) {
      double model = 1 - StrictMath.pow(sorted[from + j] / xmin, 1 - alpha);
      double below = (double) j / m;
      double above = (double) (j + 1) / m;
      d = Math.max(d, Math.max(Math.abs(model - below), Math.abs(above - model)));
    }
    return d;
  }

  /** The positive finite values, sorted ascending. */
  /**
   * The Hill (1975) estimator of the tail index ζ of the complementary CDF, P(X ≥ x) ∝ x^(−ζ) (ζ = α
   * − 1), on the largest k = ⌈{@code topShare} × n⌉ of the n positive finite values: ζ = k / Σ_{i≤k}
   * ln(x_(i) / x_(k+1)), x_(1) ≥ x_(2) ≥ … Unlike {@link #fit}, whose x_min a Kolmogorov–Smirnov scan
   * chooses, the tail is a fixed share of the firms, so the estimate moves less from run to run.
   * NaN when fewer than two values lie in the tail or they all equal x_(k+1).
   */
  public static double hill(double[] data, double topShare) {
    if (!(topShare > 0 && topShare < 1)) {
      throw new IllegalArgumentException("the tail's share must be in (0, 1), got " + topShare);
    }
    double[] x = positiveSorted(data);
    int n = x.length;
    int k = (int) Math.ceil(topShare * n);
    if (k < 2 || k >= n) {
      return Double.NaN;
    }
    double threshold = x[n - k - 1];
    double sum = 0;
    for (int i = n - k; i < n; i++) {
      sum += StrictMath.log(x[i] / threshold);
    }
    return sum > 0 ? k / sum : Double.NaN;
  }

  static double[] positiveSorted(double[] data) {
    Objects.requireNonNull(data, "data");
    double[] x = Arrays.stream(data).filter(v -> v > 0 && Double.isFinite(v)).toArray();
    Arrays.sort(x);
    return x;
  }
}
