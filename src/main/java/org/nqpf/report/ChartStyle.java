package org.nqpf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.ui.HorizontalAlignment;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;
import org.nqpf.model.Metric;

/**
 * The one look of the experiment charts, shared with {@link InnovationChart}: 1000 x 600, white
 * background, the logical "SansSerif" fonts, a fixed palette, explicit rendering hints and tick
 * labels formatted with {@link Locale#ROOT}, so that the same data always give the same bytes.
 */
public final class ChartStyle {

  public static final int WIDTH = InnovationChart.WIDTH;
  public static final int HEIGHT = InnovationChart.HEIGHT;
  public static final String FONT_FAMILY = InnovationChart.FONT_FAMILY;

  public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
  public static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
  public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
  public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
  public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
  public static final Font ANNOTATION_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
  /** A caveat under a chart's title. */
  public static final Font NOTE_FONT = new Font(FONT_FAMILY, Font.ITALIC, 12);

  public static final Color PRIVATE_COLOR = InnovationChart.PRIVATE_COLOR;
  public static final Color SOE_COLOR = InnovationChart.SOE_COLOR;
  public static final Color BURN_IN_SHADE = InnovationChart.BURN_IN_SHADE;
  public static final Color BURN_IN_LINE = InnovationChart.BURN_IN_LINE;
  public static final Color GRID = InnovationChart.GRID;
  public static final Color ENVELOPE = new Color(0x99, 0x99, 0x99);
  public static final Color TEXT = new Color(0x33, 0x33, 0x33);
  /** The colour of a caveat: a dark red that reads as a warning without shouting. */
  public static final Color WARNING = new Color(0xA3, 0x2A, 0x1E);

