package org.nqpf.model;

import java.util.function.LongToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A paired comparison across seeds: the same seed run with a lever off and on, the per-seed
 * differences, their mean and a 95% confidence interval from the t distribution.
 */
record Paired(int seeds, double mean, double low, double high) {

  static Paired compare(int seeds, long firstSeed, LongToDoubleFunction off, LongToDoubleFunction on) {
    double[] differences = new double[seeds];
    for (int i = 0; i < seeds; i++) {
      long seed = firstSeed + i;
      differences[i] = on.applyAsDouble(seed) - off.applyAsDouble(seed);
    }
    double mean = 0;
    for (double d : differences) {
      mean += d;
    }
    mean /= seeds;
    double squares = 0;
    for (double d : differences) {
      squares += (d - mean) * (d - mean);
    }
    double standardError = StrictMath.sqrt(squares / (seeds - 1) / seeds);
    double t = new TDistribution(seeds - 1).inverseCumulativeProbability(0.975);
    return new Paired(seeds, mean, mean - t * standardError, mean + t * standardError);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "mean difference %.4g, 95%% CI [%.4g, %.4g] over %d seeds", mean, low, high, seeds);
  }
}
