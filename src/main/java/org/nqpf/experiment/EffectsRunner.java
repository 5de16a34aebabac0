package org.nqpf.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.commons.math3.distribution.TDistribution;
import org.nqpf.config.EffectsConfig;
import org.nqpf.config.EffectsConfig.Outcome;
import org.nqpf.config.EffectsConfig.Policy;
import org.nqpf.config.EffectsConfig.Sign;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/**
 * Runs a policy-effects table (docs/EFFECTS.md): every policy's two scenarios under the same
 * seeds, replication r with {@code Seeds.of(masterSeed, 0, r)} (common random numbers: the two
 * runs of a pair differ only by the policy), and each outcome's paired differences with a 95%
 * t-interval. A scenario that several policies share (the base, most often) runs once per seed.
 * The results do not depend on the number of threads.
 */
public final class EffectsRunner {
  /** What the government spends on the article's policies a quarter (special loans net of their repayments). */
  static final List<Metric> OUTLAYS = List.of(Metric.SUBSIDIES, Metric.SPECIAL_LENDING, Metric.FUND_TOP_UPS,
      Metric.INCUBATION_GRANTS, Metric.SOE_BAILOUTS, Metric.TALENT_GRANTS);
  /** What it takes in a quarter: taxes, and special loans' repayments. */
  static final List<Metric> REVENUES = List.of(Metric.TAX, Metric.INCOME_TAX, Metric.SPECIAL_REPAYMENTS);

  private EffectsRunner() {}

  /** One outcome of one policy: the two arms' means, the paired differences' mean and 95% interval. */
  public record Effect(Outcome outcome, double fromMean, double toMean, double difference, double low, double high,
      int replications, Sign expected, Sign model) {

    /** Whether the model's sign is the expected one: "yes", "no" (the opposite sign), "not significant" or "—" (none expected). */
    public String agreement() {
      if (expected == null) {
        return "—";
      }
      if (model == expected) {
        return "yes";
      }
      if (model == Sign.NONE) {
        return "not significant";
      }
      return expected == Sign.NONE ? "no (an effect)" : "no";
    }
  }

  /** One policy's results: its effects in outcome order and every run's outcomes (replication × outcome) of both arms. */
  public record PolicyEffects(Policy policy, List<Effect> effects, double[][] from, double[][] to, long[] seeds) {}

