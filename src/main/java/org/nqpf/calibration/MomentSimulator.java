package org.nqpf.calibration;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.config.Scenario;
import org.nqpf.experiment.Futures;
import org.nqpf.experiment.Simulation;
import org.nqpf.model.ModelDivergedException;
import org.nqpf.report.RunSummary;
import org.nqpf.validation.FirmPanelCollector;
import org.nqpf.validation.PowerLawFit;
import org.nqpf.validation.RunStatistics;

/**
 * The model side of a calibration: runs the base scenario with candidate parameter values, one
 * MASON instance per (candidate, replication), on a pool of threads like the sweep's, and returns
 * the moments in candidate and replication order, so that nothing depends on the thread count.
 */
public final class MomentSimulator implements Calibrator.Evaluator, AutoCloseable {
  private final CalibrationConfig config;
  private final List<Statistic> statistics;
  private final boolean panel;
  /** The validation statistics the moments name, the only ones computed. */
  private final java.util.function.Predicate<String> wanted;
  private final ExecutorService pool;

  public MomentSimulator(CalibrationConfig config, int threads) {
    this.config = config;
    this.statistics = statistics(config);
    this.panel = statistics.stream().anyMatch(Statistic::needsPanel);
    this.wanted = statistics.stream().filter(Statistic::needsPanel).map(Statistic::target)
        .collect(java.util.stream.Collectors.toSet())::contains;
    this.pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "nqpf-calibrate");
      t.setDaemon(true);
      return t;
    });
  }

  /** The moments' statistics, each name checked (a refusal names {@code moments[i].statistic}). */
  public static List<Statistic> statistics(CalibrationConfig config) {
    List<Statistic> statistics = new ArrayList<>();
    for (int i = 0; i < config.moments().size(); i++) {
      statistics.add(Statistic.parse(config.moments().get(i).statistic(), "moments[" + i + "].statistic"));
    }
    return statistics;
  }

  /** The base scenario with the parameters set to {@code values} (already rounded for whole-number keys). */
  public Scenario scenario(double[] values) {
    try {
      return ExperimentLoader.withValues(config.baseScenario(), config.parameters(), values);
    } catch (ConfigException e) {
      throw new ConfigException("parameters", "the values " + java.util.Arrays.toString(values)
          + " give a scenario the model refuses: " + e.getMessage());
    }
  }

  @Override
  public List<double[][]> evaluate(List<double[]> points, long[] seeds) {
    List<double[]> values = new ArrayList<>();
    long[] runSeeds = new long[points.size() * seeds.length];
    for (double[] point : points) {
      for (long seed : seeds) {
        runSeeds[values.size()] = seed;
        values.add(point);
      }
    }
    List<double[]> moments = runs(values, runSeeds);
    List<double[][]> results = new ArrayList<>();
    int next = 0;
    for (int c = 0; c < points.size(); c++) {
      double[][] replications = new double[seeds.length][];
      for (int r = 0; r < seeds.length; r++) {
        replications[r] = moments.get(next++);
      }
      results.add(replications);
    }
    return results;
  }

  /**
   * The moments of single runs, in their order: run i with the parameter values {@code values.get(i)}
   * and the seed {@code seeds[i]}, all on the pool at once (a shard of a generation is such a list).
   */
  public List<double[]> runs(List<double[]> values, long[] seeds) {
    Map<double[], Scenario> scenarios = new IdentityHashMap<>();
    List<Future<double[]>> futures = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Scenario run = scenarios.computeIfAbsent(values.get(i), this::scenario).withSeed(seeds[i]);
      futures.add(pool.submit(() -> moments(run)));
    }
    List<double[]> moments = new ArrayList<>();
    for (Future<double[]> future : futures) {
      moments.add(Futures.take(future, "the calibration"));
    }
    return moments;
  }

  /**
   * The moments of one run; every one {@link Calibrator#DIVERGED} when the run diverged
   * ({@link ModelDivergedException}).
   */
  double[] moments(Scenario scenario) {
    try {
      return computeMoments(scenario);
    } catch (ModelDivergedException e) {
      double[] diverged = new double[statistics.size()];
      java.util.Arrays.fill(diverged, Calibrator.DIVERGED);
      return diverged;
    }
  }

  private double[] computeMoments(Scenario scenario) {
    RunSummary summary;
    RunStatistics statisticsOfPanel = null;
    if (panel) {
      FirmPanelCollector.Panel observed = FirmPanelCollector.runWithSeries(scenario);
      summary = RunSummary.compute(observed.series(), scenario, null);
      statisticsOfPanel = RunStatistics.of(observed.observations(), PowerLawFit.DEFAULT_MIN_TAIL, wanted);
    } else {
      summary = RunSummary.compute(Simulation.run(scenario).series(), scenario, null);
    }
    double[] values = new double[statistics.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = statistics.get(i).value(summary, statisticsOfPanel);
    }
    return values;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
