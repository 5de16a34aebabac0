package org.nqpf.cli;

import java.util.Locale;
import org.nqpf.report.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nqpf} command: one sub-command per verb. */
@Command(name = "nqpf",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Agent-based model of an innovation ecosystem of private firms, SOEs, universities"
        + " and government (MASON).",
    subcommands = {RunCommand.class, SweepCommand.class, MergeCommand.class, ChartCommand.class, BenchCommand.class, VerifyCommand.class, GuiCommand.class, ValidateCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Exit code for bad input: a bad config, option or output location. */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(new Errors())
        .setParameterExceptionHandler(new Errors());
  }

  /** Reports the tool's version and the versions it was built with. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"nqpf " + Manifest.buildInfo("version"),
          "MASON " + Manifest.buildInfo("mason") + ", JFreeChart " + Manifest.buildInfo("jfreechart")
              + ", Java " + System.getProperty("java.version")};
    }
  }
}
