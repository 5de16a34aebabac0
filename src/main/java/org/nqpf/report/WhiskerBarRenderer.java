package org.nqpf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.ui.RectangleEdge;

/**
 * Flat vertical bars with an interval whisker on each (for the sensitivity indices' bootstrap
 * intervals, which need not be symmetric around the value, so JFreeChart's
 * StatisticalBarRenderer, which draws mean ± standard deviation, does not fit).
 */
final class WhiskerBarRenderer extends BarRenderer {
  private static final long serialVersionUID = 1L;
  private static final Color WHISKER = new Color(0x33, 0x33, 0x33);

  private final Map<List<Comparable<?>>, double[]> intervals = new HashMap<>();

  WhiskerBarRenderer() {
    setBarPainter(new StandardBarPainter());
    setShadowVisible(false);
    setDrawBarOutline(false);
    setItemMargin(0.05);
  }

  /** The interval drawn on the bar of (row key, column key); NaN ends are skipped. */
  void setInterval(Comparable<?> rowKey, Comparable<?> columnKey, double low, double high) {
    intervals.put(List.of(rowKey, columnKey), new double[] {low, high});
  }

  @Override
  public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
      CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
    super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    if (pass != getPassCount() - 1 || plot.getOrientation() != PlotOrientation.VERTICAL) {
      return;
    }
    double[] interval = intervals.get(List.of(dataset.getRowKey(row), dataset.getColumnKey(column)));
    if (interval == null || !Double.isFinite(interval[0]) || !Double.isFinite(interval[1])) {
      return;
    }
    int visibleRow = state.getVisibleSeriesIndex(row);
    if (visibleRow < 0) {
      return;
    }
    double barW0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column);
    double x = barW0 + state.getBarWidth() / 2.0;
    double cap = Math.max(2.0, state.getBarWidth() / 4.0);
    RectangleEdge edge = plot.getRangeAxisEdge();
    double y0 = rangeAxis.valueToJava2D(interval[0], dataArea, edge);
    double y1 = rangeAxis.valueToJava2D(interval[1], dataArea, edge);
    g2.setPaint(WHISKER);
    g2.setStroke(new BasicStroke(1.5f));
    g2.draw(new Line2D.Double(x, y0, x, y1));
    g2.draw(new Line2D.Double(x - cap, y0, x + cap, y0));
    g2.draw(new Line2D.Double(x - cap, y1, x + cap, y1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WhiskerBarRenderer other && super.equals(o) && intervals.keySet().equals(other.intervals.keySet());
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
