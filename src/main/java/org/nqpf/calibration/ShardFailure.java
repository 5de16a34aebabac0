package org.nqpf.calibration;

/**
 * A shard of a sharded calibration failed, or left no usable moments: its message says which,
 * with the end of its output. The command reports it in one message and exits with 1 (the
 * calibration's files so far stay in {@code <out>.partial}, for {@code --resume}).
 */
public final class ShardFailure extends RuntimeException {
  public ShardFailure(String message) {
    super(message);
  }

  public ShardFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
