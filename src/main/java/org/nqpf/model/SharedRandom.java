package org.nqpf.model;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Lets Commons Math distributions draw from the run's one MASON generator, so that every random
 * number still comes from the seeded {@code SimState.random} in a fixed order. Commons Math's
 * samplers compute with {@code FastMath}, pure Java, which gives the same bits on every JVM.
 */
final class SharedRandom implements RandomGenerator {
  private final MersenneTwisterFast random;

  SharedRandom(MersenneTwisterFast random) {
    this.random = random;
  }

  @Override
  public void setSeed(int seed) {
    throw new UnsupportedOperationException("the run's generator is seeded by the model only");
  }

  @Override
  public void setSeed(int[] seed) {
    throw new UnsupportedOperationException("the run's generator is seeded by the model only");
  }

  @Override
  public void setSeed(long seed) {
    throw new UnsupportedOperationException("the run's generator is seeded by the model only");
  }

  @Override
  public void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }

  @Override
  public int nextInt() {
    return random.nextInt();
  }

  @Override
  public int nextInt(int n) {
    return random.nextInt(n);
  }

  @Override
  public long nextLong() {
    return random.nextLong();
  }

  @Override
  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  @Override
  public float nextFloat() {
    return random.nextFloat();
  }

  @Override
  public double nextDouble() {
    return random.nextDouble();
  }

  @Override
  public double nextGaussian() {
    return random.nextGaussian();
  }
}
