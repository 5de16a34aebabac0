package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --set KEY=VALUE}: read as YAML, laid over a scenario in order, refused like a file's keys. */
class AssignmentsTest {
  @TempDir
  Path dir;

  private static Scenario set(String... given) {
    return ScenarioLoader.load(null, Assignments.parse(List.of(given)));
  }

  @Test
  void valuesAreReadAsYamlScalarsListsAndMappings() {
    Scenario scenario = set("policy.rdSubsidyRate=0.3", "firms.count=500", "mechanisms.ai=DECISION", "mechanisms.talent=FREE_HIRING",
        "demography.soeSoftBudget=false", "name=what-if", "universities={count: 3}",
        "policy.timeline=[{step: 10, lever: taxRate, value: 0.2}]");
    assertThat(scenario.policy().rdSubsidyRate()).isEqualTo(0.3);
    assertThat(scenario.firms().count()).isEqualTo(500);
    assertThat(scenario.mechanisms().ai()).isEqualTo(MechanismsConfig.Ai.DECISION);
    assertThat(scenario.mechanisms().talent()).isEqualTo(MechanismsConfig.Talent.FREE_HIRING);
    assertThat(scenario.demography().soeSoftBudget()).isFalse();
    assertThat(scenario.name()).isEqualTo("what-if");
    assertThat(scenario.universities().count()).isEqualTo(3);
    assertThat(scenario.universities().upstairsResearchers()).isEqualTo(Scenario.DEFAULT.universities().upstairsResearchers());
    assertThat(scenario.policy().timeline()).containsExactly(new PolicyChange(10, Lever.named("taxRate"), 0.2));
  }

  @Test
  void noAssignmentAndNoFileIsTheBaseline() {
    assertThat(ScenarioLoader.load(null, Assignments.NONE)).isSameAs(Scenario.DEFAULT);
    assertThat(Assignments.parse(List.of()).isEmpty()).isTrue();
  }

  @Test
  void theyGiveTheScenarioAFileWithTheSameValuesGives() throws Exception {
    Path file = Files.writeString(dir.resolve("same.yaml"),
        "policy: {rdSubsidyRate: 0.3}\nfirms: {count: 500}\nmechanisms: {ai: DECISION}\n");
    assertThat(set("policy.rdSubsidyRate=0.3", "firms.count=500", "mechanisms.ai=DECISION"))
        .isEqualTo(ScenarioLoader.load(file));
  }

