package org.nqpf.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The article's two AI figures (产业AI化: AI-transformed factories have an "R&D cycle about 20%
 * shorter and production efficiency about 35% higher"; MODEL.md §8) as the model produces them:
 * AI adopters against comparable non-adopters among the firms alive at the end of a run. Both are
 * measured from the firms' recorded output, workers and R&D draws, never read back from the
 * {@code ai} parameters, so they report what adoption levels, selection and saturation make of
 * the parameters.
 *
 * <h2>Production efficiency</h2>
 *
 * Output per production worker, e = quantity / workers, of each firm with positive output and
 * workers. Firms are compared like for like in strata: a comparison group (sector × ownership, as
 * SOEs have a structural productivity factor) split into {@code technologyBins} equal-count
 * technology bins (quintiles by default) by rank within the group. In each stratum s holding both
 * adopters and non-adopters, ē_A,s and ē_N,s are the plain means of e; the figure is the ratio of
 * the means standardised to the adopters' distribution over strata (weights w_s = adopters in s):
 *
 * <pre>  gain = Σ w_s ē_A,s / Σ w_s ē_N,s − 1</pre>
 *
 * so +0.35 means 35% higher. Strata with only one kind of firm drop out; the unstratified ratio of
 * means is reported next to it to show how much composition (adopters' sector, ownership and
 * technology) alone would add. Technology is held fixed on purpose: AI also speeds up R&D, and
 * that shows in technology, not in this figure.
 *
 * <h2>R&D cycle</h2>
 *
 * In the model a firm's R&D is a draw each step in which it has innovators, succeeding with
 * probability P = 1 − exp(−ζ₁ × innovators × speed), speed = 1 / (1 − c × AI level); successive
 * steps are independent draws, so the number of active R&D steps until a successful innovation
 * is geometric with mean 1 / P. That is the model's R&D cycle, and successful draws per active
 * step, r, estimate its inverse: the cycle is 1 / r active steps per innovation. Adopters are
 * measured over their AI period ({@code Firm.getRdActiveStepsWithAi()},
 * {@code Firm.getRdSuccessesWithAi()}, {@code Firm.getRdEffortWithAi()}), non-adopters over their
 * life ({@code Firm.getRdActiveSteps()} and so on); adopters' steps before adoption are not used.
 *
 * <p>As P rises with effort, firms are compared at similar effort: innovators per active step
 * (before the AI speed-up), in bins of equal width {@code effortBinWidth} in its logarithm
 * (default 0.2: less than 22% apart within a bin). Equal-count bins (quintiles) are not used:
 * effort spans two orders of magnitude and adopters sit at the top of the wide upper bins; on the
 * baseline (seed 42) quintiles reported a cycle 45% shorter where the draws' own probabilities
 * imply 10–15% for the adopters compared. The bins are combined by the Mantel–Haenszel rate ratio
 * (Rothman, Greenland and Lash, Modern Epidemiology, 3rd ed., ch. 15) with active steps as
 * person-time: with successful draws d and active steps T of adopters (A) and non-adopters (N) in
 * bin b, and T_b = T_A,b + T_N,b, over the bins holding both kinds of firm,
 *
 * <pre>  RR = (Σ_b d_A,b T_N,b / T_b) / (Σ_b d_N,b T_A,b / T_b),     cycle change = 1 / RR − 1</pre>
 *
 * (negative = shorter; −0.2 means 20% fewer active steps per innovation). RR is the common ratio
 * of success rates when that ratio is the same in every bin, and it weighs each bin by the
 * evidence both groups give there, so that a bin with one young non-adopter does not swing the
 * figure. Because P saturates at one success per step, the figure is smaller in size than
 * c × level for firms with much effort; adopters with more effort than any non-adopter drop out
 * of the comparison, and the level an adopter has now was lower earlier in its AI period.
 *
 * <p>A figure that cannot be computed (no adopters, no non-adopters, no stratum holding both, no
 * successful adopter draw) is {@code null} in the JSON block and empty in {@link Result}.
 */
public final class AiComparison {
  /** Technology bins per comparison group when none is given: quintiles. */
  public static final int DEFAULT_TECHNOLOGY_BINS = 5;

