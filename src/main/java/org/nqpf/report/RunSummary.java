package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.nqpf.config.Scenario;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/**
 * The headline numbers of one run, computed from its time series and written as
 * {@code summary.json}: for every metric its final value and its mean after the burn-in, the
 * compound growth per step of the level metrics, the post-burn-in totals of the count (flow)
 * metrics, and the mean private shares. It exists so that comparisons across seeds and scenarios
 * read one small file instead of re-deriving statistics from the CSV, always in the same way.
 *
 * <p>Burn-in rows are those with {@link Metric#BURN_IN} equal to 1; they must be the leading rows
 * and there must be {@code min(burnIn, rows)} of them. Means, growth and totals use only the
 * rows after them; "final" is the last row.
 *
 * <p>JSON layout (keys in this order):
 *
 * <pre>{@code
 * {
 *   "scenario": "baseline",
 *   "seed": 42,
 *   "steps": 200,              // post-burn-in rows summarised
 *   "burnIn": 20,
 *   "metrics": {
 *     "firms": {"final": 118, "mean": 112.4, "growthPerStep": 0.0012},
 *     "entries": {"final": 3, "mean": 2.9, "total": 580},
 *     "hhiTraditional": {"final": 0.08, "mean": 0.081},
 *     ...
 *   },
 *   "privateShares": {"privateShareFirms": 0.9, ..., "cumulativePrivateShareInnovation": 0.71},
 *   "extra": { ...as given... }
 * }
 * }</pre>
 *
 * A statistic that cannot be computed (a mean over no rows, growth from a non-positive level or
 * from fewer than two rows, a share of zero innovations) is written as {@code null}.
 */
public final class RunSummary {

  /** Metrics that measure a level, for which a compound growth rate per step is reported. */
  public static final Set<Metric> LEVEL_METRICS = Collections.unmodifiableSet(EnumSet.of(
      Metric.OUTPUT, Metric.OUTPUT_PRIVATE, Metric.REAL_OUTPUT, Metric.PRODUCTIVITY, Metric.EMPLOYMENT, Metric.FIRMS));

  /** Whole-number metrics that are stocks (a state, not a per-step flow), so have no total. */
  public static final Set<Metric> STOCK_METRICS = Collections.unmodifiableSet(EnumSet.of(
      Metric.FIRMS, Metric.FIRMS_PRIVATE, Metric.FIRMS_SOE, Metric.INVENTION_QUEUE, Metric.ALLIANCES,
      Metric.POOL_RESERVE, Metric.POOL_CORE, Metric.POOL_SKILLED, Metric.POOL_LEADING,
      Metric.FIRM_CORE, Metric.FIRM_SKILLED, Metric.FIRM_LEADING,
      Metric.UNIVERSITY_CORE, Metric.UNIVERSITY_SKILLED, Metric.UNIVERSITY_LEADING,
      Metric.RESEARCHERS_TRADITIONAL, Metric.RESEARCHERS_STRATEGIC, Metric.RESEARCHERS_FUTURE,
      Metric.DUAL_APPOINTMENTS));

  /** The private-share metrics averaged in the {@code privateShares} block, in output order. */
  public static final Set<Metric> SHARE_METRICS = Collections.unmodifiableSet(EnumSet.of(
      Metric.PRIVATE_SHARE_FIRMS, Metric.PRIVATE_SHARE_OUTPUT, Metric.PRIVATE_SHARE_EMPLOYMENT,
      Metric.PRIVATE_SHARE_INNOVATION, Metric.PRIVATE_SHARE_TAX));

  /** Key of the cumulative innovation share in the {@code privateShares} block. */
  public static final String CUMULATIVE_INNOVATION_SHARE = "cumulativePrivateShareInnovation";

  /**
   * The statistics of one metric.
   *
   * @param finalValue the value in the last row
   * @param mean the mean over the post-burn-in rows (empty when there are none)
   * @param growthPerStep compound growth per step for {@link #LEVEL_METRICS}, else empty; also
   *     empty when fewer than two post-burn-in rows or a non-positive first or last value
   * @param total the sum over the post-burn-in rows for count metrics (see {@link #isCount}),
   *     else empty
   */
  public record MetricStats(Metric metric, double finalValue, OptionalDouble mean,
      OptionalDouble growthPerStep, OptionalDouble total) {
    public MetricStats {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(mean, "mean");
      Objects.requireNonNull(growthPerStep, "growthPerStep");
      Objects.requireNonNull(total, "total");
    }
  }

  /**
   * The private-share block: means over the post-burn-in rows of the five share metrics, and
   * total private innovations over total innovations (empty when there were none).
   */
  public record PrivateShares(OptionalDouble firms, OptionalDouble output, OptionalDouble employment,
      OptionalDouble innovation, OptionalDouble tax, OptionalDouble cumulativeInnovation) {}

