package org.nqpf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.nqpf.model.Metric;

/** Pieces the experiment charts share: legends, colour bars, domains, ranges, the few-replications note. */
final class ChartParts {
  private ChartParts() {}

  /** [low, high] with 5% of the span added on each side (±1, or ±10%, around a single value). */
  static double[] padded(double low, double high) {
    if (!(high >= low)) {
      return new double[] {0.0, 1.0};
    }
    double span = high - low;
    double pad = span > 0 ? span * 0.05 : low == 0 ? 1.0 : Math.abs(low) * 0.1;
    return new double[] {low - pad, high + pad};
  }

  /** A colour bar at the right of a chart, for the viridis scale, its axis labelled {@code label}. */
  static PaintScaleLegend colourBar(ViridisPaintScale scale, String label) {
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

  static String describe(Metric.Domain domain) {
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
   * Marks a chart whose intervals rest on fewer than {@link ExperimentCharts#MEANINGFUL_REPLICATIONS} runs: a line
   * under the title, and the caption's sentence.
   */
  static String fewReplications(JFreeChart chart, int replications) {
    String text = replications == 1
        ? "1 replication: no interval can be drawn (run at least " + ExperimentCharts.MEANINGFUL_REPLICATIONS + ")"
        : replications + " replications: too few for a meaningful 95% interval (t with " + (replications - 1)
            + " degree" + (replications == 2 ? "" : "s") + " of freedom); run at least " + ExperimentCharts.MEANINGFUL_REPLICATIONS;
    TextTitle note = new TextTitle(text, ChartStyle.NOTE_FONT);
    note.setPaint(ChartStyle.WARNING);
    note.setPadding(new RectangleInsets(0, 8, 6, 8));
    chart.addSubtitle(note);
    return "With " + text + ".";
  }

  /** Band opacity for {@code lines} overlapping bands: lighter as they get more numerous. */
  static float bandAlpha(int lines) {
    return Math.min(ExperimentCharts.BAND_ALPHA, 0.3f / (float) Math.sqrt(Math.max(1, lines)));
  }

  /** A legend entry showing a translucent band and, when {@code line} is given, the line over it. */
  static LegendItem bandLegend(String label, Color colour, Stroke line) {
    Color band = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), Math.round(ExperimentCharts.BAND_ALPHA * 255 * 2));
    Shape box = new Rectangle2D.Double(-8.0, -5.0, 16.0, 10.0);
    LegendItem item = new LegendItem(label, null, null, null, true, box, true, band, false, colour,
        new BasicStroke(1.0f), line != null, new Line2D.Double(-8.0, 0.0, 8.0, 0.0),
        line != null ? line : new BasicStroke(1.0f), colour);
    item.setLabelFont(ChartStyle.LEGEND_FONT);
    item.setLabelPaint(ChartStyle.TEXT);
    return item;
  }

  /** A legend entry showing a line. */
  static LegendItem lineLegend(String label, Color colour) {
    LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, colour, false,
        colour, new BasicStroke(1.0f), true, new Line2D.Double(-8.0, 0.0, 8.0, 0.0), ChartStyle.LINE, colour);
    item.setLabelFont(ChartStyle.LEGEND_FONT);
    item.setLabelPaint(ChartStyle.TEXT);
    return item;
  }

  static String subtitle(String metric, String what) {
    String description = ChartStyle.description(metric);
    if (description.endsWith(".")) {
      description = description.substring(0, description.length() - 1);
    }
    return description.isEmpty() ? what : description + " \u2014 " + what;
  }

  static ExperimentCharts.Pending file(String baseName, ChartFile.Section section, String title, String caption,
      JFreeChart chart) {
    return new ExperimentCharts.Pending(baseName, section, title, caption, ChartStyle.HEIGHT, chart);
  }
}
