package org.nqpf.experiment;

import java.util.Locale;
import org.nqpf.config.ConfigException;
import org.nqpf.config.Scenario;
import org.nqpf.model.Metric;

/**
 * An upper estimate of the heap a run needs, so that an economy too large for this JVM is refused
 * before anything starts (exit 2, naming the key and the estimate) instead of failing with an
 * {@link OutOfMemoryError} after minutes or hours. The estimate is deliberately generous: the
 * firm population can grow during a run (entry), so it counts {@link #PEAK_FIRMS_PER_INITIAL}
 * times the initial firms. The per-agent sizes are measured (docs/PERFORMANCE.md).
 */
public final class MemoryEstimate {
  /** Heap per living firm with its network node, spatial entry, loans and bookkeeping (measured, rounded up). */
  public static final long BYTES_PER_FIRM = 3 * 1024;
  /** The most firms alive during a run, relative to the initial count (baseline runs peak near 2). */
  public static final double PEAK_FIRMS_PER_INITIAL = 2.5;
  /** Heap per university with its invention queue and alliances. */
  public static final long BYTES_PER_UNIVERSITY = 64 * 1024;
  /** Heap per simulated step: one row of every metric, held twice while the outputs are written. */
  public static final long BYTES_PER_STEP = 2L * Metric.values().length * Double.BYTES + 64;
  /** The rest of a JVM running one model: classes, MASON, buffers. */
  public static final long FIXED_BYTES = 96L * 1024 * 1024;

  private MemoryEstimate() {}

  /** Bytes of firms, of universities, and of the time series of one run of {@code scenario}. */
  public record Parts(double firms, double universities, double series) {
    public double total() {
      return firms + universities + series;
    }
  }

  public static Parts of(Scenario scenario) {
    return new Parts(
        (double) scenario.firms().count() * PEAK_FIRMS_PER_INITIAL * BYTES_PER_FIRM,
        (double) scenario.universities().count() * BYTES_PER_UNIVERSITY,
        (double) scenario.totalSteps() * BYTES_PER_STEP);
  }

  /** The heap this JVM may use ({@code -Xmx}). */
  public static long available() {
    return Runtime.getRuntime().maxMemory();
  }

  /**
   * Refuses {@code scenario} if {@code concurrentRuns} runs of it at once would need more heap than
   * {@code available} bytes.
   *
   * @throws ConfigException naming the key that dominates the estimate, its value, the estimate
   *     and the limit
   */
  public static void check(Scenario scenario, int concurrentRuns, long available) {
    Parts parts = of(scenario);
    double need = FIXED_BYTES + concurrentRuns * parts.total();
    if (need <= available) {
      return;
    }
    String key;
    String value;
    String what;
    if (parts.firms() >= parts.series() && parts.firms() >= parts.universities()) {
      key = "firms.count";
      value = String.valueOf(scenario.firms().count());
      what = String.format(Locale.ROOT, "%d firms × %.1f (growth by entry) × %d KiB", scenario.firms().count(),
          PEAK_FIRMS_PER_INITIAL, BYTES_PER_FIRM / 1024);
    } else if (parts.series() >= parts.universities()) {
      key = "steps";
      value = String.valueOf(scenario.steps());
      what = String.format(Locale.ROOT, "%d steps (burn-in included) × %d bytes of recorded metrics",
          scenario.totalSteps(), BYTES_PER_STEP);
    } else {
      key = "universities.count";
      value = String.valueOf(scenario.universities().count());
      what = String.format(Locale.ROOT, "%d universities × %d KiB", scenario.universities().count(), BYTES_PER_UNIVERSITY / 1024);
    }
    String runs = concurrentRuns > 1 ? ", times " + concurrentRuns + " runs at once (--threads)" : "";
    throw new ConfigException(key, String.format(Locale.ROOT,
        "value %s would need about %s of memory (%s%s), more than the %s this JVM may use; lower %s%s,"
            + " or give Java more memory (java -Xmx…)", value, gib(need), what, runs, gib(available), key,
        concurrentRuns > 1 ? " or --threads" : ""));
  }

  private static String gib(double bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
