package org.nqpf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nqpf.config.Assignments;
import org.nqpf.config.Check;
import org.nqpf.config.ConfigException;
import org.nqpf.config.OutputFormats;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.experiment.Checkpoint;
import org.nqpf.experiment.CheckpointException;
import org.nqpf.experiment.MemoryEstimate;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;
import org.nqpf.report.FirmPanel;
import org.nqpf.report.ResultsFolder;
import org.nqpf.report.RunWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code run [scenario] [--set KEY=VALUE]... [--seed N] [--steps N] [--out DIR] [--checkpoint-every N]
 * [--resume-from FILE]}: one simulation, headless. With {@code --checkpoint-every N} the model is
 * checkpointed every N simulated steps into {@code <out>.checkpoints/} (see {@link Checkpoint});
 * with {@code --resume-from FILE} the run continues from such a checkpoint instead of starting
 * afresh, and writes the same results (byte for byte, but for the manifest's command line) as the
 * uninterrupted run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs one simulation headless and writes its results folder (config.yaml, timeseries.csv,"
        + " summary.json, innovations.png, manifest.json).")
final class RunCommand implements Callable<Integer> {
  /** Runs that take longer than this get a progress bar on stderr, when it is a terminal. */
  private static final long PROGRESS_AFTER_NANOS = 2_000_000_000L;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "Scenario file (YAML, or JSON by the .json extension). Default: the built-in baseline.")
  Path scenarioFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set a scenario key over the scenario file (or the baseline): a dotted key and a YAML value,"
          + " e.g. --set policy.rdSubsidyRate=0.3. Repeatable, applied in order, the last wins (docs/CONFIG.md).")
  List<String> set = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the run (overrides the scenario's).")
  Long seed;

  @Option(names = "--steps", paramLabel = "N", description = "Steps recorded after the burn-in (overrides the scenario's).")
  Integer steps;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder. Default: results/<scenario name>.")
  Path out;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--checkpoint-every", paramLabel = "N",
      description = "Write a MASON checkpoint every N simulated steps (burn-in included) to <out>.checkpoints/"
          + "checkpoint-<step>.ckpt.")
  Integer checkpointEvery;

  @Option(names = "--resume-from", paramLabel = "FILE",
      description = "Continue the run saved in this checkpoint to its end; the results equal the uninterrupted"
          + " run's. The scenario, --set, --seed and --steps may be omitted; if given they must match the checkpoint's.")
  Path resumeFrom;

  @Option(names = "--matrices",
      description = "Also write matrices.csv: the balance-sheet and transactions-flow matrices of every step"
          + " (docs/OUTPUTS.md). Not with --resume-from.")
  boolean matrices;

  @Option(names = "--firm-panel", paramLabel = "K",
      description = "Also write firm-panel.csv: one row per living firm at the first recorded step (after the burn-in)"
          + " and every K-th after it, K >= 1 (docs/OUTPUTS.md). Not with --resume-from.")
  Integer firmPanel;

  @Option(names = "--format", paramLabel = "FORMATS",
      description = "csv (the default) or csv,parquet: also write timeseries.parquet (and firm-panel.parquet)"
          + " (docs/OUTPUTS.md).")
  String format = "csv";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (checkpointEvery != null && checkpointEvery < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--checkpoint-every must be at least 1, not " + checkpointEvery);
    }
    if (matrices && resumeFrom != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--matrices cannot be used with --resume-from: the checkpoint does not hold the matrices of the steps before it;"
              + " rerun from the start with --matrices");
    }
    if (firmPanel != null && firmPanel < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--firm-panel: value " + firmPanel + " is not allowed; expected a whole number K >= 1 (a row per firm every K-th"
              + " recorded step)");
    }
    if (firmPanel != null && resumeFrom != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--firm-panel cannot be used with --resume-from: the checkpoint does not hold the firms of the steps before it;"
              + " rerun from the start with --firm-panel");
    }
    OutputFormats formats = OutputFormats.parse("--format", format);
    EcosystemModel model;
    Scenario scenario;
    if (resumeFrom != null) {
      model = Checkpoint.read(resumeFrom);
      scenario = model.scenario();
      if (scenarioFile != null || !set.isEmpty() || seed != null || steps != null) {
        Scenario asked = resolve();
        if (!asked.equals(scenario)) {
          throw new CheckpointException("cannot resume from " + resumeFrom + ": it is a checkpoint of scenario '"
              + scenario.name() + "' (seed " + scenario.seed() + ", " + scenario.steps() + " steps), which differs from"
              + " the scenario given on the command line; omit the scenario, --set, --seed and --steps to use the"
              + " checkpoint's");
        }
      }
    } else {
      scenario = resolve();
      model = new EcosystemModel(scenario);
    }
    MemoryEstimate.check(scenario, 1, MemoryEstimate.available());
    Path target = out != null ? out : Path.of("results", scenario.name());
    Path checkpoints = checkpointEvery != null ? Checkpoint.folderFor(target) : null;
    Path written;
    TimeSeries series;
    try (ResultsFolder folder = ResultsFolder.create(target, "run", scenarioFile, resumeFrom)) {
      FirmPanel panel = firmPanel == null ? null : new FirmPanel(firmPanel, scenario.burnIn());
      series = simulate(model, resumeFrom == null, checkpoints, panel);
      written = RunWriter.write(folder, scenario, series, model.firms(), model.matrices(), panel, formats.parquet(),
          commandLine(), set);
    }
    if (!quiet) {
      int last = series.size() - 1;
      spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d steps (burn-in %d), seed %d -> %s%n", scenario.name(),
          series.size(), scenario.burnIn(), scenario.seed(), written);
      spec.commandLine().getOut().printf(Locale.ROOT,
          "final: %d firms, private shares: firms %.3f, output %.3f, employment %.3f, innovation %.3f, tax %.3f%n",
          (int) series.get(last, Metric.FIRMS), series.get(last, Metric.PRIVATE_SHARE_FIRMS),
          series.get(last, Metric.PRIVATE_SHARE_OUTPUT), series.get(last, Metric.PRIVATE_SHARE_EMPLOYMENT),
          series.get(last, Metric.PRIVATE_SHARE_INNOVATION), series.get(last, Metric.PRIVATE_SHARE_TAX));
    }
    return 0;
  }

  /**
   * The scenario file over the defaults, then the {@code --set} assignments, then {@code --seed} and
   * {@code --steps}, each checked like config values.
   */
  Scenario resolve() {
    Assignments sets = Assignments.parse(set);
    refuseTwice(sets, "seed", seed);
    refuseTwice(sets, "steps", steps);
    Scenario scenario = ScenarioLoader.load(scenarioFile, sets);
    noteIfEmpty(spec, scenarioFile);
    try {
      if (seed != null) {
        scenario = scenario.withSeed(seed);
      }
      if (steps != null) {
        scenario = scenario.withSteps(steps);
      }
    } catch (ConfigException e) {
      throw new ConfigException("--" + e.keyPath(), e.getMessage().substring(e.keyPath().length() + 2));
    }
    Check.present("scenario", scenario);
    return scenario;
  }

  /** Refuses a key given both by its own option and by {@code --set}: which should win is not obvious. */
  private static void refuseTwice(Assignments sets, String key, Object option) {
    String given = sets.setting(key);
    if (option != null && given != null) {
      throw new ConfigException("--" + key, "value " + option + " and " + Assignments.OPTION + " " + given
          + " both set the " + key + "; expected one of them");
    }
  }

  /** Says on stderr that a scenario file that sets no key runs the built-in defaults (an empty file is often a mistake). */
  static void noteIfEmpty(CommandLine.Model.CommandSpec spec, Path scenarioFile) {
    if (scenarioFile != null && ScenarioLoader.setsNoKey(scenarioFile)) {
      spec.commandLine().getErr().println("note: scenario file " + scenarioFile + " sets no key (it is empty or only"
          + " comments): running the built-in defaults");
    }
  }

  /**
   * Steps the model to the scenario's end: from a fresh {@code start()}, or, for a model read from
   * a checkpoint, from the step it was saved at (it is not started again: its schedule, generator
   * and series carry on). Writes a checkpoint after every {@code checkpointEvery}-th step when
   * {@code checkpoints} is a folder.
   */
  private TimeSeries simulate(EcosystemModel model, boolean fresh, Path checkpoints, FirmPanel panel) {
    int total = model.scenario().totalSteps();
    long started = System.nanoTime();
    if (fresh) {
      model.start();
      if (matrices) {
        model.keepMatrices();
      }
    }
    // The progress bar, shown once the run has lasted PROGRESS_AFTER_NANOS (set by the step listener).
    ProgressBar[] shown = new ProgressBar[1];
    try {
      model.stepToEnd((stepped, step) -> {
        if (panel != null) {
          panel.observe(stepped);
        }
        if (checkpoints != null && (step + 1) % checkpointEvery == 0) {
          Checkpoint.write(stepped, checkpoints);
        }
        if (shown[0] == null && !quiet && System.console() != null && System.nanoTime() - started > PROGRESS_AFTER_NANOS) {
          shown[0] = new ProgressBarBuilder().setTaskName(stepped.scenario().name()).setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
              .setUnit(" steps", 1).build();
        }
        if (shown[0] != null) {
          shown[0].stepTo(step + 1L);
        }
      });
    } finally {
      if (shown[0] != null) {
        shown[0].close();
      }
    }
    model.finish();
    return model.series();
  }

  /** The command as typed, for the manifest. */
  private String commandLine() {
    return String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
