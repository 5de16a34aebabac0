package org.nqpf.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.nqpf.config.EffectsConfig.Outcome;
import org.nqpf.config.EffectsConfig;
import org.nqpf.experiment.EffectsRunner.Effect;
import org.nqpf.experiment.EffectsRunner.PolicyEffects;
import org.nqpf.report.ChartStyle;
import org.nqpf.report.JsonOutput;
import org.nqpf.report.Manifest;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;

/**
 * Writes a policy-effects table's results folder (docs/EFFECTS.md) in a temporary folder renamed
 * into place when complete ({@link ResultsFolder}): {@code effects.yaml} (the file resolved, its
 * base scenario in full),
 * {@code effects.csv}, {@code effects.md}, {@code runs.csv}, {@code effects.png} and, last,
 * {@code manifest.json}. Every file but the manifest is the same, byte for byte, for the same file
 * and master seed whatever the thread count.
 */
public final class EffectsOutput {
  /** The policy-effects file resolved, from which {@code verify} reruns the table. */
  public static final String FILE = "effects.yaml";
  public static final String EFFECTS = "effects.csv";
  public static final String TABLE = "effects.md";
  public static final String RUNS = "runs.csv";
  public static final String CHART = "effects.png";
  /** The manifest's {@code kind} of a policy-effects folder. */
  public static final String KIND = "effects";

  private static final Color AGREES = new Color(0x1B, 0x7F, 0x3B);
  private static final Color DISAGREES = new Color(0xA3, 0x2A, 0x1E);
  private static final Color NOT_SIGNIFICANT = new Color(0x77, 0x77, 0x77);

  private EffectsOutput() {}

  /** Writes everything into {@code folder}, started (checked and locked) by the caller, and commits it. */
  public static Path write(ResultsFolder folder, EffectsConfig config, List<PolicyEffects> results, int threads,
      String command) {
    try {
      Files.writeString(folder.file(FILE), config.resolvedYaml(), StandardCharsets.UTF_8);
      Files.writeString(folder.file(EFFECTS), csv(results), StandardCharsets.UTF_8);
      Files.writeString(folder.file(TABLE), markdown(config, results), StandardCharsets.UTF_8);
      Files.writeString(folder.file(RUNS), runs(results), StandardCharsets.UTF_8);
      Files.write(folder.file(CHART), png(config, results));
      ObjectNode manifest = Manifest.build(folder.directory(), config.baseScenario(), command, FILE);
      manifest.remove("seed");
      manifest.put("kind", KIND);
      manifest.put("masterSeed", config.masterSeed());
      manifest.put("replications", config.replications());
      manifest.put("threads", threads);
      Files.writeString(folder.file(Manifest.FILE_NAME), JsonOutput.pretty(manifest), StandardCharsets.UTF_8);
      return folder.commit();
    } catch (IOException e) {
      throw new OutputException("cannot write the policy-effects table to " + folder.target() + ": " + e.getMessage(), e);
    }
  }

  /** One row per policy and outcome. */
  static String csv(List<PolicyEffects> results) {
    StringBuilder sb = new StringBuilder(
        "policy,label,change,outcome,unit,from,to,difference,low95,high95,replications,expected,model,agrees,source\n");
    for (PolicyEffects p : results) {
      for (Effect e : p.effects()) {
        sb.append(p.policy().name()).append(',').append(quote(p.policy().label())).append(',')
            .append(quote(p.policy().change())).append(',').append(e.outcome().name()).append(',')
            .append(quote(e.outcome().unit())).append(',').append(number(e.fromMean())).append(',')
            .append(number(e.toMean())).append(',').append(number(e.difference())).append(',')
            .append(number(e.low())).append(',').append(number(e.high())).append(',').append(e.replications()).append(',')
            .append(e.expected() == null ? "" : sign(e.expected())).append(',').append(sign(e.model())).append(',')
            .append(quote(e.agreement())).append(',').append(quote(p.policy().source())).append('\n');
      }
    }
    return sb.toString();
  }

