package org.nqpf.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nqpf.config.PolicyChange;
import org.nqpf.config.Lever;
import org.nqpf.config.PolicyConfig;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import sim.util.Interval;
import sim.util.Properties;

/** The Model tab's levers: every timeline lever has a slider, and moving one steers the running model. */
class LeversTest {
  private static final Scenario SMALL = Scenario.DEFAULT.withSteps(20);

  @Test
  void everyLeverHasASliderWithARangeInsideItsLegalRange() {
    EcosystemWithUI gui = new EcosystemWithUI(SMALL);
    gui.start();
    Properties p = Properties.getProperties(gui.levers());
    assertThat(Levers.SLIDERS).extracting(Levers.Slider::lever).containsExactlyInAnyOrderElementsOf(Lever.all());
    for (int i = 0; i < Levers.SLIDERS.size(); i++) {
      Levers.Slider s = Levers.SLIDERS.get(i);
      assertThat(p.getName(i)).isEqualTo(s.name());
      assertThat(p.isReadWrite(i)).isTrue();
      assertThat(p.getDomain(i)).isInstanceOfSatisfying(Interval.class, d -> {
        assertThat(d.getMin().doubleValue()).isEqualTo(s.min());
        assertThat(d.getMax().doubleValue()).isEqualTo(s.max());
      });
      // both ends of the slider are legal values of the lever, and the default lies on the slider
      PolicyConfig policy = PolicyConfig.DEFAULT;
      assertThat(policy.with(s.lever(), s.min())).isNotNull();
      assertThat(policy.with(s.lever(), s.max())).isNotNull();
      assertThat(s.value(policy)).isBetween(s.min(), s.max());
      assertThat(((Number) p.getValue(i)).doubleValue()).isEqualTo(s.value(gui.model().policy()));
    }
    for (int i = Levers.SLIDERS.size(); i < p.numProperties(); i++) {
      assertThat(p.isReadWrite(i)).as(p.getName(i)).isFalse();
    }
    gui.finish();
  }

  @Test
  void aSliderChangesThePolicyAndARefusedValueLeavesItAlone() {
    EcosystemWithUI gui = new EcosystemWithUI(SMALL);
    gui.start();
    Properties p = Properties.getProperties(gui.levers());
    int talent = Levers.SLIDERS.stream().map(Levers.Slider::lever).toList().indexOf(Lever.named("talentImportQuota"));
    p.setValue(talent, (Object) 12.0);
    assertThat(gui.model().policy().talentImportQuota()).isEqualTo(12.0);
    int subsidy = Levers.SLIDERS.stream().map(Levers.Slider::lever).toList().indexOf(Lever.named("rdSubsidyRate"));
    p.setValue(subsidy, (Object) 0.95); // the lever's legal range ends at 0.9
    assertThat(gui.model().policy().rdSubsidyRate()).isEqualTo(PolicyConfig.DEFAULT.rdSubsidyRate());
    assertThat(gui.levers().set(Lever.named("taxRate"), -0.1)).isFalse();
    assertThat(gui.model().policy().taxRate()).isEqualTo(PolicyConfig.DEFAULT.taxRate());
    gui.finish();
  }

  /** A slider moved before step 5 steers the run exactly as a timeline entry at step 5 does. */
  @Test
  void movingASliderMidRunEqualsTheSameTimelineEntry() {
    Scenario withTimeline = org.nqpf.config.ScenarioLoader.parse(
        "steps: 20\npolicy: {timeline: [{step: 5, lever: talentImportQuota, value: 15}]}", false);
    assertThat(withTimeline.withSteps(20).policy().timeline()).containsExactly(
        new PolicyChange(5, Lever.named("talentImportQuota"), 15));
    EcosystemModel scripted = new EcosystemModel(withTimeline);
    scripted.runToEnd();

    EcosystemWithUI gui = new EcosystemWithUI(SMALL);
    gui.start();
    for (int i = 0; i < 5; i++) {
      gui.step();
    }
    gui.levers().set(Lever.named("talentImportQuota"), 15);
    while (gui.model().schedule.getSteps() < SMALL.totalSteps()) {
      gui.step();
    }
    EcosystemModel steered = gui.model();
    assertThat(steered.series().size()).isEqualTo(scripted.series().size());
    for (int row = 0; row < scripted.series().size(); row++) {
      assertThat(steered.series().row(row)).as("row %d", row).containsExactly(scripted.series().row(row));
    }
    // and the lever did something: more imports than the unsteered baseline
    EcosystemModel plain = new EcosystemModel(SMALL);
    plain.runToEnd();
    assertThat(total(steered, Metric.TALENT_IMPORTS)).isGreaterThan(total(plain, Metric.TALENT_IMPORTS));
    gui.finish();
  }

  private static double total(EcosystemModel model, Metric metric) {
    double sum = 0;
    for (int row = 0; row < model.series().size(); row++) {
      sum += model.series().get(row, metric);
    }
    return sum;
  }
}
