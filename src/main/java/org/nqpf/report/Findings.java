package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nqpf.stats.Replications;

/**
 * What an experiment found, as sentences an economist can quote: for each varied parameter and
 * each kept metric, the effect of moving the parameter from its lowest to its highest value, with
 * a 95% interval, ranked; written to {@code findings.csv} and shown first in {@code report.html}
 * (docs/EXPERIMENTS.md, "Findings").
 *
 * <p><b>Grid designs.</b> The effect of parameter j on metric m is the difference between the
 * mean of m at j's highest value and at its lowest, each averaged over every combination of the
 * other parameters' values (the main effect between the extreme levels). It is computed from
 * {@code runs.csv}'s {@code <m>_mean} (each run's mean over its recorded steps): within each
 * replication r, the runs at j's lowest value are averaged over the other parameters' values
 * (ȳ_low,r), and so are the runs at its highest (ȳ_high,r); the effect is mean_r ȳ_high,r −
 * mean_r ȳ_low,r. A sweep gives every run its own seed (Seeds: the seed depends on the point as
 * well as the replication), so the two sides share no random numbers and are not paired: the
 * interval is Welch's, mean difference ± t(0.975, ν) · √(s²_high/n_high + s²_low/n_low), with the
 * Welch–Satterthwaite degrees of freedom ν, from the R values ȳ_r on each side. Averaging within a
 * replication first keeps the other parameters' effects out of the spread: the interval is about
 * the design's own levels of the other parameters, not about other levels one might have chosen.
 * Findings are ranked by |effect| / (interval width), the size of the effect against its
 * uncertainty (for a symmetric interval, above 0.5 exactly when the interval excludes 0), which
 * makes metrics of different units comparable. With one replication there is no interval, and
 * findings keep the order of the parameters and metrics.
 *
 * <p><b>Sampled designs</b> (random, Latin hypercube, Sobol). The other parameters vary with j, so
 * there are no levels to hold; the effect is the linear one, the least-squares slope of the
 * per-point means of {@code <m>_mean} on j, holding the others fixed, times j's range (the bounds
 * of its distribution): SRC_j · sd(y) / sd(x_j) · (high − low), with SRC_j and its 95% bootstrap
 * interval from {@code sensitivity.csv} scaled the same way (for a Sobol design on the rows A and
 * B, which SRC uses). Findings are ranked by the sensitivity index: the total Sobol index for Sobol
 * designs, |SRC| for the others.
 *
 * <p>An interval that holds 0 is reported as "does not significantly change". Pure and
 * deterministic: the same folder gives the same bytes.
 */
public final class Findings {


  static final String HEADER = "rank,parameter,metric,low,high,effect,lo95,hi95,n,method,score,sentence";

  /** The level of the intervals. */
  static final double CONFIDENCE = 0.95;

  /** How a finding's effect and interval were estimated (the {@code method} column). */
  enum Method {
    /** Difference of the extreme levels' means, Welch's interval over replications (grid designs). */
    WELCH("welch"),
    /** Linear effect over the range from the SRC and its bootstrap interval (sampled designs). */
    LINEAR("linear-src");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /**
   * One finding: the parameter (its key, and the short name the sentence uses), the metric, the
   * parameter's low and high values (and their labels), the effect of going from low to high with
   * its 95% interval (NaN without one), n (replications per level for grids, design points for
   * sampled designs), the method, the ranking score and the sentence.
   */
  record Finding(String parameter, String name, String metric, double low, String lowLabel, double high,
      String highLabel, double effect, double lo95, double hi95, int n, Method method, double score,
      String sentence) {

    /** Whether the interval excludes 0. */
    boolean significant() {
      return lo95 > 0 || hi95 < 0;
    }
  }

  private Findings() {}