  @Test
  void theFileComesFirstThenTheAssignmentsInOrderAndTheLastWins() throws Exception {
    Path file = Files.writeString(dir.resolve("file.yaml"), "seed: 7\npolicy: {taxRate: 0.2, iprProtection: 0.4}\n");
    Scenario scenario = ScenarioLoader.load(file, Assignments.parse(List.of(
        "policy.taxRate=0.1", "policy.taxRate=0.15", "policy={rdSubsidyRate: 0.05}")));
    assertThat(scenario.seed()).isEqualTo(7);
    assertThat(scenario.policy().taxRate()).isEqualTo(0.15);
    // A mapping is laid over the keys before it, as a file's section is laid over the defaults.
    assertThat(scenario.policy().rdSubsidyRate()).isEqualTo(0.05);
    assertThat(scenario.policy().iprProtection()).isEqualTo(0.4);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "firms.cuont=5                  | --set firms.cuont=5                  | unknown key (did you mean 'count'?); allowed keys here: capitalPerOutput, count,",
      "firm.count=5                   | --set firm.count=5                   | firm: unknown key (did you mean 'firms'?)",
      "policy.taxRate=1.5             | --set policy.taxRate=1.5             | value 1.5 is out of range; expected a probability in [0, 1]",
      "firms.count=2.5                | --set firms.count=2.5                | value 2.5 is not allowed; expected a whole number",
      "firms.count=many               | --set firms.count=many               | value \"many\" (text) has the wrong type; expected a whole number",
      "firms.count=null               | --set firms.count=null               | value null is not allowed; expected a whole number",
      "policy.taxRate=.nan            | --set policy.taxRate=.nan            | value NaN is not allowed; expected a finite number",
      "mechanisms.ai=ON               | --set mechanisms.ai=ON               | value \"ON\" (text) is not allowed; expected one of OFF, DIFFUSION, DECISION",
      "credit.guaranteeCoverage=0.5   | --set credit.guaranteeCoverage=0.5   | this key moved to policy.guaranteeCoverage",
      "firms.count.x=5                | --set firms.count.x=5                | firms.count: value {\"x\":5} (a mapping) has the wrong type",
      "policy.taxRate                 | --set                                | value \"policy.taxRate\" has no '='; expected KEY=VALUE",
      "=5                             | --set                                | value \"=5\" has no key before '='",
      "policy..taxRate=0.1            | --set policy..taxRate=0.1            | has an empty part; expected a dotted path of scenario keys",
      "policy.timeline[0].value=0.1   | --set policy.timeline[0].value=0.1   | the part \"timeline[0]\", which is not a plain key",
      "firms.count=                   | --set firms.count=                   | no value after '='; expected a YAML value",
      "firms.count=[1                 | --set firms.count=[1                 | value [1 cannot be read (malformed YAML at line 1, column 3",
  })
  void aBadAssignmentIsRefusedNamingItAsTyped(String given, String keyPath, String message) {
    assertThatThrownBy(() -> set("seed=1", given.strip()))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.keyPath()).isEqualTo(keyPath);
          assertThat(e.getMessage()).startsWith(keyPath + ": ").contains(message);
        });
  }

  @Test
  void aFileMistakeOrARuleBetweenTwoKeysKeepsItsOwnKeyPath() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "firms: {cuont: 5}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(file, Assignments.parse(List.of("firms.count=5"))))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.keyPath()).isEqualTo("firms.cuont"));
    assertThatThrownBy(() -> set("innovation.drawLow=0.3"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
            .startsWith("innovation.drawHigh: ").contains("below drawLow (0.3)"));
  }

  @Test
  void settingFindsTheLastAssignmentToAKeyWhereverItIsGiven() {
    Assignments sets = Assignments.parse(List.of("policy.taxRate=0.1", "policy={iprProtection: 0.5}", "seed=3"));
    assertThat(sets.setting("seed")).isEqualTo("seed=3");
    assertThat(sets.setting("policy.iprProtection")).isEqualTo("policy={iprProtection: 0.5}");
    assertThat(sets.setting("policy.taxRate")).isEqualTo("policy.taxRate=0.1");
    assertThat(sets.setting("policy.rdSubsidyRate")).isNull();
    assertThat(sets.given()).containsExactly("policy.taxRate=0.1", "policy={iprProtection: 0.5}", "seed=3");
  }

  @Test
  void anExperimentTakesThemAfterItsOwnScenarioKeys() {
    String yaml = "name: x\nscenario: {firms: {count: 80}, policy: {taxRate: 0.2}}\nsteps: 8\n"
        + "parameters: [{key: policy.iprProtection, values: [0.0, 0.8]}]\n";
    ExperimentConfig e = ExperimentLoader.parse(yaml, false, dir,
        Assignments.parse(List.of("policy.taxRate=0.3", "steps=6", "universities.count=2")));
    assertThat(e.baseScenario().firms().count()).isEqualTo(80);
    assertThat(e.baseScenario().policy().taxRate()).isEqualTo(0.3);
    assertThat(e.baseScenario().steps()).isEqualTo(6);
    assertThat(e.baseScenario().universities().count()).isEqualTo(2);
    assertThat(e.baseScenario().name()).isEqualTo("x");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "policy.iprProtection=0.5      | --set policy.iprProtection=0.5      | the key policy.iprProtection is varied by the experiment (parameters[0])",
      "policy={iprProtection: 0.5}   | --set policy={iprProtection: 0.5}   | the key policy.iprProtection is varied by the experiment",
      "seed=5                        | --set seed=5                        | masterSeed",
      "name=y                        | --set name=y                        | named after the experiment file's name",
      "firms.cuont=5                 | --set firms.cuont=5                 | unknown key (did you mean 'count'?)",
      "firms.count=0                 | --set firms.count=0                 | value 0 is out of range; expected a whole number in [1, 10000000]",
  })
  void anExperimentRefusesAnAssignmentItWouldNotUse(String given, String keyPath, String message) {
    String yaml = "name: x\nscenario: {firms: {count: 80}}\nparameters: [{key: policy.iprProtection, values: [0.0, 0.8]}]\n";
    assertThatThrownBy(() -> ExperimentLoader.parse(yaml, false, dir, Assignments.parse(List.of(given.strip()))))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.keyPath()).isEqualTo(keyPath);
          assertThat(e.getMessage()).contains(message);
        });
  }
}