  /**
   * Width of the effort bins in log innovators per active step when none is given: 0.2, so firms
   * in a bin differ in effort by less than 22%.
   */
  public static final double DEFAULT_EFFORT_BIN_WIDTH = 0.2;

  /** Key of the block in summary.json's {@code extra}. */
  public static final String KEY = "aiComparison";

  private AiComparison() {}

  /**
   * What the comparison needs to know about one firm.
   *
   * @param group the comparison group within which technology bins are formed (sector and
   *     ownership for model firms)
   * @param technology the firm's technology level (productivity before AI and structural factor)
   * @param adopter whether it has adopted AI
   * @param aiLevel its AI level (0 for a non-adopter)
   * @param quantity units produced in the last step
   * @param workers production workers in the last step
   * @param rdActiveSteps steps with innovators — for an adopter, in its AI period only
   * @param rdSuccesses successful innovation draws in those steps
   * @param rdEffort innovators (before the AI speed-up) summed over those steps
   */
  public record FirmObservation(String group, double technology, boolean adopter, double aiLevel, double quantity,
      double workers, int rdActiveSteps, int rdSuccesses, double rdEffort) {
    public FirmObservation {
      Objects.requireNonNull(group, "group");
    }

    boolean producing() {
      return quantity > 0 && workers > 0 && Double.isFinite(quantity / workers);
    }

    double efficiency() {
      return quantity / workers;
    }

    boolean researching() {
      return rdActiveSteps > 0 && rdEffort > 0;
    }

    double effortPerStep() {
      return rdEffort / rdActiveSteps;
    }
  }

  /**
   * One stratified comparison.
   *
   * @param value the stratified figure (ratio − 1), empty if it cannot be computed
   * @param unstratified the same ratio − 1 over all eligible firms (producing, or with R&D),
   *     ignoring strata: what composition alone would make of it
   * @param adopters adopters in the strata used
   * @param nonAdopters non-adopters in the strata used
   * @param strata strata holding both adopters and non-adopters
   */
  public record Estimate(OptionalDouble value, OptionalDouble unstratified, int adopters, int nonAdopters, int strata) {}

  /**
   * The comparison of a population of firms.
   *
   * @param firms observations given
   * @param adopters AI adopters among them
   * @param nonAdopters the others
   * @param meanAdopterLevel mean AI level of the adopters, empty without adopters
   * @param productionEfficiency output per worker, adopters against non-adopters (gain)
   * @param rdCycle active R&D steps per successful draw, adopters against non-adopters (change)
   * @param rdStepsPerSuccessAdopters adopters' pooled active steps per success (unstratified)
   * @param rdStepsPerSuccessNonAdopters non-adopters' pooled active steps per success (unstratified)
   */
  public record Result(int firms, int adopters, int nonAdopters, OptionalDouble meanAdopterLevel,
      Estimate productionEfficiency, Estimate rdCycle, OptionalDouble rdStepsPerSuccessAdopters,
      OptionalDouble rdStepsPerSuccessNonAdopters) {}

  /** {@link #compare(List, int, double)} with the default bins. */
  public static Result compare(List<FirmObservation> observations) {
    return compare(observations, DEFAULT_TECHNOLOGY_BINS, DEFAULT_EFFORT_BIN_WIDTH);
  }

  /**
   * Compares adopters and non-adopters.
   *
   * @param technologyBins equal-count technology bins per comparison group (at least 1)
   * @param effortBinWidth width of the effort bins in log innovators per active step (&gt; 0)
   */
  public static Result compare(List<FirmObservation> observations, int technologyBins, double effortBinWidth) {
    Objects.requireNonNull(observations, "observations");
    if (technologyBins < 1) {
      throw new IllegalArgumentException("technologyBins must be at least 1: " + technologyBins);
    }
    if (!(effortBinWidth > 0) || !Double.isFinite(effortBinWidth)) {
      throw new IllegalArgumentException("effortBinWidth must be a positive number: " + effortBinWidth);
    }
    int adopters = 0;
    double levels = 0;
    for (FirmObservation o : observations) {
      if (o.adopter()) {
        adopters++;
        levels += o.aiLevel();
      }
    }
    int nonAdopters = observations.size() - adopters;
    long[] pooledA = new long[2];
    long[] pooledN = new long[2];
    for (FirmObservation o : observations) {
      if (o.researching()) {
        long[] pooled = o.adopter() ? pooledA : pooledN;
        pooled[0] += o.rdActiveSteps();
        pooled[1] += o.rdSuccesses();
      }
    }
    return new Result(observations.size(), adopters, nonAdopters,
        adopters > 0 ? OptionalDouble.of(levels / adopters) : OptionalDouble.empty(),
        productionEfficiency(observations, technologyBins), rdCycle(observations, effortBinWidth),
        stepsPerSuccess(pooledA), stepsPerSuccess(pooledN));
  }

