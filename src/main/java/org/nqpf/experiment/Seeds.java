package org.nqpf.experiment;

/**
 * Each run's seed from (master seed, design point, replication) by SplitMix64 mixing, so that it
 * depends on nothing else: not on execution order, thread count or sharding (docs/EXPERIMENTS.md).
 */
public final class Seeds {
  private Seeds() {}

  /** seed(master, p, r) = mix(mix(mix(master) ^ p) ^ r) >>> 1, a non-negative 63-bit seed. */
  public static long of(long master, long point, long replication) {
    return mix(mix(mix(master) ^ point) ^ replication) >>> 1;
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
