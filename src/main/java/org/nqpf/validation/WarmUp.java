package org.nqpf.validation;

import java.util.Objects;

/**
 * The warm-up (initial transient) of a series by MSER-5 (White 1997; White, Cobb and Spratt 2000):
 * the series is cut into batches of five, and the truncation d (in batches) that minimises the
 * marginal standard error MSER(d) = Σ_{j>d} (z_j − z̄_d)² / (k − d)² of the k batch means z is the
 * warm-up. Truncations are searched up to half the batches, the usual guard against the statistic's
 * instability at the very end of a series.
 */
public final class WarmUp {
  private WarmUp() {}

  /** MSER's batch size. */
  public static final int BATCH = 5;

  /** The longest warm-up {@link #mser5} can find in a series of {@code n} values: half its batches. */
  public static int searchLimit(int n) {
    return n / BATCH / 2 * BATCH;
  }

  /**
   * The warm-up of {@code x} in steps (a multiple of {@link #BATCH}), or -1 when it cannot be
   * measured: fewer than four batches, or a value that is not finite.
   */
  public static int mser5(double[] x) {
    Objects.requireNonNull(x, "x");
    int k = x.length / BATCH;
    if (k < 4) {
      return -1;
    }
    double[] z = new double[k];
    for (int j = 0; j < k; j++) {
      double sum = 0;
      for (int i = j * BATCH; i < (j + 1) * BATCH; i++) {
        if (!Double.isFinite(x[i])) {
          return -1;
        }
        sum += x[i];
      }
      z[j] = sum / BATCH;
    }
    int best = 0;
    double bestMser = Double.POSITIVE_INFINITY;
    for (int d = 0; d <= searchLimit(x.length) / BATCH; d++) {
      double mean = 0;
      for (int j = d; j < k; j++) {
        mean += z[j];
      }
      mean /= k - d;
      double ss = 0;
      for (int j = d; j < k; j++) {
        ss += (z[j] - mean) * (z[j] - mean);
      }
      double mser = ss / ((double) (k - d) * (k - d));
      if (mser < bestMser) {
        bestMser = mser;
        best = d;
      }
    }
    return best * BATCH;
  }
}
