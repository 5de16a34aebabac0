package org.nqpf.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.nqpf.model.Metric;

/** The time-series charts of an experiment ({@link ExperimentCharts}): one line per design point, or small multiples. */
final class TimeSeriesCharts {
  private TimeSeriesCharts() {}

  /** The kept metrics present in the time series, in summary order, then any others in file order. */
  static List<String> timeSeriesMetrics(ExperimentResults results, StepStatistics steps) {
    Set<String> metrics = new LinkedHashSet<>();
    for (String metric : results.metrics()) {
      if (steps.has(metric)) {
        metrics.add(metric);
      }
    }
    metrics.addAll(steps.metrics());
    return List.copyOf(metrics);
  }

  /**
   * The dynamics of {@code metric}, one line per design point and never an average over points:
   * up to {@value ExperimentCharts#MAX_POINT_LINES} points in one plot, each with its 95% band; more as small
   * multiples ({@link #lineMultiples}), in one chart or several of at most {@value ExperimentCharts#MAX_PANELS}
   * panels.
   */
  static List<ExperimentCharts.Pending> timeSeries(ExperimentResults results, StepStatistics steps, String metric) {
    List<Integer> points = List.copyOf(steps.points(metric));
    if (points.size() <= ExperimentCharts.MAX_POINT_LINES) {
      return List.of(pointLines(results, steps, metric, points));
    }
    Colouring colouring = colouring(results, metric);
    Metric.Domain domain = ChartParts.domain(metric);
    boolean bands = colouring.discrete();
    String band = bands ? ", with the 95% t band of that mean (mean ± t·sd/√n, none with one replication), cut to the"
        + " values " + metric + " can take (" + ChartParts.describe(domain) + ")" : "";
    String caption = "One line per design point: the mean of " + metric + " over the point's replications at every"
        + " step" + band + ". " + colouring.reading(results) + " No line averages over design points.";
    Lines lines = new Lines("timeseries_" + ChartFiles.safeName(metric), ChartFile.Section.TIME_SERIES,
        metric + " over time \u2014 " + results.name(), ChartParts.subtitle(metric, "mean per design point"
            + (bands ? " with 95% band" : "")), ChartStyle.withUnit(metric), caption, points, colouring, bands, null,
        (point, step) -> {
          StepStatistics.Cell cell = steps.cell(metric, point, step);
          if (cell.n() == 0) {
            return null;
          }
          double half = bands ? cell.halfWidth() : 0.0;
          return new double[] {cell.mean(), domain.clip(cell.mean() - half), domain.clip(cell.mean() + half), cell.n()};
        });
    return lineMultiples(results, steps, lines);
  }

