package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JFrame;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;
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
  /** One line of a chart: the metric and the name its legend gives it. */
  record Line(Metric metric, String label) {}

  /** A dashed reference line across a chart: its value and label, in the colour of the series it refers to. */
  record Threshold(double value, String label, Metric metric) {}

  /** One chart: title, y-axis label, its lines and reference lines. */
  record Spec(String title, String yLabel, List<Line> lines, List<Threshold> thresholds) {
    Spec(String title, String yLabel, List<Line> lines) {
      this(title, yLabel, lines, List.of());
    }

    List<Metric> metrics() {
      return lines.stream().map(Line::metric).toList();
    }
  }

  private static Line line(Metric metric, String label) {
    return new Line(metric, label);
  }

  /**
   * The article's "五六七八九": private firms account for at least 50% of tax revenue, 60% of
   * output, 70% of innovation, 80% of urban employment and 90% of firms. The model's shares are
   * of its own economy; the lines show how far it is from the pattern.
   */
  static final List<Threshold> ARTICLE_SHARES = List.of(
      new Threshold(0.9, "firms 90%", Metric.PRIVATE_SHARE_FIRMS),
      new Threshold(0.8, "employment 80%", Metric.PRIVATE_SHARE_EMPLOYMENT),
      new Threshold(0.7, "innovation 70%", Metric.PRIVATE_SHARE_INNOVATION),
      new Threshold(0.6, "output 60%", Metric.PRIVATE_SHARE_OUTPUT),
      new Threshold(0.5, "tax 50%", Metric.PRIVATE_SHARE_TAX));

  static final List<Spec> SPECS = List.of(
      new Spec("Innovations by ownership", "innovations per step",
          List.of(line(Metric.INNOVATIONS_PRIVATE, "private firms"), line(Metric.INNOVATIONS_SOE, "SOEs"))),
      new Spec("Private shares (the article's 50-60-70-80-90%)", "private share",
          List.of(line(Metric.PRIVATE_SHARE_FIRMS, "of firms"), line(Metric.PRIVATE_SHARE_EMPLOYMENT, "of employment"),
              line(Metric.PRIVATE_SHARE_INNOVATION, "of innovations"), line(Metric.PRIVATE_SHARE_OUTPUT, "of output"),
              line(Metric.PRIVATE_SHARE_TAX, "of tax")),
          ARTICLE_SHARES),
      new Spec("AI adoption", "share / level",
          List.of(line(Metric.AI_ADOPTION_SHARE, "share of firms adopting AI"), line(Metric.AI_MEAN_LEVEL, "mean AI level"))),
      new Spec("Credit to SMEs", "share",
          List.of(line(Metric.SME_RATIONED_SHARE, "SME applicants rationed"), line(Metric.SOE_CREDIT_SHARE, "SOEs' share of new credit"))),
      new Spec("Innovations by type", "innovations per step",
          List.of(line(Metric.INNOVATIONS_INCREMENTAL, "incremental"), line(Metric.INNOVATIONS_RADICAL, "radical"),
              line(Metric.INNOVATIONS_CONVERTED, "converted downstairs"), line(Metric.INNOVATIONS_IMITATED, "imitated"))),
      new Spec("Output", "sales per quarter (wage units)",
          List.of(line(Metric.OUTPUT, "all firms"), line(Metric.OUTPUT_PRIVATE, "private firms"))),
      new Spec("Productivity", "output units per worker",
          List.of(line(Metric.PRODUCTIVITY, "economy"), line(Metric.MEAN_PRODUCTIVITY_PRIVATE, "private firms (sales-weighted)"),
              line(Metric.MEAN_PRODUCTIVITY_SOE, "SOEs (sales-weighted)"))),
      new Spec("Guarantee funds", "wage units",
          List.of(line(Metric.FUND_CAPITAL, "capital"), line(Metric.FUND_EXPOSURE, "guaranteed principal"),
              line(Metric.FUND_TOP_UPS, "government top-ups per quarter"))),
      new Spec("Talent stocks", "people",
          List.of(line(Metric.FIRM_CORE, "core researchers at firms"), line(Metric.FIRM_SKILLED, "technicians at firms"),
              line(Metric.FIRM_LEADING, "leading scientists at firms"), line(Metric.UNIVERSITY_CORE, "core researchers at universities"),
              line(Metric.POOL_CORE, "core researchers in the pool"), line(Metric.POOL_RESERVE, "graduates in the pool"))));

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
      for (Line line : spec.lines()) {
        Metric m = line.metric();
        XYSeries s = new XYSeries(line.label(), false);
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
      for (Threshold t : spec.thresholds()) {
        g.getChart().getXYPlot().addRangeMarker(marker(t));
      }
      generators.add(g);
      series.add(list);
    }
  }

  private static ValueMarker marker(Threshold t) {
    ValueMarker marker = new ValueMarker(t.value(), COLOURS.getOrDefault(t.metric(), Color.GRAY),
        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
    marker.setLabel(t.label());
    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    marker.setLabelPaint(COLOURS.getOrDefault(t.metric(), Color.DARK_GRAY));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return marker;
  }

  List<TimeSeriesChartGenerator> generators() {
    return generators;
  }

  /**
   * Creates one frame per chart and registers it with the Console's Displays list, hidden: the
   * GUI's window layout places them and shows the first ones.
   */
  void createFrames(Controller controller) {
    for (TimeSeriesChartGenerator g : generators) {
      JFrame frame = g.createFrame();
      frame.setTitle(g.getTitle());
      controller.registerFrame(frame);
      frames.add(frame);
    }
  }

  List<JFrame> frames() {
    return frames;
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
