package org.nqpf.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The validation's targets, in table order (docs/VALIDATION.md gives each one's reasoning). The
 * origins are the default model's: the private share of firms is a calibrated outcome
 * ({@code demography.soeFoundingRate} is estimated from it by experiments/calibrate.yaml), the other
 * four shares are outcomes nothing was fitted to (under the earlier {@code market: REPLICATOR}
 * model they were held by the start; docs/MODEL.md §8).
 */
public final class Targets {
  private Targets() {}

  /** Ages (steps) of "young" firms for the hazard ratio: the first two years. */
  public static final int YOUNG_FROM = 0;
  public static final int YOUNG_TO = 8;
  /** Ages (steps) of "mature" firms: five to ten years. */
  public static final int MATURE_FROM = 20;
  public static final int MATURE_TO = 40;

  private static final String ARTICLE = "article 探路新质生产力 (五六七八九)";
  private static final String AI = "article: AI factories' R&D cycle about 20% shorter, efficiency about 35% higher;"
      + " band ±5 points";
  private static final String GRAZZINI = "Grazzini 2012, JASSS 15(2) 7";

  /** Id prefixes of the series rows: warm-up, stationarity, ergodicity (one row per {@link KeySeries}). */
  public static final String WARM_UP = "10";
  public static final String STATIONARITY = "11";
  public static final String ERGODICITY = "12";
  /** Id prefix of the productivity decomposition's rows: within, between, cross, entry, exit, total. */
  public static final String PRODUCTIVITY = "13";
  /** Id prefix of the memory rows (one per {@link KeySeries}). */
  public static final String MEMORY = "14";
  private static final String FHK = "Foster, Haltiwanger and Krizan 2001";

