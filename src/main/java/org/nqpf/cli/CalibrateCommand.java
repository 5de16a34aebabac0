package org.nqpf.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nqpf.calibration.CalibrationRun;
import org.nqpf.calibration.Calibrator;
import org.nqpf.calibration.MomentSimulator;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.CalibrationLoader;
import org.nqpf.config.ConfigException;
import org.nqpf.report.ResultsFolder;
import org.nqpf.report.ResultsLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calibrate CALIBRATION [--threads N] [--out DIR] [--resume] [--quiet]}. */
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

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CalibrationConfig config = CalibrationLoader.load(calibrationFile);
    MomentSimulator.statistics(config);
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 4096) {
      throw new ConfigException("--threads", "value " + workers + " is out of range; expected a whole number in [1, 4096]");
    }
    Path target = ResultsFolder.checkTarget(out != null ? out : Path.of("results", config.name()),
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
      result = CalibrationRun.run(config, work, resume, workers, progress);
      String command = String.join(" ", spec.commandLine().getParseResult().originalArgs());
      CalibrationRun.manifest(work, config, workers, command);
      written = ResultsFolder.replace(work, target);
    }
    if (!quiet) {
      long met = result.fit().stream().filter(Calibrator.FitRow::meets).count();
      spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d evaluations × %d replications on %d threads; best objective"
          + " %.6g; %d of %d targets met on fresh seeds -> %s%n", config.name(), result.trace().size(), config.replications(),
          workers, result.best().objective(), met, result.fit().size(), written);
    }
    return 0;
  }
}
