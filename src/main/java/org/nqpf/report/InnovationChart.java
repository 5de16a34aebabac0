package org.nqpf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/**
 * The run's headline picture as a PNG: innovations adopted per step by private firms and by SOEs
 * over time, with the burn-in shaded. It exists so every results folder carries a quick visual
 * check of the model's central question (who innovates) without opening the CSV.
 *
 * <p>Built with the JFreeChart 1.0.19 API (pinned for MASON 18). Rendering is off-screen into a
 * {@link java.awt.image.BufferedImage}, so it needs no display. The bytes are reproducible on a
 * given machine: fixed size, explicit colours, explicit rendering hints, fonts from the logical
 * "SansSerif" family only, and tick labels formatted with {@link Locale#ROOT}. (Different
 * machines may map "SansSerif" to different fonts, so bytes can differ across machines.)
 */
public final class InnovationChart {

  public static final int WIDTH = 1000;
  public static final int HEIGHT = 600;

  static final String FONT_FAMILY = "SansSerif";
  static final Color PRIVATE_COLOR = new Color(0x1F, 0x77, 0xB4);
  static final Color SOE_COLOR = new Color(0xD6, 0x27, 0x28);
  static final Color BURN_IN_SHADE = new Color(0xEE, 0xEE, 0xEE);
  static final Color BURN_IN_LINE = new Color(0x99, 0x99, 0x99);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  private InnovationChart() {}

  /**
   * Renders the chart and writes it to {@code png} atomically.
   *
   * @throws OutputException if the file cannot be written
   */
  public static void write(TimeSeries series, String scenarioName, long seed, Path png) {
    ResultsFolder.writeAtomically(png, render(series, scenarioName, seed));
  }

  /** The chart as PNG bytes ({@value #WIDTH} x {@value #HEIGHT}). */
  public static byte[] render(TimeSeries series, String scenarioName, long seed) {
    JFreeChart chart = createChart(series, scenarioName, seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ChartUtilities.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the innovation chart as PNG", e);
    }
    return out.toByteArray();
  }

  /** The chart title for a run. */
  public static String title(String scenarioName, long seed) {
    return "Innovations by ownership \u2014 " + scenarioName + ", seed " + seed;
  }

  /** The configured chart, for callers that want to render it themselves. */
  public static JFreeChart createChart(TimeSeries series, String scenarioName, long seed) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(scenarioName, "scenarioName");

    XYSeries privateFirms = new XYSeries("Private firms", false, true);
    XYSeries soes = new XYSeries("SOEs", false, true);
    for (int i = 0; i < series.size(); i++) {
      double step = series.get(i, Metric.STEP);
      privateFirms.add(step, series.get(i, Metric.INNOVATIONS_PRIVATE), false);
      soes.add(step, series.get(i, Metric.INNOVATIONS_SOE), false);
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(privateFirms);
    dataset.addSeries(soes);

    Font tickFont = new Font(FONT_FAMILY, Font.PLAIN, 12);
    Font labelFont = new Font(FONT_FAMILY, Font.PLAIN, 14);

    NumberAxis domain = new NumberAxis("Step (quarter)");
    domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    domain.setAutoRangeIncludesZero(false);
    domain.setLabelFont(labelFont);
    domain.setTickLabelFont(tickFont);
    NumberAxis range = new NumberAxis("Innovations per step");
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    range.setAutoRangeIncludesZero(true);
    range.setLabelFont(labelFont);
    range.setTickLabelFont(tickFont);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    BasicStroke line = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    renderer.setSeriesPaint(0, PRIVATE_COLOR);
    renderer.setSeriesPaint(1, SOE_COLOR);
    renderer.setSeriesStroke(0, line);
    renderer.setSeriesStroke(1, line);

    XYPlot plot = new XYPlot(dataset, domain, range, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    ChartStyle.stylePlot(plot);
    addBurnInMarker(plot, series);

    JFreeChart chart = new JFreeChart(title(scenarioName, seed), new Font(FONT_FAMILY, Font.BOLD, 18), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(labelFont);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setPosition(RectangleEdge.BOTTOM);

    chart.setRenderingHints(ChartStyle.hints());
    return chart;
  }

  /** Shades the leading burn-in rows (BURN_IN == 1) and draws a line where the burn-in ends. */
  private static void addBurnInMarker(XYPlot plot, TimeSeries series) {
    int flagged = 0;
    while (flagged < series.size() && series.get(flagged, Metric.BURN_IN) == 1) {
      flagged++;
    }
    if (flagged == 0) {
      return;
    }
    double start = series.get(0, Metric.STEP);
    double end = flagged < series.size() ? series.get(flagged, Metric.STEP) : series.get(flagged - 1, Metric.STEP);
    ChartStyle.addBurnIn(plot, start, end);
  }
}
