package org.nqpf.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nqpf.calibration.CalibrationRun;
import org.nqpf.calibration.Calibrator;
import org.nqpf.calibration.MomentSimulator;
import org.nqpf.calibration.ShardedEvaluator;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.CalibrationLoader;
import org.nqpf.config.ConfigException;
import org.nqpf.experiment.SweepRunner;
import org.nqpf.report.ResultsFolder;
import org.nqpf.report.ResultsLock;
import org.nqpf.report.ResultsTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code calibrate CALIBRATION [--threads N] [--out DIR] [--resume] [--quiet] [--shards N [--launcher srun|processes]]};
 * internally, a shard's worker: {@code calibrate CALIBRATION --evaluate BATCH [--shard I/N] [--threads N]}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Estimates scenario parameters from target moments by simulated minimum distance with CMA-ES and"
        + " writes the calibrated scenario, trace, fit table and profiles (docs/CALIBRATION.md).")
final class CalibrateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CALIBRATION", description = "Calibration file (YAML, or JSON by the .json extension).")
  Path calibrationFile;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<name>).")
  Path out;

  @Option(names = "--resume", description = "Continue an interrupted calibration from its <out>.partial folder.")
  boolean resume;

  @Option(names = "--quiet", description = "No progress lines, no summary line.")
  boolean quiet;

  @Option(names = "--shards", paramLabel = "N", description = "Run each generation's evaluations as N shards in separate"
      + " JVMs (see --launcher), each on --threads threads; the same files as on local threads.")
  Integer shards;

  @Option(names = "--launcher", paramLabel = "L", description = "How --shards starts the shards: srun (default; one srun"
      + " job step of N tasks per generation, inside a SLURM job: experiments/slurm/calibrate.sbatch) or processes (N child"
      + " JVMs on this machine).")
  String launcher;

  /** Internal: the batch of runs that a shard's worker evaluates (written by the driver in {@code <out>.partial/shards}). */
  @Option(names = "--evaluate", paramLabel = "BATCH", hidden = true)
  Path evaluate;

  /** Internal, with {@code --evaluate}: the shard to evaluate (default: SLURM_PROCID of the batch's N). */
  @Option(names = "--shard", paramLabel = "I/N", hidden = true)
  String shard;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CalibrationConfig config = CalibrationLoader.load(calibrationFile);
    MomentSimulator.statistics(config);
    int workers = Threads.of(threads);
    if (evaluate != null) {
      return evaluateShard(config);
    }
    if (shard != null) {
      throw new ConfigException("--shard", "calibrate takes no --shard (it is a shard worker's); spread a calibration with"
          + " --shards N");
    }
    if (launcher != null && shards == null) {
      throw new ConfigException("--launcher", "needs --shards N, the number of shards to launch");
    }
    ShardedEvaluator.Sharding sharding = null;
    if (shards != null) {
      sharding = new ShardedEvaluator.Sharding(shards,
          launcher == null ? ShardedEvaluator.Launcher.SRUN : ShardedEvaluator.Launcher.parse(launcher), threads);
      ShardedEvaluator.check(sharding, System.getenv());
    }
    Path target = ResultsTarget.check(out != null ? out : Path.of("results", config.name()),
        CalibrationLoader.inputs(calibrationFile));
    Calibrator.Listener progress = (evaluation, best) -> {
      if (!quiet && (evaluation == best || (evaluation.index() + 1) % 10 == 0)) {
        spec.commandLine().getErr().printf(Locale.ROOT, "%s: evaluation %d/%d, stage %d, best objective %.6g (evaluation %d)%n",
            config.name(), evaluation.index() + 1, config.budget(), evaluation.stage() + 1, best.objective(), best.index());
      }
    };
    Calibrator.Result result;
    Path written;
    try (ResultsLock lock = ResultsLock.acquire(target, "calibrate")) {
      if (resume && lock.previousHolder() != null) {
        // Its lock was free: the process that held it ended without finishing (a crash, a kill -9).
        spec.commandLine().getErr().println("note: " + lock.workingFolder() + " was left by " + lock.previousHolder()
            + ", which has ended; taking it over");
      }
      Path work = lock.workingFolder();
      result = CalibrationRun.run(config, work, resume, workers, sharding, progress);
      String command = String.join(" ", spec.commandLine().getParseResult().originalArgs());
      CalibrationRun.manifest(work, config, workers, command);
      written = ResultsFolder.replace(work, target);
    }
    if (!quiet) {
      long met = result.fit().stream().filter(Calibrator.FitRow::meets).count();
      String where = sharding == null ? workers + " threads"
          : "up to " + sharding.shards() + " shards (" + sharding.launcher().label() + ")";
      spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d evaluations × %d replications on %s; best objective"
          + " %.6g; %d of %d targets met on fresh seeds -> %s%n", config.name(), result.trace().size(), config.replications(),
          where, result.best().objective(), met, result.fit().size(), written);
    }
    return 0;
  }

  /** A shard's worker: the calibration file is the driver's resolved one; nothing else may be asked of it. */
  private Integer evaluateShard(CalibrationConfig config) {
    if (shards != null || launcher != null || out != null || resume) {
      throw new ConfigException("--evaluate", "is a shard worker's option (the driver starts them); it takes no --shards,"
          + " --launcher, --out or --resume");
    }
    Integer index = null;
    Integer count = null;
    if (shard != null) {
      SweepRunner.Shard slice = SweepCommand.parseShard(shard);
      index = slice.index();
      count = slice.count();
    }
    int workers = threads != null ? threads : System.getenv("SLURM_CPUS_PER_TASK") != null
        && System.getenv("SLURM_CPUS_PER_TASK").matches("[0-9]+") ? Integer.parseInt(System.getenv("SLURM_CPUS_PER_TASK"))
        : Runtime.getRuntime().availableProcessors();
    ShardedEvaluator.evaluateShard(config, evaluate, index, count, Math.max(1, workers));
    return 0;
  }
}
