package org.nqpf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nqpf.config.EffectsConfig;
import org.nqpf.config.EffectsLoader;
import org.nqpf.experiment.EffectsOutput;
import org.nqpf.experiment.EffectsRunner;
import org.nqpf.experiment.MemoryEstimate;
import org.nqpf.report.ResultsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code effects FILE [--threads N] [--out DIR] [--quiet]}: runs a policy-effects table (each
 * policy's scenarios with and without it under the same seeds) and writes the paired differences of
 * its outcomes with 95% intervals, the expected signs and whether the model agrees (docs/EFFECTS.md).
 */
@Command(name = "effects", mixinStandardHelpOptions = true,
    description = "Runs a policy-effects table: each policy with and without, paired by seed, and writes the differences"
        + " of private innovation, the private output share, private productivity growth, private SMEs' credit and R&D and the government's"
        + " net cost with 95%% intervals against the signs the literature expects (docs/EFFECTS.md).")
final class EffectsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Policy-effects file (YAML, or JSON by the .json extension).")
  Path file;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<name>).")
  Path out;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    EffectsConfig config = EffectsLoader.load(file);
    int workers = Threads.of(threads);
    int runs = EffectsRunner.runs(config);
    MemoryEstimate.check(config.baseScenario(), Math.min(workers, runs), MemoryEstimate.available());
    Path target = out != null ? out : Path.of("results", config.name());
    long started = System.nanoTime();
    List<EffectsRunner.PolicyEffects> results;
    Path written;
    try (ResultsFolder folder = ResultsFolder.create(target, "effects", EffectsLoader.inputs(file))) {
      try (SweepCommand.Progress progress = new SweepCommand.Progress(quiet, config.name(), runs)) {
        results = EffectsRunner.run(config, workers, progress::accept);
      }
      written = EffectsOutput.write(folder, config, results, workers,
          String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    }
    if (!quiet) {
      long agree = results.stream().flatMap(p -> p.effects().stream()).filter(e -> e.agreement().equals("yes")).count();
      long against = results.stream().flatMap(p -> p.effects().stream()).filter(e -> e.agreement().equals("no") || e.agreement().startsWith("no (")).count();
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%s: %d policies, %d runs (%d replications, master seed %d) on %d threads in %.1f s: %d effects of the expected"
              + " sign, %d opposite -> %s%n",
          config.name(), config.policies().size(), runs, config.replications(), config.masterSeed(), workers,
          (System.nanoTime() - started) / 1e9, agree, against, written);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
