package org.nqpf.calibration;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.CalibrationConfig.Moment;
import org.nqpf.config.ExperimentConfig.DistributionType;
import org.nqpf.config.ExperimentConfig.Parameter;
import org.nqpf.experiment.Seeds;
import org.nqpf.report.TimeSeriesCsv;

/**
 * The estimator: simulated minimum distance (docs/CALIBRATION.md). It minimises
 * J(θ) = Σ_i w_i (m̄_i(θ) − t_i)², where m̄_i(θ) is moment i averaged over the calibration's
 * replications, all run with the same seeds whatever θ (common random numbers), with Commons
 * Math's CMA-ES in the unit cube of the (linear or log) transformed bounds. It knows nothing of the
 * model: an {@link Evaluator} turns parameter values and seeds into moments.
 *
 * <p>CMA-ES in Commons Math asks for its candidates one at a time, but draws a whole generation's
 * random vectors before asking, so a generation's points do not depend on its values. The
 * estimator uses this to evaluate each generation at once, in parallel: it drives the optimiser
 * with a memoised objective that answers known points from memory, records the first unknown
 * ones, and stops the optimiser at the end of their generation; it then evaluates them together,
 * and restarts the optimiser, seeded the same, which replays everything up to there from memory
 * and goes one generation further. The same replay resumes an interrupted calibration from its
 * trace. The replays cost only the optimiser's own arithmetic.
 */
public final class Calibrator {
  /** The objective of a candidate some of whose moments cannot be computed in any replication. */
  public static final double UNCOMPUTABLE = 1e12;

  /**
   * A diverged run's value for every moment ({@link org.nqpf.model.ModelDivergedException}): no
   * statistic is ever +∞ otherwise (one that cannot be computed is NaN), and a candidate with a
   * diverged replication has no moments, so its objective is {@link #UNCOMPUTABLE}.
   */
  public static final double DIVERGED = Double.POSITIVE_INFINITY;
  /** The profile's threshold: the 95% quantile of χ²(1), 3.84. */
  public static final double THRESHOLD = new ChiSquaredDistribution(null, 1).inverseCumulativeProbability(0.95);
  /** The step size of CMA-ES in the unit cube: a third of each range at first, a tenth in the second stage. */
  static final double[] SIGMA = {0.3, 0.1};

  /**
   * Turns candidates into moments: per candidate, per replication (seed), per moment. Closing it
   * frees what it holds (threads, files).
   */
  public interface Evaluator extends AutoCloseable {
    List<double[][]> evaluate(List<double[]> points, long[] seeds);

    @Override
    default void close() {}
  }

  /** Told of every evaluation of the search, in order, with the best of its stage so far. */
  public interface Listener {
    void evaluated(Evaluation evaluation, Evaluation best);
  }

  /**
   * One evaluation of the search.
   *
   * @param index its number, from 0, over all stages
   * @param stage 0, or 1 in the second stage of bootstrap weighting
   * @param generation 0 for the stage's starting point, then CMA-ES's generation
   * @param values the parameter values (whole numbers rounded)
   * @param moments the moments averaged over the replications
   * @param objective J under the stage's weights
   */
  public record Evaluation(int index, int stage, int generation, double[] values, double[] moments, double objective) {}

  /** A stage's weights: one per moment, with where it came from (standardError, weight or bootstrap). */
  public record Weights(int stage, double[] weights, String[] sources, double[] bootstrapVariance) {}

  /** A point of the profile of parameter {@code parameter}. */
  public record ProfilePoint(int parameter, double unit, double[] values, double objective) {}

  /** Whether a profile rises above the threshold on both sides of the optimum, one, or neither. */
  public enum Identification {
    IDENTIFIED("identified"),
    ONE_SIDED("identified on one side only"),
    NOT_IDENTIFIED("not identified (flat profile)");

    private final String label;

