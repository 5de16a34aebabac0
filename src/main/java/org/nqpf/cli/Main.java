package org.nqpf.cli;

import java.util.Locale;
import org.nqpf.report.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nqpf} command: one sub-command per verb. When the first argument names a sub-command,
 * only that one is built (picocli builds a command's model by reflection, and building all of them
 * loads the GUI's and the other verbs' classes: a tenth of a second of a {@code run}'s start);
 * otherwise (help, a mistyped verb) all are, so that usage and suggestions list every verb.
 */
@Command(name = "nqpf",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Agent-based model of an innovation ecosystem of private firms, SOEs, universities"
        + " and government (MASON).")
public final class Main implements java.util.concurrent.Callable<Integer> {

  /** The sub-commands, in the order usage lists them. */
  static final String[] VERBS = {"run", "sweep", "merge", "chart", "bench", "verify", "gui", "validate", "calibrate", "effects", "help"};

  /** picocli's system property: the types whose built-in converters it does not load. */
  static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  /** Exit code for bad input: a bad config, option or output location. */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** No command given: a usage error like any other (the usage on stderr, exit 2). */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: no command given; expected one of " + String.join(", ", VERBS));
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_BAD_INPUT;
  }

  /** {@link System#nanoTime} when {@link #main} began (0 when the commands are run without it, as in tests). */
  private static long mainStarted;

  public static void main(String[] args) {
    mainStarted = System.nanoTime();
    Locale.setDefault(Locale.ROOT);
    if (System.getProperty("java.awt.headless") == null && !needsDisplay(args)) {
      System.setProperty("java.awt.headless", "true");
    }
    System.exit(commandLine(args).execute(args));
  }

  /**
   * Whether the command line asks for a window: only {@code gui} does. Every other command draws
   * its charts into files and runs headless, so that it neither needs nor opens a connection to a
   * display even when DISPLAY is set; for {@code gui} AWT decides by itself (on Linux, headless
   * when DISPLAY is unset), and {@code gui} explains what to do when there is no display.
   */
  static boolean needsDisplay(String... args) {
    return args.length > 0 && args[0].equals("gui");
  }

  /** Seconds since {@link #main} began, or NaN if it did not run. */
  static double secondsSinceMain() {
    return mainStarted == 0 ? Double.NaN : (System.nanoTime() - mainStarted) / 1e9;
  }

  /**
   * The configured command line for {@code args} (for {@link #main} and tests): with only the
   * sub-command that the first argument names, if it names one, else with all of them.
   */
  public static CommandLine commandLine(String... args) {
    // No option takes a date, a time or a JDBC type: picocli need not look up their converters by
    // reflection at every start (about 60 classes, a hundredth of a second).
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
    }
    CommandLine cli = new CommandLine(new Main());
    // "help VERB" needs the verb's command too: help builds them all.
    Object named = args.length > 0 && !args[0].equals("help") ? subcommand(args[0]) : null;
    if (named != null) {
      cli.addSubcommand(args[0], named);
    } else {
      for (String verb : VERBS) {
        cli.addSubcommand(verb, subcommand(verb));
      }
    }
    HelpLayout.apply(cli);
    return cli.setExecutionExceptionHandler(new Errors()).setParameterExceptionHandler(new Errors());
  }

  /** A new instance of the sub-command {@code verb}, null if there is none of that name. */
  static Object subcommand(String verb) {
    switch (verb) {
      case "run":
        return new RunCommand();
      case "sweep":
        return new SweepCommand();
      case "merge":
        return new MergeCommand();
      case "chart":
        return new ChartCommand();
      case "bench":
        return new BenchCommand();
      case "verify":
        return new VerifyCommand();
      case "gui":
        return new GuiCommand();
      case "validate":
        return new ValidateCommand();
      case "calibrate":
        return new CalibrateCommand();
      case "effects":
        return new EffectsCommand();
      case "help":
        return new CommandLine.HelpCommand();
      default:
        return null;
    }
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
