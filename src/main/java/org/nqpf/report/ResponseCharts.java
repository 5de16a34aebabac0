package org.nqpf.report;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.nqpf.model.Metric;

/** The response curves of an experiment ({@link ExperimentCharts}): each metric's point means against a parameter. */
final class ResponseCharts {
  private ResponseCharts() {}

  static ExperimentCharts.Pending response(ExperimentResults results, String metric, int p) {
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
    JFreeChart chart = ChartStyle.chart(title, ChartParts.subtitle(metric, what), plot, true);
    int replications = results.replications();
    if (intervals && replications > 0 && replications < ExperimentCharts.MEANINGFUL_REPLICATIONS) {
      caption += " " + ChartParts.fewReplications(chart, replications);
    }
    return ChartParts.file("response_" + ChartFiles.safeName(metric) + "_by_" + ChartFiles.safeName(parameter),
        ChartFile.Section.RESPONSE, title, caption, chart);
  }

  private static void addMean(YIntervalSeries series, ExperimentResults results, String metric,
      ExperimentResults.Point point, double x) {
    double mean = results.summaryValue(point.index(), metric, "_mean");
    if (Double.isNaN(mean) || Double.isNaN(x)) {
      return;
    }
    Metric.Domain domain = ChartParts.domain(metric);
    double low = results.summaryValue(point.index(), metric, "_ciLow");
    double high = results.summaryValue(point.index(), metric, "_ciHigh");
    series.add(x, mean, Double.isNaN(low) ? mean : domain.clip(low), Double.isNaN(high) ? mean : domain.clip(high));
  }
}
