package org.nqpf.report;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.nqpf.model.Metric;

/** The ownership charts of an experiment ({@link ExperimentCharts}): private against SOE output over the steps. */
final class OwnershipCharts {
  private OwnershipCharts() {}

  /**
   * Private vs SOE output at every design point: one chart for a single point; small multiples of
   * stacked areas, one panel per point, up to {@value ExperimentCharts#MAX_OWNERSHIP_PANELS} points; beyond, the
   * private share of output as one line per point ({@link TimeSeriesCharts#lineMultiples}).
   */
  static List<ExperimentCharts.Pending> ownership(ExperimentResults results, StepStatistics steps) {
    Set<String> kept = new LinkedHashSet<>(results.metrics());
    kept.addAll(steps.metrics());
    boolean wanted = kept.contains(ExperimentCharts.OUTPUT) || kept.contains(ExperimentCharts.OUTPUT_PRIVATE)
        || ExperimentCharts.SHARE_METRICS.stream().anyMatch(kept::contains);
    if (!wanted) {
      return List.of();
    }
    String share = null;
    boolean money = steps.has(ExperimentCharts.OUTPUT) && steps.has(ExperimentCharts.OUTPUT_PRIVATE);
    if (!money) {
      share = ExperimentCharts.SHARE_METRICS.stream().filter(steps::has).findFirst().orElse(null);
      if (share == null) {
        return List.of();
      }
    }
    String source = money ? ExperimentCharts.OUTPUT : share;
    List<Integer> points = List.copyOf(steps.points(source));
    if (points.isEmpty()) {
      return List.of();
    }
    if (points.size() == 1) {
      return List.of(ownership(results, steps, points.get(0), share));
    }
    if (points.size() <= ExperimentCharts.MAX_OWNERSHIP_PANELS) {
      return ownershipPanels(results, steps, points, share);
    }
    return privateShareLines(results, steps, points, share);
  }

  /** The stacked private and SOE parts of one point, means over its replications, and the most replications of a step. */
  private record Ownership(DefaultTableXYDataset dataset, int replications, double top) {}

  private static Ownership ownershipData(StepStatistics steps, int point, String share) {
    boolean money = share == null;
    XYSeries privateSeries = new XYSeries(money ? "Private firms (outputPrivate)" : "Private firms (" + share + ")",
        true, false);
    XYSeries soeSeries = new XYSeries(money ? "SOEs (output \u2212 outputPrivate)" : "SOEs (1 \u2212 " + share + ")",
        true, false);
    int replications = 0;
    double top = 0.0;
    for (int step = steps.minStep(); step <= steps.maxStep(); step++) {
      double[] parts = ownershipAt(steps, point, step, share);
      if (parts == null) {
        continue;
      }
      privateSeries.add(step, parts[0], false);
      soeSeries.add(step, parts[1], false);
      replications = Math.max(replications, (int) parts[2]);
      top = Math.max(top, parts[0] + parts[1]);
    }
    DefaultTableXYDataset dataset = new DefaultTableXYDataset();
    dataset.addSeries(privateSeries);
    dataset.addSeries(soeSeries);
    return new Ownership(dataset, replications, top);
  }

  /** {private part, SOE part, replications} of a point at a step (means over replications), or null. */
  private static double[] ownershipAt(StepStatistics steps, int point, int step, String share) {
    if (share == null) {
      StepStatistics.Cell total = steps.cell(ExperimentCharts.OUTPUT, point, step);
      StepStatistics.Cell privateOutput = steps.cell(ExperimentCharts.OUTPUT_PRIVATE, point, step);
      if (total.n() == 0 || privateOutput.n() == 0) {
        return null;
      }
      return new double[] {privateOutput.mean(), total.mean() - privateOutput.mean(),
          Math.max(total.n(), privateOutput.n())};
    }
    StepStatistics.Cell cell = steps.cell(share, point, step);
    return cell.n() == 0 ? null : new double[] {cell.mean(), 1.0 - cell.mean(), cell.n()};
  }

  private static XYPlot ownershipPlot(DefaultTableXYDataset dataset, NumberAxis range, NumberAxis steps) {
    StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
    renderer.setSeriesPaint(0, ChartStyle.PRIVATE_COLOR);
    renderer.setSeriesPaint(1, ChartStyle.SOE_COLOR);
    renderer.setOutline(false);
    renderer.setLegendArea(new Rectangle2D.Double(-7.0, -5.0, 14.0, 10.0));
    XYPlot plot = new XYPlot(dataset, steps, range, renderer);
    ChartStyle.stylePlot(plot);
    return plot;
  }

  private static String ownershipAxis(String share) {
    return share == null ? ChartStyle.withUnit(ExperimentCharts.OUTPUT)
        : "share of " + share.replace("privateShare", "").toLowerCase(java.util.Locale.ROOT) + " (share)";
  }

  static ExperimentCharts.Pending ownership(ExperimentResults results, StepStatistics steps, int point, String share) {
    boolean money = share == null;
    Ownership data = ownershipData(steps, point, share);
    int replications = data.replications();
    NumberAxis range = ChartStyle.numberAxis(ownershipAxis(share), false);
    range.setAutoRangeIncludesZero(true);
    if (!money) {
      range.setRange(0.0, 1.0);
    }
    XYPlot plot = ownershipPlot(data.dataset(), range, ChartStyle.stepAxis());
    String caption = money
        ? "Output (nominal sales) of private firms and of SOEs, stacked, so the top edge is total output; SOE"
            + " output is output − outputPrivate. Mean over the " + replications + " replication(s) of "
            + results.pointLabel(point) + "."
        : "The private share (" + share + ") and its complement, the SOE share, stacked to 1 (the time series has no"
            + " output and outputPrivate). Mean over the " + replications + " replication(s) of "
            + results.pointLabel(point) + ".";
    if (steps.hasBurnIn()) {
      ChartStyle.addBurnInOverlay(plot, steps.burnInStart(), steps.burnInEnd());
      caption += " The paler steps are the burn-in.";
    }
    String title = (money ? "Output" : "Private share") + " by ownership \u2014 " + results.name() + ", point "
        + point;
    JFreeChart chart = ChartStyle.chart(title, results.pointLabel(point) + " \u2014 mean over " + replications
        + " replication(s)", plot, true);
    return ChartParts.file("ownership_p" + point, ChartFile.Section.OWNERSHIP, title, caption, chart);
  }

