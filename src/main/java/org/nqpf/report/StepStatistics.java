package org.nqpf.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Per-step statistics across replications, read in one streaming pass over timeseries.csv (WIDE
 * or LONG, detected from the header): for every metric, design point and step, the number of
 * runs with a value, their mean and their sum of squared deviations (Welford's update, in file
 * order, so the result is the same on every read). Also where the burn-in lies.
 *
 * <p>Formats (docs/EXPERIMENTS.md): WIDE has the columns {@code run, point, replication, step,
 * burnIn} and one column per metric; LONG has {@code run, point, replication, step, burnIn,
 * metric, value}. Only {@code point} and {@code step} are required; {@code burnIn} (0/1) is used
 * for the shading when present. Empty cells are missing values and are skipped. Steps must be
 * whole numbers from 0.
 */
final class StepStatistics {

  static final List<String> ID_COLUMNS = List.of("run", "point", "replication", "step", "burnIn");
  private static final int MAX_STEP = 10_000_000;
  private static final Map<Integer, Double> T_QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

  /** The statistics of one (metric, point, step) cell. */
  record Cell(int n, double mean, double m2) {
    double sd() {
      return n >= 2 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
    }

    /** Half-width of the 95% t interval of the mean, 0 with fewer than two values. */
    double halfWidth() {
      return n >= 2 ? tQuantile(n - 1) * sd() / Math.sqrt(n) : 0.0;
    }
  }

  /** Running statistics of one metric at one point, indexed by step. */
  private static final class Accumulator {
    int[] n = new int[16];
    double[] mean = new double[16];
    double[] m2 = new double[16];

    void add(int step, double value) {
      if (step >= n.length) {
        int size = Math.max(step + 1, n.length * 2);
        n = Arrays.copyOf(n, size);
        mean = Arrays.copyOf(mean, size);
        m2 = Arrays.copyOf(m2, size);
      }
      int count = ++n[step];
      double delta = value - mean[step];
      mean[step] += delta / count;
      m2[step] += delta * (value - mean[step]);
    }
  }

  private final boolean longFormat;
  private final List<String> metrics;
  private final Map<String, Map<Integer, Accumulator>> data;
  private final int minStep;
  private final int maxStep;
  private final int lastBurnInStep;
  private final int firstRecordedStep;

  private StepStatistics(boolean longFormat, List<String> metrics, Map<String, Map<Integer, Accumulator>> data,
      int minStep, int maxStep, int lastBurnInStep, int firstRecordedStep) {
    this.longFormat = longFormat;
    this.metrics = metrics;
    this.data = data;
    this.minStep = minStep;
    this.maxStep = maxStep;
    this.lastBurnInStep = lastBurnInStep;
    this.firstRecordedStep = firstRecordedStep;
  }

  /** The 0.975 quantile of Student's t with {@code df} degrees of freedom. */
  static double tQuantile(int df) {
    return T_QUANTILES.computeIfAbsent(df, d -> new TDistribution(null, d).inverseCumulativeProbability(0.975));
  }

  /**
   * Reads timeseries.csv.
   *
   * @throws ResultsReadException if the file is missing, unreadable or malformed
   */
  static StepStatistics read(Path file) {
    Reader reader = new Reader(file);
    CsvTable.stream(file, reader);
    return reader.finish();
  }

  /** Accumulates the rows as they stream by. */
  private static final class Reader implements CsvTable.RowHandler {
    final Path file;
    List<String> header;
    boolean longFormat;
    int pointColumn;
    int stepColumn;
    int burnInColumn;
    int metricColumn;
    int valueColumn;
    final List<String> metricNames = new ArrayList<>();
    final List<Integer> metricColumns = new ArrayList<>();
    final Map<String, Map<Integer, Accumulator>> data = new LinkedHashMap<>();
    final Map<String, Map<Integer, Accumulator>> byName = new HashMap<>();
    int minStep = Integer.MAX_VALUE;
    int maxStep = Integer.MIN_VALUE;
    int lastBurnIn = Integer.MIN_VALUE;
    final TreeMap<Integer, Boolean> recordedSteps = new TreeMap<>();

    Reader(Path file) {
      this.file = file;
    }

