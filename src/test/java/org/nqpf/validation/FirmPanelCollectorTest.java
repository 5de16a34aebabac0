package org.nqpf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.experiment.Simulation;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;
import org.nqpf.stats.TransitionMatrix;

/** The collector observes without changing the run, and its observations hang together. */
class FirmPanelCollectorTest {
  static final Scenario SMALL = ScenarioLoader.parse("""
      name: small
      seed: 5
      steps: 48
      burnIn: 8
      firms: {count: 150}
      universities: {count: 3}
      """, false);

  @Test
  void collectingDoesNotChangeTheRunAndObservationsAreConsistent() {
    RunObservations o = FirmPanelCollector.run(SMALL);
    Simulation.Result plain = Simulation.run(SMALL);
    TimeSeries series = plain.series();
    // The same final firms as a run without the collector.
    assertThat(o.finalEmployment()).hasSize(plain.finalFirms().size());
    assertThat(o.finalOutput()[0]).isEqualTo(plain.finalFirms().get(0).getSales());

    // Exits in the life table equal the recorded exits of the time series.
    long exits = 0;
    for (int a = 0; a <= o.hazard().maxAge(); a++) {
      exits += o.hazard().exits(a);
    }
    double recordedExits = Arrays.stream(series.column(Metric.EXITS, SMALL.burnIn())).sum();
    assertThat(exits).isEqualTo((long) recordedExits);

    // Innovations by size class equal the recorded innovations less the imitations, counted apart.
    double recorded = Arrays.stream(series.column(Metric.INNOVATIONS, SMALL.burnIn())).sum();
    double imitated = Arrays.stream(series.column(Metric.INNOVATIONS_IMITATED, SMALL.burnIn())).sum();
    assertThat(imitated).isPositive();
    assertThat(o.imitations()).isEqualTo((long) imitated);
    assertThat(Arrays.stream(o.innovationsBySize()).sum()).isEqualTo((long) (recorded - imitated));
    assertThat(o.innovationValues()).hasSize((int) (recorded - imitated));
    assertThat(o.innovationGains()).hasSize((int) (recorded - imitated));
    assertThat(Arrays.stream(o.innovationValues()).allMatch(v -> v >= 0)).isTrue();
    assertThat(Arrays.stream(o.innovationGains()).allMatch(v -> v >= 0)).isTrue();

    // Growth: 10 recorded years, sector-demeaned, so they average to ~0.
    assertThat(o.growthRates().length).isEqualTo(o.growthLogSize().length).isGreaterThan(100);
    assertThat(Arrays.stream(o.growthRates()).average().orElseThrow()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));

    // Persistence: 5 windows of 8 steps; rows of the matrix sum to one.
    TransitionMatrix m = o.persistence();
    for (int i = 0; i < m.states(); i++) {
      if (m.rowTotal(i) > 0) {
        double sum = 0;
        for (int j = 0; j < m.states(); j++) {
          sum += m.probability(i, j);
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
      }
    }
    assertThat(o.universityDegrees()).hasSize(3);
    assertThat(o.privateShares()).hasSize(5);
    assertThat(o.entryRate()).isPositive();
  }

  @Test
  void statisticsHaveOneValuePerTarget() {
    RunStatistics s = RunStatistics.of(FirmPanelCollector.run(SMALL), 20);
    assertThat(s.values()).hasSize(Targets.ALL.size());
    assertThat(s.value("1a")).isBetween(0.0, 1.0);
    assertThat(s.value("5a")).isBetween(0.0, 1.0);
    assertThat(s.value("5b")).isLessThanOrEqualTo(s.value("5a"));
    assertThat(s.value("5d")).isBetween(0.0, 1.0);
    assertThat(s.value("7c")).isStrictlyBetween(0.0, 1.0);
    assertThat(s.employmentFit()).isNotNull();
    assertThat(s.value("3a")).isGreaterThan(1.0);
  }

  /**
   * The event study around AI adoption recovers the mechanism: output per worker is technology ×
   * factor × (1 + gain × level), so eight quarters after adopting at level 0.3 and deepening by
   * 0.05 a quarter, an adopter's lies ln(1 + 0.35 × 0.535) = 0.172 above its path without AI (plus
   * its faster R&D); with no production gain the effect is only the R&D's. Five seeds of a small
   * world (adoptions from step 0, so that many fall in the recorded steps), under the diffusion
   * rule, whose adoptions do not depend on the gain (under the decision rule no firm adopts an AI
   * that gains nothing).
   */
  @Test
  void theEventStudyAroundAdoptionRecoversTheProductionGain() {
    String yaml = """
        name: events
        seed: %d
        steps: 60
        burnIn: 10
        firms: {count: 150}
        universities: {count: 3}
        ai: {productionGain: %s}
        mechanisms: {ai: DIFFUSION}
        """;
    double[] with = new double[5];
    double[] without = new double[5];
    int events = 0;
    for (int k = 0; k < 5; k++) {
      RunObservations on = FirmPanelCollector.run(ScenarioLoader.parse(yaml.formatted(31 + k, "0.35"), false));
      RunObservations off = FirmPanelCollector.run(ScenarioLoader.parse(yaml.formatted(31 + k, "0.0"), false));
      with[k] = Arrays.stream(on.aiEventEffects()).average().orElseThrow();
      without[k] = Arrays.stream(off.aiEventEffects()).average().orElseThrow();
      events += on.aiEventEffects().length;
    }
    double input = Math.log(1 + 0.35 * (1 - 0.7 * Math.pow(0.95, 8)));
    assertThat(events).isGreaterThan(50);
    assertThat(Arrays.stream(with).average().orElseThrow()).isBetween(input - 0.05, input + 0.08);
    assertThat(Arrays.stream(without).average().orElseThrow()).isBetween(-0.05, 0.08);
    assertThat(Arrays.stream(with).average().orElseThrow() - Arrays.stream(without).average().orElseThrow())
        .isCloseTo(input, org.assertj.core.api.Assertions.within(0.04));
  }
}
