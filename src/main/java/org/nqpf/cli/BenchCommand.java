package org.nqpf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nqpf.bench.Benchmarks;
import org.nqpf.config.Check;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures the model and the sweep runner ({@link Benchmarks}, which runs and prints
 * them); this command parses and checks the options. Wall-clock figures belong there and here,
 * never in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks the model (firm-steps per second at growing economy sizes, scaling exponent, peak heap,"
        + " memory per firm, cost against an empty MASON schedule) and the sweep (runs per second with 1 thread"
        + " and with all cores, and their ratio).",
        "Economies are the baseline scaled: universities, industrial parks, talent imports and the region's area grow"
            + " with the number of firms, so that densities stay the baseline's (or --scenario's)."})
final class BenchCommand implements Callable<Integer> {
  /** Which parts to run. */
  enum Part { ALL, MODEL, SWEEP }

  @Option(names = "--what", paramLabel = "PART", description = "What to benchmark: all, model or sweep (default: all).")
  String whatName = "all";

  @Option(names = "--experiment", paramLabel = "FILE", description = "The experiment to sweep (default: experiments/bench-sweep.yaml).")
  Path experimentFile = Path.of("experiments", "bench-sweep.yaml");

  @Option(names = "--scenario", paramLabel = "FILE", description = "The scenario the model part scales (default: the"
      + " built-in baseline), for example one that switches a mechanism to compare its cost.")
  Path scenarioFile;

  @Option(names = "--threads", paramLabel = "N", description = "Threads of the parallel runs (default: the number of cores).")
  Integer threads;

  @Option(names = "--rounds", paramLabel = "R", description = "Timed rounds after the warm-up (default: 2); the best counts.")
  int rounds = 2;

  @Option(names = "--warm-up", paramLabel = "N", description = "Firm-steps of untimed runs of each size before its timed"
      + " rounds (as many whole runs as fit, at most 100, none when one run is larger; default: 3000000), so that the JIT"
      + " has compiled the model before a small size is timed.")
  long warmUpFirmSteps = 3_000_000;

  @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", description = "Firm counts of the model part (default: 1000,10000,100000).")
  List<String> sizes = List.of("1000", "10000", "100000");

  @Option(names = "--steps", paramLabel = "N", description = "Recorded steps of each model run (default: the scenario's; the baseline's 200).")
  Integer steps;

  @Option(names = "--burn-in", paramLabel = "N", description = "Burn-in steps of each model run (default: the scenario's; the baseline's 900).")
  Integer burnIn;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (rounds < 1) {
      throw new ConfigException("--rounds", "value " + rounds + " is not allowed; expected a whole number of at least 1");
    }
    if (warmUpFirmSteps < 0) {
      throw new ConfigException("--warm-up", "value " + warmUpFirmSteps + " is not allowed; expected a whole number of at least 0");
    }
    if (threads != null && threads < 1) {
      throw new ConfigException("--threads", "value " + threads + " is not allowed; expected a whole number of at least 1");
    }
    Part what = part(whatName);
    Scenario base = scenarioFile == null ? Scenario.DEFAULT : ScenarioLoader.load(scenarioFile);
    int recorded = steps == null ? base.steps() : steps;
    int burn = burnIn == null ? base.burnIn() : burnIn;
    if (recorded < 1 || recorded > 1_000_000) {
      throw new ConfigException("--steps", "value " + recorded + " is not allowed; expected a whole number in [1, 1000000]");
    }
    if (burn < 0 || burn > 1_000_000) {
      throw new ConfigException("--burn-in", "value " + burn + " is not allowed; expected a whole number in [0, 1000000]");
    }
    int[] firmCounts = parseSizes(sizes);
    PrintWriter out = spec.commandLine().getOut();
    if (what != Part.SWEEP) {
      // The first run before anything else (the experiment's parsing included) has warmed the JVM up.
      Benchmarks.firstRun(out, base, Main::secondsSinceMain);
    }
    ExperimentConfig experiment = what == Part.MODEL ? null : ExperimentLoader.load(experimentFile);
    if (what != Part.SWEEP) {
      Benchmarks.model(out, base, firmCounts, recorded, burn, rounds, warmUpFirmSteps);
    }
    if (what != Part.MODEL) {
      Benchmarks.sweep(out, experiment, experimentFile, threads == null ? Runtime.getRuntime().availableProcessors() : threads,
          rounds);
    }
    out.flush();
    return 0;
  }

  static Part part(String name) {
    for (Part p : Part.values()) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new ConfigException("--what", "value '" + name + "' is not allowed; expected all, model or sweep");
  }

  /** The firm counts of --sizes: whole numbers in [100, 10,000,000], each once, in increasing order. */
  static int[] parseSizes(List<String> values) {
    if (values == null || values.isEmpty()) {
      throw new ConfigException("--sizes", "no firm counts given; expected whole numbers in [100, " + Check.MAX_AGENTS + "] separated by commas");
    }
    List<Integer> counts = new ArrayList<>();
    for (String value : values) {
      int n;
      try {
        n = Integer.parseInt(value.trim().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new ConfigException("--sizes", "value '" + value + "' is not a whole number; expected firm counts in [100, "
            + Check.MAX_AGENTS + "] separated by commas");
      }
      if (n < 100 || n > Check.MAX_AGENTS) {
        throw new ConfigException("--sizes", "value " + n + " is not allowed; expected firm counts in [100, " + Check.MAX_AGENTS + "]");
      }
      if (counts.contains(n)) {
        throw new ConfigException("--sizes", "value " + n + " is given twice; expected each firm count once");
      }
      counts.add(n);
    }
    return counts.stream().sorted().mapToInt(Integer::intValue).toArray();
  }
}