  /** Up to {@value ExperimentCharts#MAX_POINT_LINES} design points in one plot: a line each, with its 95% band. */
  private static ExperimentCharts.Pending pointLines(ExperimentResults results, StepStatistics steps, String metric,
      List<Integer> points) {
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(ChartParts.bandAlpha(points.size()));
    Metric.Domain domain = ChartParts.domain(metric);
    int fewest = Integer.MAX_VALUE;
    for (int i = 0; i < points.size(); i++) {
      int point = points.get(i);
      YIntervalSeries series = new YIntervalSeries(results.pointLabel(point), false, true);
      for (int step = steps.minStep(); step <= steps.maxStep(); step++) {
        StepStatistics.Cell cell = steps.cell(metric, point, step);
        if (cell.n() > 0) {
          double half = cell.halfWidth();
          series.add(step, cell.mean(), domain.clip(cell.mean() - half), domain.clip(cell.mean() + half));
          fewest = Math.min(fewest, cell.n());
        }
      }
      dataset.addSeries(series);
      renderer.setSeriesPaint(i, ChartStyle.color(i));
      renderer.setSeriesFillPaint(i, ChartStyle.color(i));
      renderer.setSeriesStroke(i, ChartStyle.stroke(i));
    }
    String caption = "Mean of " + metric + " over the replications of each design point at every step (one line per"
        + " point); the band is the 95% t interval of that mean (mean ± t·sd/√n, none with one replication),"
        + " cut to the values " + metric + " can take (" + ChartParts.describe(domain) + ").";
    NumberAxis range = ChartStyle.numberAxis(ChartStyle.withUnit(metric), false);
    range.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(dataset, ChartStyle.stepAxis(), range, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    ChartStyle.stylePlot(plot);
    if (steps.hasBurnIn()) {
      ChartStyle.addBurnIn(plot, steps.burnInStart(), steps.burnInEnd());
      caption += " The shaded steps are the burn-in.";
    }
    String title = metric + " over time \u2014 " + results.name();
    JFreeChart chart = ChartStyle.chart(title, ChartParts.subtitle(metric, "mean per point with 95% band"), plot, true);
    if (fewest < ExperimentCharts.MEANINGFUL_REPLICATIONS) {
      caption += " " + ChartParts.fewReplications(chart, fewest);
    }
    return ChartParts.file("timeseries_" + ChartFiles.safeName(metric), ChartFile.Section.TIME_SERIES, title, caption, chart);
  }

  /**
   * A point's value at a step as drawn: {mean, band low, band high, replications} (the band's ends
   * equal the mean when there is no band), or null when the point has no value there.
   */
  interface StepValue {
    double[] at(int point, int step);
  }

  /**
   * Line charts of many design points as small multiples.
   *
   * @param baseName the file name (with {@code _part<i>} appended when the panels fill several charts)
   * @param yLabel the vertical axis' label
   * @param range the vertical axis' fixed range, or null to fit the lines (the same for every panel)
   */
  record Lines(String baseName, ChartFile.Section section, String title, String subtitle, String yLabel,
      String caption, List<Integer> points, Colouring colouring, boolean bands, double[] range, StepValue value) {}

  /**
   * How lines of many points are told apart: by the value of one parameter, as one of the palette's
   * colours when it has at most {@value ExperimentCharts#MAX_POINT_LINES} values in a grid (with a legend), else on
   * the viridis scale (with a colour bar). In a grid the other parameters' values make the panels.
   */
  record Colouring(int parameter, String name, Map<Double, String> levels, boolean discrete) {

    Color colour(ExperimentResults.Point point) {
      double value = point.values()[parameter];
      if (discrete) {
        return ChartStyle.color(List.copyOf(levels.keySet()).indexOf(value));
      }
      return (Color) scale().getPaint(value);
    }

    ViridisPaintScale scale() {
      List<Double> values = List.copyOf(levels.keySet());
      double low = values.get(0);
      double high = values.get(values.size() - 1);
      return high > low ? new ViridisPaintScale(low, high) : new ViridisPaintScale(low - 1.0, low + 1.0);
    }

    /** The caption's sentence on colours and panels. */
    String reading(ExperimentResults results) {
      String colours = discrete ? "The colour gives " + name + " (legend)" : "The colour gives " + name
          + " on the scale at the right, dark purple lowest, yellow highest";
      if (!results.isGrid()) {
        return colours + " (the parameter with the largest sensitivity index for this metric); the other parameters"
            + " vary from line to line too.";
      }
      return results.parameters().size() > 1 ? colours + ", each panel one value of the other parameter"
          + (results.parameters().size() > 2 ? "s" : "") + "; the panels share the vertical axis." : colours + ".";
    }
  }

  /**
   * The colouring of {@code metric}'s lines: in a grid, the first parameter with at most
   * {@value ExperimentCharts#MAX_POINT_LINES} values (the first parameter on the viridis scale when none has so
   * few); in a sampled design, the parameter with the largest sensitivity index of the metric.
   */
  static Colouring colouring(ExperimentResults results, String metric) {
    Map<String, String> names = results.shortNames();
    if (results.isGrid()) {
      for (int p = 0; p < results.parameters().size(); p++) {
        Map<Double, String> levels = results.distinctValues(p);
        if (levels.size() >= 2 && levels.size() <= ExperimentCharts.MAX_POINT_LINES) {
          return new Colouring(p, names.get(results.parameters().get(p)), levels, true);
        }
      }
      return new Colouring(0, names.get(results.parameters().get(0)), results.distinctValues(0), false);
    }
    int p = leading(results, metric);
    return new Colouring(p, names.get(results.parameters().get(p)), results.distinctValues(p), false);
  }

  /**
   * The parameter with the largest total Sobol index of {@code metric} (else the largest |SRC|) in
   * sensitivity.csv; the first parameter when there is none.
   */
  static int leading(ExperimentResults results, String metric) {
    CsvTable table = results.sensitivity();
    if (table == null) {
      return 0;
    }
    int best = 0;
    for (String method : List.of("SOBOL_TOTAL", "SRC")) {
      double largest = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < table.size(); r++) {
        int p = results.parameters().indexOf(table.text(r, table.require("parameter")));
        double value = Math.abs(table.number(r, table.require("value")));
        if (p >= 0 && table.text(r, table.require("metric")).equals(metric)
            && table.text(r, table.require("method")).equals(method) && value > largest) {
          largest = value;
          best = p;
        }
      }
      if (largest > Double.NEGATIVE_INFINITY) {
        return best;
      }
    }
    return best;
  }

