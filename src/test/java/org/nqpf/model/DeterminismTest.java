package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A seed fixes a run; different seeds give different runs. */
class DeterminismTest {

  private static double[][] rows(TimeSeries series) {
    double[][] rows = new double[series.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = series.row(i);
    }
    return rows;
  }

  @Test
  void sameSeedGivesIdenticalSeries() {
    TimeSeries a = new EcosystemModel(Worlds.small(11, 40)).runToEnd();
    TimeSeries b = new EcosystemModel(Worlds.small(11, 40)).runToEnd();
    assertThat(rows(a)).isDeepEqualTo(rows(b));
  }

  @Test
  void differentSeedsGiveDifferentSeries() {
    TimeSeries a = new EcosystemModel(Worlds.small(11, 40)).runToEnd();
    TimeSeries b = new EcosystemModel(Worlds.small(12, 40)).runToEnd();
    assertThat(rows(a)).isNotEqualTo(rows(b));
  }

  @Test
  void seedsDifferingOnlyAboveBit31GiveDifferentRuns() {
    TimeSeries a = new EcosystemModel(Worlds.small(5, 20)).runToEnd();
    TimeSeries b = new EcosystemModel(Worlds.small(5 + (1L << 32), 20)).runToEnd();
    assertThat(rows(a)).isNotEqualTo(rows(b));
  }

  @Test
  void restartingTheSameModelRepeatsTheRun() {
    EcosystemModel model = new EcosystemModel(Worlds.small(13, 30));
    double[][] first = rows(model.runToEnd());
    model.setSeed(13);
    double[][] second = rows(model.runToEnd());
    assertThat(second).isDeepEqualTo(first);
  }

  @Test
  void aPhaseListenerHearsEveryPhaseInOrderAndChangesNothing() {
    EcosystemModel model = new EcosystemModel(Worlds.small(11, 40));
    StringBuilder heard = new StringBuilder();
    model.start();
    model.setPhaseListener(new PhaseListener() {
      @Override
      public void phaseStarted(Phase phase) {
        heard.append('<').append(phase.ordinal());
      }

      @Override
      public void phaseEnded(Phase phase) {
        heard.append(phase.ordinal()).append('>');
      }
    });
    int steps = model.scenario().totalSteps();
    for (int i = 0; i < steps; i++) {
      model.schedule.step(model);
    }
    model.finish();
    // Every phase (all mechanisms are on in this world), started and ended in order, once a step.
    StringBuilder step = new StringBuilder();
    for (Phase phase : Phase.values()) {
      step.append('<').append(phase.ordinal()).append(phase.ordinal()).append('>');
    }
    assertThat(heard.toString()).isEqualTo(step.toString().repeat(steps));
    assertThat(rows(model.series())).isDeepEqualTo(rows(new EcosystemModel(Worlds.small(11, 40)).runToEnd()));
  }
}
