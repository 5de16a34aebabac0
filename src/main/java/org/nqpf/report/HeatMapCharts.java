package org.nqpf.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;

/** The heat maps of a two-parameter grid ({@link ExperimentCharts}): each metric's point means as a colour grid. */
final class HeatMapCharts {
  private HeatMapCharts() {}

  static ExperimentCharts.Pending heatMap(ExperimentResults results, String metric) {
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
    double[] bounds = constant ? ChartParts.aroundConstant(min, ChartParts.domain(metric)) : new double[] {min, max};
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
    boolean labelled = xs.size() <= ExperimentCharts.MAX_LABELLED_COLUMNS && ys.size() <= ExperimentCharts.MAX_LABELLED_ROWS;
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
    JFreeChart chart = ChartStyle.chart(title, ChartParts.subtitle(metric, "mean over replications of the run means"), plot,
        false);
    chart.addSubtitle(ChartParts.colourBar(scale, ChartStyle.withUnit("mean", metric)));
    String caption = "Mean over the runs of " + metric + "_mean at every grid point (summary.csv): "
        + parameters.get(0) + " across, " + parameters.get(1) + " up; colour from low (dark purple) to high"
        + " (yellow)" + (labelled ? ", the value written in each cell" : "") + ". Grey cells have no value."
        + (constant ? " Every cell has the same value, " + DisplayNumbers.format(min) + ": " + metric + " did not vary"
            + " across the grid." : "");
    return ChartParts.file("heatmap_" + ChartFiles.safeName(metric), ChartFile.Section.HEAT_MAP, title, caption, chart);
  }

  private static SymbolAxis symbolAxis(String label, Map<Double, String> values) {
    SymbolAxis axis = new SymbolAxis(label, values.values().toArray(new String[0]));
    axis.setGridBandsVisible(false);
    axis.setAutoRange(false);
    axis.setRange(-0.5, values.size() - 0.5);
    ChartStyle.styleAxis(axis);
    return axis;
  }
}