  /** A panel's label: the values of the parameters other than the colouring one ("" when there are none). */
  static String panelLabel(ExperimentResults results, Colouring colouring, ExperimentResults.Point point) {
    if (!results.isGrid()) {
      return "";
    }
    Map<String, String> names = results.shortNames();
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < results.parameters().size(); p++) {
      if (p != colouring.parameter()) {
        parts.add(names.get(results.parameters().get(p)) + " = " + point.labels().get(p));
      }
    }
    return String.join(", ", parts);
  }

  /** Panels per row: all of up to three, two of four, else three. */
  static int columns(int panels) {
    return panels <= 3 ? panels : panels == 4 ? 2 : 3;
  }

  /** The height of a chart of {@code rows} rows of panels: the usual height up to two rows, taller beyond. */
  static int panelHeight(int rows) {
    return rows <= 2 ? ChartStyle.HEIGHT : 120 + 240 * rows;
  }

  /**
   * Many points' lines as small multiples: one panel per combination of the values of the
   * parameters that do not colour the lines, one line per design point in it, every panel on the
   * same vertical range; panels beyond {@value ExperimentCharts#MAX_PANELS} go into further charts.
   */
  static List<ExperimentCharts.Pending> lineMultiples(ExperimentResults results, StepStatistics steps, Lines lines) {
    Colouring colouring = lines.colouring();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int point : lines.points()) {
      groups.computeIfAbsent(panelLabel(results, colouring, results.point(point)), g -> new ArrayList<>()).add(point);
    }
    Map<String, YIntervalSeriesCollection> datasets = new LinkedHashMap<>();
    Map<String, List<Color>> colours = new LinkedHashMap<>();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    int fewest = Integer.MAX_VALUE;
    for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
      List<Integer> members = new ArrayList<>(group.getValue());
      members.sort(Comparator.comparingDouble((Integer p) -> results.point(p).values()[colouring.parameter()]));
      YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
      List<Color> paints = new ArrayList<>();
      for (int point : members) {
        YIntervalSeries series = new YIntervalSeries("p" + point, false, true);
        for (int step = steps.minStep(); step <= steps.maxStep(); step++) {
          double[] v = lines.value().at(point, step);
          if (v != null && Double.isFinite(v[0])) {
            series.add(step, v[0], v[1], v[2]);
            low = Math.min(low, v[1]);
            high = Math.max(high, v[2]);
            fewest = Math.min(fewest, (int) v[3]);
          }
        }
        dataset.addSeries(series);
        paints.add(colouring.colour(results.point(point)));
      }
      datasets.put(group.getKey(), dataset);
      colours.put(group.getKey(), paints);
    }
    double[] range = lines.range() != null ? lines.range() : ChartParts.padded(low, high);
    List<String> labels = List.copyOf(groups.keySet());
    int parts = (labels.size() + ExperimentCharts.MAX_PANELS - 1) / ExperimentCharts.MAX_PANELS;
    List<ExperimentCharts.Pending> charts = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      List<String> shown = labels.subList(part * ExperimentCharts.MAX_PANELS, Math.min(labels.size(), (part + 1) * ExperimentCharts.MAX_PANELS));
      int columns = columns(shown.size());
      int rows = PanelPlot.rows(shown.size(), columns);
      List<PanelPlot.Panel> panels = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        YIntervalSeriesCollection dataset = datasets.get(shown.get(i));
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(lines.bands() ? ChartParts.bandAlpha(dataset.getSeriesCount()) : 0.0f);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
          Color colour = colours.get(shown.get(i)).get(s);
          renderer.setSeriesPaint(s, colour);
          renderer.setSeriesFillPaint(s, colour);
          renderer.setSeriesStroke(s, lines.bands() ? ChartStyle.LINE : ExperimentCharts.THIN_LINE);
        }
        NumberAxis x = ChartStyle.stepAxis();
        x.setLabel(i + columns >= shown.size() ? x.getLabel() : null);
        NumberAxis y = ChartStyle.numberAxis(i % columns == 0 ? lines.yLabel() : null, false);
        y.setRange(range[0], range[1]);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        ChartStyle.stylePlot(plot);
        if (steps.hasBurnIn()) {
          ChartStyle.addBurnIn(plot, steps.burnInStart(), steps.burnInEnd());
        }
        panels.add(new PanelPlot.Panel(shown.get(i), plot));
      }
      LegendItemCollection legend = null;
      if (colouring.discrete()) {
        legend = new LegendItemCollection();
        int i = 0;
        for (String level : colouring.levels().values()) {
          legend.add(lines.bands() ? ChartParts.bandLegend(colouring.name() + " = " + level, ChartStyle.color(i), ChartStyle.LINE)
              : ChartParts.lineLegend(colouring.name() + " = " + level, ChartStyle.color(i)));
          i++;
        }
      }
      String title = lines.title() + (parts > 1 ? " (" + (part + 1) + " of " + parts + ")" : "");
      JFreeChart chart = ChartStyle.chart(title, lines.subtitle(), new PanelPlot(panels, columns, legend),
          colouring.discrete());
      if (!colouring.discrete()) {
        chart.addSubtitle(ChartParts.colourBar(colouring.scale(), colouring.name()));
      }
      String caption = lines.caption() + (steps.hasBurnIn() ? " The shaded steps are the burn-in." : "");
      if (lines.bands() && fewest < ExperimentCharts.MEANINGFUL_REPLICATIONS) {
        caption += " " + ChartParts.fewReplications(chart, fewest);
      }
      String name = lines.baseName() + (parts > 1 ? "_part" + (part + 1) : "");
      charts.add(new ExperimentCharts.Pending(name, lines.section(), title, caption, panelHeight(rows), chart));
    }
    return charts;
  }
}
