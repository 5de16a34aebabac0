package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lever is declared once, as a marked component of {@link PolicyConfig}; everything else reads it. */
class LeverTest {

  @Test
  void theLeversAreExactlyTheMarkedComponentsInTheirOrder() {
    List<String> marked = new ArrayList<>();
    for (RecordComponent c : PolicyConfig.class.getRecordComponents()) {
      if (c.isAnnotationPresent(Lever.Spec.class)) {
        marked.add(c.getName());
      }
    }
    assertThat(Lever.all()).extracting(Lever::name).containsExactlyElementsOf(marked);
    assertThat(marked).contains("guaranteeCoverage", "fundLeverage", "guaranteeFee")
        .doesNotContain("fundReplenishment", "timeline");
    assertThat(Lever.names()).isEqualTo(String.join(", ", marked));
  }

  @Test
  void withSetsOneLeverAndKeepsTheRest() throws Exception {
    PolicyConfig base = PolicyConfig.DEFAULT;
    for (Lever lever : Lever.all()) {
      double value = lever.min() + 0.5 * (lever.slider() - lever.min());
      PolicyConfig moved = base.with(lever, value);
      assertThat(lever.of(moved)).as(lever.name()).isEqualTo(value);
      for (Lever other : Lever.all()) {
        if (other != lever) {
          assertThat(other.of(moved)).as("%s after moving %s", other, lever).isEqualTo(other.of(base));
        }
      }
      assertThat(moved.fundReplenishment()).isEqualTo(base.fundReplenishment());
      assertThat(moved.timeline()).isEmpty();
    }
  }

  @Test
  void aValueOutsideTheLegalRangeIsRefusedNamingTheLever() {
    Lever coverage = Lever.named("guaranteeCoverage");
    assertThatThrownBy(() -> PolicyConfig.DEFAULT.with(coverage, 1.2))
        .isInstanceOf(ConfigException.class).hasMessageContaining("guaranteeCoverage").hasMessageContaining("1.2");
    Lever leverage = Lever.named("fundLeverage");
    assertThatThrownBy(() -> PolicyConfig.DEFAULT.with(leverage, -1))
        .isInstanceOf(ConfigException.class).hasMessageContaining("[0, 1000]");
    assertThatThrownBy(() -> Lever.named("guarantee"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("expected one of " + Lever.names());
  }

  @Test
  void everyLeverIsOneInstanceAndSurvivesSerialisation() throws Exception {
    for (Lever lever : Lever.all()) {
      assertThat(Lever.named(lever.name())).isSameAs(lever);
      var bytes = new java.io.ByteArrayOutputStream();
      try (var out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(new PolicyChange(3, lever, lever.min()));
      }
      try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        PolicyChange back = (PolicyChange) in.readObject();
        assertThat(back.lever()).isSameAs(lever);
      }
    }
  }

  @Test
  void theGuaranteeLeversCanBeMovedByTheTimeline() {
    Scenario s = ScenarioLoader.parse("policy: {timeline: [{step: 10, lever: guaranteeCoverage, value: 0.2},"
        + " {step: 10, lever: guaranteeFee, value: 0.03}, {step: 20, lever: fundLeverage, value: 8}]}", false);
    assertThat(s.policy().timeline()).extracting(PolicyChange::lever)
        .containsExactly(Lever.named("guaranteeCoverage"), Lever.named("guaranteeFee"), Lever.named("fundLeverage"));
    assertThatThrownBy(() -> ScenarioLoader.parse(
        "policy: {timeline: [{step: 10, lever: guaranteeFee, value: 2}]}", false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("policy.timeline[0].value")
        .hasMessageContaining("for lever guaranteeFee");
  }
}
