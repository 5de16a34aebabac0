package org.nqpf.report;

/**
 * A results file or folder cannot be written where it was asked for (a regular file in the way,
 * a parent that cannot be created or is not writable, an I/O failure while committing). Unchecked
 * so the command line can report it as a user-facing error with the path in the message.
 */
public class OutputException extends RuntimeException {

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
