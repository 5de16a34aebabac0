package org.nqpf.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.text.TextUtilities;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

/**
 * Small multiples: several XY plots in a grid of cells inside one chart, each under its own
 * label, sharing the chart's title and legend. JFreeChart 1.0.19 combines plots only along one
 * shared axis (a single row or column); this plot lets the panels wrap into rows. It draws each
 * panel in its cell and nothing else, so panels are comparable only if their axes are given the
 * same ranges.
 */
final class PanelPlot extends Plot {

  private static final long serialVersionUID = 1L;

  /** The height of a panel's label above it. */
  static final double LABEL_HEIGHT = 20.0;

  static final Font LABEL_FONT = new Font(ChartStyle.FONT_FAMILY, Font.BOLD, 12);

  /** The smallest size a label is shrunk to so that it fits its cell. */
  static final float MIN_LABEL_SIZE = 8.0f;

  /** One panel: its label (none when empty) and its plot. */
  record Panel(String label, XYPlot plot) {}

  private final List<Panel> panels;
  private final int columns;
  private final LegendItemCollection legend;

  /**
   * @param panels the panels, filled row by row
   * @param columns panels per row, at least 1
   * @param legend the chart's legend items (null for none)
   */
  PanelPlot(List<Panel> panels, int columns, LegendItemCollection legend) {
    if (panels.isEmpty() || columns < 1) {
      throw new IllegalArgumentException("expected at least one panel and one column, got " + panels.size() + " and "
          + columns);
    }
    this.panels = List.copyOf(panels);
    this.columns = columns;
    this.legend = legend;
    setOutlineVisible(false);
    setBackgroundPaint(Color.WHITE);
    setInsets(new RectangleInsets(0, 0, 0, 0));
  }

  /** Rows of {@code panels} panels in {@code columns} columns. */
  static int rows(int panels, int columns) {
    return (panels + columns - 1) / columns;
  }

  List<Panel> panels() {
    return panels;
  }

  @Override
  public String getPlotType() {
    return "Small multiples";
  }

  @Override
  public LegendItemCollection getLegendItems() {
    return legend;
  }

  @Override
  public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
    getInsets().trim(area);
    drawBackground(g2, area);
    int rows = rows(panels.size(), columns);
    double width = area.getWidth() / columns;
    double height = area.getHeight() / rows;
    for (int i = 0; i < panels.size(); i++) {
      Panel panel = panels.get(i);
      double x = area.getX() + (i % columns) * width;
      double y = area.getY() + (i / columns) * height;
      double top = y;
      if (!panel.label().isEmpty()) {
        g2.setFont(fitted(g2, panel.label(), width - 8));
        g2.setPaint(ChartStyle.TEXT);
        TextUtilities.drawAlignedString(panel.label(), g2, (float) (x + width / 2), (float) (y + 4),
            TextAnchor.TOP_CENTER);
        top += LABEL_HEIGHT;
      }
      panel.plot().draw(g2, new Rectangle2D.Double(x, top, width, y + height - top), null, null, null);
    }
  }

  /** The label font, shrunk (down to {@value #MIN_LABEL_SIZE} points) until {@code label} fits {@code width}. */
  private static Font fitted(Graphics2D g2, String label, double width) {
    Font font = LABEL_FONT;
    while (font.getSize2D() > MIN_LABEL_SIZE && g2.getFontMetrics(font).stringWidth(label) > width) {
      font = font.deriveFont(font.getSize2D() - 0.5f);
    }
    return font;
  }
}