  private final String scenarioName;
  private final long seed;
  private final int steps;
  private final int burnIn;
  private final Map<Metric, MetricStats> stats;
  private final PrivateShares privateShares;
  private final ObjectNode extra;

  private RunSummary(String scenarioName, long seed, int steps, int burnIn, Map<Metric, MetricStats> stats,
      PrivateShares privateShares, ObjectNode extra) {
    this.scenarioName = scenarioName;
    this.seed = seed;
    this.steps = steps;
    this.burnIn = burnIn;
    this.stats = stats;
    this.privateShares = privateShares;
    this.extra = extra;
  }

  /** {@link #compute(TimeSeries, int, String, long, Map)} with the scenario's name, seed and burn-in. */
  public static RunSummary compute(TimeSeries series, Scenario scenario, Map<String, ?> extra) {
    Objects.requireNonNull(scenario, "scenario");
    return compute(series, scenario.burnIn(), scenario.name(), scenario.seed(), extra);
  }

  /** {@link #compute(TimeSeries, int, String, long, Map)} with an empty {@code extra} block. */
  public static RunSummary compute(TimeSeries series, int burnIn, String scenarioName, long seed) {
    return compute(series, burnIn, scenarioName, seed, null);
  }

  /**
   * Summarises a run.
   *
   * @param extra further statistics to include verbatim under {@code extra} (maps, lists,
   *     numbers, strings...); a {@link java.util.LinkedHashMap} keeps its order, other unordered
   *     maps are written with sorted keys; may be null
   * @throws IllegalArgumentException if the series is empty, holds a non-finite value, or its
   *     burn-in flags do not match {@code burnIn}, or {@code extra} holds a non-finite number
   */
  public static RunSummary compute(TimeSeries series, int burnIn, String scenarioName, long seed,
      Map<String, ?> extra) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(scenarioName, "scenarioName");
    if (burnIn < 0) {
      throw new IllegalArgumentException("burnIn must not be negative: " + burnIn);
    }
    int rows = series.size();
    if (rows == 0) {
      throw new IllegalArgumentException("cannot summarise an empty time series");
    }
    int first = checkBurnIn(series, burnIn);
    checkFinite(series);
    int n = rows - first;