  /**
   * Reads the results folder and writes {@code findings.csv} (atomically).
   *
   * @return the file's path
   * @throws ResultsReadException if the folder or a file it needs is missing or malformed
   * @throws OutputException if the file cannot be written
   */
  public static Path write(Path resultsDir) {
    return ExperimentFolder.writeFindings(resultsDir, text(resultsDir));
  }

  /**
   * Reads the results folder and returns what {@code findings.csv} holds, writing nothing.
   *
   * @throws ResultsReadException if the folder or a file it needs is missing or malformed
   */
  public static String text(Path resultsDir) {
    Objects.requireNonNull(resultsDir, "resultsDir");
    return csv(of(ExperimentFolder.read(resultsDir)));
  }

  /** The findings of the folder, ranked (none for a design without parameters or without runs.csv). */
  static List<Finding> of(ExperimentResults results) {
    List<Finding> findings = results.isGrid() ? grid(results) : sampled(results);
    List<Finding> ranked = new ArrayList<>(findings);
    // Highest score first, NaN last; ties keep the parameters' and metrics' order (the sort is stable).
    ranked.sort(Comparator.comparingDouble((Finding f) -> Double.isNaN(f.score()) ? Double.NEGATIVE_INFINITY
        : f.score()).reversed());
    return List.copyOf(ranked);
  }

  /** findings.csv's text: the header, then the findings in rank order. */
  static String csv(List<Finding> findings) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      sb.append(i + 1).append(',').append(f.parameter()).append(',').append(f.metric()).append(',')
          .append(cell(f.low())).append(',').append(cell(f.high())).append(',').append(cell(f.effect())).append(',')
          .append(cell(f.lo95())).append(',').append(cell(f.hi95())).append(',').append(f.n()).append(',')
          .append(f.method().label()).append(',').append(cell(f.score())).append(',').append(quoted(f.sentence()))
          .append('\n');
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- grid designs

  /** Per parameter: its lowest and highest value, and the run means summed per side, replication and metric. */
  private static final class Sides {
    final double low;
    final double high;
    /** [side][replication][metric]: side 0 the lowest value, 1 the highest. */
    final List<List<double[]>> sums = List.of(new ArrayList<>(), new ArrayList<>());
    final List<List<int[]>> counts = List.of(new ArrayList<>(), new ArrayList<>());

    Sides(double low, double high) {
      this.low = low;
      this.high = high;
    }

    void add(int side, int replication, int metric, double value, int metrics) {
      List<double[]> sum = sums.get(side);
      List<int[]> count = counts.get(side);
      while (sum.size() <= replication) {
        sum.add(new double[metrics]);
        count.add(new int[metrics]);
      }
      sum.get(replication)[metric] += value;
      count.get(replication)[metric]++;
    }

