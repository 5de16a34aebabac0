package org.nqpf.stats;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Mean, standard deviation, skewness and excess kurtosis of a sample (Commons Math: the sample
 * standard deviation, and the bias-corrected skewness and excess kurtosis, 0 for a normal).
 */
public record Moments(int n, double mean, double sd, double skewness, double excessKurtosis) {

  /** The moments of the finite values of {@code data} (NaN where fewer values than needed). */
  public static Moments of(double[] data) {
    Objects.requireNonNull(data, "data");
    double[] x = Arrays.stream(data).filter(Double::isFinite).toArray();
    return new Moments(x.length, x.length > 0 ? new Mean().evaluate(x) : Double.NaN,
        x.length > 1 ? new StandardDeviation().evaluate(x) : Double.NaN,
        x.length > 2 ? new Skewness().evaluate(x) : Double.NaN,
        x.length > 3 ? new Kurtosis().evaluate(x) : Double.NaN);
  }
}
