package org.nqpf.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nqpf.stats.Replications;

/**
 * What the charts and the report need from an experiment's results folder (docs/EXPERIMENTS.md),
 * read ({@link ExperimentFolder#read}) and checked once: the experiment file, the design points, the per-point summary, and the
 * optional sensitivity indices, time series and manifest. {@code runs.csv} is only counted here
 * ({@link Findings} streams it).
 *
 * <p>Required: the folder, {@code experiment.yaml}, {@code points.csv}, {@code summary.csv}.
 * Optional: {@code timeseries.csv} (required only when the experiment file says
 * {@code timeSeries: WIDE} or {@code LONG}), {@code sensitivity.csv}, {@code runs.csv},
 * {@code manifest.json}. A required file that is missing, unreadable or malformed is refused with
 * a {@link ResultsReadException} naming it.
 */
final class ExperimentResults {
  /** The statistics suffixes of summary.csv, in the doc's order. */
  static final List<String> SUMMARY_SUFFIXES = List.of("_mean", "_sd", "_ciLow", "_ciHigh");

  /** Significant digits of parameter values in labels (legends, axes, tables of the report). */
  static final int LABEL_DIGITS = 6;

  /** One design point: its index and each parameter's value as a label (rounded) and as a number. */
  record Point(int index, List<String> labels, double[] values) {}

  private final Path dir;
  private final String experimentText;
  private final JsonNode experiment;
  private final List<String> parameters;
  private final List<Point> points;
  private final Map<Integer, Point> pointByIndex;
  private final CsvTable summary;
  private final List<String> metrics;
  private final Map<Integer, Integer> summaryRowByPoint;
  private final CsvTable sensitivity;
  private final Path timeSeriesFile;
  private final String manifestText;
  private final Path runsFile;
  private final int runCount;

  ExperimentResults(Path dir, String experimentText, JsonNode experiment, List<String> parameters,
      List<Point> points, CsvTable summary, List<String> metrics, Map<Integer, Integer> summaryRowByPoint,
      CsvTable sensitivity, Path timeSeriesFile, String manifestText, Path runsFile, int runCount) {
    this.dir = dir;
    this.experimentText = experimentText;
    this.experiment = experiment;
    this.parameters = parameters;
    this.points = points;
    Map<Integer, Point> byIndex = new TreeMap<>();
    for (Point point : points) {
      byIndex.put(point.index(), point);
    }
    this.pointByIndex = Collections.unmodifiableMap(byIndex);
    this.summary = summary;
    this.metrics = metrics;
    this.summaryRowByPoint = summaryRowByPoint;
    this.sensitivity = sensitivity;
    this.timeSeriesFile = timeSeriesFile;
    this.manifestText = manifestText;
    this.runsFile = runsFile;
    this.runCount = runCount;
  }

  /** The parameters of points.csv (its columns after {@code point}, which must be the first). */
  static List<String> parameters(CsvTable pointsTable) {
    int pointColumn = pointsTable.require("point");
    if (pointColumn != 0) {
      throw new ResultsReadException(pointsTable.file() + ", line 1: the first column must be 'point'");
    }
    return List.copyOf(pointsTable.header().subList(1, pointsTable.header().size()));
  }

  /** The design points of points.csv by index, checked: each index once. */
  static Map<Integer, Point> points(CsvTable pointsTable, List<String> parameters) {
    Map<Integer, Point> seen = new TreeMap<>();
    for (int r = 0; r < pointsTable.size(); r++) {
      int index = pointsTable.integer(r, 0);
      List<String> labels = new ArrayList<>();
      double[] values = new double[parameters.size()];
      for (int p = 0; p < parameters.size(); p++) {
        values[p] = pointsTable.number(r, p + 1);
        labels.add(Double.isFinite(values[p]) ? DisplayNumbers.format(values[p], LABEL_DIGITS) : pointsTable.text(r, p + 1));
      }
      Point point = new Point(index, List.copyOf(labels), values);
      if (seen.put(index, point) != null) {
        throw new ResultsReadException(pointsTable.file() + ", line " + (r + 2) + ": point " + index + " appears twice");
      }
    }
    return seen;
  }

