package org.nqpf.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.nqpf.bench.ModelBench.RunTiming;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.Scenario;
import org.nqpf.experiment.SweepRunner;
import org.nqpf.model.Phase;

/**
 * What {@code bench} measures and prints (the command parses and checks its options). The model
 * part runs the baseline scaled to each size ({@link ScaledEconomy}: universities, parks, talent
 * imports and the region's area grow with the firms) on one thread and prints firm-steps per
 * second, the peak heap, the heap per firm and the fitted exponent of step time against firm
 * count, next to the floor of an empty MASON schedule stepping as many trivial agents. The sweep
 * part sweeps an experiment with one thread and with all cores, in one warm JVM (a warm-up round
 * first, so that compilation does not count), and prints runs per second and the speed-up.
 */
public final class Benchmarks {
  private Benchmarks() {}

  /**
   * The baseline in a JVM that has run nothing else: what a user's first run costs;
   * {@code secondsSinceMain} tells, once the run is done, the seconds since the command began (NaN
   * if not known).
   */
  public static void firstRun(PrintWriter out, Scenario base, DoubleSupplier secondsSinceMain) {
    RunTiming cold = ModelBench.run(base, false);
    double sinceMain = secondsSinceMain.getAsDouble();
    double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    out.printf(Locale.ROOT, "model: baseline (%,d firms, %d + %d steps), first run after JVM start: %.2f s (build %.2f s, steps %.2f s),"
        + " done %s%.2f s after the JVM was launched%n", base.firms().count(), base.burnIn(), base.steps(),
        cold.buildSeconds() + cold.stepSeconds(), cold.buildSeconds(), cold.stepSeconds(),
        Double.isNaN(sinceMain) ? "" : String.format(Locale.ROOT, "%.2f s after the command began, ", sinceMain), uptime);
    out.flush();
  }

  /**
   * The model part: {@code base} scaled to each of {@code firmCounts} firms ({@link ScaledEconomy})
   * with {@code recorded} + {@code burn} steps, each size after untimed runs of up to
   * {@code warmUpFirmSteps} firm-steps, best of {@code rounds}; then the scaling exponents.
   */
  public static void model(PrintWriter out, Scenario base, int[] firmCounts, int recorded, int burn, int rounds,
      long warmUpFirmSteps) {
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

  /**
   * The sweep part: {@code experiment} (read from {@code experimentFile}, named in the output) swept
   * with one thread and with {@code parallel}, in this warm JVM, after a warm-up sweep, best of
   * {@code rounds}; its folders in a scratch folder removed at the end.
   */
  public static void sweep(PrintWriter out, ExperimentConfig experiment, Path experimentFile, int parallel, int rounds)
      throws IOException {
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
