package org.nqpf.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.ui.Layer;
import org.nqpf.stats.Sensitivity;

/** The sensitivity charts of a sampled design ({@link ExperimentCharts}): the indices per parameter, grouped by method. */
final class SensitivityCharts {
  private SensitivityCharts() {}

  /** Display names of the known methods, in the order their bars are drawn. */
  private static final Map<String, String> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put("SRC", "SRC (standardised regression coefficient)");
    METHODS.put("PRCC", "PRCC (partial rank correlation)");
    METHODS.put("SOBOL_FIRST", "Sobol first-order index");
    METHODS.put("SOBOL_TOTAL", "Sobol total-order index");
  }

  static List<ExperimentCharts.Pending> sensitivity(ExperimentResults results) {
    CsvTable table = results.sensitivity();
    SensitivityColumns columns = SensitivityColumns.of(table);
    Set<String> metrics = new LinkedHashSet<>();
    for (String metric : results.metrics()) {
      for (int r = 0; r < table.size(); r++) {
        if (table.text(r, columns.metric()).equals(metric)) {
          metrics.add(metric);
          break;
        }
      }
    }
    for (int r = 0; r < table.size(); r++) {
      metrics.add(table.text(r, columns.metric()));
    }
    List<ExperimentCharts.Pending> charts = new ArrayList<>();
    for (String metric : metrics) {
      Set<String> methods = new LinkedHashSet<>();
      Set<String> found = new LinkedHashSet<>();
      Set<String> parameters = new LinkedHashSet<>();
      for (int r = 0; r < table.size(); r++) {
        if (table.text(r, columns.metric()).equals(metric)) {
          found.add(table.text(r, columns.method()));
          parameters.add(table.text(r, columns.parameter()));
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
        if (!table.text(r, columns.metric()).equals(metric)) {
          continue;
        }
        double value = table.number(r, columns.value());
        if (!Double.isFinite(value)) {
          continue;
        }
        String method = METHODS.getOrDefault(table.text(r, columns.method()), table.text(r, columns.method()));
        String parameter = table.text(r, columns.parameter());
        dataset.setValue(value, method, parameter);
        any = true;
        low = Math.min(low, value);
        high = Math.max(high, value);
        double ciLow = columns.low() >= 0 ? table.number(r, columns.low()) : Double.NaN;
        double ciHigh = columns.high() >= 0 ? table.number(r, columns.high()) : Double.NaN;
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
      JFreeChart chart = ChartStyle.chart(title, ChartParts.subtitle(metric,
          "indices per parameter by method, 95% bootstrap intervals"), plot, true);
      String caption = "Sensitivity indices of " + metric + " (computed on the per-point means of " + metric
          + "_mean) for each parameter, grouped by method: SRC and PRCC lie in [−1, 1] (sign = direction of the"
          + " effect), Sobol indices in [0, 1] (share of the variance); the whiskers are the 95% bootstrap intervals"
          + " (sensitivity.csv).";
      charts.add(ChartParts.file("sensitivity_" + ChartFiles.safeName(metric), ChartFile.Section.SENSITIVITY, title, caption,
          chart));
    }
    return charts;
  }
}
