package org.nqpf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nqpf.config.Assignments;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.config.OutputFormats;
import org.nqpf.experiment.ExperimentFinisher;
import org.nqpf.experiment.SweepRunner;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.ExperimentManifest;
import org.nqpf.report.ResultsLock;
import org.nqpf.report.ResultsTarget;
import org.nqpf.report.ShardFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code sweep EXPERIMENT [--set KEY=VALUE]... [--threads N] [--out DIR] [--resume] [--shard I/N]}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Runs an experiment (design points × replications) on all cores and writes its results folder"
        + " (docs/EXPERIMENTS.md).")
final class SweepCommand implements Callable<Integer> {
  /** Designs of this many points or more say so before they are built (15 s per 100,000 points). */
  static final long ANNOUNCED_POINTS = 10_000;

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (YAML, or JSON by the .json extension).")
  Path experimentFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set a key of the experiment's base scenario, after the file's base, scenario, steps and burnIn:"
          + " a dotted key and a YAML value, e.g. --set firms.count=500; not a key the design varies. Repeatable,"
          + " applied in order, the last wins (docs/CONFIG.md).")
  List<String> set = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<name>, or"
      + " results/<name>/shard-I for a shard).")
  Path out;

  @Option(names = "--resume", description = "Continue an interrupted sweep from its <out>.partial folder.")
  boolean resume;

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (runs whose index mod N is I).")
  String shard;

  @Option(names = "--firm-panel", paramLabel = "K",
      description = "Also write firm-panel.csv: a row per living firm of each run at the first recorded step (after the"
          + " burn-in) and every K-th after it, K >= 1; overrides the experiment file's firmPanel (docs/OUTPUTS.md).")
  Integer firmPanel;

  @Option(names = "--format", paramLabel = "FORMATS",
      description = "csv or csv,parquet: also write runs.parquet, timeseries.parquet and firm-panel.parquet (with the"
          + " parameter values as columns); overrides the experiment file's formats (docs/OUTPUTS.md).")
  String format;

  @Option(names = "--quiet", description = "No progress bar, no summary line.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (firmPanel != null && firmPanel < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--firm-panel: value " + firmPanel + " is not allowed; expected a whole number K >= 1 (a row per firm every K-th"
              + " recorded step)");
    }
    OutputFormats formats = format == null ? null : OutputFormats.parse("--format", format);
    ExperimentConfig experiment = ExperimentLoader.load(experimentFile, Assignments.parse(set));
    if (formats != null) {
      experiment = experiment.withFormats(formats);
    }
    if (firmPanel != null) {
      experiment = experiment.withFirmPanel(firmPanel);
    }
    int workers = Threads.of(threads);
    SweepRunner.Shard slice = parseShard(shard);
    Path target = out != null ? out
        : slice.isAll() ? Path.of("results", experiment.name()) : Path.of("results", experiment.name(), "shard-" + slice.index());
    ResultsTarget.check(target, experimentFile);
    warnOfSobolSamples(experiment);
    long points = ExperimentLoader.points(experiment.design(), experiment.parameters());
    if (points >= ANNOUNCED_POINTS && !quiet) {
      spec.commandLine().getErr().printf(Locale.ROOT, "%s: building and checking %d design points before the first run%n",
          experiment.name(), points);
    }
    Path written;
    SweepRunner runner;
    long runs;
    try (ResultsLock lock = ResultsLock.acquire(target, "sweep")) {
      if (resume && lock.previousHolder() != null) {
        // Its lock was free: the process that held it ended without finishing (a crash, a kill -9).
        spec.commandLine().getErr().println("note: " + lock.workingFolder() + " was left by " + lock.previousHolder()
            + ", which has ended; taking it over");
      }
      runner = new SweepRunner(experiment, workers, slice);
      runs = slice.runs(runner.totalRuns());
      Path work;
      try (Progress progress = new Progress(quiet, experiment.name(), runs)) {
        work = runner.run(target, resume, progress);
      }
      String command = String.join(" ", spec.commandLine().getParseResult().originalArgs());
      if (slice.isAll()) {
        ExperimentFinisher.finish(work, experiment, runner.points());
      } else {
        ShardFolder.writeShard(work, slice.index(), slice.count(), runs);
      }
      ExperimentManifest.write(work, experiment.baseScenario(), ExperimentFolder.EXPERIMENT, experiment.masterSeed(), workers,
          slice.toString(), command, set);
      if (slice.isAll()) {
        ExperimentFinisher.report(work);
      }
      written = SweepRunner.complete(work, target);
    }
    if (!quiet) {
      spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d points × %d replications, shard %s: %d runs on %d threads -> %s%n",
          experiment.name(), runner.points().size(), experiment.replications(), slice, runs, workers, written);
    }
    return 0;
  }

  /**
   * A Sobol sequence is balanced in blocks of 2^m points, so Saltelli's estimators converge best
   * with N a power of two (Saltelli et al. 2010; SALib warns the same): any other N is run, with
   * a warning.
   */
  private void warnOfSobolSamples(ExperimentConfig experiment) {
    int n = experiment.design().samples();
    if (experiment.design().type() == ExperimentConfig.DesignType.SOBOL && Integer.bitCount(n) != 1) {
      int below = Integer.highestOneBit(n);
      spec.commandLine().getErr().printf(Locale.ROOT, "warning: design.samples %d is not a power of two; Saltelli's"
          + " scheme draws N rows from a Sobol sequence, which is balanced only in blocks of 2^m points, so its indices"
          + " converge best with N = %d or %d%n", n, below, below * 2);
    }
  }

  static SweepRunner.Shard parseShard(String text) {
    if (text == null) {
      return SweepRunner.Shard.ALL;
    }
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 2) {
        return new SweepRunner.Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new ConfigException("--shard", "value \"" + text + "\" is not allowed; expected I/N with 0 <= I < N, e.g. 0/3");
  }

  /** A progress bar on stderr (done/total, rate, ETA) on a terminal; nothing when quiet or in a log. */
  static final class Progress implements LongConsumer, AutoCloseable {
    private final ProgressBar bar;

    Progress(boolean quiet, String name, long total) {
      // On a terminal only: in a log file (a SLURM job's, a CI run's) a redrawn bar is noise.
      bar = quiet || System.console() == null ? null : new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" runs", 1).showSpeed().build();
    }

    @Override
    public void accept(long done) {
      if (bar != null) {
        bar.stepTo(done);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