  /** The metrics of summary.csv: those with a {@code <metric>_mean} column that is not a parameter. */
  static List<String> metrics(CsvTable summary, List<String> parameters) {
    summary.require("point");
    List<String> metrics = new ArrayList<>();
    for (String column : summary.header()) {
      if (column.endsWith("_mean") && column.length() > "_mean".length() && !parameters.contains(column)) {
        metrics.add(column.substring(0, column.length() - "_mean".length()));
      }
    }
    return List.copyOf(metrics);
  }

  /** Each point's row of summary.csv, checked: points of points.csv, each once, numbers where numbers belong. */
  static Map<Integer, Integer> summaryRows(CsvTable summary, Map<Integer, Point> seen, List<String> metrics) {
    int summaryPoint = summary.require("point");
    Map<Integer, Integer> summaryRowByPoint = new TreeMap<>();
    for (int r = 0; r < summary.size(); r++) {
      int index = summary.integer(r, summaryPoint);
      if (!seen.containsKey(index)) {
        throw new ResultsReadException(summary.file() + ", line " + (r + 2) + ": point " + index + " is not in "
            + ExperimentFolder.POINTS);
      }
      if (summaryRowByPoint.put(index, r) != null) {
        throw new ResultsReadException(summary.file() + ", line " + (r + 2) + ": point " + index + " appears twice");
      }
      for (String metric : metrics) {
        for (String suffix : SUMMARY_SUFFIXES) {
          int column = summary.column(metric + suffix);
          if (column >= 0) {
            summary.number(r, column);
          }
        }
      }
    }
    return Collections.unmodifiableMap(summaryRowByPoint);
  }

  /** Checks sensitivity.csv: its columns, and numbers where numbers belong. */
  static CsvTable checkSensitivity(CsvTable sensitivity) {
    for (String column : List.of("metric", "parameter", "method", "value")) {
      sensitivity.require(column);
    }
    for (int r = 0; r < sensitivity.size(); r++) {
      for (String column : List.of("value", "ciLow", "ciHigh")) {
        int c = sensitivity.column(column);
        if (c >= 0) {
          sensitivity.number(r, c);
        }
      }
    }
    return sensitivity;
  }

  /** The experiment file's keys (an empty node for an empty file). */
  static JsonNode parseYaml(Path file, String text) {
    try {
      JsonNode node = new YAMLMapper().readTree(text);
      if (node == null || node.isMissingNode() || node.isNull()) {
        return MissingNode.getInstance();
      }
      if (!node.isObject()) {
        throw new ResultsReadException(file + ": expected a mapping of experiment keys");
      }
      return node;
    } catch (JacksonException e) {
      throw new ResultsReadException(file + ": malformed YAML: " + e.getOriginalMessage(), e);
    }
  }

  Path dir() {
    return dir;
  }

  String experimentText() {
    return experimentText;
  }

  JsonNode experiment() {
    return experiment;
  }

  /** The experiment's name: its {@code name} key, else the folder's name. */
  String name() {
    String name = experiment.path("name").asText("");
    return name.isBlank() ? String.valueOf(dir.getFileName()) : name;
  }

  /** The design type in upper case (GRID, RANDOM, LATIN_HYPERCUBE, SOBOL), or "" when not stated. */
  String designType() {
    return experiment.path("design").path("type").asText("").toUpperCase(Locale.ROOT);
  }

  /**
   * Whether the points form a grid: the design says GRID, or (when it says nothing) the points
   * are the full factorial of each parameter's distinct values.
   */
  boolean isGrid() {
    String type = designType();
    if (!type.isEmpty()) {
      return type.equals("GRID");
    }
    long product = 1;
    for (int p = 0; p < parameters.size(); p++) {
      product *= distinctValues(p).size();
    }
    return product == points.size();
  }

  /** The varied parameters (dotted scenario keys), in the order of points.csv. */
  List<String> parameters() {
    return parameters;
  }

