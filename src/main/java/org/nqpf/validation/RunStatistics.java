package org.nqpf.validation;

import java.util.List;
import org.nqpf.model.SizeClass;
import org.nqpf.stats.GrowthVolatility;
import org.nqpf.stats.LognormalFit;
import org.nqpf.stats.Lorenz;
import org.nqpf.stats.Moments;
import org.nqpf.stats.PowerLawFit;
import org.nqpf.stats.SubbotinFit;
import org.nqpf.stats.TransitionMatrix;

/**
 * The statistics of one run, one value per {@link Targets#ALL} entry (NaN when not computable:
 * too few firms in a tail, no persistent innovator, …), with the fits behind them.
 *
 * @param values by target, in {@link Targets#ALL} order
 * @param employmentFit the power law of final employment (null when not computable)
 * @param outputFit the power law of final sales (null when not computable)
 * @param employmentLognormal the lognormal on the employment tail (null when not computable)
 * @param outputLognormal the lognormal on the sales tail (null when not computable)
 * @param employmentVuong Vuong's test on the employment tail (null when not computable)
 * @param outputVuong Vuong's test on the sales tail (null when not computable)
 */
public record RunStatistics(double[] values, PowerLawFit.Result employmentFit, PowerLawFit.Result outputFit,
    LognormalFit.Result employmentLognormal, LognormalFit.Result outputLognormal, LognormalFit.Comparison employmentVuong,
    LognormalFit.Comparison outputVuong) {

  /** Size bins of the volatility–size relation. */
  public static final int VOLATILITY_BINS = 10;
  /** The share of firms in the tail of the Hill estimate 3e. */
  public static final double HILL_TOP_SHARE = 0.10;

  /** These statistics with target {@code id}'s value replaced by {@code value}. */
  public RunStatistics with(String id, double value) {
    double[] copy = values.clone();
    copy[Targets.ALL.indexOf(Targets.byId(id))] = value;
    return new RunStatistics(copy, employmentFit, outputFit, employmentLognormal, outputLognormal, employmentVuong,
        outputVuong);
  }

  /** The value of target {@code id}. */
  public double value(String id) {
    List<Target> all = Targets.ALL;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(id)) {
        return values[i];
      }
    }
    throw new IllegalArgumentException("no target " + id);
  }

  /** Every statistic of the run. */
  public static RunStatistics of(RunObservations o, int minTail) {
    return of(o, minTail, id -> true);
  }

  /**
   * The statistics of the run that {@code wanted} accepts (by target id), and any that cost nothing
   * beside them; the rest are NaN. The costly ones (the size-tail fits 3a–3e, the growth-rate fits
   * 4a–4d, whose Subbotin likelihood is a power per firm-year at every simplex step, the Lorenz
   * curves 5a–5d, and the warm-ups 10a–10i with the memories 14a–14i that start after them) are
   * computed only when one of their group is wanted:
   * a calibration on one statistic need not pay for all of them.
   */
  public static RunStatistics of(RunObservations o, int minTail, java.util.function.Predicate<String> wanted) {
    double[] v = new double[Targets.ALL.size()];
    java.util.Arrays.fill(v, Double.NaN);
    Setter set = (id, value) -> v[Targets.ALL.indexOf(Targets.byId(id))] = value;
    set.put("1a", o.privateShares()[0]);
    set.put("1b", o.privateShares()[1]);
    set.put("1c", o.privateShares()[2]);
    set.put("1d", o.privateShares()[3]);
    set.put("1e", o.privateShares()[4]);
    set.put("2a", o.aiEfficiencyGain().orElse(Double.NaN));
    set.put("2b", o.aiRdCycleChange().orElse(Double.NaN));
    set.put("2c", java.util.Arrays.stream(o.aiEventEffects()).average().orElse(Double.NaN));
    set.put("2d", java.util.Arrays.stream(o.aiPreTrends()).average().orElse(Double.NaN));

    boolean tails = wantsGroup(wanted, "3");
    Tail none = new Tail(null, null, null);
    Tail employment = tails ? tail(o.finalEmployment(), minTail) : none;
    Tail output = tails ? tail(o.finalOutput(), minTail) : none;
    if (employment.fit != null) {
      set.put("3a", employment.fit.alpha());
    }
    if (employment.vuong != null) {
      set.put("3c", employment.vuong.normalisedRatio());
    }
    if (tails) {
      set.put("3e", PowerLawFit.hill(o.finalEmployment(), HILL_TOP_SHARE));
    }
    if (output.fit != null) {
      set.put("3b", output.fit.alpha());
    }
    if (output.vuong != null) {
      set.put("3d", output.vuong.normalisedRatio());
    }

    double[] growth = o.growthRates();
    boolean growthFits = wantsGroup(wanted, "4");
    if (growthFits && growth.length >= 10) {
      set.put("4a", Moments.of(growth).excessKurtosis());
      set.put("4b", SubbotinFit.fit(growth).shape());
      set.put("4c", GrowthVolatility.of(o.growthLogSize(), growth, VOLATILITY_BINS).slope());
      set.put("4d", SubbotinFit.laplace(growth).scale());
    }

    if (wantsGroup(wanted, "5")) {
      Lorenz sizes = Lorenz.of(o.innovationGains());
      if (sizes.n() > 0) {
        set.put("5a", sizes.topShare(0.10));
        set.put("5b", sizes.topShare(0.05));
        set.put("5c", sizes.gini());
      }
      Lorenz weighted = Lorenz.of(o.innovationValues());
      if (weighted.n() > 0) {
        set.put("5d", weighted.topShare(0.10));
      }
    }

    TransitionMatrix m = o.persistence();
    set.put("6a", m.probability(2, 2));
    set.put("6b", m.probability(0, 0));
    set.put("6c", m.probability(1, 1));

    long[] innovations = o.innovationsBySize();
    double[] employmentSteps = o.employmentBySize();
    int large = SizeClass.LARGE.ordinal();
    long all = 0;
    long sme = 0;
    double smeEmployment = 0;
    for (SizeClass c : SizeClass.values()) {
      all += innovations[c.ordinal()];
      if (c.isSme()) {
        sme += innovations[c.ordinal()];
        smeEmployment += employmentSteps[c.ordinal()];
      }
    }
    if (all > 0) {
      set.put("7a", (double) sme / all);
    }
    if (all + o.imitations() > 0) {
      set.put("7c", (double) o.imitations() / (all + o.imitations()));
    }
    if (smeEmployment > 0 && employmentSteps[large] > 0 && innovations[large] > 0) {
      set.put("7b", (sme / smeEmployment) / (innovations[large] / employmentSteps[large]));
    }

    set.put("8a", o.entryRate());
    set.put("8b", o.exitRate());
    double young = o.hazard().hazard(Targets.YOUNG_FROM, Targets.YOUNG_TO);
    double mature = o.hazard().hazard(Targets.MATURE_FROM, Targets.MATURE_TO);
    if (mature > 0) {
      set.put("8c", young / mature);
    }

    DegreeDistribution firms = DegreeDistribution.of(o.firmDegrees());
    set.put("9a", firms.mean());
    if (firms.nodes() > 0) {
      set.put("9b", 1 - firms.share(0));
    }
    set.put("9c", DegreeDistribution.of(o.universityDegrees()).coefficientOfVariation());

    double[] terms = o.productivityTerms();
    for (int k = 0; k < terms.length; k++) {
      set.put(Targets.PRODUCTIVITY + (char) ('a' + k), terms[k]);
    }
    set.put(Targets.PRODUCTIVITY + (char) ('a' + terms.length), java.util.Arrays.stream(terms).sum());

    for (KeySeries k : KeySeries.values()) {
      boolean memory = wanted.test(Targets.seriesId(Targets.MEMORY, k));
      if (!wanted.test(Targets.seriesId(Targets.WARM_UP, k)) && !memory) {
        continue;
      }
      double[] series = o.keySeries()[k.ordinal()];
      int warmUp = WarmUp.mser5(series);
      if (warmUp >= 0) {
        set.put(Targets.seriesId(Targets.WARM_UP, k), warmUp + k.firstStep());
        if (memory) {
          set.put(Targets.seriesId(Targets.MEMORY, k), Stationarity.memory(series, warmUp));
        }
      }
    }
    return new RunStatistics(v, employment.fit, output.fit, employment.lognormal, output.lognormal, employment.vuong,
        output.vuong);
  }

  /** Whether {@code wanted} accepts any of a group's rows, {@code group} + a to e (3a–3e, 4a–4d, 5a–5d). */
  private static boolean wantsGroup(java.util.function.Predicate<String> wanted, String group) {
    for (char row = 'a'; row <= 'e'; row++) {
      if (wanted.test(group + row)) {
        return true;
      }
    }
    return false;
  }

  private interface Setter {
    void put(String id, double value);
  }

  private record Tail(PowerLawFit.Result fit, LognormalFit.Result lognormal, LognormalFit.Comparison vuong) {}

  private static Tail tail(double[] data, int minTail) {
    long positive = java.util.Arrays.stream(data).filter(x -> x > 0 && Double.isFinite(x)).count();
    if (positive < Math.max(10, Math.min(minTail, 10))) {
      return new Tail(null, null, null);
    }
    PowerLawFit.Result fit;
    try {
      fit = PowerLawFit.fit(data, minTail);
    } catch (IllegalArgumentException e) {
      return new Tail(null, null, null);
    }
    if (fit.tail() < 3) {
      return new Tail(fit, null, null);
    }
    LognormalFit.Result lognormal = LognormalFit.fit(data, fit.xmin());
    return new Tail(fit, lognormal, LognormalFit.compare(data, fit, lognormal));
  }
}
