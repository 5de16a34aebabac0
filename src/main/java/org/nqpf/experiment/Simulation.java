package org.nqpf.experiment;

import java.util.List;
import org.nqpf.model.Matrices;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.TimeSeries;
import org.nqpf.report.FirmPanel;

/**
 * The Java API for other tools and the tests: run one configuration with one seed and get its
 * results. The command line's {@code run} and {@code sweep} are thin layers over it; every
 * command steps its models with {@link EcosystemModel#stepToEnd}.
 */
public final class Simulation {
  private Simulation() {}

  /** The results of one run: its scenario, its time series and the firms alive at the end. */
  public record Result(Scenario scenario, TimeSeries series, List<Firm> finalFirms, List<Matrices> matrices) {}

  /** Runs {@code scenario} (its seed included) from start to end, headless. */
  public static Result run(Scenario scenario) {
    return run(scenario, false);
  }

  /** Runs {@code scenario} from start to end, keeping the stock-flow matrices of every step if asked. */
  public static Result run(Scenario scenario, boolean keepMatrices) {
    return run(scenario, keepMatrices, null);
  }

  /**
   * Runs {@code scenario} from start to end, keeping the matrices if asked and filling
   * {@code panel}, when not null, with the firms of its steps.
   */
  public static Result run(Scenario scenario, boolean keepMatrices, FirmPanel panel) {
    EcosystemModel model = new EcosystemModel(scenario);
    model.start();
    if (keepMatrices) {
      model.keepMatrices();
    }
    model.stepToEnd(panel == null ? null : (stepped, step) -> panel.observe(stepped));
    model.finish();
    return new Result(scenario, model.series(), List.copyOf(model.firms()), model.matrices());
  }

  /** Runs {@code scenario} with another seed. */
  public static Result run(Scenario scenario, long seed) {
    return run(scenario.withSeed(seed));
  }
}
