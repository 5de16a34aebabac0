package org.nqpf.stats;

import org.nqpf.report.AiObservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.report.JsonOutput;
import org.nqpf.stats.AiComparison.Estimate;
import org.nqpf.stats.AiComparison.FirmObservation;
import org.nqpf.stats.AiComparison.Result;

/** The adopter / non-adopter comparison on synthetic firms with known answers, and on a run. */
class AiComparisonTest {
  private static final String GROUP = "TRADITIONAL/PRIVATE";

  /** A producing firm with output per worker {@code efficiency} and no R&D. */
  private static FirmObservation producer(String group, double technology, boolean adopter, double efficiency) {
    return new FirmObservation(group, technology, adopter, adopter ? 0.5 : 0, efficiency * 10, 10, 0, 0, 0);
  }

  /** A researching firm with no output: {@code steps} active steps at {@code effortPerStep}. */
  private static FirmObservation researcher(boolean adopter, int steps, int successes, double effortPerStep) {
    return new FirmObservation(GROUP, 1, adopter, adopter ? 0.5 : 0, 0, 0, steps, successes, steps * effortPerStep);
  }

  @Test
  void adoptersExactly35PercentMoreEfficientInEveryStratumGive035WhateverTheComposition() {
    // Five technology levels, four firms each (so the quintiles are the levels); adopters crowd
    // into the high levels, where every firm is more efficient.
    List<FirmObservation> firms = new ArrayList<>();
    int[] adoptersAtLevel = {1, 1, 2, 3, 3};
    for (int level = 1; level <= 5; level++) {
      for (int k = 0; k < 4; k++) {
        boolean adopter = k < adoptersAtLevel[level - 1];
        double base = level * level;
        firms.add(producer(GROUP, level, adopter, adopter ? 1.35 * base : base));
      }
    }
    Result result = AiComparison.compare(firms);
    assertThat(result.productionEfficiency().value()).hasValueCloseTo(0.35, within(1e-12));
    assertThat(result.productionEfficiency().strata()).isEqualTo(5);
    assertThat(result.productionEfficiency().adopters()).isEqualTo(10);
    assertThat(result.productionEfficiency().nonAdopters()).isEqualTo(10);
    // Without strata the adopters' better technology would count as AI's doing.
    assertThat(result.productionEfficiency().unstratified().getAsDouble()).isGreaterThan(0.8);
    assertThat(result.adopters()).isEqualTo(10);
    assertThat(result.meanAdopterLevel()).hasValueCloseTo(0.5, within(1e-12));
  }