  public static final List<Target> ALL = withSeriesRows(
      Target.above("1a", "Private share of firms", "mean over recorded steps of privateShareFirms", 0.9, ARTICLE)
          .from(Target.Origin.CALIBRATED),
      Target.above("1b", "Private share of urban employment", "mean of privateShareEmployment", 0.8, ARTICLE)
          .from(Target.Origin.OUTCOME),
      Target.above("1c", "Private share of technological innovation", "mean of privateShareInnovation", 0.7, ARTICLE)
          .from(Target.Origin.OUTCOME),
      Target.above("1d", "Private share of output (GDP)", "mean of privateShareOutput", 0.6, ARTICLE)
          .from(Target.Origin.OUTCOME),
      Target.above("1e", "Private share of tax", "mean of privateShareTax", 0.5, ARTICLE)
          .from(Target.Origin.OUTCOME),
      Target.band("2a", "AI adopters' production efficiency", "summary.json aiComparison.productionEfficiencyGain"
          + " (output per worker vs comparable non-adopters, minus 1)", 0.30, 0.40, AI).from(Target.Origin.INPUT),
      Target.band("2b", "AI adopters' R&D cycle", "summary.json aiComparison.rdCycleChange (active R&D steps per"
          + " success vs non-adopters of similar effort, minus 1)", -0.25, -0.15, AI).from(Target.Origin.INPUT),
      Target.info("2c", "AI adoption: event study of output per worker", "mean over adoptions of the change in"
          + " ln(output per production worker) from the quarter before adoption to " + FirmPanelCollector.EVENT_HORIZON
          + " quarters after, less the mean change of the non-adopters of its sector and ownership that produced at both"
          + " (difference in differences; survivors on both sides)",
          "a check of the mechanism, not a target: the article's +35% at full adoption is an input (2a); Brynjolfsson,"
          + " Rock and Syverson 2021 (the J-curve)"),
      Target.info("2d", "AI adoption: pre-trend (placebo)", "the same difference in differences over the "
          + FirmPanelCollector.PRE_TREND + " quarters before adoption: adopters' selection on their own growth",
          "Brynjolfsson, Rock and Syverson 2021; an event study's pre-trend check"),
      Target.band("3a", "Firm size (employment): Zipf tail", "power-law density exponent α (CSN MLE, x_min by KS)"
          + " of final employment", 1.8, 2.2, "Axtell 2001: CCDF exponent 1.06 ± 0.05, so α ≈ 2"),
      Target.band("3b", "Firm size (output): Zipf tail", "power-law density exponent α of final sales", 1.8, 2.2,
          "Axtell 2001 (sizes by receipts similar); α ≈ 2"),
      Target.info("3c", "Employment tail: power law vs lognormal", "Vuong normalised log-likelihood ratio R/(s√n)"
          + " on the tail (> 0 favours the power law)", "Clauset, Shalizi and Newman 2009 §5; Stanley et al. 1995"),
      Target.info("3d", "Output tail: power law vs lognormal", "Vuong normalised ratio, final sales",
          "Clauset, Shalizi and Newman 2009 §5"),
      Target.info("3e", "Firm size (employment): Hill index of the top 10%", "Hill estimator of the CCDF tail index"
          + " ζ = α − 1 on the largest 10% of final employment (a fixed tail: steadier from run to run than 3a)",
          "Hill 1975; Axtell 2001: CCDF exponent 1.06 ± 0.05"),
      Target.above("4a", "Growth rates are fat-tailed", "excess kurtosis of annual log growth of sales"
          + " (sector-demeaned)", 0, "Stanley et al. 1996; Bottazzi and Secchi 2003: tent-shaped, kurtosis > 0"),
      Target.band("4b", "Growth rates are Laplace-shaped", "Subbotin shape b (ML) of annual log growth", 0.7, 1.3,
          "Bottazzi and Secchi 2003, 2006: b ≈ 1 (Laplace)"),
      Target.band("4c", "Growth volatility falls with size", "slope of ln sd(growth) on log size (10 size bins)",
          -0.3, -0.1, "Stanley et al. 1996; Amaral et al. 1997: slope ≈ −0.15 to −0.2"),
      Target.info("4d", "Growth rates: Laplace scale", "Laplace ML scale (mean absolute deviation from the median)",
          "Bottazzi and Secchi 2003"),
      Target.above("5a", "Innovation size is skewed", "share of the innovations' total own size, ln(T after / T before),"
          + " held by the top 10% of them (not weighted by sales)", 0.5,
          "Scherer and Harhoff 2000: top 10% hold 48–93% of value; Silverberg and Verspagen 2007: heavy-tailed sizes"),
      Target.info("5b", "Innovation size: top 5%", "share of the total own size held by the top 5% of innovations",
          "Scherer and Harhoff 2000"),
      Target.info("5c", "Innovation size: Gini", "Gini coefficient of the innovations' own sizes", "—"),
      Target.info("5d", "Innovation value weighted by sales: top 10%", "share of total value, own size × the"
          + " innovator's sales, held by the top 10% of innovations (beside 5a: how much of the skew is firm size)",
          "Scherer and Harhoff 2000"),
      Target.above("6a", "Persistent innovators stay persistent", "P(persistent → persistent) between 2-year windows",
          0.5, "Cefis and Orsenigo 2001; Cefis 2003: persistence strongest at the top"),
      Target.above("6b", "Non-innovators stay non-innovators", "P(none → none) between 2-year windows", 0.5,
          "Cefis and Orsenigo 2001; Geroski, Van Reenen and Walters 1997"),
      Target.info("6c", "Occasional innovators", "P(occasional → occasional) between 2-year windows",
          "Cefis and Orsenigo 2001: weak persistence in between"),
      Target.info("7a", "SME share of innovations", "innovations by SMEs (< 1000 employees) / all innovations",
          "China's SMEs: \"70% of technological innovation\" (MIIT); Acs and Audretsch 1990"),
      Target.band("7b", "Small firms innovate more per employee", "innovations per employee, SMEs / large firms", 1.0,
          3.0, "Acs and Audretsch 1988, 1990: small firms' innovation rate per employee higher, about 1.3–1.5 times"),
      Target.info("7c", "Imitations, counted apart", "imitations / (innovations + imitations), recorded steps",
          "Dosi, Fagiolo and Roventini 2010: imitation is a search of its own, not innovation"),
      Target.band("8a", "Entry rate", "entrants per year / firms at the start of the year", 0.05, 0.20,
          "Bartelsman, Haltiwanger and Scarpetta 2009: annual entry rates mostly 5–20%"),
      Target.band("8b", "Exit rate", "exits per year / firms at the start of the year", 0.05, 0.20,
          "Bartelsman, Haltiwanger and Scarpetta 2009: exit rates mostly 5–20%"),
      Target.above("8c", "Young firms exit more often", "exit hazard at ages 0–2 years / hazard at 5–10 years", 1.0,
          "Evans 1987; Dunne, Roberts and Samuelson 1989: hazard falls with age"),
      Target.info("9a", "Alliance network: firms' degree", "mean alliance degree of living firms (bipartite"
          + " university–firm network)", "Powell et al. 2005; Riccaboni and Pammolli 2002: skewed degrees"),
      Target.info("9b", "Alliance network: firms with a partner", "share of living firms with at least one alliance",
          "—"),
      Target.info("9c", "Alliance network: universities' degree", "coefficient of variation of universities' degree",
          "Powell et al. 2005: a few hubs"));

