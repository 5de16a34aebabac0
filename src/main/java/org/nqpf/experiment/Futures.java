package org.nqpf.experiment;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a worker's result, for the runners that run models on a pool of threads. */
public final class Futures {
  private Futures() {}

  /**
   * The result of {@code future}; a runtime exception of the worker is rethrown as it is (so that a
   * refusal keeps its type and message), anything else wrapped.
   *
   * @param what what was interrupted, for the message ("the sweep", "the validation")
   */
  public static <T> T take(Future<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
