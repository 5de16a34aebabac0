package org.nqpf.experiment;

/**
 * A checkpoint cannot be used to resume a run: it is missing, truncated, corrupt, written by an
 * incompatible version, or of another scenario. Reported as one line on stderr with exit code 2.
 */
public final class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
