package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nqpf.config.EffectsConfig.Outcome;
import org.nqpf.config.EffectsConfig.Sign;

/** Policy-effects files: what they resolve to and what they refuse. */
class EffectsLoaderTest {
  private static final String GOOD = """
      name: t
      steps: 20
      burnIn: 5
      replications: 4
      masterSeed: 3
      policies:
        - name: guarantees
          label: Financing guarantees
          from: {policy: {guaranteeCoverage: 0.0}}
          to: {policy: {guaranteeCoverage: 0.7}, credit: {soePreference: 0.2}}
          expected: {privateSmeCredit: "+", privateShareOutput: "-", governmentNetCost: "0"}
          source: Honohan 2010
      """;

  private static EffectsConfig parse(String text) {
    return EffectsLoader.parse(text, false, Path.of("."));
  }

  @Test
  void aPolicyResolvesToItsTwoScenariosOverTheBase() {
    EffectsConfig config = parse(GOOD);
    assertThat(config.replications()).isEqualTo(4);
    assertThat(config.masterSeed()).isEqualTo(3);
    EffectsConfig.Policy p = config.policies().get(0);
    assertThat(p.from().policy().guaranteeCoverage()).isEqualTo(0.0);
    assertThat(p.to().policy().guaranteeCoverage()).isEqualTo(0.7);
    assertThat(p.from().credit().soePreference()).isEqualTo(Scenario.DEFAULT.credit().soePreference());
    assertThat(p.to().credit().soePreference()).isEqualTo(0.2);
    assertThat(p.from().steps()).isEqualTo(20);
    assertThat(p.change()).isEqualTo("policy.guaranteeCoverage 0.0 → 0.7; credit.soePreference 0.5 → 0.2");
    assertThat(p.expected()).containsEntry(Outcome.privateSmeCredit, Sign.POSITIVE)
        .containsEntry(Outcome.privateShareOutput, Sign.NEGATIVE).containsEntry(Outcome.governmentNetCost, Sign.NONE)
        .doesNotContainKey(Outcome.privateInnovation);
    // The resolved file reads back as the same table.
    EffectsConfig again = parse(config.resolvedYaml());
    assertThat(again.policies().get(0).to()).isEqualTo(p.to().withSeed(p.to().seed()));
    assertThat(again.baseScenario()).isEqualTo(config.baseScenario());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "replications: 4|replications: 1|replications|[2, 10000]",
      "label: Financing guarantees|labl: x|policies[0].labl|did you mean 'label'?",
      "privateSmeCredit: \"+\"|privateSmeCredit: up|policies[0].expected.privateSmeCredit|expected \"+\", \"-\" or \"0\"",
      "privateSmeCredit: \"+\"|credit: \"+\"|policies[0].expected.credit|allowed keys here: privateInnovation",
      "to: {policy: {guaranteeCoverage: 0.7}, credit: {soePreference: 0.2}}|to: {policy: {guaranteeCoverage: 0.0}}|policies[0].to|the same scenario",
      "guaranteeCoverage: 0.7}|guaranteeCover: 0.7}|policies[0].to.policy.guaranteeCover|did you mean 'guaranteeCoverage'?",
      "name: guarantees|name: 2guarantees|policies[0].name|starting with a letter",
      "policies:|policy:|policy|allowed keys here"})
  void aBadFileIsRefusedNamingTheKey(String from, String to, String key, String fragment) {
    String text = GOOD.replace(from, to);
    assertThat(text).isNotEqualTo(GOOD);
    assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).keyPath()).isEqualTo(key)).hasMessageContaining(fragment);
  }

  @Test
  void aFileOfAnotherKindIsToldWhichCommandItIsFor() {
    assertThatThrownBy(() -> parse("firms: {count: 100}\n")).hasMessageContaining("this is a scenario file")
        .hasMessageContaining("use `run`");
    assertThatThrownBy(() -> parse("name: x\ndesign: {type: GRID}\n")).hasMessageContaining("this is an experiment file")
        .hasMessageContaining("use `sweep`");
    assertThatThrownBy(() -> ScenarioLoader.parse(GOOD, false)).hasMessageContaining("this is a policy-effects file")
        .hasMessageContaining("use `effects`");
    assertThatThrownBy(() -> ExperimentLoader.parse(GOOD, false, Path.of("."))).hasMessageContaining(
        "this is a policy-effects file").hasMessageContaining("`sweep` expects");
    assertThatThrownBy(() -> CalibrationLoader.parse(GOOD, false, Path.of("."))).hasMessageContaining(
        "this is a policy-effects file").hasMessageContaining("`calibrate` expects");
  }

  @Test
  void twoPoliciesOfOneNameAndAMissingListAreRefused() {
    String twice = GOOD + "  - name: guarantees\n    to: {policy: {guaranteeCoverage: 0.2}}\n";
    assertThatThrownBy(() -> parse(twice)).isInstanceOf(ConfigException.class).hasMessageContaining("policies[1].name")
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> parse("name: t\nreplications: 3\n")).isInstanceOf(ConfigException.class).hasMessageContaining("policies")
        .hasMessageContaining("is missing");
  }
}
