package org.nqpf.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.CalibrationLoader;
import org.nqpf.config.Scenario;
import org.nqpf.experiment.Simulation;
import org.nqpf.model.Metric;
import org.nqpf.report.RunSummary;
import org.nqpf.stats.PowerLawFit;
import org.nqpf.validation.FirmPanelCollector;
import org.nqpf.validation.RunStatistics;

/** The moments are the figures a run's summary.json gives, whether or not validate's panel runs alongside. */
class MomentSimulatorTest {
  private static final String FILE = """
      name: m
      scenario: {firms: {count: 120}, universities: {count: 2}}
      steps: 12
      burnIn: 3
      parameters:
        - {key: firms.soeShare, low: 0.01, high: 0.2}
      moments:
        - {statistic: share.output, target: 0.6}
        - {statistic: mean.innovations, target: 1}
        - {statistic: ratio.innovationsPrivate/innovations, target: 0.8}
        - {statistic: total.entries, target: 5}
        - {statistic: growth.output, target: 0.01}
        - {statistic: final.firms, target: 100}
      PANEL
      """;

  private static double[] moments(String panel, double[] values, long seed) {
    CalibrationConfig config = CalibrationLoader.parse(FILE.replace("PANEL", panel), false, Path.of("."));
    try (MomentSimulator simulator = new MomentSimulator(config, 2)) {
      return simulator.evaluate(List.of(values), new long[] {seed}).get(0)[0];
    }
  }

  @Test
  void momentsAreTheSummarysFigures() {
    double[] m = moments("", new double[] {0.1}, 77);
    CalibrationConfig config = CalibrationLoader.parse(FILE.replace("PANEL", ""), false, Path.of("."));
    Scenario scenario;
    try (MomentSimulator simulator = new MomentSimulator(config, 1)) {
      scenario = simulator.scenario(new double[] {0.1}).withSeed(77);
    }
    assertThat(scenario.firms().soeShare()).isEqualTo(0.1);
    RunSummary summary = RunSummary.compute(Simulation.run(scenario).series(), scenario, null);
    assertThat(m[0]).isEqualTo(summary.privateShares().output().getAsDouble());
    assertThat(m[1]).isEqualTo(summary.stats(Metric.INNOVATIONS).mean().getAsDouble());
    assertThat(m[2]).isEqualTo(summary.stats(Metric.INNOVATIONS_PRIVATE).mean().getAsDouble()
        / summary.stats(Metric.INNOVATIONS).mean().getAsDouble());
    assertThat(m[3]).isEqualTo(summary.stats(Metric.ENTRIES).total().getAsDouble());
    assertThat(m[4]).isEqualTo(summary.stats(Metric.OUTPUT).growthPerStep().getAsDouble());
    assertThat(m[5]).isEqualTo(summary.stats(Metric.FIRMS).finalValue());
  }

  @Test
  void validatesPanelRunningAlongsideChangesNothingElse() {
    double[] without = moments("", new double[] {0.05}, 5);
    double[] with = moments("  - {statistic: validate.8a, target: 0.1}", new double[] {0.05}, 5);
    assertThat(with).hasSize(without.length + 1);
    for (int i = 0; i < without.length; i++) {
      assertThat(with[i]).isEqualTo(without[i]);
    }
    assertThat(with[without.length]).isBetween(0.0, 1.0);
  }

  @Test
  void validateStatisticsAreValidatesFiguresOfTheSameRunIncludingTheWarmUpAndProductivityRows() {
    String ids = "3a 8b 10a 10g 13a 13b 13f";
    String file = """
        name: v
        scenario: {firms: {count: 150}, universities: {count: 2}}
        steps: 40
        burnIn: 4
        parameters:
          - {key: firms.soeShare, low: 0.01, high: 0.2}
        moments:
        """ + java.util.Arrays.stream(ids.split(" ")).map(id -> "  - {statistic: validate." + id + ", target: 1}\n")
            .reduce("", String::concat);
    CalibrationConfig config = CalibrationLoader.parse(file, false, Path.of("."));
    double[] m;
    Scenario scenario;
    try (MomentSimulator simulator = new MomentSimulator(config, 2)) {
      m = simulator.evaluate(List.of(new double[] {0.05}), new long[] {31}).get(0)[0];
      scenario = simulator.scenario(new double[] {0.05}).withSeed(31);
    }
    RunStatistics validation = RunStatistics.of(FirmPanelCollector.run(scenario), PowerLawFit.DEFAULT_MIN_TAIL);
    String[] list = ids.split(" ");
    for (int i = 0; i < list.length; i++) {
      assertThat(m[i]).as("validate." + list[i]).isNotNaN().isEqualTo(validation.value(list[i]));
    }
  }
}
