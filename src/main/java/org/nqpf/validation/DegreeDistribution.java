package org.nqpf.validation;

import java.util.Arrays;
import java.util.Objects;

/** The degrees of a network's nodes: the count of nodes with each degree, and summary moments. */
public record DegreeDistribution(long[] counts, int nodes, double mean, double sd, int max, double coefficientOfVariation) {

  public static DegreeDistribution of(int[] degrees) {
    Objects.requireNonNull(degrees, "degrees");
    int max = 0;
    for (int d : degrees) {
      if (d < 0) {
        throw new IllegalArgumentException("a degree must not be negative: " + d);
      }
      max = Math.max(max, d);
    }
    long[] counts = new long[max + 1];
    for (int d : degrees) {
      counts[d]++;
    }
    return fromCounts(counts);
  }

  /** The distribution of the given counts by degree. */
  public static DegreeDistribution fromCounts(long[] counts) {
    long n = 0;
    double sum = 0;
    int max = 0;
    for (int k = 0; k < counts.length; k++) {
      n += counts[k];
      sum += (double) k * counts[k];
      if (counts[k] > 0) {
        max = k;
      }
    }
    double mean = n > 0 ? sum / n : Double.NaN;
    double ss = 0;
    for (int k = 0; k < counts.length; k++) {
      ss += counts[k] * (k - mean) * (k - mean);
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
    return new DegreeDistribution(Arrays.copyOf(counts, max + 1), (int) n, mean, sd, max, mean > 0 ? sd / mean : Double.NaN);
  }

  /** Share of nodes with degree k. */
  public double share(int k) {
    return k < counts.length && nodes > 0 ? (double) counts[k] / nodes : 0;
  }

  /** This distribution's counts plus another's. */
  public DegreeDistribution plus(DegreeDistribution other) {
    long[] sum = new long[Math.max(counts.length, other.counts.length)];
    for (int k = 0; k < sum.length; k++) {
      sum[k] = (k < counts.length ? counts[k] : 0) + (k < other.counts.length ? other.counts[k] : 0);
    }
    return fromCounts(sum);
  }
}