    Identification(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A parameter's profile summary: the values whose objective lies within {@link #THRESHOLD} of
   * the lowest, from {@code low} to {@code high}.
   */
  public record ProfileSummary(int parameter, double estimate, double low, double high, Identification identification) {}

  /** A row of the fit table. */
  public record FitRow(Moment moment, double mean, double sd, int runs, double low, double high, boolean meets) {}

  /** Everything the calibration found. */
  public record Result(List<Evaluation> trace, List<Weights> weights, Evaluation best, List<ProfilePoint> profile,
      List<ProfileSummary> identification, List<FitRow> fit, double[][] fitRuns, long[] fitSeeds, int population) {}

  private final CalibrationConfig config;
  private final Evaluator evaluator;
  private final Listener listener;
  private final long[] seeds;
  private final int population;
  private final Map<String, double[]> means = new HashMap<>();
  private final Map<String, double[][]> replications = new HashMap<>();
  private final List<Evaluation> trace = new ArrayList<>();
  /** Points given as values (the start, a stage's start), by their unit coordinates: evaluated as given. */
  private final Map<String, double[]> exact = new HashMap<>();

  /**
   * @param resumed the moments of evaluations already done (by their {@link #key}), read back from
   *     an interrupted calibration's trace
   */
  public Calibrator(CalibrationConfig config, Evaluator evaluator, Map<String, double[]> resumed, Listener listener) {
    this.config = config;
    this.evaluator = evaluator;
    this.listener = listener;
    this.seeds = seeds(config.masterSeed(), config.replications());
    int k = config.parameters().size();
    this.population = config.population() > 0 ? config.population() : 4 + (int) StrictMath.floor(3 * StrictMath.log(k));
    means.putAll(resumed);
  }

  /** The seeds of the replications: {@code Seeds.of(master, 0, r)}, the same for every candidate. */
  public static long[] seeds(long master, int replications) {
    long[] seeds = new long[replications];
    for (int r = 0; r < replications; r++) {
      seeds[r] = Seeds.of(master, 0, r);
    }
    return seeds;
  }

  /** The text that identifies a point: its values as the trace writes them. */
  public static String key(CalibrationConfig config, double[] values) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < values.length; j++) {
      sb.append(j == 0 ? "" : ",").append(TimeSeriesCsv.formatNumber(values[j], config.parameters().get(j).integer()));
    }
    return sb.toString();
  }

  /** Runs the search, the profile and the fit table. */
  public Result run() {
    int stages = config.bootstrapWeights() ? 2 : 1;
    List<Weights> weights = new ArrayList<>();
    double[] start = new double[config.parameters().size()];
    double[] first = config.start();
    for (int j = 0; j < start.length; j++) {
      start[j] = unit(config.parameters().get(j), first[j]);
    }
    exact.put(Arrays.toString(start), first);
    Evaluation best = null;
    int spent = 0;
    for (int stage = 0; stage < stages; stage++) {
      double[] from = stage == 0 ? start : units(best.values());
      if (stage > 0) {
        exact.put(Arrays.toString(from), best.values());
      }
      Weights w = weights(stage, values(from));
      weights.add(w);
      int budget = stage == stages - 1 ? config.budget() - spent : config.budget() / stages;
      best = search(stage, from, budget, w.weights());
      spent += budget;
    }
    double[] last = weights.get(weights.size() - 1).weights();
    List<ProfilePoint> profile = profile(best, last);
    List<ProfileSummary> identification = identification(best, profile);
    long[] fitSeeds = seeds(config.fit().masterSeed(), config.fit().replications());
    double[][] fitRuns = evaluator.evaluate(List.of(best.values()), fitSeeds).get(0);
    return new Result(List.copyOf(trace), weights, best, profile, identification, fit(fitRuns), fitRuns, fitSeeds, population);
  }

  /** Thrown by the objective at the end of a generation with unknown points, to evaluate them. */
  private static final class Generation extends RuntimeException {
    Generation() {
      super(null, null, false, false);
    }
  }