  /** Every run's outcomes: policy, arm, replication, seed, then one column per outcome. */
  static String runs(List<PolicyEffects> results) {
    StringBuilder sb = new StringBuilder("policy,arm,replication,seed");
    for (Outcome o : Outcome.values()) {
      sb.append(',').append(o.name());
    }
    sb.append('\n');
    for (PolicyEffects p : results) {
      for (int arm = 0; arm < 2; arm++) {
        double[][] values = arm == 0 ? p.from() : p.to();
        for (int r = 0; r < values.length; r++) {
          sb.append(p.policy().name()).append(',').append(arm == 0 ? "from" : "to").append(',').append(r).append(',')
              .append(p.seeds()[r]);
          for (double v : values[r]) {
            sb.append(',').append(number(v));
          }
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** The table as README shows it: a row per policy, per outcome the difference, its interval, the model's sign and the expected one. */
  static String markdown(EffectsConfig config, List<PolicyEffects> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("Paired differences (with the policy − without), mean [95% interval] over ")
        .append(config.replications()).append(" replications (master seed ").append(config.masterSeed())
        .append("), read over the ").append(config.baseScenario().steps()).append(" steps after a burn-in of ")
        .append(config.baseScenario().burnIn()).append(". Each cell: the difference, then the model's sign / the"
            + " expected sign, ✓ where they agree, ✗ where they are opposite, n.s. where the interval holds 0.\n\n");
    sb.append("| policy | change |");
    for (Outcome o : Outcome.values()) {
      sb.append(' ').append(o.label()).append(" (").append(o.unit()).append(") |");
    }
    sb.append(" source |\n|---|---|");
    for (int i = 0; i < Outcome.values().length; i++) {
      sb.append("---|");
    }
    sb.append("---|\n");
    for (PolicyEffects p : results) {
      sb.append("| ").append(cell(p.policy().label())).append(" | ").append(cell(p.policy().change())).append(" |");
      for (Effect e : p.effects()) {
        sb.append(' ').append(format(e.difference())).append(" [").append(format(e.low())).append(", ")
            .append(format(e.high())).append("] ").append(sign(e.model())).append('/')
            .append(e.expected() == null ? "·" : sign(e.expected())).append(' ').append(mark(e)).append(" |");
      }
      sb.append(' ').append(cell(p.policy().source())).append(" |\n");
    }
    return sb.toString();
  }

  private static String mark(Effect e) {
    return switch (e.agreement()) {
      case "yes" -> "✓";
      case "not significant" -> "n.s.";
      case "—" -> "";
      default -> "✗";
    };
  }

  /** A forest plot: a panel per outcome, a row per policy, the difference and its interval, coloured by agreement. */
  static byte[] png(EffectsConfig config, List<PolicyEffects> results) throws IOException {
    int n = results.size();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = displayable(results.get(n - 1 - i).policy().label());
    }
    SymbolAxis policies = new SymbolAxis(null, names);
    policies.setTickLabelFont(ChartStyle.TICK_FONT);
    policies.setGridBandsVisible(false);
    policies.setRange(-0.6, n - 0.4);
    CombinedRangeXYPlot plot = new CombinedRangeXYPlot(policies);
    plot.setGap(14);
    for (Outcome o : Outcome.values()) {
      XIntervalSeries agree = new XIntervalSeries("agrees with the expected sign");
      XIntervalSeries disagree = new XIntervalSeries("opposite to the expected sign");
      XIntervalSeries other = new XIntervalSeries("interval holds 0, or no expectation");
      for (int i = 0; i < n; i++) {
        Effect e = results.get(n - 1 - i).effects().get(o.ordinal());
        if (!Double.isFinite(e.difference())) {
          continue;
        }
        XIntervalSeries into = switch (e.agreement()) {
          case "yes" -> agree;
          case "no", "no (an effect)" -> disagree;
          default -> other;
        };
        into.add(e.difference(), e.low(), e.high(), i);
      }
      XIntervalSeriesCollection data = new XIntervalSeriesCollection();
      data.addSeries(agree);
      data.addSeries(disagree);
      data.addSeries(other);
      XYErrorRenderer renderer = new XYErrorRenderer();
      renderer.setDrawXError(true);
      renderer.setDrawYError(false);
      renderer.setErrorStroke(new BasicStroke(2f));
      renderer.setSeriesPaint(0, AGREES);
      renderer.setSeriesPaint(1, DISAGREES);
      renderer.setSeriesPaint(2, NOT_SIGNIFICANT);
      renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
      renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
      renderer.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
      for (int s = 0; s < 3; s++) {
        renderer.setSeriesVisibleInLegend(s, o.ordinal() == 0);
      }
      NumberAxis axis = new NumberAxis(o.label() + " (" + o.unit() + ")");
      axis.setLabelFont(ChartStyle.TICK_FONT);
      axis.setTickLabelFont(ChartStyle.TICK_FONT);
      axis.setAutoRangeIncludesZero(true);
      XYPlot sub = new XYPlot(data, axis, null, renderer);
      sub.setBackgroundPaint(Color.WHITE);
      sub.setDomainGridlinePaint(ChartStyle.GRID);
      sub.setRangeGridlinePaint(ChartStyle.GRID);
      sub.addDomainMarker(new ValueMarker(0.0, ChartStyle.TEXT, new BasicStroke(1f)));
      plot.add(sub, 1);
    }
    plot.setOrientation(org.jfree.chart.plot.PlotOrientation.VERTICAL);
    JFreeChart chart = ChartStyle.chart("Policy effects: with the policy − without (95% intervals)",
        config.replications() + " paired replications, master seed " + config.masterSeed() + "; " + config.baseScenario().steps()
            + " steps read after a burn-in of " + config.baseScenario().burnIn(), plot, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
    // Wide enough that each panel's axis label (outcome and unit) fits under it.
    ChartUtilities.writeChartAsPNG(out, chart, 200 + 255 * Outcome.values().length, 260 + 46 * n);
    return out.toByteArray();
  }

  /**
   * The label in Latin script only: the Chinese names in brackets are dropped, and the brackets
   * left empty, so that the chart draws the same on every machine whether or not it has a CJK
   * font (boxes otherwise). The tables keep the labels whole.
   */
  static String displayable(String label) {
    StringBuilder sb = new StringBuilder();
    label.codePoints().forEach(c -> {
      if (c < 0x250 || (c >= 0x2000 && c < 0x2070)) {
        sb.appendCodePoint(c);
      }
    });
    String text = sb.toString().replaceAll("\\s*\\(\\s*\\)", "").trim();
    return text.isEmpty() ? label : text;
  }

  private static String sign(EffectsConfig.Sign sign) {
    return sign.symbol();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String quote(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** Full precision, the shortest text that reads back as the same double ("NaN" for none). */
  private static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "NaN";
  }

  /** Four significant digits for the table. */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      return "NaN";
    }
    if (value == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.4g", value).replaceAll("e\\+?(-?)0*(\\d)", "e$1$2");
  }
}
