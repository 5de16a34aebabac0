package org.nqpf.validation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nqpf.model.SizeClass;
import org.nqpf.report.ChartFiles;
import org.nqpf.report.ChartStyle;
import org.nqpf.report.DisplayNumbers;
import org.nqpf.stats.ExitHazard;
import org.nqpf.stats.GrowthVolatility;
import org.nqpf.stats.LognormalFit;
import org.nqpf.stats.Lorenz;
import org.nqpf.stats.Moments;
import org.nqpf.stats.PowerLawFit;
import org.nqpf.stats.SubbotinFit;

/**
 * The charts of a validation (docs/VALIDATION.md), in the project's chart style (1000 × 600, PNG
 * and SVG, reproducible bytes): rank–size plots with the power-law and lognormal fits, the
 * density of growth rates on a log scale with the Laplace and Subbotin fits, growth volatility
 * against size, the Lorenz curve of innovation value, the exit hazard by age, the alliance
 * network's degree distribution and innovations per employee by size class.
 */
public final class ValidationCharts {

  /** One rendered chart: file base name, title, caption, and the bytes of both images. */
  public record Chart(String baseName, String title, String caption, byte[] png, byte[] svg) {
    public Chart {
      Objects.requireNonNull(baseName, "baseName");
      Objects.requireNonNull(png, "png");
      Objects.requireNonNull(svg, "svg");
    }
  }

  /** The charts' base names, in report order. */
  public static final List<String> NAMES = List.of("rank_size_employment", "rank_size_output", "growth_density",
      "growth_volatility_size", "lorenz_innovation_value", "exit_hazard_by_age", "degree_distribution",
      "innovation_by_size");

  private static final int CURVE_POINTS = 80;

  private ValidationCharts() {}

  /** Renders every chart that has data, in {@link #NAMES} order. */
  public static List<Chart> render(ValidationResult result) {
    List<Chart> charts = new ArrayList<>();
    RunObservations first = result.runs().get(0);
    RunStatistics firstStats = result.statistics().get(0);
    add(charts, rankSize("rank_size_employment", "employment", "Employment (workers + R&D staff)", first.finalEmployment(),
        firstStats.employmentFit(), firstStats.employmentLognormal(), result, "3a"));
    add(charts, rankSize("rank_size_output", "output", "Output (sales, money/quarter)", first.finalOutput(),
        firstStats.outputFit(), firstStats.outputLognormal(), result, "3b"));
    add(charts, growthDensity(result));
    add(charts, growthVolatility(result));
    add(charts, lorenz(result));
    add(charts, hazard(result));
    add(charts, degrees(result));
    add(charts, bySize(result));
    return List.copyOf(charts);
  }

  private static void add(List<Chart> charts, Chart chart) {
    if (chart != null) {
      charts.add(chart);
    }
  }

  private static Chart chart(String name, String title, String caption, JFreeChart chart) {
    return new Chart(name, title, caption, ChartFiles.png(chart), ChartFiles.svg(chart));
  }

  private static String mean(ValidationResult result, String id) {
    for (ValidationResult.Row row : result.rows()) {
      if (row.target().id().equals(id)) {
        return fmt(row.stats().mean()) + " [" + fmt(row.stats().ciLow()) + ", " + fmt(row.stats().ciHigh()) + "]";
      }
    }
    return "";
  }

  // ---- rank–size ----

