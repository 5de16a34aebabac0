package org.nqpf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;
import org.nqpf.model.Metric;
import org.nqpf.stats.Sensitivity;

/**
 * The charts of an experiment's results folder (docs/EXPERIMENTS.md, "Charts and report"), each
 * as PNG and SVG with the same base name in {@code charts/}:
 *
 * <ul>
 *   <li>{@code timeseries_<metric>}: per kept metric, one line per design point, never an average
 *       over points: up to {@value #MAX_POINT_LINES} points in one plot, each the mean over the
 *       point's replications with its 95% t band (mean ± t·sd/√n); more as small multiples: in a
 *       grid one panel per combination of the other parameters' values and in it one line per
 *       value of the colouring parameter (the first with at most {@value #MAX_POINT_LINES} values),
 *       with bands; in a sampled design one panel of lines coloured by the parameter with the
 *       largest sensitivity index. At most {@value #MAX_PANELS} panels a chart
 *       ({@code timeseries_<metric>_part<i>} beyond). Burn-in shaded.
 *   <li>{@code ownership_p<point>} (one design point) or {@code ownership}: private vs SOE output
 *       stacked over steps (SOE = output − outputPrivate), mean over each point's runs, one panel
 *       per point up to {@value #MAX_OWNERSHIP_PANELS} points (in charts of at most
 *       {@value #MAX_PANELS}), beyond that the private share as one line per point; when the time
 *       series lacks output or outputPrivate but has a private-share metric, the private share and
 *       its complement stacked to 1.
 *   <li>{@code response_<metric>_by_<parameter>}: the per-point mean (summary.csv) against the
 *       parameter with the 95% CI as error bars. GRID: lines; with two parameters, one line per
 *       value of the other; with three or more, the mean over the other parameters' values
 *       (whiskers: range of the point means). Sampled designs: a scatter of the points.
 *   <li>{@code heatmap_<metric>}: GRID with exactly two parameters: the per-point mean as a colour
 *       grid (first parameter across, second up), the value written in each cell when they fit.
 *   <li>{@code sensitivity_<metric>}: when sensitivity.csv exists: the indices per parameter as
 *       bars grouped by method, with the 95% bootstrap interval as whiskers.
 * </ul>
 *
 * <p>The bytes are reproducible: same folder, same bytes (see {@link ChartStyle} and
 * {@link ChartFiles}). Writing replaces {@code charts/} as a whole and atomically: everything is
 * rendered in memory first, written into a hidden temporary sibling folder, then renamed in.
 */
public final class ExperimentCharts {

  /** Charts rendered at the same time, at most. */
  static final int MAX_RENDER_THREADS = 8;

  /** Fewer replications than this are marked on a chart: a t interval of two runs has one degree of freedom. */
  static final int MEANINGFUL_REPLICATIONS = 3;

  /** Opacity of the confidence bands. */
  private static final float BAND_ALPHA = 0.18f;

  /** Time-series charts draw every point's line in one plot up to this many points, else as small multiples. */
  public static final int MAX_POINT_LINES = 8;
  /** Small multiples put at most this many panels in one chart, and the rest in further charts. */
  public static final int MAX_PANELS = 12;
  /** Ownership charts draw a panel per point up to this many points, else the private share as one line per point. */
  public static final int MAX_OWNERSHIP_PANELS = 36;
  /** The lines of a chart of many points, without bands. */
  private static final BasicStroke THIN_LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  /** Heat-map cells are labelled with their value up to this many columns ... */
  static final int MAX_LABELLED_COLUMNS = 12;
  /** ... and this many rows. */
  static final int MAX_LABELLED_ROWS = 20;

  /** The private-share metrics, in the order the ownership chart falls back on them. */
  static final List<String> SHARE_METRICS = List.of(Metric.PRIVATE_SHARE_OUTPUT.column(),
      Metric.PRIVATE_SHARE_EMPLOYMENT.column(), Metric.PRIVATE_SHARE_FIRMS.column(),
      Metric.PRIVATE_SHARE_INNOVATION.column(), Metric.PRIVATE_SHARE_TAX.column());

  private static final String OUTPUT = Metric.OUTPUT.column();
  private static final String OUTPUT_PRIVATE = Metric.OUTPUT_PRIVATE.column();

  private ExperimentCharts() {}

  /**
   * Reads the results folder and writes every chart into its {@code charts/} folder, replacing
   * it whole.
   *
   * @return the files written (PNG and SVG of each chart, in chart order)
   * @throws ResultsReadException if the folder or a required file is missing, unreadable or
   *     malformed (nothing is written then)
   * @throws OutputException if {@code charts/} cannot be written
   */
  public static List<Path> write(Path resultsDir) {
    Objects.requireNonNull(resultsDir, "resultsDir");
    ExperimentResults results = ExperimentResults.read(resultsDir);
    return writeFiles(results.dir(), render(results));
  }

  /**
   * Reads the results folder and renders every chart in memory, writing nothing.
   *
   * @throws ResultsReadException as for {@link #write(Path)}
   */
  public static List<ChartFile> render(Path resultsDir) {
    Objects.requireNonNull(resultsDir, "resultsDir");
    return render(ExperimentResults.read(resultsDir));
  }