  /**
   * One panel of stacked areas per design point, on a common vertical axis; in a grid whose last
   * parameter has two to four values, a row per combination of the others and a column per value
   * of the last.
   */
  private static List<ExperimentCharts.Pending> ownershipPanels(ExperimentResults results, StepStatistics steps, List<Integer> points,
      String share) {
    boolean money = share == null;
    List<Ownership> data = new ArrayList<>();
    double top = 0.0;
    int fewest = Integer.MAX_VALUE;
    for (int point : points) {
      Ownership ownership = ownershipData(steps, point, share);
      data.add(ownership);
      top = Math.max(top, ownership.top());
      fewest = Math.min(fewest, ownership.replications());
    }
    int parameters = results.parameters().size();
    int last = parameters == 0 ? 0 : results.distinctValues(parameters - 1).size();
    boolean gridColumns = results.isGrid() && last >= 2 && last <= 4 && ExperimentCharts.MAX_PANELS % last == 0;
    int parts = (points.size() + ExperimentCharts.MAX_PANELS - 1) / ExperimentCharts.MAX_PANELS;
    List<ExperimentCharts.Pending> charts = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int from = part * ExperimentCharts.MAX_PANELS;
      int to = Math.min(points.size(), from + ExperimentCharts.MAX_PANELS);
      int columns = gridColumns ? last : TimeSeriesCharts.columns(to - from);
      int rows = PanelPlot.rows(to - from, columns);
      List<PanelPlot.Panel> panels = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int cell = i - from;
        NumberAxis range = ChartStyle.numberAxis(cell % columns == 0 ? ownershipAxis(share) : null, false);
        range.setRange(0.0, money ? (top > 0 ? top * 1.04 : 1.0) : 1.0);
        NumberAxis x = ChartStyle.stepAxis();
        x.setLabel(cell + columns >= to - from ? x.getLabel() : null);
        XYPlot plot = ownershipPlot(data.get(i).dataset(), range, x);
        if (steps.hasBurnIn()) {
          ChartStyle.addBurnInOverlay(plot, steps.burnInStart(), steps.burnInEnd());
        }
        panels.add(new PanelPlot.Panel(results.pointLabel(points.get(i)), plot));
      }
      LegendItemCollection legend = panels.get(0).plot().getLegendItems();
      String title = (money ? "Output" : "Private share") + " by ownership \u2014 " + results.name()
          + (parts > 1 ? " (" + (part + 1) + " of " + parts + ")" : "");
      JFreeChart chart = ChartStyle.chart(title, "one panel per design point \u2014 mean over its replications",
          new PanelPlot(panels, columns, legend), true);
      String caption = (money
          ? "Output (nominal sales) of private firms and of SOEs at each design point, stacked, so the top edge is"
              + " total output; SOE output is output − outputPrivate."
          : "The private share (" + share + ") and its complement, the SOE share, stacked to 1, at each design point"
              + " (the time series has no output and outputPrivate).")
          + " Means over each point's replications (" + fewest + " or more); the panels share the vertical axis"
          + (gridColumns && parameters > 1 ? ", and each column is one value of "
              + results.parameters().get(parameters - 1) : "")
          + "." + (steps.hasBurnIn() ? " The paler steps are the burn-in." : "");
      String name = "ownership" + (parts > 1 ? "_part" + (part + 1) : "");
      charts.add(new ExperimentCharts.Pending(name, ChartFile.Section.OWNERSHIP, title, caption, TimeSeriesCharts.panelHeight(rows), chart));
    }
    return charts;
  }

  /** More points than panels can show: the private share of output per point, one line each. */
  private static List<ExperimentCharts.Pending> privateShareLines(ExperimentResults results, StepStatistics steps, List<Integer> points,
      String share) {
    String metric = share == null ? Metric.PRIVATE_SHARE_OUTPUT.column() : share;
    TimeSeriesCharts.Colouring colouring = TimeSeriesCharts.colouring(results, share == null ? ExperimentCharts.OUTPUT_PRIVATE : share);
    String source = share == null ? "outputPrivate / output (the means over the point's replications)" : share;
    String caption = "With " + points.size() + " design points, a panel each would not be readable: one line per point"
        + " of the private share, " + source + ", at every step; the SOE share is 1 minus it. "
        + colouring.reading(results);
    TimeSeriesCharts.Lines lines = new TimeSeriesCharts.Lines("ownership", ChartFile.Section.OWNERSHIP, "Private share by ownership \u2014 " + results.name(),
        ChartParts.subtitle(metric, "one line per design point"), ChartStyle.withUnit(metric), caption, points, colouring, false,
        new double[] {0.0, 1.0}, (point, step) -> {
          double[] parts = ownershipAt(steps, point, step, share);
          if (parts == null || !(parts[0] + parts[1] > 0)) {
            return null;
          }
          double value = share == null ? parts[0] / (parts[0] + parts[1]) : parts[0];
          return new double[] {value, value, value, parts[2]};
        });
    return TimeSeriesCharts.lineMultiples(results, steps, lines);
  }
}
