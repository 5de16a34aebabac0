package org.nqpf.report;

/**
 * An experiment's results folder cannot be read: the folder or one of its required files is
 * missing or unreadable, or a file does not have the format of docs/EXPERIMENTS.md. The message
 * names the file (and the line and column where it applies). A subclass of {@link OutputException}
 * so that the command line reports it like any other unusable results location: one line on
 * stderr and exit code 2.
 */
public class ResultsReadException extends OutputException {

  public ResultsReadException(String message) {
    super(message);
  }

  public ResultsReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