  static List<ChartFile> render(ExperimentResults results) {
    return renderAll(pending(results), Math.min(MAX_RENDER_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** The charts of the folder, configured but not yet rendered, in chart order. */
  static List<Pending> pending(ExperimentResults results) {
    List<Pending> charts = new ArrayList<>();
    StepStatistics steps = results.timeSeriesFile() == null ? null : StepStatistics.read(results.timeSeriesFile());
    if (steps != null) {
      for (String metric : timeSeriesMetrics(results, steps)) {
        if (!steps.points(metric).isEmpty()) {
          charts.addAll(timeSeries(results, steps, metric));
        }
      }
      charts.addAll(ownership(results, steps));
    }
    for (String metric : results.metrics()) {
      for (int p = 0; p < results.parameters().size(); p++) {
        Pending response = response(results, metric, p);
        if (response != null) {
          charts.add(response);
        }
      }
    }
    if (results.isGrid() && results.parameters().size() == 2) {
      for (String metric : results.metrics()) {
        Pending heatMap = heatMap(results, metric);
        if (heatMap != null) {
          charts.add(heatMap);
        }
      }
    }
    if (results.sensitivity() != null) {
      charts.addAll(sensitivity(results));
    }
    return uniqueNames(charts);
  }

  /**
   * Gives a chart whose file name is already taken (two names that differ only in characters
   * made safe for file names) the suffix {@code _2}, {@code _3}, ...
   */
  private static List<Pending> uniqueNames(List<Pending> charts) {
    Set<String> taken = new java.util.HashSet<>();
    List<Pending> unique = new ArrayList<>();
    for (Pending chart : charts) {
      String name = chart.baseName();
      for (int n = 2; !taken.add(name); n++) {
        name = chart.baseName() + "_" + n;
      }
      unique.add(name.equals(chart.baseName()) ? chart
          : new Pending(name, chart.section(), chart.title(), chart.caption(), chart.height(), chart.chart()));
    }
    return unique;
  }

  /** A configured chart waiting to be rendered, {@code height} pixels high. */
  record Pending(String baseName, ChartFile.Section section, String title, String caption, int height,
      JFreeChart chart) {
    ChartFile render() {
      return new ChartFile(baseName, section, title, caption, height, ChartFiles.png(chart, height),
          ChartFiles.svg(chart, height));
    }
  }

  /**
   * Renders the charts, several at a time (each chart's bytes depend only on its own data, so
   * the result is the same whatever the number of threads), keeping their order.
   */
  static List<ChartFile> renderAll(List<Pending> charts, int maxThreads) {
    int threads = Math.min(maxThreads, charts.size());
    if (threads <= 1) {
      return charts.stream().map(Pending::render).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "nqpf-chart-render");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<ChartFile>> futures = new ArrayList<>();
      for (Pending chart : charts) {
        futures.add(pool.submit(chart::render));
      }
      List<ChartFile> rendered = new ArrayList<>();
      for (Future<ChartFile> future : futures) {
        rendered.add(future.get());
      }
      return List.copyOf(rendered);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutputException("interrupted while rendering the charts", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("cannot render a chart", cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes the charts into {@code charts/} of {@code dir}, replacing the folder atomically. */
  static List<Path> writeFiles(Path dir, List<ChartFile> charts) {
    Path target = dir.resolve(ExperimentFolder.CHARTS);
    List<Path> written = new ArrayList<>();
    // A charts folder holds only charts: those this program draws may be replaced without a manifest.
    try (ResultsFolder out = ResultsFolder.create(target, "chart", List.of(".png", ".svg"))) {
      for (ChartFile chart : charts) {
        write(out.file(chart.pngName()), chart.png());
        write(out.file(chart.svgName()), chart.svg());
        written.add(target.resolve(chart.pngName()));
        written.add(target.resolve(chart.svgName()));
      }
      out.commit();
    }
    return List.copyOf(written);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new OutputException("cannot write " + file + ": " + e, e);
    }
  }

  // ---------------------------------------------------------------- time series

  /** The kept metrics present in the time series, in summary order, then any others in file order. */
  private static List<String> timeSeriesMetrics(ExperimentResults results, StepStatistics steps) {
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
   * up to {@value #MAX_POINT_LINES} points in one plot, each with its 95% band; more as small
   * multiples ({@link #lineMultiples}), in one chart or several of at most {@value #MAX_PANELS}
   * panels.
   */
  static List<Pending> timeSeries(ExperimentResults results, StepStatistics steps, String metric) {
    List<Integer> points = List.copyOf(steps.points(metric));
    if (points.size() <= MAX_POINT_LINES) {
      return List.of(pointLines(results, steps, metric, points));
    }
    Colouring colouring = colouring(results, metric);
    Metric.Domain domain = domain(metric);
    boolean bands = colouring.discrete();
    String band = bands ? ", with the 95% t band of that mean (mean ± t·sd/√n, none with one replication), cut to the"
        + " values " + metric + " can take (" + describe(domain) + ")" : "";
    String caption = "One line per design point: the mean of " + metric + " over the point's replications at every"
        + " step" + band + ". " + colouring.reading(results) + " No line averages over design points.";
    Lines lines = new Lines("timeseries_" + ChartFiles.safeName(metric), ChartFile.Section.TIME_SERIES,
        metric + " over time \u2014 " + results.name(), subtitle(metric, "mean per design point"
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

  /** Up to {@value #MAX_POINT_LINES} design points in one plot: a line each, with its 95% band. */
  private static Pending pointLines(ExperimentResults results, StepStatistics steps, String metric,
      List<Integer> points) {
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(bandAlpha(points.size()));
    Metric.Domain domain = domain(metric);
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
        + " cut to the values " + metric + " can take (" + describe(domain) + ").";
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
    JFreeChart chart = ChartStyle.chart(title, subtitle(metric, "mean per point with 95% band"), plot, true);
    if (fewest < MEANINGFUL_REPLICATIONS) {
      caption += " " + fewReplications(chart, fewest);
    }
    return file("timeseries_" + ChartFiles.safeName(metric), ChartFile.Section.TIME_SERIES, title, caption, chart);
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
   * colours when it has at most {@value #MAX_POINT_LINES} values in a grid (with a legend), else on
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
   * {@value #MAX_POINT_LINES} values (the first parameter on the viridis scale when none has so
   * few); in a sampled design, the parameter with the largest sensitivity index of the metric.
   */
  static Colouring colouring(ExperimentResults results, String metric) {
    Map<String, String> names = results.shortNames();
    if (results.isGrid()) {
      for (int p = 0; p < results.parameters().size(); p++) {
        Map<Double, String> levels = results.distinctValues(p);
        if (levels.size() >= 2 && levels.size() <= MAX_POINT_LINES) {
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
  private static String panelLabel(ExperimentResults results, Colouring colouring, ExperimentResults.Point point) {
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
   * same vertical range; panels beyond {@value #MAX_PANELS} go into further charts.
   */
  static List<Pending> lineMultiples(ExperimentResults results, StepStatistics steps, Lines lines) {
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
    double[] range = lines.range() != null ? lines.range() : padded(low, high);
    List<String> labels = List.copyOf(groups.keySet());
    int parts = (labels.size() + MAX_PANELS - 1) / MAX_PANELS;
    List<Pending> charts = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      List<String> shown = labels.subList(part * MAX_PANELS, Math.min(labels.size(), (part + 1) * MAX_PANELS));
      int columns = columns(shown.size());
      int rows = PanelPlot.rows(shown.size(), columns);
      List<PanelPlot.Panel> panels = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        YIntervalSeriesCollection dataset = datasets.get(shown.get(i));
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(lines.bands() ? bandAlpha(dataset.getSeriesCount()) : 0.0f);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
          Color colour = colours.get(shown.get(i)).get(s);
          renderer.setSeriesPaint(s, colour);
          renderer.setSeriesFillPaint(s, colour);
          renderer.setSeriesStroke(s, lines.bands() ? ChartStyle.LINE : THIN_LINE);
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
          legend.add(lines.bands() ? bandLegend(colouring.name() + " = " + level, ChartStyle.color(i), ChartStyle.LINE)
              : lineLegend(colouring.name() + " = " + level, ChartStyle.color(i)));
          i++;
        }
      }
      String title = lines.title() + (parts > 1 ? " (" + (part + 1) + " of " + parts + ")" : "");
      JFreeChart chart = ChartStyle.chart(title, lines.subtitle(), new PanelPlot(panels, columns, legend),
          colouring.discrete());
      if (!colouring.discrete()) {
        chart.addSubtitle(colourBar(colouring.scale(), colouring.name()));
      }
      String caption = lines.caption() + (steps.hasBurnIn() ? " The shaded steps are the burn-in." : "");
      if (lines.bands() && fewest < MEANINGFUL_REPLICATIONS) {
        caption += " " + fewReplications(chart, fewest);
      }
      String name = lines.baseName() + (parts > 1 ? "_part" + (part + 1) : "");
      charts.add(new Pending(name, lines.section(), title, caption, panelHeight(rows), chart));
    }
    return charts;
  }

  /** [low, high] with 5% of the span added on each side (±1, or ±10%, around a single value). */
  private static double[] padded(double low, double high) {
    if (!(high >= low)) {
      return new double[] {0.0, 1.0};
    }
    double span = high - low;
    double pad = span > 0 ? span * 0.05 : low == 0 ? 1.0 : Math.abs(low) * 0.1;
    return new double[] {low - pad, high + pad};
  }

  /** A colour bar at the right of a chart, for the viridis scale, its axis labelled {@code label}. */
  private static PaintScaleLegend colourBar(ViridisPaintScale scale, String label) {
    NumberAxis axis = ChartStyle.numberAxis(label, false);
    axis.setRange(scale.getLowerBound(), scale.getUpperBound());
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setMargin(new RectangleInsets(8, 12, 8, 4));
    legend.setStripWidth(18.0);
    legend.setSubdivisionCount(128);
    legend.setBackgroundPaint(Color.WHITE);
    return legend;
  }

  /** The values {@code metric} can take (any value for a column the model does not know). */
  static Metric.Domain domain(String metric) {
    Metric known = ChartStyle.metric(metric);
    return known == null ? Metric.Domain.ANY : known.domain();
  }

  private static String describe(Metric.Domain domain) {
    return switch (domain) {
      case SHARE -> "0 to 1";
      case NON_NEGATIVE -> "0 or more";
      case ANY -> "any value";
    };
  }

  /**
   * A colour range around a constant value {@code c}, inside the metric's domain: [c − 1, c + 1]
   * around 0 and [c − 10%, c + 10%] otherwise, cut to the domain (so an all-zero count gets 0 to 1).
   */
  static double[] aroundConstant(double c, Metric.Domain domain) {
    double pad = c == 0.0 ? 1.0 : Math.abs(c) * 0.1;
    double lower = Math.max(domain.lower(), c - pad);
    double upper = Math.min(domain.upper(), c + pad);
    return upper > lower ? new double[] {lower, upper} : new double[] {c - pad, c + pad};
  }

  /**
   * Marks a chart whose intervals rest on fewer than {@link #MEANINGFUL_REPLICATIONS} runs: a line
   * under the title, and the caption's sentence.
   */
  private static String fewReplications(JFreeChart chart, int replications) {
    String text = replications == 1
        ? "1 replication: no interval can be drawn (run at least " + MEANINGFUL_REPLICATIONS + ")"
        : replications + " replications: too few for a meaningful 95% interval (t with " + (replications - 1)
            + " degree" + (replications == 2 ? "" : "s") + " of freedom); run at least " + MEANINGFUL_REPLICATIONS;
    TextTitle note = new TextTitle(text, ChartStyle.NOTE_FONT);
    note.setPaint(ChartStyle.WARNING);
    note.setPadding(new RectangleInsets(0, 8, 6, 8));
    chart.addSubtitle(note);
    return "With " + text + ".";
  }

  /** Band opacity for {@code lines} overlapping bands: lighter as they get more numerous. */
  static float bandAlpha(int lines) {
    return Math.min(BAND_ALPHA, 0.3f / (float) Math.sqrt(Math.max(1, lines)));
  }

  /** A legend entry showing a translucent band and, when {@code line} is given, the line over it. */
  private static LegendItem bandLegend(String label, Color colour, Stroke line) {
    Color band = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), Math.round(BAND_ALPHA * 255 * 2));
    Shape box = new Rectangle2D.Double(-8.0, -5.0, 16.0, 10.0);
    LegendItem item = new LegendItem(label, null, null, null, true, box, true, band, false, colour,
        new BasicStroke(1.0f), line != null, new Line2D.Double(-8.0, 0.0, 8.0, 0.0),
        line != null ? line : new BasicStroke(1.0f), colour);
    item.setLabelFont(ChartStyle.LEGEND_FONT);
    item.setLabelPaint(ChartStyle.TEXT);
    return item;
  }

  /** A legend entry showing a line. */
  private static LegendItem lineLegend(String label, Color colour) {
    LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, colour, false,
        colour, new BasicStroke(1.0f), true, new Line2D.Double(-8.0, 0.0, 8.0, 0.0), ChartStyle.LINE, colour);
    item.setLabelFont(ChartStyle.LEGEND_FONT);
    item.setLabelPaint(ChartStyle.TEXT);
    return item;
  }

  private static String subtitle(String metric, String what) {
    String description = ChartStyle.description(metric);
    if (description.endsWith(".")) {
      description = description.substring(0, description.length() - 1);
    }
    return description.isEmpty() ? what : description + " \u2014 " + what;
  }

  // ---------------------------------------------------------------- ownership

  /**
   * Private vs SOE output at every design point: one chart for a single point; small multiples of
   * stacked areas, one panel per point, up to {@value #MAX_OWNERSHIP_PANELS} points; beyond, the
   * private share of output as one line per point ({@link #lineMultiples}).
   */
  static List<Pending> ownership(ExperimentResults results, StepStatistics steps) {
    Set<String> kept = new LinkedHashSet<>(results.metrics());
    kept.addAll(steps.metrics());
    boolean wanted = kept.contains(OUTPUT) || kept.contains(OUTPUT_PRIVATE)
        || SHARE_METRICS.stream().anyMatch(kept::contains);
    if (!wanted) {
      return List.of();
    }
    String share = null;
    boolean money = steps.has(OUTPUT) && steps.has(OUTPUT_PRIVATE);
    if (!money) {
      share = SHARE_METRICS.stream().filter(steps::has).findFirst().orElse(null);
      if (share == null) {
        return List.of();
      }
    }
    String source = money ? OUTPUT : share;
    List<Integer> points = List.copyOf(steps.points(source));
    if (points.isEmpty()) {
      return List.of();
    }
    if (points.size() == 1) {
      return List.of(ownership(results, steps, points.get(0), share));
    }
    if (points.size() <= MAX_OWNERSHIP_PANELS) {
      return ownershipPanels(results, steps, points, share);
    }
    return privateShareLines(results, steps, points, share);
  }

  /** The stacked private and SOE parts of one point, means over its replications, and the most replications of a step. */
  private record Ownership(DefaultTableXYDataset dataset, int replications, double top) {}

  private static Ownership ownershipData(StepStatistics steps, int point, String share) {
    boolean money = share == null;
    XYSeries privateSeries = new XYSeries(money ? "Private firms (outputPrivate)" : "Private firms (" + share + ")",
        true, false);
    XYSeries soeSeries = new XYSeries(money ? "SOEs (output \u2212 outputPrivate)" : "SOEs (1 \u2212 " + share + ")",
        true, false);
    int replications = 0;
    double top = 0.0;
    for (int step = steps.minStep(); step <= steps.maxStep(); step++) {
      double[] parts = ownershipAt(steps, point, step, share);
      if (parts == null) {
        continue;
      }
      privateSeries.add(step, parts[0], false);
      soeSeries.add(step, parts[1], false);
      replications = Math.max(replications, (int) parts[2]);
      top = Math.max(top, parts[0] + parts[1]);
    }
    DefaultTableXYDataset dataset = new DefaultTableXYDataset();
    dataset.addSeries(privateSeries);
    dataset.addSeries(soeSeries);
    return new Ownership(dataset, replications, top);
  }

  /** {private part, SOE part, replications} of a point at a step (means over replications), or null. */
  private static double[] ownershipAt(StepStatistics steps, int point, int step, String share) {
    if (share == null) {
      StepStatistics.Cell total = steps.cell(OUTPUT, point, step);
      StepStatistics.Cell privateOutput = steps.cell(OUTPUT_PRIVATE, point, step);
      if (total.n() == 0 || privateOutput.n() == 0) {
        return null;
      }
      return new double[] {privateOutput.mean(), total.mean() - privateOutput.mean(),
          Math.max(total.n(), privateOutput.n())};
    }
    StepStatistics.Cell cell = steps.cell(share, point, step);
    return cell.n() == 0 ? null : new double[] {cell.mean(), 1.0 - cell.mean(), cell.n()};
  }

  private static XYPlot ownershipPlot(DefaultTableXYDataset dataset, NumberAxis range, NumberAxis steps) {
    StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
    renderer.setSeriesPaint(0, ChartStyle.PRIVATE_COLOR);
    renderer.setSeriesPaint(1, ChartStyle.SOE_COLOR);
    renderer.setOutline(false);
    renderer.setLegendArea(new Rectangle2D.Double(-7.0, -5.0, 14.0, 10.0));
    XYPlot plot = new XYPlot(dataset, steps, range, renderer);
    ChartStyle.stylePlot(plot);
    return plot;
  }

  private static String ownershipAxis(String share) {
    return share == null ? ChartStyle.withUnit(OUTPUT)
        : "share of " + share.replace("privateShare", "").toLowerCase(java.util.Locale.ROOT) + " (share)";
  }

  private static Pending ownership(ExperimentResults results, StepStatistics steps, int point, String share) {
    boolean money = share == null;
    Ownership data = ownershipData(steps, point, share);
    int replications = data.replications();
    NumberAxis range = ChartStyle.numberAxis(ownershipAxis(share), false);
    range.setAutoRangeIncludesZero(true);
    if (!money) {
      range.setRange(0.0, 1.0);
    }
    XYPlot plot = ownershipPlot(data.dataset(), range, ChartStyle.stepAxis());
    String caption = money
        ? "Output (nominal sales) of private firms and of SOEs, stacked, so the top edge is total output; SOE"
            + " output is output − outputPrivate. Mean over the " + replications + " replication(s) of "
            + results.pointLabel(point) + "."
        : "The private share (" + share + ") and its complement, the SOE share, stacked to 1 (the time series has no"
            + " output and outputPrivate). Mean over the " + replications + " replication(s) of "
            + results.pointLabel(point) + ".";
    if (steps.hasBurnIn()) {
      ChartStyle.addBurnInOverlay(plot, steps.burnInStart(), steps.burnInEnd());
      caption += " The paler steps are the burn-in.";
    }
    String title = (money ? "Output" : "Private share") + " by ownership \u2014 " + results.name() + ", point "
        + point;
    JFreeChart chart = ChartStyle.chart(title, results.pointLabel(point) + " \u2014 mean over " + replications
        + " replication(s)", plot, true);
    return file("ownership_p" + point, ChartFile.Section.OWNERSHIP, title, caption, chart);
  }

  /**
   * One panel of stacked areas per design point, on a common vertical axis; in a grid whose last
   * parameter has two to four values, a row per combination of the others and a column per value
   * of the last.
   */
  private static List<Pending> ownershipPanels(ExperimentResults results, StepStatistics steps, List<Integer> points,
      String share) {
    boolean money = share == null;
    List<Ownership> data = new ArrayList<>();
    double top = 0.0;
    int fewest = Integer.MAX_VALUE;
    for (int point : points) {
      Ownership ownership = ownershipData(steps, point, share);
      data.add(ownership);
      top = Math.max(top, ownership.top());
      fewest = Math.min(fewest, ownership.replications());
    }
    int parameters = results.parameters().size();
    int last = parameters == 0 ? 0 : results.distinctValues(parameters - 1).size();
    boolean gridColumns = results.isGrid() && last >= 2 && last <= 4 && MAX_PANELS % last == 0;
    int parts = (points.size() + MAX_PANELS - 1) / MAX_PANELS;
    List<Pending> charts = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int from = part * MAX_PANELS;
      int to = Math.min(points.size(), from + MAX_PANELS);
      int columns = gridColumns ? last : columns(to - from);
      int rows = PanelPlot.rows(to - from, columns);
      List<PanelPlot.Panel> panels = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int cell = i - from;
        NumberAxis range = ChartStyle.numberAxis(cell % columns == 0 ? ownershipAxis(share) : null, false);
        range.setRange(0.0, money ? (top > 0 ? top * 1.04 : 1.0) : 1.0);
        NumberAxis x = ChartStyle.stepAxis();
        x.setLabel(cell + columns >= to - from ? x.getLabel() : null);
        XYPlot plot = ownershipPlot(data.get(i).dataset(), range, x);
        if (steps.hasBurnIn()) {
          ChartStyle.addBurnInOverlay(plot, steps.burnInStart(), steps.burnInEnd());
        }
        panels.add(new PanelPlot.Panel(results.pointLabel(points.get(i)), plot));
      }
      LegendItemCollection legend = panels.get(0).plot().getLegendItems();
      String title = (money ? "Output" : "Private share") + " by ownership \u2014 " + results.name()
          + (parts > 1 ? " (" + (part + 1) + " of " + parts + ")" : "");
      JFreeChart chart = ChartStyle.chart(title, "one panel per design point \u2014 mean over its replications",
          new PanelPlot(panels, columns, legend), true);
      String caption = (money
          ? "Output (nominal sales) of private firms and of SOEs at each design point, stacked, so the top edge is"
              + " total output; SOE output is output − outputPrivate."
          : "The private share (" + share + ") and its complement, the SOE share, stacked to 1, at each design point"
              + " (the time series has no output and outputPrivate).")
          + " Means over each point's replications (" + fewest + " or more); the panels share the vertical axis"
          + (gridColumns && parameters > 1 ? ", and each column is one value of "
              + results.parameters().get(parameters - 1) : "")
          + "." + (steps.hasBurnIn() ? " The paler steps are the burn-in." : "");
      String name = "ownership" + (parts > 1 ? "_part" + (part + 1) : "");
      charts.add(new Pending(name, ChartFile.Section.OWNERSHIP, title, caption, panelHeight(rows), chart));
    }
    return charts;
  }

  /** More points than panels can show: the private share of output per point, one line each. */
  private static List<Pending> privateShareLines(ExperimentResults results, StepStatistics steps, List<Integer> points,
      String share) {
    String metric = share == null ? Metric.PRIVATE_SHARE_OUTPUT.column() : share;
    Colouring colouring = colouring(results, share == null ? OUTPUT_PRIVATE : share);
    String source = share == null ? "outputPrivate / output (the means over the point's replications)" : share;
    String caption = "With " + points.size() + " design points, a panel each would not be readable: one line per point"
        + " of the private share, " + source + ", at every step; the SOE share is 1 minus it. "
        + colouring.reading(results);
    Lines lines = new Lines("ownership", ChartFile.Section.OWNERSHIP, "Private share by ownership \u2014 " + results.name(),
        subtitle(metric, "one line per design point"), ChartStyle.withUnit(metric), caption, points, colouring, false,
        new double[] {0.0, 1.0}, (point, step) -> {
          double[] parts = ownershipAt(steps, point, step, share);
          if (parts == null || !(parts[0] + parts[1] > 0)) {
            return null;
          }
          double value = share == null ? parts[0] / (parts[0] + parts[1]) : parts[0];
          return new double[] {value, value, value, parts[2]};
        });
    return lineMultiples(results, steps, lines);
  }

  // ---------------------------------------------------------------- response curves

  static Pending response(ExperimentResults results, String metric, int p) {
    String parameter = results.parameters().get(p);
    Map<Double, String> values = results.distinctValues(p);
    if (values.size() < 2) {
      return null;
    }
    boolean grid = results.isGrid();
    int parameterCount = results.parameters().size();
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    String caption;
    boolean intervals = !grid || parameterCount <= 2;
    if (!grid || parameterCount == 1) {
      YIntervalSeries series = new YIntervalSeries(grid ? "mean with 95% CI" : "design points (mean with 95% CI)",
          true, true);
      for (ExperimentResults.Point point : results.points()) {
        addMean(series, results, metric, point, point.values()[p]);
      }
      dataset.addSeries(series);
      caption = grid
          ? "Mean over the runs of " + metric + "_mean (the run's mean over its recorded steps) at each value of "
              + parameter + ", from summary.csv, with its 95% t interval as error bars."
          : "Each design point of the sampled design: the mean over its runs of " + metric + "_mean against its value"
              + " of " + parameter + " (the other parameters vary too), with the 95% t interval as error bars.";
    } else if (parameterCount == 2) {
      int other = 1 - p;
      String otherName = results.shortNames().get(results.parameters().get(other));
      Map<Double, YIntervalSeries> byOther = new TreeMap<>();
      for (Map.Entry<Double, String> value : results.distinctValues(other).entrySet()) {
        byOther.put(value.getKey(), new YIntervalSeries(otherName + " = " + value.getValue(), true, true));
      }
      for (ExperimentResults.Point point : results.points()) {
        YIntervalSeries series = byOther.get(point.values()[other]);
        if (series != null) {
          addMean(series, results, metric, point, point.values()[p]);
        }
      }
      for (YIntervalSeries series : byOther.values()) {
        dataset.addSeries(series);
      }
      caption = "Mean over the runs of " + metric + "_mean at each value of " + parameter + ", one line per value of "
          + results.parameters().get(other) + ", with the 95% t interval as error bars (summary.csv).";
    } else {
      YIntervalSeries series = new YIntervalSeries("mean over the other parameters (whiskers: range of point means)",
          true, true);
      for (Map.Entry<Double, String> value : values.entrySet()) {
        int n = 0;
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ExperimentResults.Point point : results.points()) {
          double mean = results.summaryValue(point.index(), metric, "_mean");
          if (point.values()[p] == value.getKey() && !Double.isNaN(mean)) {
            n++;
            sum += mean;
            min = Math.min(min, mean);
            max = Math.max(max, mean);
          }
        }
        if (n > 0) {
          series.add(value.getKey(), sum / n, min, max);
        }
      }
      dataset.addSeries(series);
      caption = "Main effect of " + parameter + ": at each of its values, the average of the point means of "
          + metric + "_mean over all combinations of the other parameters; the whiskers span the lowest to the"
          + " highest of those point means (not a confidence interval).";
    }
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setCapLength(8.0);
    renderer.setErrorStroke(new BasicStroke(1.5f));
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.color(i));
      renderer.setSeriesStroke(i, ChartStyle.stroke(i));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-4.0, -4.0, 8.0, 8.0));
      renderer.setSeriesLinesVisible(i, grid);
      renderer.setSeriesShapesVisible(i, true);
    }
    NumberAxis domain = ChartStyle.numberAxis(parameter, false);
    domain.setAutoRangeIncludesZero(false);
    domain.setAutoRangeStickyZero(false);
    domain.setLowerMargin(0.04);
    domain.setUpperMargin(0.04);
    NumberAxis range = ChartStyle.numberAxis(ChartStyle.withUnit("mean", metric), false);
    range.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(dataset, domain, range, renderer);
    ChartStyle.stylePlot(plot);
    String title = metric + " by " + parameter + " \u2014 " + results.name();
    String what = grid ? "mean over replications of the run means, 95% CI" : "sampled design points, 95% CI";
    JFreeChart chart = ChartStyle.chart(title, subtitle(metric, what), plot, true);
    int replications = results.replications();
    if (intervals && replications > 0 && replications < MEANINGFUL_REPLICATIONS) {
      caption += " " + fewReplications(chart, replications);
    }
    return file("response_" + ChartFiles.safeName(metric) + "_by_" + ChartFiles.safeName(parameter),
        ChartFile.Section.RESPONSE, title, caption, chart);
  }

  private static void addMean(YIntervalSeries series, ExperimentResults results, String metric,
      ExperimentResults.Point point, double x) {
    double mean = results.summaryValue(point.index(), metric, "_mean");
    if (Double.isNaN(mean) || Double.isNaN(x)) {
      return;
    }
    Metric.Domain domain = domain(metric);
    double low = results.summaryValue(point.index(), metric, "_ciLow");
    double high = results.summaryValue(point.index(), metric, "_ciHigh");
    series.add(x, mean, Double.isNaN(low) ? mean : domain.clip(low), Double.isNaN(high) ? mean : domain.clip(high));
  }

  // ---------------------------------------------------------------- heat maps

  static Pending heatMap(ExperimentResults results, String metric) {
    List<String> parameters = results.parameters();
    Map<Double, String> xValues = results.distinctValues(0);
    Map<Double, String> yValues = results.distinctValues(1);
    if (xValues.size() < 2 || yValues.size() < 2) {
      return null;
    }
    List<Double> xs = List.copyOf(xValues.keySet());
    List<Double> ys = List.copyOf(yValues.keySet());
    List<double[]> cells = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ExperimentResults.Point point : results.points()) {
      double mean = results.summaryValue(point.index(), metric, "_mean");
      int xi = xs.indexOf(point.values()[0]);
      int yi = ys.indexOf(point.values()[1]);
      if (Double.isNaN(mean) || xi < 0 || yi < 0) {
        continue;
      }
      cells.add(new double[] {xi, yi, mean});
      min = Math.min(min, mean);
      max = Math.max(max, mean);
    }
    if (cells.isEmpty()) {
      return null;
    }
    double[][] data = new double[3][cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      data[0][i] = cells.get(i)[0];
      data[1][i] = cells.get(i)[1];
      data[2][i] = cells.get(i)[2];
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries(metric, data);
    boolean constant = !(max > min);
    double[] bounds = constant ? aroundConstant(min, domain(metric)) : new double[] {min, max};
    ViridisPaintScale scale = new ViridisPaintScale(bounds[0], bounds[1]);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setBlockWidth(1.0);
    renderer.setBlockHeight(1.0);
    renderer.setBlockAnchor(RectangleAnchor.CENTER);
    renderer.setPaintScale(scale);

    SymbolAxis xAxis = symbolAxis(parameters.get(0), xValues);
    SymbolAxis yAxis = symbolAxis(parameters.get(1), yValues);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
    ChartStyle.stylePlot(plot);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(new Color(0xF4, 0xF4, 0xF4));
    boolean labelled = xs.size() <= MAX_LABELLED_COLUMNS && ys.size() <= MAX_LABELLED_ROWS;
    if (labelled) {
      for (double[] cell : cells) {
        XYTextAnnotation label = new XYTextAnnotation(DisplayNumbers.format(cell[2]), cell[0], cell[1]);
        label.setFont(ChartStyle.ANNOTATION_FONT);
        label.setPaint(scale.dark(cell[2]) ? Color.WHITE : Color.BLACK);
        label.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(label);
      }
    }

    String title = metric + " by " + results.shortNames().get(parameters.get(0)) + " \u00D7 "
        + results.shortNames().get(parameters.get(1)) + " \u2014 " + results.name();
    JFreeChart chart = ChartStyle.chart(title, subtitle(metric, "mean over replications of the run means"), plot,
        false);
    chart.addSubtitle(colourBar(scale, ChartStyle.withUnit("mean", metric)));
    String caption = "Mean over the runs of " + metric + "_mean at every grid point (summary.csv): "
        + parameters.get(0) + " across, " + parameters.get(1) + " up; colour from low (dark purple) to high"
        + " (yellow)" + (labelled ? ", the value written in each cell" : "") + ". Grey cells have no value."
        + (constant ? " Every cell has the same value, " + DisplayNumbers.format(min) + ": " + metric + " did not vary"
            + " across the grid." : "");
    return file("heatmap_" + ChartFiles.safeName(metric), ChartFile.Section.HEAT_MAP, title, caption, chart);
  }

  private static SymbolAxis symbolAxis(String label, Map<Double, String> values) {
    SymbolAxis axis = new SymbolAxis(label, values.values().toArray(new String[0]));
    axis.setGridBandsVisible(false);
    axis.setAutoRange(false);
    axis.setRange(-0.5, values.size() - 0.5);
    ChartStyle.styleAxis(axis);
    return axis;
  }

  // ---------------------------------------------------------------- sensitivity

  /** Display names of the known methods, in the order their bars are drawn. */
  private static final Map<String, String> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put("SRC", "SRC (standardised regression coefficient)");
    METHODS.put("PRCC", "PRCC (partial rank correlation)");
    METHODS.put("SOBOL_FIRST", "Sobol first-order index");
    METHODS.put("SOBOL_TOTAL", "Sobol total-order index");
  }

  static List<Pending> sensitivity(ExperimentResults results) {
    CsvTable table = results.sensitivity();
    int metricColumn = table.require("metric");
    int parameterColumn = table.require("parameter");
    int methodColumn = table.require("method");
    int valueColumn = table.require("value");
    int lowColumn = table.column("ciLow");
    int highColumn = table.column("ciHigh");
    Set<String> metrics = new LinkedHashSet<>();
    for (String metric : results.metrics()) {
      for (int r = 0; r < table.size(); r++) {
        if (table.text(r, metricColumn).equals(metric)) {
          metrics.add(metric);
          break;
        }
      }
    }
    for (int r = 0; r < table.size(); r++) {
      metrics.add(table.text(r, metricColumn));
    }
    List<Pending> charts = new ArrayList<>();
    for (String metric : metrics) {
      Set<String> methods = new LinkedHashSet<>();
      Set<String> found = new LinkedHashSet<>();
      Set<String> parameters = new LinkedHashSet<>();
      for (int r = 0; r < table.size(); r++) {
        if (table.text(r, metricColumn).equals(metric)) {
          found.add(table.text(r, methodColumn));
          parameters.add(table.text(r, parameterColumn));
        }
      }
      for (String method : METHODS.keySet()) {
        if (found.contains(method)) {
          methods.add(method);
        }
      }
      methods.addAll(found);
      List<String> orderedParameters = new ArrayList<>();
      for (String parameter : results.parameters()) {
        if (parameters.contains(parameter)) {
          orderedParameters.add(parameter);
        }
      }
      for (String parameter : parameters) {
        if (!orderedParameters.contains(parameter)) {
          orderedParameters.add(parameter);
        }
      }
      DefaultCategoryDataset dataset = new DefaultCategoryDataset();
      WhiskerBarRenderer renderer = new WhiskerBarRenderer();
      for (String method : methods) {
        for (String parameter : orderedParameters) {
          dataset.addValue(null, METHODS.getOrDefault(method, method), parameter);
        }
      }
      double low = 0.0;
      double high = 0.0;
      boolean any = false;
      for (int r = 0; r < table.size(); r++) {
        if (!table.text(r, metricColumn).equals(metric)) {
          continue;
        }
        double value = table.number(r, valueColumn);
        if (!Double.isFinite(value)) {
          continue;
        }
        String method = METHODS.getOrDefault(table.text(r, methodColumn), table.text(r, methodColumn));
        String parameter = table.text(r, parameterColumn);
        dataset.setValue(value, method, parameter);
        any = true;
        low = Math.min(low, value);
        high = Math.max(high, value);
        double ciLow = lowColumn >= 0 ? table.number(r, lowColumn) : Double.NaN;
        double ciHigh = highColumn >= 0 ? table.number(r, highColumn) : Double.NaN;
        if (Double.isFinite(ciLow) && Double.isFinite(ciHigh)) {
          renderer.setInterval(method, parameter, ciLow, ciHigh);
          low = Math.min(low, Math.min(ciLow, ciHigh));
          high = Math.max(high, Math.max(ciLow, ciHigh));
        }
      }
      if (!any) {
        continue;
      }
      int i = 0;
      for (String method : methods) {
        renderer.setSeriesPaint(i, ChartStyle.color(i));
        i++;
      }
      CategoryAxis domain = new CategoryAxis("parameter");
      ChartStyle.styleAxis(domain);
      domain.setMaximumCategoryLabelLines(2);
      domain.setCategoryMargin(0.2);
      if (orderedParameters.size() > 6) {
        domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      }
      NumberAxis range = ChartStyle.numberAxis("index", false);
      double span = high - low;
      double pad = span > 0 ? span * 0.05 : 0.1;
      range.setRange(low < 0 ? low - pad : 0.0, high > 0 ? high + pad : (low < 0 ? pad : 1.0));
      CategoryPlot plot = new CategoryPlot(dataset, domain, range, renderer);
      plot.setOrientation(PlotOrientation.VERTICAL);
      ChartStyle.stylePlot(plot);
      plot.addRangeMarker(ChartStyle.zeroLine(), Layer.FOREGROUND);
      String title = "Sensitivity of " + metric + " \u2014 " + results.name();
      JFreeChart chart = ChartStyle.chart(title, subtitle(metric,
          "indices per parameter by method, 95% bootstrap intervals"), plot, true);
      String caption = "Sensitivity indices of " + metric + " (computed on the per-point means of " + metric
          + "_mean) for each parameter, grouped by method: SRC and PRCC lie in [−1, 1] (sign = direction of the"
          + " effect), Sobol indices in [0, 1] (share of the variance); the whiskers are the 95% bootstrap intervals"
          + " (sensitivity.csv).";
      charts.add(file("sensitivity_" + ChartFiles.safeName(metric), ChartFile.Section.SENSITIVITY, title, caption,
          chart));
    }
    return charts;
  }

  // ---------------------------------------------------------------- helpers

  private static Pending file(String baseName, ChartFile.Section section, String title, String caption,
      JFreeChart chart) {
    return new Pending(baseName, section, title, caption, ChartStyle.HEIGHT, chart);
  }
}