  private static Chart rankSize(String name, String what, String axisLabel, double[] data, PowerLawFit.Result fit,
      LognormalFit.Result lognormal, ValidationResult result, String id) {
    double[] x = Arrays.stream(data).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
    if (x.length < 2 || fit == null) {
      return null;
    }
    int n = x.length;
    XYSeries firms = new XYSeries("Firms alive at the end (replication 1, " + n + " firms)", false, true);
    for (int i = 0; i < n; i++) {
      firms.add(x[i], (double) (n - i), false);
    }
    XYSeries power = new XYSeries(String.format(Locale.ROOT, "Power law above x_min = %s: \u03B1 = %.2f \u00B1 %.2f",
        fmt(fit.xmin()), fit.alpha(), fit.standardError()), false, true);
    XYSeries logn = new XYSeries(lognormal == null ? "Lognormal" : String.format(Locale.ROOT,
        "Lognormal on the same tail: \u03BC = %.2f, \u03C3 = %.2f", lognormal.mu(), lognormal.sigma()), false, true);
    double max = x[n - 1];
    for (int k = 0; k <= CURVE_POINTS; k++) {
      double v = fit.xmin() * StrictMath.pow(max / fit.xmin(), (double) k / CURVE_POINTS);
      power.add(v, fit.tail() * fit.ccdf(v), false);
      if (lognormal != null) {
        double c = fit.tail() * lognormal.ccdf(v);
        if (c >= 0.5) {
          logn.add(v, c, false);
        }
      }
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(firms);
    dataset.addSeries(power);
    dataset.addSeries(logn);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    points(renderer, 0, ChartStyle.color(0), 4);
    line(renderer, 1, ChartStyle.color(3), false);
    line(renderer, 2, ChartStyle.color(2), true);
    // Firms far below the fitted tail (near-zero size) would squeeze the plot: the axis starts two
    // decades below x_min and the caption counts the firms left of it.
    double lowest = StrictMath.pow(10, Math.floor(StrictMath.log10(fit.xmin())) - 2);
    int hidden = 0;
    for (double v : x) {
      hidden += v < lowest ? 1 : 0;
    }
    ValueAxis sizeAxis = logAxis(axisLabel);
    sizeAxis.setRange(lowest, StrictMath.pow(10, Math.ceil(StrictMath.log10(max))));
    XYPlot plot = new XYPlot(dataset, sizeAxis, logAxis("Rank (1 = largest)"), renderer);
    ChartStyle.stylePlot(plot);
    String title = "Rank\u2013size of firms by " + what;
    String subtitle = "Zipf plot: log rank against log size; a power law is a straight line of slope \u2212(\u03B1 \u2212 1). "
        + "\u03B1 over all replications: " + mean(result, id) + "; Zipf (Axtell 2001): \u03B1 \u2248 2";
    return chart(name, title, "Each firm alive at the end of the first replication, by " + what
        + ", against its rank, on log\u2013log axes. Red: the power law fitted by maximum likelihood above the x_min"
        + " that minimises the KS distance (Clauset, Shalizi and Newman 2009); green dashed: a lognormal fitted to the"
        + " same tail. Zipf's law would be a line of slope \u22121." + (hidden == 0 ? "" : " " + hidden + " firm"
        + (hidden == 1 ? "" : "s") + " of near-zero size (below " + fmt(lowest) + ") lie left of the axis."),
        ChartStyle.chart(title, subtitle, plot, true));
  }

  // ---- growth rates ----

  private static Chart growthDensity(ValidationResult result) {
    double[] g = result.pooledGrowth();
    if (g.length < 20) {
      return null;
    }
    SubbotinFit.Laplace laplace = SubbotinFit.laplace(g);
    SubbotinFit.Result subbotin = SubbotinFit.fit(g);
    Moments moments = Moments.of(g);
    double half = 8 * laplace.scale();
    double low = laplace.location() - half;
    double high = laplace.location() + half;
    int bins = 60;
    double width = (high - low) / bins;
    long[] counts = new long[bins];
    for (double v : g) {
      int b = (int) Math.floor((v - low) / width);
      if (b >= 0 && b < bins) {
        counts[b]++;
      }
    }
    XYSeries empirical = new XYSeries(String.format(Locale.ROOT, "Model: %d firm-years, excess kurtosis %.2f", g.length,
        moments.excessKurtosis()), false, true);
    for (int b = 0; b < bins; b++) {
      if (counts[b] > 0) {
        empirical.add(low + (b + 0.5) * width, counts[b] / (g.length * width), false);
      }
    }
    XYSeries lap = new XYSeries(String.format(Locale.ROOT, "Laplace fit: scale %.4f", laplace.scale()), false, true);
    XYSeries sub = new XYSeries(String.format(Locale.ROOT, "Subbotin fit: shape b = %.2f", subbotin.shape()), false, true);
    XYSeries normal = new XYSeries(String.format(Locale.ROOT, "Normal with the same sd (%.4f)", moments.sd()), false, true);
    double floor = 0.5 / (g.length * width);
    for (int k = 0; k <= 200; k++) {
      double v = low + (high - low) * k / 200;
      addIfAbove(lap, v, laplace.density(v), floor);
      addIfAbove(sub, v, subbotin.density(v), floor);
      double z = (v - moments.mean()) / moments.sd();
      addIfAbove(normal, v, StrictMath.exp(-0.5 * z * z) / (moments.sd() * Math.sqrt(2 * Math.PI)), floor);
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(empirical);
    dataset.addSeries(lap);
    dataset.addSeries(sub);
    dataset.addSeries(normal);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    points(renderer, 0, ChartStyle.color(0), 6);
    line(renderer, 1, ChartStyle.color(3), false);
    line(renderer, 2, ChartStyle.color(2), true);
    line(renderer, 3, ChartStyle.ENVELOPE, true);
    NumberAxis xAxis = ChartStyle.numberAxis("Annual log growth of sales, minus the sector's mean", false);
    xAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(dataset, xAxis, logAxis("Density (log scale)"), renderer);
    ChartStyle.stylePlot(plot);
    String title = "Density of firm growth rates";
    String subtitle = "All replications pooled. A Laplace density is a tent on a log scale (Bottazzi and Secchi 2003); "
        + "Subbotin b per replication: " + mean(result, "4b");
    return chart("growth_density", title, "Histogram (60 bins over \u00B18 Laplace scales) of the annual log growth"
        + " rates of sales of firms alive at both ends of a year, each minus its sector's mean that year, pooled over"
        + " the replications, on a log scale; with the Laplace (red) and Subbotin (green dashed) maximum-likelihood"
        + " fits and, grey dashed, the normal density of the same standard deviation.",
        ChartStyle.chart(title, subtitle, plot, true));
  }

  private static Chart growthVolatility(ValidationResult result) {
    double[] g = result.pooledGrowth();
    if (g.length < 20) {
      return null;
    }
    GrowthVolatility v = GrowthVolatility.of(result.pooledGrowthLogSize(), g, RunStatistics.VOLATILITY_BINS);
    XYSeries bins = new XYSeries("Size bins (equal counts), all replications pooled", false, true);
    for (int k = 0; k < v.binSd().length; k++) {
      if (v.binSd()[k] > 0) {
        bins.add(v.binLogSize()[k], v.binSd()[k], false);
      }
    }
    if (bins.getItemCount() < 2) {
      return null;
    }
    XYSeries fit = new XYSeries(String.format(Locale.ROOT, "Least-squares fit: slope %.3f", v.slope()), false, true);
    XYSeries reference = new XYSeries("Slope \u22120.2 (Stanley et al. 1996), through the middle bin", false, true);
    double lo = v.binLogSize()[0];
    double hi = v.binLogSize()[v.binLogSize().length - 1];
    int mid = v.binLogSize().length / 2;
    for (int k = 0; k <= 20; k++) {
      double s = lo + (hi - lo) * k / 20;
      fit.add(s, StrictMath.exp(v.intercept() + v.slope() * s), false);
      reference.add(s, v.binSd()[mid] * StrictMath.exp(-0.2 * (s - v.binLogSize()[mid])), false);
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(bins);
    dataset.addSeries(fit);
    dataset.addSeries(reference);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    points(renderer, 0, ChartStyle.color(0), 8);
    line(renderer, 1, ChartStyle.color(3), false);
    line(renderer, 2, ChartStyle.ENVELOPE, true);
    NumberAxis xAxis = ChartStyle.numberAxis("Log sales at the start of the year, minus the sector's mean", false);
    xAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(dataset, xAxis, fineLogAxis("Standard deviation of annual log growth (log scale)"), renderer);
    ChartStyle.stylePlot(plot);
    String title = "Growth volatility against firm size";
    String subtitle = "Slope per replication: " + mean(result, "4c") + "; the literature finds \u2248 \u22120.15 to \u22120.2";
    return chart("growth_volatility_size", title, "Firm-years split into ten equal-count bins by log size; in each,"
        + " the standard deviation of annual log growth (log scale) against the bin's mean log size, with the"
        + " least-squares line and a reference slope of \u22120.2.", ChartStyle.chart(title, subtitle, plot, true));
  }

  // ---- innovation value ----

  private static Chart lorenz(ValidationResult result) {
    RunObservations first = result.runs().get(0);
    Lorenz sizes = Lorenz.of(first.innovationGains());
    Lorenz weighted = Lorenz.of(first.innovationValues());
    if (sizes.n() < 2 || !(sizes.total() > 0) || !(weighted.total() > 0)) {
      return null;
    }
    XYSeries own = new XYSeries(String.format(Locale.ROOT, "Own size, ln(T after / T before): %d innovations of"
        + " replication 1, Gini %.3f", sizes.n(), sizes.gini()), false, true);
    for (double[] p : sizes.curve(400)) {
      own.add(p[0], p[1], false);
    }
    XYSeries bySales = new XYSeries(String.format(Locale.ROOT, "Weighted by the innovator's sales, Gini %.3f",
        weighted.gini()), false, true);
    for (double[] p : weighted.curve(400)) {
      bySales.add(p[0], p[1], false);
    }
    XYSeries equality = new XYSeries("Equal values", false, true);
    equality.add(0.0, 0.0);
    equality.add(1.0, 1.0);
    XYSeries top = new XYSeries(String.format(Locale.ROOT, "Top 10%% hold %.1f%% of the own size",
        100 * sizes.topShare(0.1)), false, true);
    top.add(0.9, 1 - sizes.topShare(0.1));
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(own);
    dataset.addSeries(bySales);
    dataset.addSeries(equality);
    dataset.addSeries(top);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    line(renderer, 0, ChartStyle.color(0), false);
    line(renderer, 1, ChartStyle.color(1), false);
    line(renderer, 2, ChartStyle.ENVELOPE, true);
    points(renderer, 3, ChartStyle.color(3), 10);
    NumberAxis xAxis = ChartStyle.numberAxis("Cumulative share of innovations, from the smallest", false);
    xAxis.setRange(0, 1);
    NumberAxis yAxis = ChartStyle.numberAxis("Cumulative share of the total", false);
    yAxis.setRange(0, 1);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
    ChartStyle.stylePlot(plot);
    String title = "Lorenz curves of innovation size and value";
    String subtitle = "Top 10% share per replication: own size " + mean(result, "5a") + ", weighted by sales "
        + mean(result, "5d") + "; Scherer and Harhoff (2000): 48\u201393%";
    return chart("lorenz_innovation_value", title, "Innovations (imitations apart) of the first replication's recorded"
        + " steps sorted by size; each curve gives the share of the total held by the smallest x of them, by their own"
        + " productivity gain and by that gain times the innovator's sales. The red point marks where the top 10% begin.",
        ChartStyle.chart(title, subtitle, plot, true));
  }

  // ---- turnover ----

  private static Chart hazard(ValidationResult result) {
    ExitHazard h = result.pooledHazard();
    int years = (h.maxAge() + 1) / FirmPanelCollector.STEPS_PER_YEAR;
    XYSeries hazard = new XYSeries("Exit hazard per quarter, by year of age (all replications)", false, true);
    for (int y = 0; y < years; y++) {
      int from = y * FirmPanelCollector.STEPS_PER_YEAR;
      long risk = 0;
      for (int a = from; a < from + FirmPanelCollector.STEPS_PER_YEAR; a++) {
        risk += h.atRisk(a);
      }
      if (risk >= 100) {
        hazard.add(y + 0.5, h.hazard(from, from + FirmPanelCollector.STEPS_PER_YEAR), false);
      }
    }
    if (hazard.getItemCount() < 2) {
      return null;
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(hazard);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, ChartStyle.color(0));
    renderer.setSeriesStroke(0, ChartStyle.LINE);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    NumberAxis xAxis = ChartStyle.numberAxis("Age (years)", false);
    NumberAxis yAxis = ChartStyle.numberAxis("Probability of exit in a quarter", false);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
    ChartStyle.stylePlot(plot);
    String title = "Exit hazard by firm age";
    String subtitle = "Life table over the recorded steps; ratio of the hazard at 0\u20132 years to 5\u201310 years: "
        + mean(result, "8c") + " (the literature: > 1, young firms exit more often)";
    return chart("exit_hazard_by_age", title, "Exits among firms at risk at each age (step \u2212 birth step), grouped"
        + " into years of age and pooled over the replications; ages with fewer than 100 firm-quarters at risk are left"
        + " out. Firms of the initial population enter the table at the age they have when the burn-in ends.",
        ChartStyle.chart(title, subtitle, plot, false));
  }

  // ---- network ----

  private static Chart degrees(ValidationResult result) {
    DegreeDistribution firms = result.pooledFirmDegrees();
    DegreeDistribution universities = result.pooledUniversityDegrees();
    if (firms.nodes() == 0) {
      return null;
    }
    XYSeries f = new XYSeries(String.format(Locale.ROOT, "Firms (%d, mean degree %.3f)", firms.nodes(), firms.mean()),
        false, true);
    for (int k = 0; k < firms.counts().length; k++) {
      if (firms.counts()[k] > 0) {
        f.add(k, firms.share(k), false);
      }
    }
    XYSeries u = new XYSeries(String.format(Locale.ROOT, "Universities (%d, mean degree %.1f)", universities.nodes(),
        universities.mean()), false, true);
    for (int k = 0; k < universities.counts().length; k++) {
      if (universities.counts()[k] > 0) {
        u.add(k, universities.share(k), false);
      }
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(f);
    dataset.addSeries(u);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, ChartStyle.color(0));
    renderer.setSeriesPaint(1, ChartStyle.color(1));
    renderer.setSeriesStroke(0, ChartStyle.LINE);
    renderer.setSeriesStroke(1, ChartStyle.LINE);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setSeriesShape(1, new Rectangle2D.Double(-4, -4, 8, 8));
    NumberAxis xAxis = ChartStyle.numberAxis("Degree: alliance partners", true);
    XYPlot plot = new XYPlot(dataset, xAxis, logAxis("Share of nodes (log scale)"), renderer);
    ChartStyle.stylePlot(plot);
    String title = "Degree distribution of the alliance network";
    String subtitle = "University\u2013firm alliances at the end of each run, all replications pooled";
    return chart("degree_distribution", title, "Share of living firms (blue) and of universities (orange) with each"
        + " number of alliance partners at the end of the runs. The network is bipartite: firms ally only with"
        + " universities.", ChartStyle.chart(title, subtitle, plot, true));
  }

  // ---- size classes ----

  private static Chart bySize(ValidationResult result) {
    long[] innovations = result.pooledInnovationsBySize();
    double[] employment = result.pooledEmploymentBySize();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    boolean any = false;
    for (SizeClass c : SizeClass.values()) {
      double rate = employment[c.ordinal()] > 0 ? 1000.0 * innovations[c.ordinal()] / employment[c.ordinal()] : 0;
      any |= rate > 0;
      dataset.addValue(rate, "Innovations per 1000 employee-quarters", label(c));
    }
    if (!any) {
      return null;
    }
    CategoryAxis xAxis = new CategoryAxis("Size class (employment)");
    ChartStyle.styleAxis(xAxis);
    NumberAxis yAxis = ChartStyle.numberAxis("Innovations per 1000 employee-quarters", false);
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, ChartStyle.color(0));
    renderer.setMaximumBarWidth(0.15);
    CategoryPlot plot = new CategoryPlot(dataset, xAxis, yAxis, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    ChartStyle.stylePlot(plot);
    String title = "Innovations per employee by firm size";
    String subtitle = "All replications pooled. SMEs / large firms per replication: " + mean(result, "7b")
        + " (Acs and Audretsch 1990: > 1)";
    return chart("innovation_by_size", title, "Innovations adopted in the recorded steps by firms of each size class"
        + " (at the time of the innovation), per 1000 employees summed over the recorded steps.",
        ChartStyle.chart(title, subtitle, plot, false));
  }

  private static String label(SizeClass c) {
    return switch (c) {
      case MICRO -> "micro (< 20)";
      case SMALL -> "small (20\u2013299)";
      case MEDIUM -> "medium (300\u2013999)";
      case LARGE -> "large (\u2265 1000)";
    };
  }

  // ---- helpers ----

  private static void addIfAbove(XYSeries series, double x, double y, double floor) {
    if (y >= floor && Double.isFinite(y)) {
      series.add(x, y, false);
    }
  }

  private static void points(XYLineAndShapeRenderer renderer, int series, Color color, double size) {
    renderer.setSeriesLinesVisible(series, false);
    renderer.setSeriesShapesVisible(series, true);
    Shape shape = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    renderer.setSeriesShape(series, shape);
    renderer.setSeriesPaint(series, color);
  }

  private static void line(XYLineAndShapeRenderer renderer, int series, Color color, boolean dashed) {
    renderer.setSeriesLinesVisible(series, true);
    renderer.setSeriesShapesVisible(series, false);
    renderer.setSeriesPaint(series, color);
    renderer.setSeriesStroke(series, dashed ? new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10.0f,
        new float[] {7.0f, 4.0f}, 0.0f) : new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }

  /** A base-10 log axis with a tick at every power of ten. */
  private static ValueAxis logAxis(String label) {
    LogAxis axis = (LogAxis) fineLogAxis(label);
    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0), false, true);
    return axis;
  }

  /** A base-10 log axis with ticks chosen for the range (for ranges narrower than a decade). */
  private static ValueAxis fineLogAxis(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setStandardTickUnits(LogAxis.createLogTickUnits(Locale.ROOT));
    axis.setNumberFormatOverride(new PlainOrScientific());
    axis.setSmallestValue(1e-12);
    ChartStyle.styleAxis(axis);
    return axis;
  }

  /** Tick labels: three significant digits, plain from 0.0001 to below 10 million, else 1e-5 style; locale-free. */
  private static final class PlainOrScientific extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(DisplayNumbers.format(number, 3));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      return new DecimalFormat("0.#E0", SYMBOLS).parse(source, parsePosition);
    }
  }

  static String fmt(double v) {
    return Double.isFinite(v) ? DisplayNumbers.format(v, 3) : "n/a";
  }
}
