package org.nqpf.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The concentration of a sample of non-negative values (innovation values): the Lorenz curve, the
 * Gini coefficient and the share of the total held by the top p of items.
 */
public final class Lorenz {
  private final double[] sorted;
  private final double total;

  private Lorenz(double[] sorted) {
    this.sorted = sorted;
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    this.total = sum;
  }

  /**
   * The concentration of the finite values of {@code data}.
   *
   * @throws IllegalArgumentException if a value is negative
   */
  public static Lorenz of(double[] data) {
    Objects.requireNonNull(data, "data");
    double[] x = Arrays.stream(data).filter(Double::isFinite).toArray();
    for (double v : x) {
      if (v < 0) {
        throw new IllegalArgumentException("a Lorenz curve needs non-negative values, got " + v);
      }
    }
    Arrays.sort(x);
    return new Lorenz(x);
  }

  public int n() {
    return sorted.length;
  }

  public double total() {
    return total;
  }

  /**
   * The share of the total held by the top {@code p} of items: the ⌈p·n⌉ largest (at least one).
   * NaN for an empty sample or a zero total.
   */
  public double topShare(double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in (0, 1], got " + p);
    }
    int n = sorted.length;
    if (n == 0 || !(total > 0)) {
      return Double.NaN;
    }
    int k = Math.max(1, (int) Math.ceil(p * n - 1e-9));
    double top = 0;
    for (int i = n - k; i < n; i++) {
      top += sorted[i];
    }
    return top / total;
  }

  /** Gini = Σ (2i − n − 1) x_(i) / (n Σ x), i = 1..n ascending; NaN for an empty sample or zero total. */
  public double gini() {
    int n = sorted.length;
    if (n == 0 || !(total > 0)) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    return sum / (n * total);
  }

  /**
   * The Lorenz curve at up to {@code points} + 1 evenly spaced population shares: rows
   * {population share, value share}, from (0, 0) to (1, 1).
   */
  public double[][] curve(int points) {
    int n = sorted.length;
    int m = Math.max(1, Math.min(points, n));
    double[] cumulative = new double[n + 1];
    for (int i = 0; i < n; i++) {
      cumulative[i + 1] = cumulative[i] + sorted[i];
    }
    double[][] curve = new double[m + 1][];
    for (int j = 0; j <= m; j++) {
      int i = (int) Math.round((double) j * n / m);
      curve[j] = new double[] {(double) i / Math.max(1, n), total > 0 ? cumulative[i] / total : 0};
    }
    return curve;
  }
}
