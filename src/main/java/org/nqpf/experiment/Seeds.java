package org.nqpf.experiment;

import org.nqpf.config.Check;

/**
 * Each run's seed from (master seed, design point, replication) by SplitMix64 mixing, so that it
 * depends on nothing else: not on execution order, thread count or sharding (docs/EXPERIMENTS.md).
 * The seeds are the mix's top 53 bits, at most {@link Check#MAX_SEED} = 2^53 − 1: every seed is a
 * double exactly, so that runs.csv read by R, pandas or a spreadsheet (which read numbers as
 * doubles) gives back the seed that reruns the row.
 */
public final class Seeds {
  private Seeds() {}

  /** seed(master, p, r) = mix(mix(mix(master) ^ p) ^ r) >>> 11, in [0, 2^53 − 1]. */
  public static long of(long master, long point, long replication) {
    return mix(mix(mix(master) ^ point) ^ replication) >>> (Long.SIZE - Check.SEED_BITS);
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