  /** The id of the series row of {@code prefix} ({@link #WARM_UP}, …) for {@code series}: 10a, 10b, … */
  public static String seriesId(String prefix, KeySeries series) {
    return prefix + (char) ('a' + series.ordinal());
  }

  private static List<Target> withSeriesRows(Target... first) {
    List<Target> all = new ArrayList<>(List.of(first));
    for (KeySeries k : KeySeries.values()) {
      all.add(Target.info(seriesId(WARM_UP, k), "Warm-up: " + k.label(), "MSER-5 truncation point, steps from step 0",
          "White 1997; White, Cobb and Spratt 2000"));
    }
    for (KeySeries k : KeySeries.values()) {
      all.add(Target.above(seriesId(STATIONARITY, k), "Stationary: " + k.label(), "1 if the runs test of the"
          + " window means after the warm-up (windows of at least " + (int) Stationarity.WINDOW_MEMORIES + " memories, "
          + Stationarity.MIN_WINDOWS + "–" + Stationarity.WINDOWS + " of them) does not find too few runs at 5%, else 0; mean over"
          + " replications", 0.5, GRAZZINI));
    }
    for (KeySeries k : KeySeries.values()) {
      all.add(Target.above(seriesId(ERGODICITY, k), "Ergodic: " + k.label(), "1 if the Kolmogorov–Smirnov test of a"
          + " run's window means against one window of each other run does not reject at 5%, else 0; mean over"
          + " replications", 0.5, GRAZZINI));
    }
    String annual = " (mean per recorded year, log points of employment-weighted log labour productivity)";
    all.add(Target.info(PRODUCTIVITY + "a", "Productivity growth: within firms", "Σ s(t−4) Δp over continuing firms"
        + annual, FHK));
    all.add(Target.info(PRODUCTIVITY + "b", "Productivity growth: reallocation between firms",
        "Σ (p(t−4) − P(t−4)) Δs over continuing firms" + annual, FHK));
    all.add(Target.info(PRODUCTIVITY + "c", "Productivity growth: cross term", "Σ Δp Δs over continuing firms" + annual,
        FHK));
    all.add(Target.info(PRODUCTIVITY + "d", "Productivity growth: entry", "Σ s(t) (p(t) − P(t−4)) over entrants"
        + annual, FHK));
    all.add(Target.info(PRODUCTIVITY + "e", "Productivity growth: exit", "−Σ s(t−4) (p(t−4) − P(t−4)) over exits"
        + annual, FHK));
    all.add(Target.info(PRODUCTIVITY + "f", "Productivity growth: total", "ΔP, the sum of the five terms" + annual, FHK));
    for (KeySeries k : KeySeries.values()) {
      all.add(Target.info(seriesId(MEMORY, k), "Memory: " + k.label(), "integrated autocorrelation time after the"
          + " run's own warm-up, steps (Sokal's automatic window, c = 5; NaN when longer than the run can measure); the"
          + " stationarity and ergodicity tests' windows are at least " + (int) Stationarity.WINDOW_MEMORIES
          + " memories long, so a series can be shown stationary when its memory is below about a "
          + (int) (Stationarity.WINDOW_MEMORIES * Stationarity.MIN_WINDOWS) + "th of the steps tested", "Madras and Sokal 1988; Sokal 1997"));
    }
    return List.copyOf(all);
  }

  /** The target with that id. */
  public static Target byId(String id) {
    for (Target t : ALL) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no target " + id);
  }
}
