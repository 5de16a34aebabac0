package org.nqpf.cli;

import org.nqpf.calibration.ShardFailure;
import org.nqpf.config.ConfigException;
import org.nqpf.experiment.CheckpointException;
import org.nqpf.model.ModelDivergedException;
import org.nqpf.report.OutputException;
import picocli.CommandLine;

/**
 * Turns refusals into one clear line on stderr and exit code 2 (bad config, bad option, unusable
 * output location, unusable checkpoint); a failed shard of a calibration and a diverged run
 * ({@link ModelDivergedException}, wherever it is wrapped) are one message too, with exit code 1;
 * anything else is an internal error, exit code 1, with its stack trace.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (e instanceof ConfigException) {
      cmd.getErr().println("error: invalid configuration: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    if (e instanceof CheckpointException) {
      cmd.getErr().println("error: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    if (e instanceof OutputException) {
      cmd.getErr().println("error: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    ModelDivergedException diverged = ModelDivergedException.in(e);
    if (diverged != null) {
      cmd.getErr().println("error: " + diverged.getMessage());
      return 1;
    }
    if (e instanceof ShardFailure) {
      cmd.getErr().println("error: " + e.getMessage());
      return 1;
    }
    cmd.getErr().println("internal error: " + e);
    e.printStackTrace(cmd.getErr());
    return 1;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("error: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr())) {
      cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    }
    return Main.EXIT_BAD_INPUT;
  }
}
