package org.nqpf.report;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;
import org.nqpf.model.Metric;

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
  static final float BAND_ALPHA = 0.18f;

  /** Time-series charts draw every point's line in one plot up to this many points, else as small multiples. */
  public static final int MAX_POINT_LINES = 8;
  /** Small multiples put at most this many panels in one chart, and the rest in further charts. */
  public static final int MAX_PANELS = 12;
  /** Ownership charts draw a panel per point up to this many points, else the private share as one line per point. */
  public static final int MAX_OWNERSHIP_PANELS = 36;
  /** The lines of a chart of many points, without bands. */
  static final BasicStroke THIN_LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  /** Heat-map cells are labelled with their value up to this many columns ... */
  static final int MAX_LABELLED_COLUMNS = 12;
  /** ... and this many rows. */
  static final int MAX_LABELLED_ROWS = 20;

  /** The private-share metrics, in the order the ownership chart falls back on them. */
  static final List<String> SHARE_METRICS = List.of(Metric.PRIVATE_SHARE_OUTPUT.column(),
      Metric.PRIVATE_SHARE_EMPLOYMENT.column(), Metric.PRIVATE_SHARE_FIRMS.column(),
      Metric.PRIVATE_SHARE_INNOVATION.column(), Metric.PRIVATE_SHARE_TAX.column());

  static final String OUTPUT = Metric.OUTPUT.column();
  static final String OUTPUT_PRIVATE = Metric.OUTPUT_PRIVATE.column();

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
    ExperimentResults results = ExperimentFolder.read(resultsDir);
    return writeFiles(results.dir(), render(results));
  }

  /**
   * Reads the results folder and renders every chart in memory, writing nothing.
   *
   * @throws ResultsReadException as for {@link #write(Path)}
   */
  public static List<ChartFile> render(Path resultsDir) {
    Objects.requireNonNull(resultsDir, "resultsDir");
    return render(ExperimentFolder.read(resultsDir));
  }

  static List<ChartFile> render(ExperimentResults results) {
    return renderAll(pending(results), Math.min(MAX_RENDER_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** The charts of the folder, configured but not yet rendered, in chart order. */
  static List<Pending> pending(ExperimentResults results) {
    List<Pending> charts = new ArrayList<>();
    StepStatistics steps = results.timeSeriesFile() == null ? null : StepStatistics.read(results.timeSeriesFile());
    if (steps != null) {
      for (String metric : TimeSeriesCharts.timeSeriesMetrics(results, steps)) {
        if (!steps.points(metric).isEmpty()) {
          charts.addAll(TimeSeriesCharts.timeSeries(results, steps, metric));
        }
      }
      charts.addAll(OwnershipCharts.ownership(results, steps));
    }
    for (String metric : results.metrics()) {
      for (int p = 0; p < results.parameters().size(); p++) {
        Pending response = ResponseCharts.response(results, metric, p);
        if (response != null) {
          charts.add(response);
        }
      }
    }
    if (results.isGrid() && results.parameters().size() == 2) {
      for (String metric : results.metrics()) {
        Pending heatMap = HeatMapCharts.heatMap(results, metric);
        if (heatMap != null) {
          charts.add(heatMap);
        }
      }
    }
    if (results.sensitivity() != null) {
      charts.addAll(SensitivityCharts.sensitivity(results));
    }
    return uniqueNames(charts);
  }

  /**
   * Gives a chart whose file name is already taken (two names that differ only in characters
   * made safe for file names) the suffix {@code _2}, {@code _3}, ...
   */
  static List<Pending> uniqueNames(List<Pending> charts) {
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
}
