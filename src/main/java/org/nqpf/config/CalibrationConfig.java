package org.nqpf.config;

import java.util.List;
import org.nqpf.config.ExperimentConfig.Parameter;

/**
 * A calibration: the parameters of a base scenario to estimate, within bounds, so that the
 * simulated moments come close to their targets (docs/CALIBRATION.md).
 *
 * @param name names the results folder
 * @param baseScenario the resolved base (base file, overrides, steps and burn-in)
 * @param replications runs per evaluation, with the same seeds for every candidate
 * @param masterSeed the seed the replications' seeds and the optimiser's draws derive from
 * @param parameters the estimated keys: bounds as a UNIFORM (linear) or LOG_UNIFORM (log) range
 * @param start the starting values, in parameter order (the middle of the bounds unless given)
 * @param moments the targets
 * @param budget the most evaluations of the search (profile and fit table not counted)
 * @param population candidates per CMA-ES generation (0: CMA-ES's default, 4 + ⌊3 ln k⌋)
 * @param bootstrap resamples of the bootstrap covariance of the simulated moments
 * @param profile the profile of the objective around the optimum
 * @param fit the fit table's fresh replications
 */
public record CalibrationConfig(
    String name,
    Scenario baseScenario,
    int replications,
    long masterSeed,
    List<Parameter> parameters,
    double[] start,
    List<Moment> moments,
    int budget,
    int population,
    int bootstrap,
    Profile profile,
    Fit fit) {

  /**
   * A target moment.
   *
   * @param name the label in the tables (the statistic unless given)
   * @param statistic what is computed from each run (docs/CALIBRATION.md lists the forms)
   * @param target the value to match
   * @param standardError the target's standard error (NaN when not given)
   * @param weight a fixed weight (NaN when not given)
   */
  public record Moment(String name, String statistic, double target, double standardError, double weight) {
    /** Whether the weight comes from the bootstrap (neither a standard error nor a weight given). */
    public boolean bootstrapped() {
      return Double.isNaN(standardError) && Double.isNaN(weight);
    }
  }

  /**
   * The profile: {@code points} values of each parameter across ±{@code width} of its range (in
   * the transformed, unit scale) around the optimum, the others held at the optimum.
   */
  public record Profile(int points, double width) {}

  /** The fit table: {@code replications} fresh runs of the calibrated scenario under {@code masterSeed}. */
  public record Fit(int replications, long masterSeed) {}

  public CalibrationConfig {
    parameters = List.copyOf(parameters);
    moments = List.copyOf(moments);
    start = start.clone();
  }

  @Override
  public double[] start() {
    return start.clone();
  }

  /** Whether some moment's weight comes from the bootstrap, so that the search runs in two stages. */
  public boolean bootstrapWeights() {
    return moments.stream().anyMatch(Moment::bootstrapped);
  }
}
