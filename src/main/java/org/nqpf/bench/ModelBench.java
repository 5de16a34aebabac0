package org.nqpf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.Phase;
import org.nqpf.model.PhaseListener;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Times the model on one thread: a run of a scenario (its world built, then every step), with the
 * firm-steps done (firms alive summed over the steps), the heap the built world holds and the peak
 * heap of the run; the floor of the framework, an empty MASON schedule stepping as many
 * trivial agents; and the memory floor of the run's firms, a pass reading one field of each.
 */
public final class ModelBench {
  private ModelBench() {
  }

  /** What one timed run measured. */
  public record RunTiming(int firms, int steps, double buildSeconds, double stepSeconds, double stepCpuSeconds, long firmSteps,
      long heapOfWorld, long peakHeap, int firmsAtEnd, long[] phaseCpuNanos, FirmReads firmReads) {
    /** CPU nanoseconds per firm-step spent in {@code phase}'s mechanism (0 when phases were not timed or it is off). */
    public double cpuNanosPerFirmStep(Phase phase) {
      return phaseCpuNanos == null ? 0 : phaseCpuNanos[phase.ordinal()] / (double) firmSteps;
    }

    /** Firm-steps per second of stepping (the world's construction not counted). */
    public double firmStepsPerSecond() {
      return firmSteps / stepSeconds;
    }

    /** Firm-steps per second of the thread's CPU time (less sensitive to other load on the machine). */
    public double firmStepsPerCpuSecond() {
      return firmSteps / stepCpuSeconds;
    }

    /** Nanoseconds per firm-step. */
    public double nanosPerFirmStep() {
      return stepSeconds * 1e9 / firmSteps;
    }

    /** CPU nanoseconds per firm-step. */
    public double cpuNanosPerFirmStep() {
      return stepCpuSeconds * 1e9 / firmSteps;
    }

    /** Live heap of the built world per firm, in bytes. */
    public double bytesPerFirm() {
      return heapOfWorld / (double) firms;
    }
  }

  /**
   * The memory floor of a run's firms, measured when its steps are done: CPU nanoseconds per firm of
   * a pass that reads one field of each living firm (its id), in the firm list's order and in a
   * random order, best of three; and of the same pass over a copy of that field in an array, in
   * the list's order (what a pass would cost if the firms' state were kept in arrays). Every
   * mechanism that passes over the firms reads at least this much of each; how it grows with the
   * number of firms is the memory's, not work.
   */
  public record FirmReads(int firms, double inOrderNanos, double randomOrderNanos, double arrayNanos) {
  }

  /** Runs the scenario to its end and measures it; {@code measureHeap} adds full GCs around the build. */
  public static RunTiming run(Scenario scenario, boolean measureHeap) {
    return run(scenario, measureHeap, false);
  }

  /**
   * Runs the scenario to its end and measures it; {@code measureHeap} adds full GCs around the
   * build; {@code details} also measures the CPU time of each phase (two clock reads per phase and
   * step, about a microsecond each, counted in the step time) and, after the last step, the
   * firms' memory floor ({@link FirmReads}, not counted in the step time; null if no firm is left).
   */
  public static RunTiming run(Scenario scenario, boolean measureHeap, boolean details) {
    long before = measureHeap ? liveHeap() : 0;
    resetPeaks();
    EcosystemModel model = new EcosystemModel(scenario);
    long t0 = System.nanoTime();
    model.start();
    long t1 = System.nanoTime();
    long world = measureHeap ? liveHeap() - before : 0;
    PhaseClock clock = details ? new PhaseClock() : null;
    model.setPhaseListener(clock);
    int steps = scenario.totalSteps();
    // The firms each step starts with: those after the build, then those after each step but the last.
    long[] firmSteps = {steps > 0 ? model.firms().size() : 0};
    long c2 = cpuNanos();
    long t2 = System.nanoTime();
    model.stepToEnd((stepped, step) -> {
      if (step < steps - 1) {
        firmSteps[0] += stepped.firms().size();
      }
    });
    long t3 = System.nanoTime();
    long c3 = cpuNanos();
    int atEnd = model.firms().size();
    FirmReads reads = details && atEnd > 0 ? firmReads(model.firms(), 3) : null;
    model.finish();
    long peak = peakHeap();
    return new RunTiming(scenario.firms().count(), steps, (t1 - t0) / 1e9, (t3 - t2) / 1e9, (c3 - c2) / 1e9, firmSteps[0], world, peak,
        atEnd, clock == null ? null : clock.nanos, reads);
  }