  @Test
  void groupsAreComparedSeparately() {
    // SOEs are twice as productive; adopters are all SOEs but one, 20% above their own group.
    List<FirmObservation> firms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      firms.add(producer("TRADITIONAL/SOE", 1, i < 8, i < 8 ? 2.4 : 2.0));
      firms.add(producer(GROUP, 1, i < 1, i < 1 ? 1.2 : 1.0));
    }
    Result result = AiComparison.compare(firms, 1, AiComparison.DEFAULT_EFFORT_BIN_WIDTH);
    assertThat(result.productionEfficiency().value()).hasValueCloseTo(0.2, within(1e-12));
    assertThat(result.productionEfficiency().strata()).isEqualTo(2);
    assertThat(result.productionEfficiency().unstratified().getAsDouble()).isGreaterThan(0.5);
  }

  @Test
  void strataWithOnlyOneKindOfFirmDropOut() {
    List<FirmObservation> firms = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      firms.add(producer(GROUP, 1, i % 2 == 0, i % 2 == 0 ? 1.1 : 1.0));
      firms.add(producer("FUTURE/PRIVATE", 1, true, 9.0)); // no comparable non-adopter
    }
    firms.add(new FirmObservation(GROUP, 1, false, 0, 0, 0, 0, 0, 0)); // not producing: left out
    Estimate estimate = AiComparison.compare(firms, 1, 0.2).productionEfficiency();
    assertThat(estimate.value()).hasValueCloseTo(0.1, within(1e-12));
    assertThat(estimate.adopters()).isEqualTo(3);
    assertThat(estimate.nonAdopters()).isEqualTo(2);
  }

  @Test
  void theRdCycleIsStepsPerSuccessComparedAtSimilarEffort() {
    // At effort 1 per step adopters succeed in 25% of steps, non-adopters in 20%; at effort 10,
    // 50% and 40%: in both bins a cycle 20% shorter. Adopters crowd into the high-effort bin.
    List<FirmObservation> firms = new ArrayList<>();
    firms.add(researcher(true, 100, 25, 1.0));
    firms.add(researcher(false, 100, 20, 1.0));
    firms.add(researcher(false, 100, 20, 1.05));
    firms.add(researcher(false, 100, 20, 1.02));
    for (int i = 0; i < 3; i++) {
      firms.add(researcher(true, 100, 50, 10.0 + 0.1 * i));
    }
    firms.add(researcher(false, 100, 40, 10.0));
    Result result = AiComparison.compare(firms);
    Estimate cycle = result.rdCycle();
    assertThat(cycle.value()).hasValueCloseTo(-0.2, within(1e-12));
    assertThat(cycle.strata()).isEqualTo(2);
    assertThat(cycle.adopters()).isEqualTo(4);
    assertThat(cycle.nonAdopters()).isEqualTo(4);
    // Pooled over all effort the adopters' higher effort would look like a much shorter cycle.
    assertThat(cycle.unstratified().getAsDouble()).isLessThan(-0.4);
    assertThat(result.rdStepsPerSuccessAdopters()).hasValueCloseTo(400.0 / 175, within(1e-12));
    assertThat(result.rdStepsPerSuccessNonAdopters()).hasValueCloseTo(400.0 / 100, within(1e-12));
  }

  @Test
  void effortBinsAreNarrowInLogEffort() {
    // Efforts 1.0 and 1.3 are more than 0.2 apart in log: no common bin, so no comparison.
    List<FirmObservation> firms = List.of(researcher(true, 50, 10, 1.3), researcher(false, 50, 10, 1.0));
    assertThat(AiComparison.compare(firms).rdCycle().value()).isEmpty();
    assertThat(AiComparison.compare(firms, 5, 1.0).rdCycle().value()).hasValueCloseTo(0.0, within(1e-12));
  }

  @Test
  void figuresThatCannotBeComputedAreNull() {
    List<FirmObservation> noAdopters = List.of(producer(GROUP, 1, false, 1), researcher(false, 10, 2, 1));
    Map<String, Object> block = AiComparison.toBlock(AiComparison.compare(noAdopters), null);
    JsonNode node = JsonOutput.toNode(block, "extra").get(AiComparison.KEY);
    assertThat(node.get("adopters").asInt()).isZero();
    assertThat(node.get("nonAdopters").asInt()).isEqualTo(2);
    assertThat(node.get("meanAdopterLevel").isNull()).isTrue();
    assertThat(node.get("productionEfficiencyGain").isNull()).isTrue();
    assertThat(node.get("rdCycleChange").isNull()).isTrue();
    assertThat(node.get("rdStepsPerSuccessAdopters").isNull()).isTrue();
    assertThat(node.get("rdStepsPerSuccessNonAdopters").asDouble()).isEqualTo(5.0);

    // Adopters with no successful draw: no cycle to compare.
    List<FirmObservation> noSuccess = List.of(researcher(true, 10, 0, 1), researcher(false, 10, 2, 1));
    assertThat(AiComparison.compare(noSuccess).rdCycle().value()).isEmpty();

    JsonNode empty = JsonOutput.toNode(AiComparison.toBlock(AiComparison.compare(List.of()), null), "extra").get(AiComparison.KEY);
    assertThat(empty.get("firms").asInt()).isZero();
    assertThat(empty.get("adopterShare").isNull()).isTrue();
  }

  @Test
  void theBlockKeepsItsKeyOrder() {
    List<FirmObservation> firms = List.of(producer(GROUP, 1, true, 1.3), producer(GROUP, 1, false, 1.0));
    Map<String, Object> block = AiComparison.toBlock(AiComparison.compare(firms, 1, 0.2), "DIFFUSION");
    List<String> keys = new ArrayList<>();
    JsonOutput.toNode(block, "extra").get(AiComparison.KEY).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("mechanism", "firms", "adopters", "nonAdopters", "adopterShare", "meanAdopterLevel",
        "productionEfficiencyGain", "productionEfficiencyGainUnstratified", "productionAdoptersCompared",
        "productionNonAdoptersCompared", "productionStrata", "rdCycleChange", "rdCycleChangeUnstratified",
        "rdAdoptersCompared", "rdNonAdoptersCompared", "rdStrata", "rdStepsPerSuccessAdopters",
        "rdStepsPerSuccessNonAdopters");
    assertThat((Double) ((Map<?, ?>) block.get(AiComparison.KEY)).get("productionEfficiencyGain")).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> AiComparison.compare(List.of(), 0, 0.2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AiComparison.compare(List.of(), 5, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AiComparison.compare(List.of(), 5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rankBinsHaveEqualCounts() {
    List<FirmObservation> firms = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      firms.add(producer(GROUP, i, false, 1));
    }
    List<List<FirmObservation>> bins = AiComparison.rankBins(firms, FirmObservation::technology, 5);
    assertThat(bins).hasSize(5);
    for (int b = 0; b < 5; b++) {
      assertThat(bins.get(b)).extracting(FirmObservation::technology).containsExactly(2.0 * b, 2.0 * b + 1);
    }
    assertThat(AiComparison.rankBins(firms.subList(0, 2), FirmObservation::technology, 5))
        .extracting(List::size).containsExactly(1, 0, 1, 0, 0);
  }

  private static Scenario small(long seed, int steps, String ai) {
    return ScenarioLoader.parse("""
        name: ai-small
        seed: %d
        steps: %d
        burnIn: 0
        firms: {count: 300}
        universities: {count: 3}
        mechanisms: {finance: INTERNAL_FUNDS, talent: FREE_HIRING, ai: %s}
        """.formatted(seed, steps, ai), false);
  }

  @Test
  void runsWithDiffusionShowBothEffectsWithinTheirBounds() {
    List<FirmObservation> pooled = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      Scenario scenario = small(seed, 100, "DIFFUSION");
      EcosystemModel model = new EcosystemModel(scenario);
      model.runToEnd();
      List<Firm> firms = model.firms();

      // Adopters are observed over their AI period.
      for (Firm firm : firms) {
        FirmObservation o = AiObservations.of(firm);
        assertThat(o.adopter()).isEqualTo(firm.isAiAdopter());
        assertThat(o.rdActiveSteps()).isEqualTo(firm.isAiAdopter() ? firm.getRdActiveStepsWithAi() : firm.getRdActiveSteps());
        assertThat(o.rdSuccesses()).isEqualTo(firm.isAiAdopter() ? firm.getRdSuccessesWithAi() : firm.getRdSuccesses());
      }
      pooled.addAll(AiObservations.observe(firms));

      Map<String, Object> block = AiObservations.block(firms, scenario);
      System.out.println("AI comparison, 300 firms, 100 steps, seed " + seed + ": " + block);
      Map<?, ?> ai = (Map<?, ?>) block.get(AiComparison.KEY);
      assertThat(ai.get("mechanism")).isEqualTo("DIFFUSION");
      double gain = (Double) ai.get("productionEfficiencyGain");
      double level = (Double) ai.get("meanAdopterLevel");
      double productionGain = scenario.ai().productionGain();
      // Adopters are not all at full level: the gain is positive, below the full-adoption gain,
      // and near productionGain × mean level (technology is held fixed by the strata).
      assertThat(gain).isPositive().isLessThan(productionGain);
      assertThat(gain).isCloseTo(productionGain * level, within(0.1 * productionGain));
      assertThat((Integer) ai.get("productionStrata")).isGreaterThan(5);
    }
    // The R&D cycle is a noisier figure (a few thousand draws per run): pooled over the three runs.
    Result result = AiComparison.compare(pooled);
    System.out.println("AI comparison pooled over seeds 1-3: production " + result.productionEfficiency()
        + ", R&D cycle " + result.rdCycle());
    assertThat(result.rdCycle().value().getAsDouble()).isNegative().isGreaterThan(-0.6);
    assertThat(result.rdCycle().adopters()).isGreaterThan(60);
    assertThat(result.productionEfficiency().value().getAsDouble()).isPositive().isLessThan(0.35);
  }

  @Test
  void aRunWithoutTheMechanismHasNoAdoptersAndNullFigures() {
    Scenario off = small(1, 20, "OFF");
    EcosystemModel model = new EcosystemModel(off);
    model.runToEnd();
    Map<?, ?> ai = (Map<?, ?>) AiObservations.block(model.firms(), off).get(AiComparison.KEY);
    assertThat(ai.get("mechanism")).isEqualTo("OFF");
    assertThat(ai.get("adopters")).isEqualTo(0);
    assertThat(ai.get("productionEfficiencyGain")).isNull();
    assertThat(ai.get("rdCycleChange")).isNull();
  }
}