  private record Pending(int call, double[] values) {}

  private Evaluation search(int stage, double[] from, int budget, double[] weights) {
    int k = from.length;
    List<Evaluation> done = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    int[] calls = {0};
    double[] sigma = new double[k];
    Arrays.fill(sigma, SIGMA[Math.min(stage, SIGMA.length - 1)]);
    double[] lower = new double[k];
    double[] upper = new double[k];
    Arrays.fill(upper, 1);
    Evaluation[] best = {null};
    while (true) {
      calls[0] = 0;
      CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0,
          new MersenneTwister(Seeds.of(config.masterSeed(), 2, stage)), false, null);
      ObjectiveFunction objective = new ObjectiveFunction(u -> {
        int c = calls[0]++;
        double[] values = values(u);
        double value = 0; // a placeholder for an unknown point: its generation is evaluated before CMA-ES uses it
        if (c < done.size()) {
          Evaluation known = done.get(c);
          if (!key(config, known.values()).equals(key(config, values))) {
            throw new IllegalStateException("the optimiser's replay differs at evaluation " + known.index() + ": "
                + key(config, values) + " instead of " + key(config, known.values()));
          }
          value = known.objective();
        } else {
          pending.add(new Pending(c, values));
        }
        if ((c == 0 || c % population == 0) && !pending.isEmpty()) {
          throw new Generation();
        }
        return value;
      });
      try {
        optimizer.optimize(new MaxEval(budget), objective, GoalType.MINIMIZE, new InitialGuess(from),
            new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
        flush(stage, pending, done, weights, best);
        return best[0];
      } catch (Generation g) {
        flush(stage, pending, done, weights, best);
      }
    }
  }

  private void flush(int stage, List<Pending> pending, List<Evaluation> done, double[] weights, Evaluation[] best) {
    evaluateMissing(pending.stream().map(Pending::values).toList());
    for (Pending p : pending) {
      double[] moments = means.get(key(config, p.values()));
      int generation = p.call() == 0 ? 0 : (p.call() - 1) / population + 1;
      Evaluation e = new Evaluation(trace.size(), stage, generation, p.values(), moments, objective(moments, weights));
      trace.add(e);
      done.add(e);
      if (best[0] == null || e.objective() < best[0].objective()) {
        best[0] = e;
      }
      listener.evaluated(e, best[0]);
    }
    pending.clear();
  }

  /** Runs, all at once, the points not evaluated yet (each once), and remembers their moments. */
  private void evaluateMissing(List<double[]> points) {
    List<double[]> missing = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (double[] values : points) {
      String key = key(config, values);
      if (!means.containsKey(key) && !keys.contains(key)) {
        keys.add(key);
        missing.add(values);
      }
    }
    if (!missing.isEmpty()) {
      List<double[][]> results = evaluator.evaluate(missing, seeds);
      for (int i = 0; i < missing.size(); i++) {
        remember(keys.get(i), results.get(i));
      }
    }
  }

  private void remember(String key, double[][] runs) {
    replications.put(key, runs);
    means.put(key, mean(runs));
  }

  /**
   * Moments averaged over the replications where they could be computed (NaN where none could, and
   * every one NaN when a replication diverged: {@link #DIVERGED}).
   */
  static double[] mean(double[][] runs) {
    int m = runs[0].length;
    double[] mean = new double[m];
    for (double[] run : runs) {
      if (m > 0 && run[0] == DIVERGED) {
        java.util.Arrays.fill(mean, Double.NaN);
        return mean;
      }
    }
    for (int i = 0; i < m; i++) {
      double sum = 0;
      int n = 0;
      for (double[] run : runs) {
        if (Double.isFinite(run[i])) {
          sum += run[i];
          n++;
        }
      }
      mean[i] = n == 0 ? Double.NaN : sum / n;
    }
    return mean;
  }