    /** ȳ_r of one side: the replications' averages, for the replications that have a value. */
    double[] averages(int side, int metric) {
      List<Double> values = new ArrayList<>();
      for (int r = 0; r < sums.get(side).size(); r++) {
        int n = counts.get(side).get(r)[metric];
        if (n > 0) {
          values.add(sums.get(side).get(r)[metric] / n);
        }
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  private static List<Finding> grid(ExperimentResults results) {
    Path runs = results.runsFile();
    List<String> parameters = results.parameters();
    List<String> metrics = results.metrics();
    if (parameters.isEmpty() || runs == null) {
      return List.of();
    }
    Sides[] sides = new Sides[parameters.size()];
    for (int j = 0; j < parameters.size(); j++) {
      List<Double> values = List.copyOf(results.distinctValues(j).keySet());
      if (values.size() >= 2) {
        sides[j] = new Sides(values.get(0), values.get(values.size() - 1));
      }
    }
    int[] columns = new int[metrics.size()];
    int[] ids = new int[2];
    CsvTable.stream(runs, new CsvTable.RowHandler() {
      @Override
      public void header(List<String> header) {
        ids[0] = require(header, "point", runs);
        ids[1] = require(header, "replication", runs);
        for (int m = 0; m < metrics.size(); m++) {
          columns[m] = header.indexOf(metrics.get(m) + "_mean");
        }
      }

      @Override
      public void row(String[] cells, int line) {
        int index = CsvTable.parseInt(cells[ids[0]], runs, line, "point");
        int replication = CsvTable.parseInt(cells[ids[1]], runs, line, "replication");
        ExperimentResults.Point point = results.point(index);
        if (point == null) {
          throw new ResultsReadException(runs + ", line " + line + ": point " + index + " is not in "
              + ExperimentFolder.POINTS);
        }
        if (replication < 0) {
          throw new ResultsReadException(runs + ", line " + line + ", column replication: " + replication
              + " is negative");
        }
        for (int j = 0; j < sides.length; j++) {
          if (sides[j] == null) {
            continue;
          }
          double value = point.values()[j];
          int side = value == sides[j].low ? 0 : value == sides[j].high ? 1 : -1;
          if (side < 0) {
            continue;
          }
          for (int m = 0; m < metrics.size(); m++) {
            if (columns[m] < 0) {
              continue;
            }
            double y = CsvTable.parse(cells[columns[m]], runs, line, metrics.get(m) + "_mean");
            if (Double.isFinite(y)) {
              sides[j].add(side, replication, m, y, metrics.size());
            }
          }
        }
      }
    });

    Map<String, String> names = results.shortNames();
    List<Finding> findings = new ArrayList<>();
    for (int j = 0; j < parameters.size(); j++) {
      if (sides[j] == null) {
        continue;
      }
      Map<Double, String> labels = results.distinctValues(j);
      String context = averagedOver(results, j);
      for (int m = 0; m < metrics.size(); m++) {
        double[] low = sides[j].averages(0, m);
        double[] high = sides[j].averages(1, m);
        if (low.length == 0 || high.length == 0) {
          continue;
        }
        double[] welch = Replications.welch(low, high, CONFIDENCE);
        double width = welch[2] - welch[1];
        double score = Double.isNaN(width) ? Double.NaN
            : width > 0 ? Math.abs(welch[0]) / width : welch[0] == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        String parameter = parameters.get(j);
        String lowLabel = labels.get(sides[j].low);
        String highLabel = labels.get(sides[j].high);
        int n = Math.min(low.length, high.length);
        String note = n < 2 ? "one replication, no interval" : context;
        findings.add(new Finding(parameter, names.get(parameter), metrics.get(m), sides[j].low, lowLabel, sides[j].high,
            highLabel, welch[0], welch[1], welch[2], n, Method.WELCH, score,
            FindingSentences.sentence(names.get(parameter), lowLabel, highLabel, metrics.get(m), welch[0], welch[1], welch[2], note)));
      }
    }
    return findings;
  }

  private static int require(List<String> header, String column, Path file) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new ResultsReadException(file + ", line 1: the column '" + column + "' is missing");
    }
    return index;
  }

  /** "averaged over fundLeverage" (or over several), or "" for a single parameter. */
  private static String averagedOver(ExperimentResults results, int j) {
    List<String> others = new ArrayList<>();
    for (int i = 0; i < results.parameters().size(); i++) {
      if (i != j && results.distinctValues(i).size() > 1) {
        others.add(results.shortNames().get(results.parameters().get(i)));
      }
    }
    if (others.isEmpty()) {
      return "";
    }
    if (others.size() > 2) {
      return "averaged over the other " + others.size() + " parameters";
    }
    return "averaged over " + String.join(" and ", others);
  }

  // ---------------------------------------------------------------- sampled designs

