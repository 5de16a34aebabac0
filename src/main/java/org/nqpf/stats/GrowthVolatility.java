package org.nqpf.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The relation of growth volatility to size (Stanley et al. 1996, Nature 379: 804–806; Amaral et
 * al. 1997: σ(g | S) ∝ S^(−β), β ≈ 0.15–0.2): observations (log size, growth) are split into
 * {@code bins} equal-count bins by size; in each, the mean log size and the standard deviation of
 * growth; the slope is the least-squares slope of ln sd on mean log size (−β), with its standard
 * error and its intercept (Commons Math {@link SimpleRegression}); bins with no spread are left
 * out of the fit.
 */
public record GrowthVolatility(double[] binLogSize, double[] binSd, int[] binCount, double slope, double slopeStandardError,
    double intercept) {

  public static GrowthVolatility of(double[] logSize, double[] growth, int bins) {
    Objects.requireNonNull(logSize, "logSize");
    Objects.requireNonNull(growth, "growth");
    if (logSize.length != growth.length) {
      throw new IllegalArgumentException("sizes and growth rates differ in number");
    }
    int n = logSize.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> logSize[i]).thenComparingInt(i -> i));
    int b = Math.max(1, Math.min(bins, n / 2));
    double[] size = new double[b];
    double[] sd = new double[b];
    int[] count = new int[b];
    SimpleRegression regression = new SimpleRegression();
    for (int k = 0; k < b; k++) {
      int from = (int) ((long) k * n / b);
      int to = (int) ((long) (k + 1) * n / b);
      double[] g = new double[to - from];
      double s = 0;
      for (int i = from; i < to; i++) {
        s += logSize[order[i]];
        g[i - from] = growth[order[i]];
      }
      size[k] = to > from ? s / (to - from) : Double.NaN;
      sd[k] = Moments.of(g).sd();
      count[k] = to - from;
      if (sd[k] > 0) {
        regression.addData(size[k], StrictMath.log(sd[k]));
      }
    }
    return new GrowthVolatility(size, sd, count, regression.getSlope(), regression.getSlopeStdErr(),
        regression.getIntercept());
  }
}
