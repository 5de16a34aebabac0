package org.nqpf.config;

import java.util.List;

/**
 * An experiment: a base scenario run at the points of a design, each {@code replications} times
 * with seeds derived from {@code masterSeed} (docs/EXPERIMENTS.md).
 *
 * @param name names the results folder
 * @param baseScenario the resolved base (base file, overrides, steps and burn-in)
 * @param replications runs per design point
 * @param masterSeed the seed every run's seed derives from
 * @param design the design's type and sample size
 * @param parameters the varied scenario keys
 * @param metrics the kept metric columns, in output order
 * @param timeSeries how per-step series are written
 * @param firmPanel the firm panel's K (a row per living firm every K-th recorded step), 0 for none
 * @param formats the tables' formats: CSV, and Parquet besides when asked for
 */
public record ExperimentConfig(
    String name,
    Scenario baseScenario,
    int replications,
    long masterSeed,
    Design design,
    List<Parameter> parameters,
    List<String> metrics,
    TimeSeriesFormat timeSeries,
    int firmPanel,
    OutputFormats formats) {

  /** The kinds of design. */
  public enum DesignType {
    GRID,
    RANDOM,
    LATIN_HYPERCUBE,
    SOBOL
  }

  /** How the per-step series of the runs are written. */
  public enum TimeSeriesFormat {
    WIDE,
    LONG,
    NONE
  }

  /** Distributions of sampled parameters over the unit interval. */
  public enum DistributionType {
    UNIFORM,
    LOG_UNIFORM
  }

  /** The design: its type and, for sampled designs, its sample size. */
  public record Design(DesignType type, int samples) {}

  /**
   * A varied parameter: its dotted scenario key, its explicit values (for a grid, or a discrete
   * sampled parameter), or a distribution (for sampled designs); {@code integer} when the key
   * takes whole numbers.
   */
  public record Parameter(String key, List<Double> values, DistributionType distribution, double low, double high,
      boolean integer) {

    /** The parameter's value at u ∈ [0, 1) of a sampled design. */
    public double at(double u) {
      double value;
      if (values != null) {
        value = values.get(Math.min(values.size() - 1, (int) StrictMath.floor(u * values.size())));
      } else if (distribution == DistributionType.LOG_UNIFORM) {
        value = low * StrictMath.pow(high / low, u);
      } else {
        value = low + u * (high - low);
      }
      return integer ? StrictMath.rint(value) : value;
    }
  }

  public ExperimentConfig {
    parameters = List.copyOf(parameters);
    metrics = List.copyOf(metrics);
  }

  /** The same experiment with a firm panel every {@code every}-th recorded step (0: none). */
  public ExperimentConfig withFirmPanel(int every) {
    if (every < 0) {
      throw new ConfigException("firmPanel", "value " + every + " is not allowed; expected a whole number K >= 1");
    }
    return new ExperimentConfig(name, baseScenario, replications, masterSeed, design, parameters, metrics, timeSeries, every,
        formats);
  }

  /** The same experiment with other output formats. */
  public ExperimentConfig withFormats(OutputFormats other) {
    return new ExperimentConfig(name, baseScenario, replications, masterSeed, design, parameters, metrics, timeSeries, firmPanel,
        other);
  }

  /** Whether the design samples the unit cube (sensitivity indices apply). */
  public boolean sampled() {
    return design.type() != DesignType.GRID;
  }
}
