package org.nqpf.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nqpf.config.Check;
import org.nqpf.config.ConfigException;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.experiment.MemoryEstimate;
import org.nqpf.report.ResultsFolder;
import org.nqpf.stats.PowerLawFit;
import org.nqpf.validation.Target;
import org.nqpf.validation.ValidationOutput;
import org.nqpf.validation.ValidationResult;
import org.nqpf.validation.ValidationRunner;
import org.nqpf.validation.ValidationTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code validate [SCENARIO] [--replications R] [--seed N] [--threads N] [--out DIR] [--quiet]}:
 * runs the scenario (by default the built-in baseline) over R replications and reports it against
 * stylized facts (docs/VALIDATION.md) in {@code results/validation/}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Runs the baseline (or SCENARIO) over replications and reports the model against stylized facts:"
        + " validation.csv, charts/, report.html (docs/VALIDATION.md).")
final class ValidateCommand implements Callable<Integer> {
  static final int MAX_REPLICATIONS = 1000;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "Scenario file (YAML, or JSON by the .json extension). Default: the built-in baseline.")
  Path scenarioFile;

  @Option(names = "--replications", paramLabel = "R", defaultValue = "10",
      description = "Replications (runs with seeds derived from the master seed), at least 2. Default: ${DEFAULT-VALUE}.")
  int replications;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Master seed; replication r runs with seed Seeds.of(N, 0, r). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder. Default: results/validation.")
  Path out;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (replications < 2 || replications > MAX_REPLICATIONS) {
      throw new ConfigException("--replications", "value " + replications + " is out of range; expected a whole number in [2, "
          + MAX_REPLICATIONS + "] (a confidence interval needs at least two replications)");
    }
    Check.seed("--seed", seed);
    int workers = Threads.of(threads);
    Scenario scenario = scenarioFile == null ? Scenario.DEFAULT : ScenarioLoader.load(scenarioFile);
    RunCommand.noteIfEmpty(spec, scenarioFile);
    Check.present("scenario", scenario);
    MemoryEstimate.check(scenario, Math.min(workers, replications), MemoryEstimate.available());
    Path target = out != null ? out : Path.of("results", "validation");
    long started = System.nanoTime();
    ValidationResult result;
    Path written;
    try (ResultsFolder folder = ResultsFolder.create(target, "validate", scenarioFile)) {
      try (SweepCommand.Progress progress = new SweepCommand.Progress(quiet, "validate", replications)) {
        result = ValidationRunner.run(scenario, replications, seed, workers, PowerLawFit.DEFAULT_MIN_TAIL, progress::accept);
      }
      written = ValidationOutput.write(folder, result, workers, String.join(" ",
          spec.commandLine().getParseResult().originalArgs()));
    }
    if (!quiet) {
      long pass = result.rows().stream().filter(r -> r.verdict() == Target.Verdict.PASS).count();
      long miss = result.rows().stream().filter(r -> r.verdict() == Target.Verdict.MISS).count();
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%s: %d replications (master seed %d) on %d threads in %.1f s: %d targets pass, %d miss, %d descriptive -> %s%n",
          scenario.name(), replications, seed, workers, (System.nanoTime() - started) / 1e9, pass, miss,
          result.rows().size() - pass - miss, written);
      spec.commandLine().getOut().print(ValidationTables.console(result));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