  private static List<Finding> sampled(ExperimentResults results) {
    CsvTable table = results.sensitivity();
    List<String> parameters = results.parameters();
    if (table == null || parameters.isEmpty()) {
      return List.of();
    }
    boolean sobol = results.designType().equals("SOBOL");
    int rows = results.points().size();
    if (sobol) {
      int samples = results.experiment().path("design").path("samples").asInt(0);
      if (samples < 2 || 2 * samples > rows) {
        return List.of();
      }
      rows = 2 * samples;
    }
    List<ExperimentResults.Point> used = results.points().subList(0, rows);
    Map<String, String> names = results.shortNames();
    String how = "linear fit over " + rows + " design points, the other parameters varying";
    List<Finding> findings = new ArrayList<>();
    for (int j = 0; j < parameters.size(); j++) {
      String parameter = parameters.get(j);
      double[] range = range(results, j);
      double[] x = new double[rows];
      for (int i = 0; i < rows; i++) {
        x[i] = used.get(i).values()[j];
      }
      double sdX = Replications.of(x).sd();
      for (String metric : results.metrics()) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
          y[i] = results.summaryValue(used.get(i).index(), metric, "_mean");
        }
        double[] src = index(table, metric, parameter, "SRC");
        double sdY = Replications.of(y).sd();
        if (src == null || !Double.isFinite(src[0]) || !(sdX > 0) || !Double.isFinite(sdY)) {
          continue;
        }
        double scale = sdY / sdX * (range[1] - range[0]);
        double[] total = sobol ? index(table, metric, parameter, "SOBOL_TOTAL") : null;
        double score = sobol ? (total == null ? Double.NaN : total[0]) : Math.abs(src[0]);
        String indexText = sobol
            ? (total == null || Double.isNaN(total[0]) ? "" : "; total Sobol index " + DisplayNumbers.format(total[0], 2))
            : "; SRC " + DisplayNumbers.format(src[0], 2);
        String lowLabel = DisplayNumbers.format(range[0], ExperimentResults.LABEL_DIGITS);
        String highLabel = DisplayNumbers.format(range[1], ExperimentResults.LABEL_DIGITS);
        double effect = src[0] * scale;
        double lo = src[1] * scale;
        double hi = src[2] * scale;
        findings.add(new Finding(parameter, names.get(parameter), metric, range[0], lowLabel, range[1], highLabel, effect,
            lo, hi, rows, Method.LINEAR, score,
            FindingSentences.sentence(names.get(parameter), lowLabel, highLabel, metric, effect, lo, hi, how + indexText)));
      }
    }
    return findings;
  }

  /** The parameter's range: its distribution's bounds in experiment.yaml, else the lowest and highest design value. */
  private static double[] range(ExperimentResults results, int j) {
    String key = results.parameters().get(j);
    for (JsonNode parameter : results.experiment().path("parameters")) {
      JsonNode distribution = parameter.path("distribution");
      if (key.equals(parameter.path("key").asText()) && distribution.path("low").isNumber()
          && distribution.path("high").isNumber()) {
        return new double[] {distribution.path("low").asDouble(), distribution.path("high").asDouble()};
      }
    }
    List<Double> values = List.copyOf(results.distinctValues(j).keySet());
    return new double[] {values.get(0), values.get(values.size() - 1)};
  }

  /** {value, ciLow, ciHigh} of one row of sensitivity.csv, or null when it has none. */
  private static double[] index(CsvTable table, String metric, String parameter, String method) {
    SensitivityColumns columns = SensitivityColumns.of(table);
    for (int r = 0; r < table.size(); r++) {
      if (table.text(r, columns.metric()).equals(metric) && table.text(r, columns.parameter()).equals(parameter)
          && table.text(r, columns.method()).equals(method)) {
        return new double[] {table.number(r, columns.value()), columns.low() < 0 ? Double.NaN : table.number(r, columns.low()),
            columns.high() < 0 ? Double.NaN : table.number(r, columns.high())};
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- CSV

  private static String cell(double value) {
    return Double.isNaN(value) ? "" : TimeSeriesCsv.formatNumber(value, false);
  }

  /** A CSV field in double quotes (the sentences hold commas), inner quotes doubled. */
  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