  /**
   * The {@link FirmReads} of {@code firms} where the run left them: passes reading each firm's id in
   * the list's order and in a random order (a shuffle drawn from a generator with a fixed seed),
   * about twenty million reads a round, best of {@code rounds}; a first untimed pass of each order.
   */
  public static FirmReads firmReads(List<Firm> firms, int rounds) {
    int n = firms.size();
    if (n == 0 || rounds < 1) {
      throw new IllegalArgumentException(n + " firms, " + rounds + " rounds: expected at least one of each");
    }
    Firm[] inOrder = firms.toArray(new Firm[0]);
    sim.util.Bag order = new sim.util.Bag(firms);
    order.shuffle(new ec.util.MersenneTwisterFast(20_261_128L));
    Firm[] shuffled = (Firm[]) order.toArray(new Firm[0]);
    int[] idArray = new int[n];
    long ids = 0;
    for (int i = 0; i < n; i++) {
      idArray[i] = inOrder[i].getId();
      ids += idArray[i];
    }
    int passes = (int) Math.max(1, 20_000_000L / n);
    readIds(shuffled, 1, ids);
    readIds(inOrder, 1, ids);
    readIds(idArray, 1, ids);
    double bestInOrder = Double.MAX_VALUE;
    double bestRandom = Double.MAX_VALUE;
    double bestArray = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      bestInOrder = Math.min(bestInOrder, readIds(inOrder, passes, ids));
      bestRandom = Math.min(bestRandom, readIds(shuffled, passes, ids));
      bestArray = Math.min(bestArray, readIds(idArray, passes, ids));
    }
    return new FirmReads(n, bestInOrder, bestRandom, bestArray);
  }

  /** CPU nanoseconds per firm of {@code passes} passes summing the ids of {@code firms}; checks the sum against {@code ids} per pass. */
  private static double readIds(Firm[] firms, int passes, long ids) {
    long sum = 0;
    long t0 = cpuNanos();
    for (int p = 0; p < passes; p++) {
      for (Firm f : firms) {
        sum += f.getId();
      }
    }
    long t1 = cpuNanos();
    if (sum != ids * passes) {
      throw new IllegalStateException("the firms' ids summed to " + sum + " in " + passes + " passes, expected " + ids * passes);
    }
    return (t1 - t0) / ((double) passes * firms.length);
  }

  /** CPU nanoseconds per element of {@code passes} passes summing {@code values}; checks the sum against {@code ids} per pass. */
  private static double readIds(int[] values, int passes, long ids) {
    long sum = 0;
    long t0 = cpuNanos();
    for (int p = 0; p < passes; p++) {
      for (int v : values) {
        sum += v;
      }
    }
    long t1 = cpuNanos();
    if (sum != ids * passes) {
      throw new IllegalStateException("the ids' copy summed to " + sum + " in " + passes + " passes, expected " + ids * passes);
    }
    return (t1 - t0) / ((double) passes * values.length);
  }

  /** Sums the CPU time of the current thread spent in each phase. */
  private static final class PhaseClock implements PhaseListener {
    final long[] nanos = new long[Phase.values().length];
    private long started;

    @Override
    public void phaseStarted(Phase phase) {
      started = cpuNanos();
    }

    @Override
    public void phaseEnded(Phase phase) {
      nanos[phase.ordinal()] += cpuNanos() - started;
    }
  }

  /** CPU time of the current thread in nanoseconds (wall-clock time if the JVM cannot measure it). */
  public static long cpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /**
   * The framework's floor: CPU nanoseconds per agent-step of a MASON schedule stepping {@code agents}
   * trivial agents (each adds one to a counter) {@code steps} times, best of {@code rounds}.
   */
  public static double floorNanosPerAgentStep(int agents, int steps, int rounds) {
    double best = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      SimState state = new SimState(1);
      state.start();
      Counter[] counters = new Counter[agents];
      for (int i = 0; i < agents; i++) {
        counters[i] = new Counter();
        state.schedule.scheduleRepeating(counters[i]);
      }
      long t0 = cpuNanos();
      for (int s = 0; s < steps; s++) {
        state.schedule.step(state);
      }
      long t1 = cpuNanos();
      state.finish();
      long total = 0;
      for (Counter c : counters) {
        total += c.count;
      }
      if (total != (long) agents * steps) {
        throw new IllegalStateException("the empty schedule stepped " + total + " agent-steps, expected " + (long) agents * steps);
      }
      best = Math.min(best, (t1 - t0) / (double) total);
    }
    return best;
  }

  /** A trivial agent: counts its steps. */
  private static final class Counter implements Steppable {
    private static final long serialVersionUID = 1L;
    long count;

    @Override
    public void step(SimState state) {
      count++;
    }
  }

  /**
   * The least-squares slope of ln(y) on ln(x): the exponent b of y ≈ a·x^b; NaN with fewer than
   * two distinct x.
   */
  public static double scalingExponent(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += StrictMath.log(x[i]) / n;
      my += StrictMath.log(y[i]) / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = StrictMath.log(x[i]) - mx;
      sxy += dx * (StrictMath.log(y[i]) - my);
      sxx += dx * dx;
    }
    return sxx > 0 ? sxy / sxx : Double.NaN;
  }

  /** Heap in use after full collections (a few, until it stops falling). */
  public static long liveHeap() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      long now = rt.totalMemory() - rt.freeMemory();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peak usage since the last reset (an upper bound on the peak heap). */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }

  /** The maximum heap the JVM may use. */
  public static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
