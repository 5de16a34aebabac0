package org.nqpf.cli;

import org.nqpf.config.ConfigException;

/** The {@code --threads} option of the commands that run replications in parallel. */
final class Threads {
  /** The most worker threads a command starts. */
  static final int MAX = 4096;

  private Threads() {}

  /**
   * The worker threads: the option's value, or the number of cores when it is not given.
   *
   * @throws ConfigException naming {@code --threads} when the value is outside [1, {@value #MAX}]
   */
  static int of(Integer threads) {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > MAX) {
      throw new ConfigException("--threads", "value " + workers + " is out of range; expected a whole number in [1, " + MAX + "]");
    }
    return workers;
  }
}
