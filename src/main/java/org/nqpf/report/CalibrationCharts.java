package org.nqpf.report;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of a calibration's results folder (docs/CALIBRATION.md), as PNG bytes. */
public final class CalibrationCharts {
  /** The profile chart shows J − J_min up to this many times the threshold. */
  static final int CLIP = 25;

  private CalibrationCharts() {}

  /**
   * The objective of every evaluation of the search (points) and the best so far in each stage
   * (a line), on a log scale; the stages' objectives differ in their weights, so each has its own
   * line.
   */
  public static byte[] convergence(String name, double[] objective, int[] stage) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    int stages = 0;
    for (int s : stage) {
      stages = Math.max(stages, s + 1);
    }
    XYSeries all = new XYSeries("each evaluation", false);
    XYSeries[] best = new XYSeries[stages];
    double[] lowest = new double[stages];
    for (int s = 0; s < stages; s++) {
      best[s] = new XYSeries(stages == 1 ? "best so far" : "best so far, stage " + (s + 1), false);
      lowest[s] = Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < objective.length; i++) {
      if (objective[i] > 0) {
        all.add(i, objective[i]);
      }
      lowest[stage[i]] = Math.min(lowest[stage[i]], objective[i]);
      if (lowest[stage[i]] > 0) {
        best[stage[i]].add(i, lowest[stage[i]]);
      }
    }
    dataset.addSeries(all);
    for (XYSeries series : best) {
      dataset.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesShapesVisible(0, true);
    renderer.setSeriesPaint(0, ChartStyle.ENVELOPE);
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
    for (int s = 0; s < stages; s++) {
      renderer.setSeriesLinesVisible(s + 1, true);
      renderer.setSeriesShapesVisible(s + 1, false);
      renderer.setSeriesPaint(s + 1, ChartStyle.color(s));
      renderer.setSeriesStroke(s + 1, ChartStyle.LINE);
    }
    LogAxis range = new LogAxis("objective J (log scale)");
    range.setSmallestValue(1e-12);
    ChartStyle.styleAxis(range);
    XYPlot plot = new XYPlot(dataset, ChartStyle.numberAxis("evaluation", true), range, renderer);
    ChartStyle.stylePlot(plot);
    JFreeChart chart = ChartStyle.chart("Convergence of the calibration " + name,
        "CMA-ES on the simulated-moments distance; each point one candidate, the line the best so far", plot, true);
    return ChartFiles.png(chart);
  }

  /**
   * The profile of the objective along each parameter around the optimum, the others held there:
   * J − J_min against the position in the parameter's (transformed) range relative to the
   * optimum, with the threshold above which a value is rejected.
   *
   * @param offsets per parameter, the profile's positions minus the optimum's, in the unit range
   * @param rises per parameter, J − J_min at those positions
   */
  public static byte[] profile(String name, List<String> parameters, List<double[]> offsets, List<double[]> rises,
      double threshold) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    for (int j = 0; j < parameters.size(); j++) {
      XYSeries series = new XYSeries(parameters.get(j), false);
      for (int i = 0; i < offsets.get(j).length; i++) {
        series.add(offsets.get(j)[i], rises.get(j)[i]);
      }
      dataset.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    for (int j = 0; j < parameters.size(); j++) {
      renderer.setSeriesLinesVisible(j, true);
      renderer.setSeriesShapesVisible(j, true);
      renderer.setSeriesPaint(j, ChartStyle.color(j));
      renderer.setSeriesStroke(j, ChartStyle.stroke(j));
    }
    NumberAxis range = ChartStyle.numberAxis("J − J_min (clipped at " + CLIP + " × the threshold)", false);
    double highest = 0;
    for (double[] line : rises) {
      for (double rise : line) {
        highest = Math.max(highest, rise);
      }
    }
    // Steep profiles would flatten the others against the axis: the region near the threshold matters.
    range.setRange(0, Math.max(2 * threshold, Math.min(highest * 1.05, CLIP * threshold)));
    XYPlot plot = new XYPlot(dataset, ChartStyle.numberAxis("position in the parameter's range, relative to the optimum",
        false), range, renderer);
    ChartStyle.stylePlot(plot);
    plot.addRangeMarker(new ValueMarker(threshold, ChartStyle.TEXT, new BasicStroke(1.0f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10.0f, new float[] {6.0f, 4.0f}, 0.0f)));
    JFreeChart chart = ChartStyle.chart("Objective profiles of the calibration " + name,
        "each parameter moved alone; below the dashed line (χ²₁ 95%: " + String.format(java.util.Locale.ROOT, "%.2f", threshold)
            + ") the data cannot tell the values apart", plot, true);
    return ChartFiles.png(chart);
  }
}