  /** Tableau-10 without its grey (kept last), so a series never looks like the burn-in shading. */
  private static final Color[] PALETTE = {
      new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
      new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22), new Color(0x7F7F7F)};

  public static final BasicStroke LINE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final BasicStroke DASHED_LINE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
      10.0f, new float[] {7.0f, 4.0f}, 0.0f);

  private static final Map<String, Metric> METRICS = new HashMap<>();

  static {
    for (Metric metric : Metric.values()) {
      METRICS.put(metric.column(), metric);
    }
  }

  private ChartStyle() {}

  /** The {@code i}-th series colour (cycles after ten). */
  public static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** The {@code i}-th series stroke: solid for the first ten, dashed for the next ten, ... */
  public static Stroke stroke(int i) {
    return (i / PALETTE.length) % 2 == 0 ? LINE : DASHED_LINE;
  }

  /** The model's metric of that column name, or null for a name the model does not know. */
  public static Metric metric(String column) {
    return METRICS.get(column);
  }

  /** "innovations (count)": the metric's column name and, when known, its unit. */
  public static String withUnit(String metric) {
    Metric known = metric(metric);
    return known == null ? metric : metric + " (" + known.unit() + ")";
  }

  /** "{@code prefix} innovations (count)". */
  public static String withUnit(String prefix, String metric) {
    return prefix + " " + withUnit(metric);
  }

  /** The metric's description, or "" for an unknown metric. */
  public static String description(String metric) {
    Metric known = metric(metric);
    return known == null ? "" : known.description();
  }

  /**
   * Tick units of 1, 2 and 5 × 10^e for e from −9 to 12, each labelled with just enough decimals
   * for its size (JFreeChart's own standard units label 0.0005 steps with three decimals, so that
   * neighbouring ticks read the same).
   */
  private static final org.jfree.chart.axis.TickUnits DECIMAL_TICKS = decimalTicks();

  private static org.jfree.chart.axis.TickUnits decimalTicks() {
    org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
    java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(Locale.ROOT);
    for (int exponent = -9; exponent <= 12; exponent++) {
      for (int multiplier : new int[] {1, 2, 5}) {
        double size = multiplier * StrictMath.pow(10, exponent);
        int decimals = Math.max(0, -exponent);
        String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        units.add(new org.jfree.chart.axis.NumberTickUnit(size, new java.text.DecimalFormat(pattern, symbols)));
      }
    }
    return units;
  }

  /** A value axis with locale-free tick labels. */
  public static NumberAxis numberAxis(String label, boolean integerTicks) {
    NumberAxis axis = new NumberAxis(label);
    axis.setStandardTickUnits(integerTicks ? NumberAxis.createIntegerTickUnits(Locale.ROOT) : DECIMAL_TICKS);
    styleAxis(axis);
    return axis;
  }

  /** The step axis of the time-series charts. */
  public static NumberAxis stepAxis() {
    NumberAxis axis = numberAxis("Step (quarter)", true);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  public static void styleAxis(ValueAxis axis) {
    axis.setLabelFont(LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelPaint(TEXT);
    axis.setTickLabelPaint(TEXT);
  }

  public static void styleAxis(CategoryAxis axis) {
    axis.setLabelFont(LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelPaint(TEXT);
    axis.setTickLabelPaint(TEXT);
  }

  public static void stylePlot(XYPlot plot) {
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(BURN_IN_LINE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1.0f));
    plot.setRangeGridlineStroke(new BasicStroke(1.0f));
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
  }

  public static void stylePlot(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(BURN_IN_LINE);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1.0f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
  }

  /** Shades [start, end] as the burn-in and draws a dashed line where it ends. */
  public static void addBurnIn(XYPlot plot, double start, double end) {
    IntervalMarker shade = new IntervalMarker(start, end, BURN_IN_SHADE);
    labelBurnIn(shade, BURN_IN_LINE);
    plot.addDomainMarker(shade, Layer.BACKGROUND);
    plot.addDomainMarker(burnInEnd(end), Layer.FOREGROUND);
  }

  /**
   * For charts whose data cover the background (stacked areas): washes the burn-in steps out with
   * a translucent white overlay in the foreground, labelled, and a dashed line where it ends.
   */
  public static void addBurnInOverlay(XYPlot plot, double start, double end) {
    IntervalMarker wash = new IntervalMarker(start, end, Color.WHITE);
    wash.setAlpha(0.45f);
    labelBurnIn(wash, TEXT);
    plot.addDomainMarker(wash, Layer.FOREGROUND);
    plot.addDomainMarker(burnInEnd(end), Layer.FOREGROUND);
  }

  /** The "burn-in" label at the top left of a burn-in marker. */
  private static void labelBurnIn(IntervalMarker marker, Color paint) {
    marker.setLabel("burn-in");
    marker.setLabelFont(new Font(FONT_FAMILY, Font.ITALIC, 12));
    marker.setLabelPaint(paint);
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    marker.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
  }

  /** The dashed line where the burn-in ends. */
  private static ValueMarker burnInEnd(double end) {
    return new ValueMarker(end, BURN_IN_LINE,
        new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10.0f, new float[] {6.0f, 4.0f}, 0.0f));
  }

  /** A thin line at zero on the range axis. */
  public static ValueMarker zeroLine() {
    return new ValueMarker(0.0, BURN_IN_LINE, new BasicStroke(1.0f));
  }

  /**
   * The chart around {@code plot}: title, an optional subtitle (wrapped to the width), legend at
   * the bottom when {@code legend}, white background and the fixed rendering hints.
   */
  public static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    chart.getTitle().setPaint(TEXT);
    if (subtitle != null && !subtitle.isBlank()) {
      TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
      sub.setPaint(TEXT);
      sub.setHorizontalAlignment(HorizontalAlignment.CENTER);
      sub.setPadding(new RectangleInsets(2, 8, 6, 8));
      chart.addSubtitle(sub);
    }
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legendTitle = chart.getLegend();
    if (legendTitle != null) {
      legendTitle.setItemFont(LEGEND_FONT);
      legendTitle.setItemPaint(TEXT);
      legendTitle.setBackgroundPaint(Color.WHITE);
      legendTitle.setPosition(RectangleEdge.BOTTOM);
    }
    chart.setRenderingHints(hints());
    return chart;
  }

  public static RenderingHints hints() {
    RenderingHints hints = new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    hints.put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    hints.put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    hints.put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    hints.put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    hints.put(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    hints.put(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
    hints.put(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    return hints;
  }
}