    @Override
    public void header(List<String> columns) {
      header = columns;
      pointColumn = columns.indexOf("point");
      stepColumn = columns.indexOf("step");
      burnInColumn = columns.indexOf("burnIn");
      metricColumn = columns.indexOf("metric");
      valueColumn = columns.indexOf("value");
      if (pointColumn < 0 || stepColumn < 0) {
        throw new ResultsReadException(file + ", line 1: expected the columns "
            + String.join(", ", ID_COLUMNS) + " (found " + String.join(", ", columns) + ")");
      }
      longFormat = metricColumn >= 0 && valueColumn >= 0 && columns.size() == ID_COLUMNS.size() + 2;
      if (!longFormat) {
        for (int c = 0; c < columns.size(); c++) {
          if (!ID_COLUMNS.contains(columns.get(c))) {
            metricNames.add(columns.get(c));
            metricColumns.add(c);
            Map<Integer, Accumulator> points = new TreeMap<>();
            data.put(columns.get(c), points);
          }
        }
      }
    }

    @Override
    public void row(String[] cells, int line) {
      int point = CsvTable.parseInt(cells[pointColumn], file, line, "point");
      int step = CsvTable.parseInt(cells[stepColumn], file, line, "step");
      if (step < 0 || step > MAX_STEP) {
        throw new ResultsReadException(file + ", line " + line + ", column step: " + step
            + " is out of range (0 to " + MAX_STEP + ")");
      }
      minStep = Math.min(minStep, step);
      maxStep = Math.max(maxStep, step);
      if (burnInColumn >= 0) {
        double flag = CsvTable.parse(cells[burnInColumn], file, line, "burnIn");
        if (flag == 1.0) {
          lastBurnIn = Math.max(lastBurnIn, step);
        } else if (flag == 0.0) {
          recordedSteps.put(step, Boolean.TRUE);
        }
      }
      if (longFormat) {
        String metric = cells[metricColumn];
        if (metric.isEmpty()) {
          throw new ResultsReadException(file + ", line " + line + ", column metric: empty metric name");
        }
        double value = CsvTable.parse(cells[valueColumn], file, line, "value");
        if (Double.isFinite(value)) {
          Map<Integer, Accumulator> points = data.computeIfAbsent(metric, m -> {
            metricNames.add(m);
            return new TreeMap<>();
          });
          points.computeIfAbsent(point, p -> new Accumulator()).add(step, value);
        } else {
          data.computeIfAbsent(metric, m -> {
            metricNames.add(m);
            return new TreeMap<>();
          });
        }
        return;
      }
      for (int i = 0; i < metricColumns.size(); i++) {
        int c = metricColumns.get(i);
        double value = CsvTable.parse(cells[c], file, line, header.get(c));
        if (Double.isFinite(value)) {
          data.get(metricNames.get(i)).computeIfAbsent(point, p -> new Accumulator()).add(step, value);
        }
      }
    }

    StepStatistics finish() {
      int firstRecorded = Integer.MIN_VALUE;
      if (lastBurnIn != Integer.MIN_VALUE) {
        Integer next = recordedSteps.higherKey(lastBurnIn);
        firstRecorded = next != null ? next : lastBurnIn;
      }
      boolean empty = minStep == Integer.MAX_VALUE;
      return new StepStatistics(longFormat, List.copyOf(metricNames), data, empty ? 0 : minStep, empty ? -1 : maxStep,
          lastBurnIn, firstRecorded);
    }
  }

  /** Whether the file was in the LONG format. */
  boolean longFormat() {
    return longFormat;
  }

  /** The metrics in the file: column order (WIDE) or order of first appearance (LONG). */
  List<String> metrics() {
    return metrics;
  }

  boolean has(String metric) {
    return data.containsKey(metric);
  }

  /** The points with at least one value of the metric, in increasing order. */
  Set<Integer> points(String metric) {
    Map<Integer, Accumulator> points = data.get(metric);
    return points == null ? Set.of() : Collections.unmodifiableSet(points.keySet());
  }

  int minStep() {
    return minStep;
  }

  /** The last step in the file; -1 when it has no rows. */
  int maxStep() {
    return maxStep;
  }

  /** Whether some rows are flagged as burn-in. */
  boolean hasBurnIn() {
    return lastBurnInStep != Integer.MIN_VALUE;
  }

  /** Where the burn-in shading starts (the first step). */
  double burnInStart() {
    return minStep;
  }

  /** Where the burn-in shading ends: the first recorded step after the burn-in (or its last step). */
  double burnInEnd() {
    return firstRecordedStep;
  }

  /** The statistics of a cell; n = 0 when the metric has no value at that point and step. */
  Cell cell(String metric, int point, int step) {
    Map<Integer, Accumulator> points = data.get(metric);
    Accumulator acc = points == null ? null : points.get(point);
    if (acc == null || step < 0 || step >= acc.n.length || acc.n[step] == 0) {
      return new Cell(0, Double.NaN, Double.NaN);
    }
    return new Cell(acc.n[step], acc.mean[step], acc.m2[step]);
  }
}