    Map<Metric, MetricStats> stats = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      if (metric == Metric.STEP || metric == Metric.BURN_IN) {
        continue;
      }
      double[] post = series.column(metric, first);
      double last = series.get(rows - 1, metric);
      OptionalDouble mean = mean(post);
      OptionalDouble growth = LEVEL_METRICS.contains(metric) ? growthPerStep(post) : OptionalDouble.empty();
      OptionalDouble total = isCount(metric) ? OptionalDouble.of(sum(post)) : OptionalDouble.empty();
      stats.put(metric, new MetricStats(metric, last, mean, growth, total));
    }

    double innovations = sum(series.column(Metric.INNOVATIONS, first));
    double privateInnovations = sum(series.column(Metric.INNOVATIONS_PRIVATE, first));
    PrivateShares shares = new PrivateShares(
        mean(series.column(Metric.PRIVATE_SHARE_FIRMS, first)),
        mean(series.column(Metric.PRIVATE_SHARE_OUTPUT, first)),
        mean(series.column(Metric.PRIVATE_SHARE_EMPLOYMENT, first)),
        mean(series.column(Metric.PRIVATE_SHARE_INNOVATION, first)),
        mean(series.column(Metric.PRIVATE_SHARE_TAX, first)),
        innovations > 0 ? OptionalDouble.of(privateInnovations / innovations) : OptionalDouble.empty());

    JsonNode extraNode = extra == null ? JsonOutput.object() : JsonOutput.toNode(extra, "extra");
    return new RunSummary(scenarioName, seed, n, burnIn, Collections.unmodifiableMap(stats), shares,
        (ObjectNode) extraNode);
  }

  /** Whether {@code metric} is a per-step count whose post-burn-in total is reported. */
  public static boolean isCount(Metric metric) {
    return metric.integer() && metric != Metric.STEP && metric != Metric.BURN_IN && !STOCK_METRICS.contains(metric);
  }

  public String scenarioName() {
    return scenarioName;
  }

  public long seed() {
    return seed;
  }

  /** Number of post-burn-in rows summarised. */
  public int steps() {
    return steps;
  }

  public int burnIn() {
    return burnIn;
  }

  /** The statistics of {@code metric}; every metric except STEP and BURN_IN has them. */
  public MetricStats stats(Metric metric) {
    MetricStats s = stats.get(metric);
    if (s == null) {
      throw new IllegalArgumentException("no statistics for " + metric);
    }
    return s;
  }

  /** All metric statistics, in {@link Metric} order. */
  public Map<Metric, MetricStats> allStats() {
    return stats;
  }

  public PrivateShares privateShares() {
    return privateShares;
  }

  /** A copy of the {@code extra} block. */
  public ObjectNode extra() {
    return extra.deepCopy();
  }

  /** The summary as a JSON tree, keys in output order. */
  public ObjectNode toJsonTree() {
    ObjectNode root = JsonOutput.object();
    root.put("scenario", scenarioName);
    root.put("seed", seed);
    root.put("steps", steps);
    root.put("burnIn", burnIn);
    ObjectNode metrics = root.putObject("metrics");
    for (MetricStats s : stats.values()) {
      Metric metric = s.metric();
      ObjectNode node = metrics.putObject(metric.column());
      node.set("final", JsonOutput.number(s.finalValue(), metric.integer()));
      node.set("mean", optional(s.mean(), false));
      if (LEVEL_METRICS.contains(metric)) {
        node.set("growthPerStep", optional(s.growthPerStep(), false));
      }
      if (isCount(metric)) {
        node.set("total", optional(s.total(), true));
      }
    }
    ObjectNode shares = root.putObject("privateShares");
    shares.set(Metric.PRIVATE_SHARE_FIRMS.column(), optional(privateShares.firms(), false));
    shares.set(Metric.PRIVATE_SHARE_OUTPUT.column(), optional(privateShares.output(), false));
    shares.set(Metric.PRIVATE_SHARE_EMPLOYMENT.column(), optional(privateShares.employment(), false));
    shares.set(Metric.PRIVATE_SHARE_INNOVATION.column(), optional(privateShares.innovation(), false));
    shares.set(Metric.PRIVATE_SHARE_TAX.column(), optional(privateShares.tax(), false));
    shares.set(CUMULATIVE_INNOVATION_SHARE, optional(privateShares.cumulativeInnovation(), false));
    root.set("extra", extra.deepCopy());
    return root;
  }

  /** The summary as pretty-printed JSON (LF line endings, trailing newline). */
  public String toJson() {
    return JsonOutput.pretty(toJsonTree());
  }

  /** Writes {@link #toJson()} as UTF-8 to {@code file}, atomically. */
  public void write(Path file) {
    ResultsFolder.writeAtomically(file, JsonOutput.prettyBytes(toJsonTree()));
  }

  /** Index of the first post-burn-in row, after checking the burn-in flags. */
  private static int checkBurnIn(TimeSeries series, int burnIn) {
    int rows = series.size();
    int flagged = 0;
    for (int i = 0; i < rows; i++) {
      double flag = series.get(i, Metric.BURN_IN);
      if (flag != 0 && flag != 1) {
        throw new IllegalArgumentException("row " + i + ": burnIn flag is " + flag + ", expected 0 or 1");
      }
      if (flag == 1) {
        if (flagged != i) {
          throw new IllegalArgumentException("row " + i + " is marked burn-in after a post-burn-in row");
        }
        flagged++;
      }
    }
    int expected = Math.min(burnIn, rows);
    if (flagged != expected) {
      throw new IllegalArgumentException(flagged + " rows are marked burn-in, expected " + expected
          + " (burn-in of " + burnIn + " steps, " + rows + " rows)");
    }
    return flagged;
  }

  private static void checkFinite(TimeSeries series) {
    for (int i = 0; i < series.size(); i++) {
      double[] row = series.row(i);
      for (Metric metric : Metric.values()) {
        if (!Double.isFinite(row[metric.ordinal()])) {
          throw new IllegalArgumentException("row " + i + ", " + metric.column() + ": value "
              + row[metric.ordinal()] + " is not finite");
        }
      }
    }
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  private static OptionalDouble mean(double[] values) {
    return values.length == 0 ? OptionalDouble.empty() : finite(sum(values) / values.length);
  }

  /** (last / first)^(1 / (n - 1)) - 1, with StrictMath so the digits are the same on every JVM. */
  private static OptionalDouble growthPerStep(double[] values) {
    int n = values.length;
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double first = values[0];
    double last = values[n - 1];
    if (!(first > 0) || !(last > 0)) {
      return OptionalDouble.empty();
    }
    return finite(StrictMath.expm1(StrictMath.log(last / first) / (n - 1)));
  }

  private static OptionalDouble finite(double value) {
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  private static JsonNode optional(OptionalDouble value, boolean integer) {
    return value.isPresent() ? JsonOutput.number(value.getAsDouble(), integer) : JsonNodeFactory.instance.nullNode();
  }
}
