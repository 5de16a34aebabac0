package org.nqpf.experiment;

import java.util.List;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.TimeSeries;

/**
 * The Java API for other tools and the tests: run one configuration with one seed and get its
 * results. The command line's {@code run} and {@code sweep} are thin layers over it.
 */
public final class Simulation {
  private Simulation() {}

  /** The results of one run: its scenario, its time series and the firms alive at the end. */
  public record Result(Scenario scenario, TimeSeries series, List<Firm> finalFirms) {}

  /** Runs {@code scenario} (its seed included) from start to end, headless. */
  public static Result run(Scenario scenario) {
    EcosystemModel model = new EcosystemModel(scenario);
    TimeSeries series = model.runToEnd();
    return new Result(scenario, series, List.copyOf(model.firms()));
  }

  /** Runs {@code scenario} with another seed. */
  public static Result run(Scenario scenario, long seed) {
    return run(scenario.withSeed(seed));
  }
}