  /** Output per worker, stratified by group × technology bin; see the class comment. */
  static Estimate productionEfficiency(List<FirmObservation> observations, int bins) {
    Map<String, List<FirmObservation>> groups = new TreeMap<>();
    for (FirmObservation o : observations) {
      if (o.producing()) {
        groups.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o);
      }
    }
    double weighted = 0;
    double weightedControl = 0;
    int usedAdopters = 0;
    int usedControls = 0;
    int strata = 0;
    double sumA = 0;
    double sumN = 0;
    int countA = 0;
    int countN = 0;
    for (List<FirmObservation> group : groups.values()) {
      for (List<FirmObservation> stratum : rankBins(group, FirmObservation::technology, bins)) {
        double a = 0;
        double c = 0;
        int na = 0;
        int nc = 0;
        for (FirmObservation o : stratum) {
          if (o.adopter()) {
            a += o.efficiency();
            na++;
          } else {
            c += o.efficiency();
            nc++;
          }
        }
        sumA += a;
        sumN += c;
        countA += na;
        countN += nc;
        if (na > 0 && nc > 0) {
          // Weight na × mean = the adopters' sum; the control mean is weighted alike.
          weighted += a;
          weightedControl += na * (c / nc);
          usedAdopters += na;
          usedControls += nc;
          strata++;
        }
      }
    }
    OptionalDouble unstratified = countA > 0 && countN > 0 && sumN > 0
        ? OptionalDouble.of((sumA / countA) / (sumN / countN) - 1) : OptionalDouble.empty();
    OptionalDouble value = strata > 0 && weightedControl > 0
        ? OptionalDouble.of(weighted / weightedControl - 1) : OptionalDouble.empty();
    return new Estimate(value, unstratified, usedAdopters, usedControls, strata);
  }

  /** Active R&D steps per successful draw, stratified by effort per step; see the class comment. */
  static Estimate rdCycle(List<FirmObservation> observations, double effortBinWidth) {
    Map<Long, List<FirmObservation>> bins = new TreeMap<>();
    for (FirmObservation o : observations) {
      if (o.researching()) {
        long bin = (long) Math.floor(StrictMath.log(o.effortPerStep()) / effortBinWidth);
        bins.computeIfAbsent(bin, b -> new ArrayList<>()).add(o);
      }
    }
    // Mantel–Haenszel rate ratio with active steps as person-time.
    double numerator = 0;
    double denominator = 0;
    int usedAdopters = 0;
    int usedControls = 0;
    int strata = 0;
    long[] allA = new long[2];
    long[] allN = new long[2];
    for (List<FirmObservation> bin : bins.values()) {
      long[] a = new long[2];
      long[] c = new long[2];
      int na = 0;
      int nc = 0;
      for (FirmObservation o : bin) {
        long[] pooled = o.adopter() ? a : c;
        pooled[0] += o.rdActiveSteps();
        pooled[1] += o.rdSuccesses();
        if (o.adopter()) {
          na++;
        } else {
          nc++;
        }
      }
      allA[0] += a[0];
      allA[1] += a[1];
      allN[0] += c[0];
      allN[1] += c[1];
      if (na > 0 && nc > 0) {
        double steps = a[0] + c[0];
        numerator += a[1] * (c[0] / steps);
        denominator += c[1] * (a[0] / steps);
        usedAdopters += na;
        usedControls += nc;
        strata++;
      }
    }
    OptionalDouble unstratified = allA[1] > 0 && allN[0] > 0 && allN[1] > 0
        ? OptionalDouble.of(((double) allN[1] / allN[0]) / ((double) allA[1] / allA[0]) - 1) : OptionalDouble.empty();
    // Cycle ratio = 1 / rate ratio = denominator / numerator.
    OptionalDouble value = strata > 0 && numerator > 0 && denominator > 0
        ? OptionalDouble.of(denominator / numerator - 1) : OptionalDouble.empty();
    return new Estimate(value, unstratified, usedAdopters, usedControls, strata);
  }

  /**
   * Splits {@code items} into {@code bins} bins of (nearly) equal count by the rank of
   * {@code key}: item of rank i (0-based, ties kept in list order) goes to bin ⌊i × bins / n⌋.
   */
  static List<List<FirmObservation>> rankBins(List<FirmObservation> items, ToDoubleFunction<FirmObservation> key,
      int bins) {
    List<FirmObservation> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingDouble(key));
    List<List<FirmObservation>> result = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      result.add(new ArrayList<>());
    }
    int n = sorted.size();
    for (int i = 0; i < n; i++) {
      result.get((int) ((long) i * bins / n)).add(sorted.get(i));
    }
    return result;
  }

  private static OptionalDouble stepsPerSuccess(long[] pooled) {
    return pooled[1] > 0 ? OptionalDouble.of((double) pooled[0] / pooled[1]) : OptionalDouble.empty();
  }

  /**
   * The JSON block, keys in this order:
   *
   * <pre>{@code
   * "aiComparison": {                          // the baseline, seed 42
   *   "mechanism": "DIFFUSION",                 // only when a scenario is given
   *   "firms": 952, "adopters": 415, "nonAdopters": 537,
   *   "adopterShare": 0.436, "meanAdopterLevel": 0.696,
   *   "productionEfficiencyGain": 0.213,        // stratified ratio − 1
   *   "productionEfficiencyGainUnstratified": 0.214,
   *   "productionAdoptersCompared": 381, "productionNonAdoptersCompared": 521, "productionStrata": 16,
   *   "rdCycleChange": -0.050,                  // Mantel–Haenszel, negative = shorter
   *   "rdCycleChangeUnstratified": -0.484,
   *   "rdAdoptersCompared": 174, "rdNonAdoptersCompared": 216, "rdStrata": 11,
   *   "rdStepsPerSuccessAdopters": 1.82, "rdStepsPerSuccessNonAdopters": 3.51
   * }
   * }</pre>
   */
  public static Map<String, Object> toBlock(Result result, String mechanism) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (mechanism != null) {
      body.put("mechanism", mechanism);
    }
    body.put("firms", result.firms());
    body.put("adopters", result.adopters());
    body.put("nonAdopters", result.nonAdopters());
    body.put("adopterShare", result.firms() > 0 ? (Object) ((double) result.adopters() / result.firms()) : null);
    body.put("meanAdopterLevel", boxed(result.meanAdopterLevel()));
    Estimate p = result.productionEfficiency();
    body.put("productionEfficiencyGain", boxed(p.value()));
    body.put("productionEfficiencyGainUnstratified", boxed(p.unstratified()));
    body.put("productionAdoptersCompared", p.adopters());
    body.put("productionNonAdoptersCompared", p.nonAdopters());
    body.put("productionStrata", p.strata());
    Estimate r = result.rdCycle();
    body.put("rdCycleChange", boxed(r.value()));
    body.put("rdCycleChangeUnstratified", boxed(r.unstratified()));
    body.put("rdAdoptersCompared", r.adopters());
    body.put("rdNonAdoptersCompared", r.nonAdopters());
    body.put("rdStrata", r.strata());
    body.put("rdStepsPerSuccessAdopters", boxed(result.rdStepsPerSuccessAdopters()));
    body.put("rdStepsPerSuccessNonAdopters", boxed(result.rdStepsPerSuccessNonAdopters()));
    Map<String, Object> block = new LinkedHashMap<>();
    block.put(KEY, body);
    return block;
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : null;
  }
}
