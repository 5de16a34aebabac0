package org.nqpf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.nqpf.bench.ModelBench;
import org.nqpf.bench.ModelBench.RunTiming;
import org.nqpf.bench.ScaledEconomy;
import org.nqpf.config.Check;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.experiment.SweepRunner;
import org.nqpf.model.Phase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures the model and the sweep runner. The model part runs the baseline scaled
 * to each of {@code --sizes} firms ({@link ScaledEconomy}: universities, parks, talent imports and
 * the region's area grow with the firms) on one thread and prints firm-steps per second, the peak
 * heap, the heap per firm and the fitted exponent of step time against firm count, next to the
 * floor of an empty MASON schedule stepping as many trivial agents. The sweep part sweeps an
 * experiment with one thread and with all cores, in one warm JVM (a warm-up round first, so that
 * compilation does not count), and prints runs per second and the speed-up. Wall-clock figures
 * belong here, never in tests.
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
      benchFirstRun(out, base);
    }
    ExperimentConfig experiment = what == Part.MODEL ? null : ExperimentLoader.load(experimentFile);
    if (what != Part.SWEEP) {
      benchModel(out, base, firmCounts, recorded, burn);
    }
    if (what != Part.MODEL) {
      benchSweep(out, experiment);
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

  /** The baseline in a JVM that has run nothing else: what a user's first run costs. */
  private static void benchFirstRun(PrintWriter out, Scenario base) {
    RunTiming cold = ModelBench.run(base, false);
    double sinceMain = Main.secondsSinceMain();
    double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    out.printf(Locale.ROOT, "model: baseline (%,d firms, %d + %d steps), first run after JVM start: %.2f s (build %.2f s, steps %.2f s),"
        + " done %s%.2f s after the JVM was launched%n", base.firms().count(), base.burnIn(), base.steps(),
        cold.buildSeconds() + cold.stepSeconds(), cold.buildSeconds(), cold.stepSeconds(),
        Double.isNaN(sinceMain) ? "" : String.format(Locale.ROOT, "%.2f s after the command began, ", sinceMain), uptime);
    out.flush();
  }

  private void benchModel(PrintWriter out, Scenario base, int[] firmCounts, int recorded, int burn) {
    out.printf(Locale.ROOT, "model: the baseline scaled to each size (universities, industrial parks, talent imports and the region's"
        + " area grow with the firms, densities stay the baseline's), %d + %d steps, one thread, best of %d round(s) after untimed"
        + " runs of up to %,d firm-steps; max heap %,d MB%n", burn, recorded, rounds, warmUpFirmSteps, ModelBench.maxHeap() >> 20);
    out.printf(Locale.ROOT, "%11s %8s %8s %8s %13s %13s %8s %8s %8s %10s %10s %8s%n", "firms", "build s", "steps s", "cpu s",
        "firm-steps/s", "per cpu s", "ns/f-s", "floor ns", "x floor", "peak heap", "world heap", "B/firm");
    double[] x = new double[firmCounts.length];
    double[] wall = new double[firmCounts.length];
    double[] cpu = new double[firmCounts.length];
    ModelBench.FirmReads[] floors = new ModelBench.FirmReads[firmCounts.length];
    for (int i = 0; i < firmCounts.length; i++) {
      Scenario scaled = ScaledEconomy.of(base, firmCounts[i], recorded, burn);
      int warmUps = warmUpRuns(warmUpFirmSteps, firmCounts[i], scaled.totalSteps());
      for (int w = 0; w < warmUps; w++) {
        ModelBench.run(scaled, false);
      }
      RunTiming best = null;
      long world = 0;
      long peak = 0;
      for (int r = 0; r < rounds; r++) {
        RunTiming t = ModelBench.run(scaled, r == 0, true);
        world = r == 0 ? t.heapOfWorld() : world;
        peak = Math.max(peak, t.peakHeap());
        if (best == null || t.stepCpuSeconds() < best.stepCpuSeconds()) {
          best = t;
        }
      }
      int floorSteps = Math.max(1, (int) Math.min(best.steps(), 2e8 / firmCounts[i]));
      double floor = ModelBench.floorNanosPerAgentStep(firmCounts[i], floorSteps, rounds);
      x[i] = firmCounts[i];
      wall[i] = best.stepSeconds();
      cpu[i] = best.stepCpuSeconds();
      out.printf(Locale.ROOT, "%,11d %8.2f %8.2f %8.2f %,13.0f %,13.0f %8.0f %8.1f %8.0f %,7d MB %,7d MB %,8.0f%n", firmCounts[i],
          best.buildSeconds(), best.stepSeconds(), best.stepCpuSeconds(), best.firmStepsPerSecond(), best.firmStepsPerCpuSecond(),
          best.cpuNanosPerFirmStep(), floor, best.cpuNanosPerFirmStep() / floor, peak >> 20, world >> 20, world / (double) firmCounts[i]);
      out.printf(Locale.ROOT, "%11s (%s; %,d firms at the end; %d untimed run(s) first)%n", "", ScaledEconomy.describe(scaled),
          best.firmsAtEnd(), warmUps);
      out.printf(Locale.ROOT, "%11s CPU ns per firm-step by phase: %s%n", "", phaseBreakdown(best));
      ModelBench.FirmReads reads = best.firmReads();
      floors[i] = reads;
      if (reads == null) {
        out.printf(Locale.ROOT, "%11s memory floor: not measured, no firm was left at the end%n", "");
      } else {
        out.printf(Locale.ROOT, "%11s memory floor: one field read from each of the %,d firms at the end, %.1f CPU ns per firm in the"
            + " list's order, %.1f in a random order, %.1f from a copy of the field in an array%n", "", reads.firms(), reads.inOrderNanos(),
            reads.randomOrderNanos(), reads.arrayNanos());
      }
      out.flush();
    }
    out.printf(Locale.ROOT, "columns: wall-clock and CPU seconds of the steps (the world's construction apart), firm-steps per wall-clock and"
        + " per CPU second, CPU ns per firm-step, the floor (CPU ns per agent-step of an empty MASON schedule stepping as many trivial"
        + " agents) and the model's cost as a multiple of it, peak heap of the run (sum of the heap pools' peaks), live heap of the built"
        + " world and per initial firm; the memory floor is measured on the firms of the best round once its steps are done%n");
    if (firmCounts.length >= 2) {
      out.printf(Locale.ROOT, "scaling exponent of step time against firm count (%,d to %,d firms): %.2f (CPU time), %.2f (wall-clock)%n",
          firmCounts[0], firmCounts[firmCounts.length - 1], ModelBench.scalingExponent(x, cpu), ModelBench.scalingExponent(x, wall));
      if (Arrays.stream(floors).allMatch(Objects::nonNull)) {
        out.printf(Locale.ROOT, "scaling exponent of the memory floor's pass time against firm count (the machine's, for a pass that"
            + " reads one field of each firm): %.2f in the list's order, %.2f in a random order, %.2f from an array%n",
            passExponent(floors, ModelBench.FirmReads::inOrderNanos), passExponent(floors, ModelBench.FirmReads::randomOrderNanos),
            passExponent(floors, ModelBench.FirmReads::arrayNanos));
      }
    }
  }

  /** The scaling exponent of a memory floor's pass time (firms read × CPU ns per firm) against the firms read. */
  private static double passExponent(ModelBench.FirmReads[] floors, ToDoubleFunction<ModelBench.FirmReads> nanosPerFirm) {
    double[] firms = new double[floors.length];
    double[] passTime = new double[floors.length];
    for (int i = 0; i < floors.length; i++) {
      firms[i] = floors[i].firms();
      passTime[i] = floors[i].firms() * nanosPerFirm.applyAsDouble(floors[i]);
    }
    return ModelBench.scalingExponent(firms, passTime);
  }

  /**
   * Untimed runs before a size's timed rounds: as many whole runs of {@code firms} × {@code steps}
   * firm-steps as fit in {@code budget} (at the start, before the growth of the economy), at most
   * 100, none when one run is larger. A 1,000-firm run takes a few tenths of a second, so without
   * them it would be timed while the JIT is still compiling the model; a 100,000-firm run is long
   * enough to absorb that.
   */
  static int warmUpRuns(long budget, int firms, int steps) {
    return (int) Math.min(100, budget / ((long) firms * steps));
  }

  /** "government 1, talent 150, ..." for the phases that ran, in the order of a step. */
  static String phaseBreakdown(RunTiming timing) {
    StringBuilder b = new StringBuilder();
    for (Phase phase : Phase.values()) {
      if (timing.phaseCpuNanos() != null && timing.phaseCpuNanos()[phase.ordinal()] > 0) {
        b.append(b.length() == 0 ? "" : ", ").append(phase.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(String.format(Locale.ROOT, " %.0f", timing.cpuNanosPerFirmStep(phase)));
      }
    }
    return b.toString();
  }

  private void benchSweep(PrintWriter out, ExperimentConfig experiment) throws IOException {
    int parallel = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Path scratch = Files.createTempDirectory("nqpf-bench");
    try {
      long runs = new SweepRunner(experiment, 1, SweepRunner.Shard.ALL).totalRuns();
      out.printf(Locale.ROOT, "sweep: %s, %d runs per sweep, %d cores%n", experimentFile, runs, Runtime.getRuntime().availableProcessors());
      out.flush();
      time(experiment, parallel, scratch.resolve("warm-up"));
      double best1 = Double.MAX_VALUE;
      double bestN = Double.MAX_VALUE;
      for (int r = 0; r < rounds; r++) {
        double one = time(experiment, 1, scratch.resolve("one-" + r));
        double many = time(experiment, parallel, scratch.resolve("many-" + r));
        out.printf(Locale.ROOT, "round %d: 1 thread %.2f s (%.1f runs/s), %d threads %.2f s (%.1f runs/s)%n", r + 1, one, runs / one, parallel,
            many, runs / many);
        out.flush();
        best1 = Math.min(best1, one);
        bestN = Math.min(bestN, many);
      }
      out.printf(Locale.ROOT, "best: 1 thread %.1f runs/s, %d threads %.1f runs/s, speed-up %.2f%n", runs / best1, parallel, runs / bestN,
          best1 / bestN);
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
