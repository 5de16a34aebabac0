package org.nqpf.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Statistics over the replications of one design point (docs/EXPERIMENTS.md, {@code summary.csv}):
 * the number of values n, their mean, the sample standard deviation and a confidence interval for
 * the mean from Student's t distribution,
 *
 * <pre>  mean ± t(1 − α/2; n − 1) · sd / √n,     sd = √( Σ (x − mean)² / (n − 1) )</pre>
 *
 * with α = 0.05 for the default 95% interval. The interval assumes the replications are
 * independent draws of a roughly normal mean (true for the seeds of docs/EXPERIMENTS.md; the
 * normality is approximate for small n and skewed metrics).
 *
 * <p>Special cases, none of which throws:
 *
 * <ul>
 *   <li>n = 1: the mean is the value; sd, ciLow and ciHigh are NaN (no spread can be estimated
 *       from one run). The CSV writer writes these as empty cells.
 *   <li>n = 0: every statistic is NaN (n is 0).
 *   <li>all values equal (n ≥ 2): sd is 0 and the interval is [mean, mean].
 *   <li>a NaN or infinite value: mean, sd and interval are NaN (or infinite) as IEEE arithmetic
 *       gives them; n still counts every value.
 * </ul>
 *
 * <p>Pure and deterministic: plain IEEE arithmetic in index order and {@link Math#sqrt} (correctly
 * rounded), the t quantile from Commons Math's {@link TDistribution}, built without a random
 * generator (its default constructor seeds one from the clock, which is not needed for
 * quantiles). Thread-safe.
 */
public final class Replications {
  /** The confidence level of {@link #of(double[])}. */
  public static final double CONFIDENCE = 0.95;

  /** Absolute accuracy of the t quantile (the Commons Math default is 1e-9). */
  private static final double QUANTILE_ACCURACY = 1e-12;

  private Replications() {}

  /**
   * The statistics of one design point's replications.
   *
   * @param n the number of values
   * @param mean their mean (NaN when n = 0)
   * @param sd the sample standard deviation, divisor n − 1 (NaN when n &lt; 2)
   * @param ciLow the lower end of the t confidence interval for the mean (NaN when n &lt; 2)
   * @param ciHigh the upper end (NaN when n &lt; 2)
   */
  public record Stats(int n, double mean, double sd, double ciLow, double ciHigh) {}

  /** The statistics of {@code values} with a 95% interval. */
  public static Stats of(double[] values) {
    return of(values, CONFIDENCE);
  }

  /**
   * The statistics of {@code values} with an interval at {@code confidence} (strictly between 0
   * and 1).
   */
  public static Stats of(double[] values, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    int n = values.length;
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = mean(values);
    if (n == 1) {
      return new Stats(1, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double sumSquares = 0;
    for (double value : values) {
      double d = value - mean;
      sumSquares += d * d;
    }
    double sd = Math.sqrt(sumSquares / (n - 1));
    double halfWidth = tQuantile(n - 1, 1 - (1 - confidence) / 2) * sd / Math.sqrt(n);
    return new Stats(n, mean, sd, mean - halfWidth, mean + halfWidth);
  }

  /**
   * The mean in two passes: the sum divided by n, then corrected by the mean of the deviations
   * from it (which removes most of the rounding error of the first pass).
   */
  static double mean(double[] values) {
    int n = values.length;
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    double mean = sum / n;
    if (!Double.isFinite(mean)) {
      return mean;
    }
    double correction = 0;
    for (double value : values) {
      correction += value - mean;
    }
    return mean + correction / n;
  }

  /**
   * The {@code p} quantile of Student's t distribution with {@code df} degrees of freedom (not
   * necessarily whole: Welch's interval has fractional degrees of freedom).
   */
  public static double tQuantile(double df, double p) {
    // No random generator: the distribution is used only for its quantile function.
    return new TDistribution(null, df, QUANTILE_ACCURACY).inverseCumulativeProbability(p);
  }

  /**
   * The difference of means high − low and its Welch interval at level {@code confidence}:
   * {effect, low, high}; the interval is NaN when either side has fewer than two values, and
   * [effect, effect] when neither varies.
   */
  public static double[] welch(double[] low, double[] high, double confidence) {
    Stats a = of(low);
    Stats b = of(high);
    double effect = b.mean() - a.mean();
    if (a.n() < 2 || b.n() < 2) {
      return new double[] {effect, Double.NaN, Double.NaN};
    }
    double va = a.sd() * a.sd() / a.n();
    double vb = b.sd() * b.sd() / b.n();
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return new double[] {effect, effect, effect};
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
    double half = tQuantile(df, 1 - (1 - confidence) / 2) * se;
    return new double[] {effect, effect - half, effect + half};
  }
}
