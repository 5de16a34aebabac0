package org.nqpf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.experiment.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures the sweep runner's throughput with one thread and with all cores, in one
 * warm JVM (a warm-up round first, so that compilation does not count), and prints runs per second
 * and the speed-up. Wall-clock figures belong here, never in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks the sweep: runs per second with 1 thread and with all cores, and their ratio.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--experiment", paramLabel = "FILE", description = "The experiment to sweep (default: experiments/bench-sweep.yaml).")
  Path experimentFile = Path.of("experiments", "bench-sweep.yaml");

  @Option(names = "--threads", paramLabel = "N", description = "Threads of the parallel runs (default: the number of cores).")
  Integer threads;

  @Option(names = "--rounds", paramLabel = "R", description = "Timed rounds after the warm-up (default: 2); the best counts.")
  int rounds = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ExperimentConfig experiment = ExperimentLoader.load(experimentFile);
    int parallel = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (parallel < 1 || rounds < 1) {
      throw new ConfigException(parallel < 1 ? "--threads" : "--rounds", "value must be at least 1");
    }
    Path scratch = Files.createTempDirectory("nqpf-bench");
    try {
      var out = spec.commandLine().getOut();
      long runs = new SweepRunner(experiment, 1, SweepRunner.Shard.ALL).totalRuns();
      out.printf(Locale.ROOT, "bench: %s, %d runs per sweep, %d cores%n", experimentFile, runs,
          Runtime.getRuntime().availableProcessors());
      time(experiment, parallel, scratch.resolve("warm-up"));
      double best1 = Double.MAX_VALUE;
      double bestN = Double.MAX_VALUE;
      for (int r = 0; r < rounds; r++) {
        double one = time(experiment, 1, scratch.resolve("one-" + r));
        double many = time(experiment, parallel, scratch.resolve("many-" + r));
        out.printf(Locale.ROOT, "round %d: 1 thread %.2f s (%.1f runs/s), %d threads %.2f s (%.1f runs/s)%n", r + 1, one,
            runs / one, parallel, many, runs / many);
        best1 = Math.min(best1, one);
        bestN = Math.min(bestN, many);
      }
      out.printf(Locale.ROOT, "best: 1 thread %.1f runs/s, %d threads %.1f runs/s, speed-up %.2f%n", runs / best1, parallel,
          runs / bestN, best1 / bestN);
      return 0;
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Seconds for the runs of one sweep (the files they stream included, the summary and charts not). */
  private static double time(ExperimentConfig experiment, int threads, Path out) {
    long start = System.nanoTime();
    new SweepRunner(experiment, threads, SweepRunner.Shard.ALL).run(out, false, done -> { });
    return (System.nanoTime() - start) / 1e9;
  }
}
