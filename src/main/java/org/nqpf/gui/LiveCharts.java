package org.nqpf.gui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JFrame;
import org.jfree.data.xy.XYSeries;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;
import sim.display.Controller;
import sim.util.media.chart.SeriesAttributes;
import sim.util.media.chart.TimeSeriesAttributes;
import sim.util.media.chart.TimeSeriesChartGenerator;

/**
 * Live charts with MASON's {@link TimeSeriesChartGenerator} (JFreeChart 1.0.19), fed from
 * {@code model.series()}: each update appends the rows recorded since the last one, so the charts
 * catch up whatever the update frequency.
 */
final class LiveCharts {
  /** One chart: title, y-axis label and its metrics. */
  record Spec(String title, String yLabel, List<Metric> metrics) {}

  static final List<Spec> SPECS = List.of(
      new Spec("Innovations by ownership", "innovations per step",
          List.of(Metric.INNOVATIONS_PRIVATE, Metric.INNOVATIONS_SOE)),
      new Spec("Private shares (the article's 50-60-70-80-90%)", "share",
          List.of(Metric.PRIVATE_SHARE_FIRMS, Metric.PRIVATE_SHARE_EMPLOYMENT, Metric.PRIVATE_SHARE_INNOVATION,
              Metric.PRIVATE_SHARE_OUTPUT, Metric.PRIVATE_SHARE_TAX)),
      new Spec("AI adoption", "share / level", List.of(Metric.AI_ADOPTION_SHARE, Metric.AI_MEAN_LEVEL)),
      new Spec("Credit to SMEs", "share", List.of(Metric.SME_RATIONED_SHARE, Metric.SOE_CREDIT_SHARE)),
      new Spec("Innovations by type", "innovations per step",
          List.of(Metric.INNOVATIONS_INCREMENTAL, Metric.INNOVATIONS_RADICAL, Metric.INNOVATIONS_CONVERTED,
              Metric.INNOVATIONS_IMITATED)),
      new Spec("Output", "sales per step (money)", List.of(Metric.OUTPUT, Metric.OUTPUT_PRIVATE)),
      new Spec("Productivity", "output per worker",
          List.of(Metric.PRODUCTIVITY, Metric.MEAN_PRODUCTIVITY_PRIVATE, Metric.MEAN_PRODUCTIVITY_SOE)),
      new Spec("Guarantee funds", "money", List.of(Metric.FUND_CAPITAL, Metric.FUND_EXPOSURE, Metric.FUND_TOP_UPS)),
      new Spec("Talent stocks", "people",
          List.of(Metric.FIRM_CORE, Metric.FIRM_SKILLED, Metric.FIRM_LEADING, Metric.UNIVERSITY_CORE, Metric.POOL_CORE,
              Metric.POOL_RESERVE)));

  /** Fixed colours where the display has one: private blue, SOE red. */
  private static final Map<Metric, Color> COLOURS = Map.ofEntries(
      Map.entry(Metric.INNOVATIONS_PRIVATE, Palette.PRIVATE),
      Map.entry(Metric.INNOVATIONS_SOE, Palette.SOE),
      Map.entry(Metric.PRIVATE_SHARE_FIRMS, Palette.PRIVATE),
      Map.entry(Metric.PRIVATE_SHARE_EMPLOYMENT, new Color(0, 150, 120)),
      Map.entry(Metric.PRIVATE_SHARE_INNOVATION, Palette.UPSTAIRS),
      Map.entry(Metric.PRIVATE_SHARE_OUTPUT, Palette.DOWNSTAIRS),
      Map.entry(Metric.PRIVATE_SHARE_TAX, Color.DARK_GRAY),
      Map.entry(Metric.AI_ADOPTION_SHARE, new Color(200, 150, 0)),
      Map.entry(Metric.SME_RATIONED_SHARE, Palette.PRIVATE),
      Map.entry(Metric.SOE_CREDIT_SHARE, Palette.SOE),
      Map.entry(Metric.INNOVATIONS_CONVERTED, Palette.DOWNSTAIRS),
      Map.entry(Metric.INNOVATIONS_RADICAL, Palette.UPSTAIRS),
      Map.entry(Metric.OUTPUT_PRIVATE, Palette.PRIVATE),
      Map.entry(Metric.MEAN_PRODUCTIVITY_PRIVATE, Palette.PRIVATE),
      Map.entry(Metric.MEAN_PRODUCTIVITY_SOE, Palette.SOE));

  /** Longest wait, in milliseconds of wall time, before a chart shows new data. */
  static final long REDRAW_MILLIS = 500;

  private final List<TimeSeriesChartGenerator> generators = new ArrayList<>();
  private final List<List<XYSeries>> series = new ArrayList<>();
  private final List<JFrame> frames = new ArrayList<>();
  private int rowsShown;

  LiveCharts() {
    for (Spec spec : SPECS) {
      TimeSeriesChartGenerator g = new TimeSeriesChartGenerator();
      g.setTitle(spec.title());
      g.setXAxisLabel("step (quarter)");
      g.setYAxisLabel(spec.yLabel());
      List<XYSeries> list = new ArrayList<>();
      for (Metric m : spec.metrics()) {
        XYSeries s = new XYSeries(m.column(), false);
        SeriesAttributes attributes = g.addSeries(s, null);
        if (attributes instanceof TimeSeriesAttributes ts) {
          ts.setThickness(2);
          Color colour = COLOURS.get(m);
          if (colour != null) {
            ts.setStrokeColor(colour);
          }
        }
        list.add(s);
      }
      generators.add(g);
      series.add(list);
    }
  }

  List<TimeSeriesChartGenerator> generators() {
    return generators;
  }

  /** Creates one frame per chart and registers it with the Console's Displays list (hidden until chosen). */
  void createFrames(Controller controller) {
    for (TimeSeriesChartGenerator g : generators) {
      JFrame frame = g.createFrame();
      frame.setTitle(g.getTitle());
      controller.registerFrame(frame);
      frames.add(frame);
    }
    if (!frames.isEmpty()) {
      frames.get(0).setVisible(true);
    }
  }

  void disposeFrames() {
    for (JFrame f : frames) {
      f.dispose();
    }
    frames.clear();
  }

  /** Clears the series for a new run. */
  void reset() {
    rowsShown = 0;
    for (List<XYSeries> list : series) {
      for (XYSeries s : list) {
        s.clear();
      }
    }
  }

  /** Appends the rows recorded since the last call; {@code now} redraws at once (for snapshots). */
  void update(EcosystemModel model, boolean now) {
    TimeSeries ts = model.series();
    if (ts == null) {
      return;
    }
    int size = ts.size();
    for (int row = rowsShown; row < size; row++) {
      double x = ts.get(row, Metric.STEP);
      for (int c = 0; c < SPECS.size(); c++) {
        List<Metric> metrics = SPECS.get(c).metrics();
        for (int k = 0; k < metrics.size(); k++) {
          series.get(c).get(k).add(x, ts.get(row, metrics.get(k)), false);
        }
      }
    }
    if (size > rowsShown) {
      rowsShown = size;
      // The series were filled without notifying their charts; the generators' update tells the
      // plots, so that a chart is redrawn only when its generator updates it.
      for (TimeSeriesChartGenerator g : generators) {
        if (now) {
          g.update(model.schedule.getSteps(), true);
        } else {
          // at most a redraw per chart every REDRAW_MILLIS of wall time: the series keep every
          // step, only the drawing is thinned, so that the charts do not hold the model back
          g.updateChartWithin(model.schedule.getSteps(), REDRAW_MILLIS);
        }
      }
    }
  }
}