  /** J = Σ w_i (m_i − t_i)², or {@link #UNCOMPUTABLE} when a moment is NaN. */
  double objective(double[] moments, double[] weights) {
    double sum = 0;
    for (int i = 0; i < moments.length; i++) {
      if (!Double.isFinite(moments[i])) {
        return UNCOMPUTABLE;
      }
      double d = moments[i] - config.moments().get(i).target();
      sum += weights[i] * d * d;
    }
    return sum;
  }

  /**
   * The stage's weights: 1/SE² for a moment with a standard error, its weight when given, else
   * 1/variance of its replication mean at {@code values}, estimated by resampling the replications
   * with replacement ({@code bootstrap} times) and taking the diagonal of the covariance of the
   * resampled means (a zero variance is replaced by the smallest positive one, or 1).
   */
  private Weights weights(int stage, double[] values) {
    List<Moment> moments = config.moments();
    int m = moments.size();
    double[] w = new double[m];
    String[] sources = new String[m];
    double[] variance = new double[m];
    Arrays.fill(variance, Double.NaN);
    if (config.bootstrapWeights()) {
      double[][] runs = replicationsAt(values);
      variance = bootstrapVariance(runs, config.bootstrap(), Seeds.of(config.masterSeed(), 3, stage));
    }
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      if (moments.get(i).bootstrapped() && variance[i] > 0) {
        smallest = Math.min(smallest, variance[i]);
      }
    }
    for (int i = 0; i < m; i++) {
      Moment moment = moments.get(i);
      if (!Double.isNaN(moment.standardError())) {
        w[i] = 1 / (moment.standardError() * moment.standardError());
        sources[i] = "standardError";
      } else if (!Double.isNaN(moment.weight())) {
        w[i] = moment.weight();
        sources[i] = "weight";
      } else {
        double v = variance[i] > 0 ? variance[i] : Double.isInfinite(smallest) ? 1 : smallest;
        w[i] = 1 / v;
        sources[i] = "bootstrap";
      }
    }
    return new Weights(stage, w, sources, variance);
  }

  private double[][] replicationsAt(double[] values) {
    String key = key(config, values);
    double[][] runs = replications.get(key);
    if (runs == null) {
      runs = evaluator.evaluate(List.of(values), seeds).get(0);
      remember(key, runs);
    }
    return runs;
  }

  /** The variance of each moment's replication mean, by resampling the replications. */
  static double[] bootstrapVariance(double[][] runs, int resamples, long seed) {
    int r = runs.length;
    int m = runs[0].length;
    MersenneTwisterFast random = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32)});
    double[][] resampled = new double[resamples][];
    for (int b = 0; b < resamples; b++) {
      double[][] draw = new double[r][];
      for (int i = 0; i < r; i++) {
        draw[i] = runs[random.nextInt(r)];
      }
      resampled[b] = mean(draw);
    }
    double[] variance = new double[m];
    for (int i = 0; i < m; i++) {
      List<double[]> column = new ArrayList<>();
      for (double[] row : resampled) {
        if (Double.isFinite(row[i])) {
          column.add(new double[] {row[i]});
        }
      }
      variance[i] = column.size() < 2 ? Double.NaN
          : new Covariance(column.toArray(new double[0][])).getCovarianceMatrix().getEntry(0, 0);
    }
    return variance;
  }

  private List<ProfilePoint> profile(Evaluation best, double[] weights) {
    int k = config.parameters().size();
    int points = config.profile().points();
    double width = config.profile().width();
    double[] centre = units(best.values());
    List<ProfilePoint> profile = new ArrayList<>();
    List<double[]> grid = new ArrayList<>();
    List<double[]> units = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < points; i++) {
        double[] u = centre.clone();
        u[j] = Math.min(1, Math.max(0, centre[j] + width * (2.0 * i / (points - 1) - 1)));
        double[] values = best.values().clone();
        values[j] = u[j] == centre[j] ? best.values()[j] : config.parameters().get(j).at(u[j]);
        units.add(u);
        grid.add(values);
      }
    }
    evaluateMissing(grid);
    for (int p = 0; p < grid.size(); p++) {
      int j = p / points;
      double[] values = grid.get(p);
      profile.add(new ProfilePoint(j, units.get(p)[j], values, objective(means.get(key(config, values)), weights)));
    }
    return profile;
  }

  private List<ProfileSummary> identification(Evaluation best, List<ProfilePoint> profile) {
    List<ProfileSummary> summaries = new ArrayList<>();
    int k = config.parameters().size();
    for (int j = 0; j < k; j++) {
      List<ProfilePoint> line = new ArrayList<>();
      double lowest = best.objective();
      for (ProfilePoint p : profile) {
        if (p.parameter() == j) {
          line.add(p);
          lowest = Math.min(lowest, p.objective());
        }
      }
      double low = Double.NaN;
      double high = Double.NaN;
      for (ProfilePoint p : line) {
        if (p.objective() - lowest <= THRESHOLD) {
          low = Double.isNaN(low) ? p.values()[j] : Math.min(low, p.values()[j]);
          high = Double.isNaN(high) ? p.values()[j] : Math.max(high, p.values()[j]);
        }
      }
      boolean lowRises = line.get(0).objective() - lowest > THRESHOLD;
      boolean highRises = line.get(line.size() - 1).objective() - lowest > THRESHOLD;
      Identification id = lowRises && highRises ? Identification.IDENTIFIED
          : lowRises || highRises ? Identification.ONE_SIDED : Identification.NOT_IDENTIFIED;
      summaries.add(new ProfileSummary(j, best.values()[j], low, high, id));
    }
    return summaries;
  }

  /**
   * The fit table: per moment, the mean and standard deviation over the fresh runs, the interval
   * mean ± 1.96 sd in which 95% of single runs fall (normal approximation), and whether the target
   * is met: |mean − target| ≤ 1.96 √(sd² + SE²), SE the target's standard error (0 if not given).
   */
  private List<FitRow> fit(double[][] runs) {
    List<FitRow> rows = new ArrayList<>();
    for (int i = 0; i < config.moments().size(); i++) {
      Moment moment = config.moments().get(i);
      double sum = 0;
      int n = 0;
      for (double[] run : runs) {
        if (Double.isFinite(run[i])) {
          sum += run[i];
          n++;
        }
      }
      double mean = n == 0 ? Double.NaN : sum / n;
      double squares = 0;
      for (double[] run : runs) {
        if (Double.isFinite(run[i])) {
          squares += (run[i] - mean) * (run[i] - mean);
        }
      }
      double sd = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
      double se = Double.isNaN(moment.standardError()) ? 0 : moment.standardError();
      boolean meets = n >= 2 && Math.abs(mean - moment.target()) <= 1.96 * Math.sqrt(sd * sd + se * se);
      rows.add(new FitRow(moment, mean, sd, n, mean - 1.96 * sd, mean + 1.96 * sd, meets));
    }
    return rows;
  }

  /** The values at unit coordinates {@code u}; a point given as values is kept exactly as given. */
  private double[] values(double[] u) {
    double[] given = exact.get(Arrays.toString(u));
    if (given != null) {
      return given.clone();
    }
    double[] values = new double[u.length];
    for (int j = 0; j < u.length; j++) {
      values[j] = config.parameters().get(j).at(u[j]);
    }
    return values;
  }

  private double[] units(double[] values) {
    double[] u = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      u[j] = unit(config.parameters().get(j), values[j]);
    }
    return u;
  }

  /** Where {@code value} lies in the parameter's transformed range, in [0, 1]. */
  static double unit(Parameter p, double value) {
    double u = p.distribution() == DistributionType.LOG_UNIFORM
        ? StrictMath.log(value / p.low()) / StrictMath.log(p.high() / p.low())
        : (value - p.low()) / (p.high() - p.low());
    return Math.min(1, Math.max(0, u));
  }
}