  /** The design points by index. */
  List<Point> points() {
    return points;
  }

  Point point(int index) {
    return pointByIndex.get(index);
  }

  /** The distinct numeric values of parameter {@code p} in increasing order, with their labels. */
  Map<Double, String> distinctValues(int p) {
    Map<Double, String> values = new TreeMap<>();
    for (Point point : points) {
      double value = point.values()[p];
      if (!Double.isNaN(value)) {
        values.putIfAbsent(value, point.labels().get(p));
      }
    }
    return values;
  }

  /** The kept metrics: those with a {@code <metric>_mean} column in summary.csv, in its order. */
  List<String> metrics() {
    return metrics;
  }

  CsvTable summary() {
    return summary;
  }

  /**
   * A statistic of summary.csv for a point ({@code suffix} one of {@link #SUMMARY_SUFFIXES}): NaN
   * when the point has no row, the column is absent or the cell is empty.
   */
  double summaryValue(int point, String metric, String suffix) {
    Integer row = summaryRowByPoint.get(point);
    int column = summary.column(metric + suffix);
    if (row == null || column < 0) {
      return Double.NaN;
    }
    double value = summary.number(row, column);
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /** The row of summary.csv of a point, or -1 when it has none. */
  int summaryRow(int point) {
    Integer row = summaryRowByPoint.get(point);
    return row == null ? -1 : row;
  }

  /** sensitivity.csv, or null when the folder has none. */
  CsvTable sensitivity() {
    return sensitivity;
  }

  /** timeseries.csv, or null when the folder has none. */
  Path timeSeriesFile() {
    return timeSeriesFile;
  }

  /** manifest.json's text (LF line endings), or null when the folder has none. */
  String manifestText() {
    return manifestText;
  }

  /** runs.csv, or null when the folder has none. */
  Path runsFile() {
    return runsFile;
  }

  /** Rows of runs.csv, or -1 when the folder has none. */
  int runCount() {
    return runCount;
  }

  /** Replications per point, from the experiment file; -1 when it does not say. */
  int replications() {
    JsonNode node = experiment.path("replications");
    return node.canConvertToInt() && node.isIntegralNumber() ? node.asInt() : -1;
  }

  /** A top-level scalar of the experiment file as text, or "" when absent. */
  String setting(String key) {
    JsonNode node = experiment.path(key);
    return node.isValueNode() ? node.asText() : "";
  }

  /**
   * A scalar of the base scenario as text, or "" when absent: {@code sweep} writes the resolved
   * scenario, steps and burn-in included, under {@code scenario:} (a hand-written experiment file
   * may also give steps and burn-in at the top level).
   */
  String scenarioSetting(String key) {
    JsonNode node = experiment.path("scenario").path(key);
    return node.isValueNode() ? node.asText() : setting(key);
  }

  /**
   * The base scenario's keys (dotted) whose values differ from the built-in baseline, with the
   * values as written; the seed, steps and burn-in are left out (the report shows them apart, and
   * runs take their seeds from the master seed). Empty when the folder's experiment file has no
   * scenario or it equals the baseline.
   */
  Map<String, String> scenarioChanges() {
    return ScenarioChanges.of(experiment.path("scenario"));
  }

  /** Short names for the parameters ({@link ParameterNames#shortNames}). */
  Map<String, String> shortNames() {
    return ParameterNames.shortNames(parameters);
  }

  /** "p3: iprProtection=0.4, guaranteeCoverage=0.2" (or "p3" for a design without parameters). */
  String pointLabel(int index) {
    Point point = pointByIndex.get(index);
    StringBuilder sb = new StringBuilder("p").append(index);
    if (point == null || parameters.isEmpty()) {
      return sb.toString();
    }
    Map<String, String> shortNames = shortNames();
    sb.append(": ");
    for (int p = 0; p < parameters.size(); p++) {
      if (p > 0) {
        sb.append(", ");
      }
      sb.append(shortNames.get(parameters.get(p))).append('=').append(point.labels().get(p));
    }
    return sb.toString();
  }
}