  /**
   * Runs every policy's pairs and returns the effects in the file's order.
   *
   * @param progress told the number of distinct runs done so far, may be null
   */
  public static List<PolicyEffects> run(EffectsConfig config, int threads, IntConsumer progress) {
    Objects.requireNonNull(config, "config");
    int replications = config.replications();
    long[] seeds = new long[replications];
    for (int r = 0; r < replications; r++) {
      seeds[r] = Seeds.of(config.masterSeed(), 0, r);
    }
    Map<String, Scenario> distinct = distinct(config);
    List<String> keys = new ArrayList<>(distinct.keySet());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread t = new Thread(runnable, "nqpf-effects");
      t.setDaemon(true);
      return t;
    });
    Map<String, double[][]> outcomes = new LinkedHashMap<>();
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (String key : keys) {
        Scenario scenario = distinct.get(key);
        for (int r = 0; r < replications; r++) {
          Scenario seeded = scenario.withSeed(seeds[r]);
          futures.add(pool.submit(() -> outcomes(Simulation.run(seeded).series(), seeded.burnIn())));
        }
      }
      int done = 0;
      for (String key : keys) {
        double[][] runs = new double[replications][];
        for (int r = 0; r < replications; r++) {
          runs[r] = Futures.take(futures.get(done), "the policy-effects table");
          done++;
          if (progress != null) {
            progress.accept(done);
          }
        }
        outcomes.put(key, runs);
      }
    } finally {
      pool.shutdownNow();
    }
    List<PolicyEffects> results = new ArrayList<>();
    for (Policy p : config.policies()) {
      double[][] from = outcomes.get(ScenarioLoader.hash(p.from()));
      double[][] to = outcomes.get(ScenarioLoader.hash(p.to()));
      List<Effect> effects = new ArrayList<>();
      for (Outcome o : Outcome.values()) {
        effects.add(effect(o, from, to, p.expected().get(o)));
      }
      results.add(new PolicyEffects(p, effects, from, to, seeds.clone()));
    }
    return results;
  }

  /** The number of distinct runs a table makes: its distinct scenarios times the replications. */
  public static int runs(EffectsConfig config) {
    return distinct(config).size() * config.replications();
  }

  /** The table's distinct scenarios by their canonical hash, in the order the file first names them. */
  private static Map<String, Scenario> distinct(EffectsConfig config) {
    Map<String, Scenario> distinct = new LinkedHashMap<>();
    for (Policy p : config.policies()) {
      distinct.putIfAbsent(ScenarioLoader.hash(p.from()), p.from());
      distinct.putIfAbsent(ScenarioLoader.hash(p.to()), p.to());
    }
    return distinct;
  }

  /** The paired differences to − from of one outcome over the replications where both are defined. */
  static Effect effect(Outcome outcome, double[][] from, double[][] to, Sign expected) {
    int o = outcome.ordinal();
    List<Double> differences = new ArrayList<>();
    double fromSum = 0;
    double toSum = 0;
    for (int r = 0; r < from.length; r++) {
      double a = from[r][o];
      double b = to[r][o];
      if (Double.isFinite(a) && Double.isFinite(b)) {
        differences.add(b - a);
        fromSum += a;
        toSum += b;
      }
    }
    int n = differences.size();
    if (n < 2) {
      return new Effect(outcome, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, expected, Sign.NONE);
    }
    double mean = 0;
    for (double d : differences) {
      mean += d;
    }
    mean /= n;
    double ss = 0;
    for (double d : differences) {
      ss += (d - mean) * (d - mean);
    }
    double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
    double low = mean - half;
    double high = mean + half;
    Sign model = low > 0 ? Sign.POSITIVE : high < 0 ? Sign.NEGATIVE : Sign.NONE;
    return new Effect(outcome, fromSum / n, toSum / n, mean, low, high, n, expected, model);
  }

  /** The outcomes of one run over its recorded steps, in {@link Outcome} order (NaN where undefined). */
  static double[] outcomes(TimeSeries series, int burnIn) {
    double[] out = new double[Outcome.values().length];
    double[] output = series.column(Metric.OUTPUT, burnIn);
    double meanOutput = mean(output);
    out[Outcome.privateInnovation.ordinal()] = mean(series.column(Metric.INNOVATIONS_PRIVATE, burnIn));
    out[Outcome.privateShareOutput.ordinal()] = 100 * mean(series.column(Metric.PRIVATE_SHARE_OUTPUT, burnIn));
    double[] productivity = series.column(Metric.LABOUR_PRODUCTIVITY_PRIVATE, burnIn);
    double[] logs = new double[productivity.length];
    boolean positive = productivity.length >= 2;
    for (int i = 0; i < productivity.length && positive; i++) {
      positive = productivity[i] > 0;
      logs[i] = positive ? Math.log(productivity[i]) : 0;
    }
    out[Outcome.privateProductivityGrowth.ordinal()] = positive ? 400 * slope(logs) : Double.NaN;
    out[Outcome.privateSmeCredit.ordinal()] = meanOutput > 0
        ? 100 * mean(series.column(Metric.PRIVATE_SME_CREDIT_GRANTED, burnIn)) / meanOutput : Double.NaN;
    out[Outcome.privateSmeRd.ordinal()] = meanOutput > 0
        ? 100 * mean(series.column(Metric.RD_SPENDING_PRIVATE_SME, burnIn)) / meanOutput : Double.NaN;
    double outlays = 0;
    for (Metric m : OUTLAYS) {
      outlays += mean(series.column(m, burnIn));
    }
    out[Outcome.governmentOutlays.ordinal()] = meanOutput > 0 ? 100 * outlays / meanOutput : Double.NaN;
    for (Metric m : REVENUES) {
      outlays -= mean(series.column(m, burnIn));
    }
    out[Outcome.governmentNetCost.ordinal()] = meanOutput > 0 ? 100 * outlays / meanOutput : Double.NaN;
    return out;
  }

  private static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The OLS slope of the values on their index. */
  static double slope(double[] values) {
    int n = values.length;
    double meanX = (n - 1) / 2.0;
    double meanY = mean(values);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (i - meanX) * (values[i] - meanY);
      sxx += (i - meanX) * (i - meanX);
    }
    return sxy / sxx;
  }
}
