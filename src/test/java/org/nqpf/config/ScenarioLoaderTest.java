package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioLoaderTest {

  private static final Path BASE_DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  private static final Path BASELINE = BASE_DIR.resolve("experiments").resolve("baseline.yaml");
  private static final Path CONFIG_DOC = BASE_DIR.resolve("docs").resolve("CONFIG.md");
  private static final ObjectMapper TREES = JsonMapper.builder().build();

  // ---------------------------------------------------------------- helpers

  /** Parses and expects a refusal: a ConfigException, never a Jackson exception. */
  private static ConfigException refusal(String text, boolean json) {
    Throwable thrown = catchThrowable(() -> ScenarioLoader.parse(text, json));
    assertThat(thrown).as("refusal of %s", text).isInstanceOf(ConfigException.class);
    return (ConfigException) thrown;
  }

  /**
   * Expects a refusal at {@code keyPath} whose message starts with the key path and contains each
   * fragment (the offending value, the allowed range) and says what is expected or allowed.
   */
  private static ConfigException assertRefused(String text, boolean json, String keyPath, String... fragments) {
    ConfigException e = refusal(text, json);
    assertThat(e.keyPath()).as("key path of the refusal of %s (message: %s)", text, e.getMessage()).isEqualTo(keyPath);
    if (!keyPath.isEmpty()) {
      assertThat(e.getMessage()).startsWith(keyPath + ": ");
    }
    assertThat(e.getMessage()).contains(fragments).containsAnyOf("expected", "allowed");
    return e;
  }

  private static Arguments refuse(String text, String keyPath, String... fragments) {
    return arguments(text, keyPath, fragments);
  }

  /** {@code a.b.c} and {@code v} as the YAML {@code a: {b: {c: v}}}. */
  private static String nested(String path, String value) {
    String[] keys = path.split("\\.");
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      yaml.append(i == 0 ? "" : "{").append(keys[i]).append(": ");
    }
    return yaml.append(value).append("}".repeat(keys.length - 1)).toString();
  }

  private static JsonNode canonicalTree(Scenario scenario) {
    try {
      return TREES.readTree(ScenarioLoader.canonicalJson(scenario));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Key paths at which two scenarios differ. */
  private static List<String> differences(Scenario a, Scenario b) {
    List<String> out = new ArrayList<>();
    diff(canonicalTree(a), canonicalTree(b), "", out);
    return out;
  }

  private static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
    if (a.isObject() && b.isObject()) {
      Iterator<String> names = a.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        diff(a.get(name), b.path(name), path.isEmpty() ? name : path + "." + name, out);
      }
    } else if (!a.equals(b)) {
      out.add(path);
    }
  }

  /** Dotted paths of every leaf (scalar) key of the default scenario, with the default value. */
  private static void leaves(JsonNode node, String path, List<Map.Entry<String, JsonNode>> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> leaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
    } else {
      out.add(Map.entry(path, node));
    }
  }

  private static List<Map.Entry<String, JsonNode>> defaultLeaves() {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    leaves(canonicalTree(Scenario.DEFAULT), "", out);
    return out;
  }

  static Stream<String> leafPaths() {
    return defaultLeaves().stream().map(Map.Entry::getKey);
  }

  /** Leaves whose value is a list (the policy timeline): a list is their type, not a wrong one. */
  private static boolean isListLeaf(String path) {
    return defaultLeaves().stream().anyMatch(e -> e.getKey().equals(path) && e.getValue().isArray());
  }

  static Stream<Arguments> numericLeaves() {
    return defaultLeaves().stream().filter(e -> e.getValue().isNumber())
        .map(e -> arguments(e.getKey(), e.getValue().isIntegralNumber()));
  }

  static Stream<String> mappingPaths() {
    List<String> out = new ArrayList<>();
    mappings(canonicalTree(Scenario.DEFAULT), "", out);
    return out.stream();
  }

  private static void mappings(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      out.add(path);
      node.fields().forEachRemaining(f -> mappings(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
    }
  }

  // ---------------------------------------------------------------- accepted input


  @Test
  void baselineFileParsesToTheDefaults() throws IOException {
    assertThat(ScenarioLoader.load(BASELINE)).isEqualTo(Scenario.DEFAULT);
    assertThat(ScenarioLoader.parse(Files.readString(BASELINE, StandardCharsets.UTF_8), false)).isEqualTo(Scenario.DEFAULT);
  }

  @Test
  void baselineSpellsOutEveryKeyInTheRecordsFieldOrder() throws IOException {
    YAMLMapper plain = new YAMLMapper();
    JsonNode file = plain.readTree(Files.readString(BASELINE, StandardCharsets.UTF_8));
    JsonNode records = plain.readTree(ScenarioLoader.toYaml(Scenario.DEFAULT));
    assertSameKeysInOrder(file, records, "");
  }

  private void assertSameKeysInOrder(JsonNode file, JsonNode records, String path) {
    List<String> fileKeys = new ArrayList<>();
    file.fieldNames().forEachRemaining(fileKeys::add);
    List<String> recordKeys = new ArrayList<>();
    records.fieldNames().forEachRemaining(recordKeys::add);
    assertThat(fileKeys).as("keys of %s in baseline.yaml", path.isEmpty() ? "the top level" : path)
        .containsExactlyElementsOf(recordKeys);
    for (String key : recordKeys) {
      if (records.get(key).isObject()) {
        assertSameKeysInOrder(file.get(key), records.get(key), path.isEmpty() ? key : path + "." + key);
      }
    }
  }

  @Test
  void everyKeyOfBaselineHasACommentAboveIt() throws IOException {
    List<String> lines = Files.readAllLines(BASELINE, StandardCharsets.UTF_8);
    String previous = "";
    for (String line : lines) {
      // Keys at the top level and in each section; sector weights share their parent's comment.
      if (line.matches("( {2})?[A-Za-z]+:.*")) {
        assertThat(previous.strip()).as("comment above '%s'", line.strip()).startsWith("#");
      }
      if (!line.isBlank()) {
        previous = line;
      }
    }
  }

  @Test
  void configurationReferenceNamesEveryKey() throws IOException {
    String doc = Files.readString(CONFIG_DOC, StandardCharsets.UTF_8);
    for (Map.Entry<String, JsonNode> leaf : defaultLeaves()) {
      String[] keys = leaf.getKey().split("\\.");
      assertThat(doc).as("docs/CONFIG.md mentions %s", leaf.getKey()).contains("`" + keys[keys.length - 1] + "`");
    }
  }

  @Test
  void configurationReferenceNamesEveryLeverAndAllowedWord() throws IOException {
    String doc = Files.readString(CONFIG_DOC, StandardCharsets.UTF_8);
    for (Lever lever : Lever.all()) {
      assertThat(doc).as("docs/CONFIG.md names lever %s", lever).contains("`" + lever.name() + "`");
    }
    List<Enum<?>> words = new ArrayList<>();
    words.addAll(List.of(PolicyConfig.Replenishment.values()));
    words.addAll(List.of(MechanismsConfig.Finance.values()));
    words.addAll(List.of(MechanismsConfig.Talent.values()));
    words.addAll(List.of(MechanismsConfig.Ai.values()));
    words.addAll(List.of(MechanismsConfig.Market.values()));
    for (Enum<?> word : words) {
      assertThat(doc).as("docs/CONFIG.md names %s.%s", word.getDeclaringClass().getSimpleName(), word.name())
          .contains("`" + word.name() + "`");
    }
  }

  @Test
  void configurationReferenceGivesTheCurrentDefaults() throws IOException {
    JsonNode defaults = canonicalTree(Scenario.DEFAULT);
    Pattern heading = Pattern.compile("### (?:`(\\w+)`|Top level).*");
    Pattern row = Pattern.compile("\\| `(\\w+)` \\| ([^|]*) \\|.*");
    String section = null;
    int checked = 0;
    for (String line : Files.readAllLines(CONFIG_DOC, StandardCharsets.UTF_8)) {
      Matcher h = heading.matcher(line);
      if (h.matches()) {
        section = h.group(1) == null ? "" : h.group(1);
        continue;
      }
      Matcher r = row.matcher(line);
      if (section == null || !r.matches()) {
        continue;
      }
      JsonNode value = section.isEmpty() ? defaults.get(r.group(1)) : defaults.path(section).get(r.group(1));
      String cell = r.group(2).strip().replace("`", "");
      String where = (section.isEmpty() ? "" : section + ".") + r.group(1);
      assertThat(value).as("docs/CONFIG.md documents %s, a key of the scenario", where).isNotNull();
      if (value.isObject() && section.isEmpty()) {
        continue;
      }
      if (value.isObject()) {
        String[] parts = cell.split("/");
        assertThat(parts).as("default of %s in docs/CONFIG.md", where).hasSize(3);
        String[] sectors = {"traditional", "strategicEmerging", "future"};
        for (int i = 0; i < 3; i++) {
          assertThat(Double.parseDouble(parts[i].strip())).as("default of %s.%s in docs/CONFIG.md", where, sectors[i])
              .isEqualTo(value.get(sectors[i]).asDouble());
        }
      } else if (value.isNumber()) {
        assertThat(Double.parseDouble(cell)).as("default of %s in docs/CONFIG.md", where).isEqualTo(value.asDouble());
      } else if (value.isArray()) {
        assertThat(cell).as("default of %s in docs/CONFIG.md", where).isEqualTo(value.toString());
      } else {
        assertThat(cell).as("default of %s in docs/CONFIG.md", where).isEqualTo(value.asText());
      }
      checked++;
    }
    // One row per top-level value and per key of each section (sector mappings take one row).
    int rows = 0;
    for (Iterator<JsonNode> top = defaults.elements(); top.hasNext(); ) {
      JsonNode node = top.next();
      rows += node.isObject() ? node.size() : 1;
    }
    assertThat(checked).as("default rows checked in docs/CONFIG.md").isEqualTo(rows);
  }

  @ParameterizedTest(name = "YAML {0}")
  @ValueSource(strings = {"", "   \n", "{}", "# only a comment\n", "---\n", "--- {}\n", "~", "null", "\uFEFF"})
  void emptyYamlDocumentsGiveTheDefaults(String text) {
    assertThat(ScenarioLoader.parse(text, false)).isEqualTo(Scenario.DEFAULT);
  }

  @ParameterizedTest(name = "JSON {0}")
  @ValueSource(strings = {"", "{}", "  {  }  \n", "null"})
  void emptyJsonDocumentsGiveTheDefaults(String text) {
    assertThat(ScenarioLoader.parse(text, true)).isEqualTo(Scenario.DEFAULT);
  }

  static Stream<Arguments> partialOverrides() {
    return Stream.of(
        arguments("seed: 7", List.of("seed")),
        arguments("name: other-run", List.of("name")),
        arguments("firms: {count: 5}", List.of("firms.count")),
        arguments("firms:\n  soeShare: 0.1\n", List.of("firms.soeShare")),
        arguments("market: {demandGrowth: {future: 0.03}}", List.of("market.demandGrowth.future")),
        arguments("policy: {taxRate: 0.3, iprProtection: 0.9}", List.of("policy.iprProtection", "policy.taxRate")),
        arguments("universities: {inventionSectors: {traditional: 0}}", List.of("universities.inventionSectors.traditional")),
        arguments("market: {wage: 2}", List.of("market.wage")),
        arguments("market: {fixedCost: 0}", List.of("market.fixedCost")),
        arguments("demography: {incubationAge: 12, soeSoftBudget: false}",
            List.of("demography.incubationAge", "demography.soeSoftBudget")),
        arguments("policy: {fundReplenishment: FIXED, fundTopUp: 0.001}",
            List.of("policy.fundReplenishment", "policy.fundTopUp")),
        arguments("policy: {timeline: [{step: 40, lever: rdSubsidyRate, value: 0.2}]}", List.of("policy.timeline")),
        arguments("{credit: {banks: 3}, policy: {guaranteeCoverage: 0.8}}", List.of("credit.banks", "policy.guaranteeCoverage")),
        arguments("talent: {maturationSteps: 4}", List.of("talent.maturationSteps")),
        arguments("ai: {rdCycleReduction: 0.5}", List.of("ai.rdCycleReduction")),
        arguments("mechanisms: {talent: FREE_HIRING}", List.of("mechanisms.talent")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partialOverrides")
  void aPartialOverrideChangesOnlyThatKey(String yaml, List<String> changed) {
    Scenario parsed = ScenarioLoader.parse(yaml, false);
    assertThat(differences(Scenario.DEFAULT, parsed)).containsExactlyInAnyOrderElementsOf(changed);
  }

  @Test
  void overridesBindTheGivenValues() {
    Scenario parsed = ScenarioLoader.parse("seed: 7\nfirms:\n  count: 5\nmarket:\n  demandGrowth:\n    future: 0.03\n", false);
    assertThat(parsed.seed()).isEqualTo(7);
    assertThat(parsed.firms().count()).isEqualTo(5);
    assertThat(parsed.market().demandGrowth().future()).isEqualTo(0.03);
    assertThat(parsed.market().demandGrowth().traditional()).isEqualTo(Scenario.DEFAULT.market().demandGrowth().traditional());
    assertThat(ScenarioLoader.parse("seed: 7", false)).isEqualTo(Scenario.DEFAULT.withSeed(7));
  }

  @Test
  void mechanismWordsBindUnquotedEvenWhereYamlWouldSeeABoolean() {
    assertThat(MechanismsConfig.DEFAULT).isEqualTo(new MechanismsConfig(
        MechanismsConfig.Finance.STARTUP_CREDIT, MechanismsConfig.Talent.MARKET, MechanismsConfig.Ai.DECISION,
        MechanismsConfig.Market.LINES, MechanismsConfig.Demand.INCOMES, MechanismsConfig.Innovation.ARRIVALS));
    assertThat(ScenarioLoader.parse("mechanisms: {finance: STARTUP_CREDIT, talent: MARKET, ai: DECISION}", false))
        .isEqualTo(Scenario.DEFAULT);
    // YAML 1.1 reads a bare OFF as false; the loader keeps it as the word, so the enum binds.
    Scenario off = ScenarioLoader.parse("mechanisms: {finance: INTERNAL_FUNDS, talent: FREE_HIRING, ai: OFF}", false);
    assertThat(off.mechanisms()).isEqualTo(new MechanismsConfig(
        MechanismsConfig.Finance.INTERNAL_FUNDS, MechanismsConfig.Talent.FREE_HIRING, MechanismsConfig.Ai.OFF,
        MechanismsConfig.Market.LINES, MechanismsConfig.Demand.INCOMES, MechanismsConfig.Innovation.ARRIVALS));
    assertThat(ScenarioLoader.parse("mechanisms: {ai: \"OFF\"}", false))
        .isEqualTo(ScenarioLoader.parse("mechanisms: {ai: OFF}", false));
    assertThat(differences(Scenario.DEFAULT, ScenarioLoader.parse("mechanisms: {ai: OFF}", false)))
        .containsExactly("mechanisms.ai");
  }

  @Test
  void fundReplenishmentBindsEachOfItsWords() {
    for (PolicyConfig.Replenishment rule : PolicyConfig.Replenishment.values()) {
      assertThat(ScenarioLoader.parse("policy: {fundReplenishment: " + rule.name() + "}", false).policy().fundReplenishment())
          .isEqualTo(rule);
    }
    assertThat(Scenario.DEFAULT.policy().fundReplenishment()).isEqualTo(PolicyConfig.Replenishment.MARKET);
  }

  @Test
  void aTimelineBindsItsEntriesInFileOrder() {
    Scenario parsed = ScenarioLoader.parse("policy:\n"
        + "  timeline:\n"
        + "    - {step: 0, lever: aiInfrastructure, value: 1}\n"
        + "    - {step: 40, lever: rdSubsidyRate, value: 0.9}\n"
        + "    - {step: 40, lever: rdSubsidyRate, value: 0.2}\n"
        + "    - step: 100\n"
        + "      lever: talentImportQuota\n"
        + "      value: 10\n", false);
    assertThat(parsed.policy().timeline()).containsExactly(
        new PolicyChange(0, Lever.named("aiInfrastructure"), 1),
        new PolicyChange(40, Lever.named("rdSubsidyRate"), 0.9),
        new PolicyChange(40, Lever.named("rdSubsidyRate"), 0.2),
        new PolicyChange(100, Lever.named("talentImportQuota"), 10));
    // The timeline changes nothing else: the levers keep their scenario values until the step.
    assertThat(differences(Scenario.DEFAULT, parsed)).containsExactly("policy.timeline");
    // Every lever is spelt as its policy key and accepts that key's default value.
    JsonNode policy = canonicalTree(Scenario.DEFAULT).get("policy");
    for (Lever lever : Lever.all()) {
      assertThat(policy.has(lever.name())).as("policy key for lever %s", lever).isTrue();
      Scenario one = ScenarioLoader.parse("policy: {timeline: [{step: 1, lever: " + lever.name() + ", value: "
          + policy.get(lever.name()).asText() + "}]}", false);
      assertThat(one.policy().timeline()).containsExactly(
          new PolicyChange(1, lever, policy.get(lever.name()).asDouble()));
    }
  }

  @Test
  void aTimelineInAFileReplacesTheDefaultListAndRoundTrips() {
    Scenario parsed = ScenarioLoader.parse(
        "{\"policy\": {\"timeline\": [{\"step\": 5, \"lever\": \"taxRate\", \"value\": 0.3}]}}", true);
    assertThat(parsed.policy().timeline()).containsExactly(new PolicyChange(5, Lever.named("taxRate"), 0.3));
    assertThat(ScenarioLoader.parse(ScenarioLoader.toYaml(parsed), false)).isEqualTo(parsed);
    assertThat(ScenarioLoader.parse(ScenarioLoader.canonicalJson(parsed), true)).isEqualTo(parsed);
    assertThat(ScenarioLoader.parse("policy: {timeline: []}", false)).isEqualTo(Scenario.DEFAULT);
  }

  @Test
  void aQuotedNumberIsAName() {
    assertThat(ScenarioLoader.parse("name: \"2024\"", false).name()).isEqualTo("2024");
  }

  @Test
  void jsonTextWorks() {
    Scenario parsed = ScenarioLoader.parse("{\"firms\": {\"count\": 5}, \"policy\": {\"taxRate\": 0.3}}", true);
    assertThat(differences(Scenario.DEFAULT, parsed)).containsExactlyInAnyOrder("firms.count", "policy.taxRate");
    assertThat(ScenarioLoader.parse(ScenarioLoader.canonicalJson(Scenario.DEFAULT), true)).isEqualTo(Scenario.DEFAULT);
  }

  @Test
  void jsonAndYamlFilesLoadByTheirExtension(@TempDir Path dir) throws IOException {
    Scenario changed = ScenarioLoader.parse("seed: 9\nfirms: {count: 50}\n", false);
    Path json = Files.writeString(dir.resolve("run.json"), ScenarioLoader.canonicalJson(changed));
    Path upper = Files.writeString(dir.resolve("RUN.JSON"), "{\"seed\": 9, \"firms\": {\"count\": 50}}");
    Path yaml = Files.writeString(dir.resolve("run.yml"), ScenarioLoader.toYaml(changed));
    assertThat(ScenarioLoader.load(json)).isEqualTo(changed);
    assertThat(ScenarioLoader.load(upper)).isEqualTo(changed);
    assertThat(ScenarioLoader.load(yaml)).isEqualTo(changed);
    // JSON text in a .json file is read as JSON: a YAML-only spelling is refused there.
    Path yamlInJson = Files.writeString(dir.resolve("bad.json"), "seed: 9\n");
    Throwable thrown = catchThrowable(() -> ScenarioLoader.load(yamlInJson));
    assertThat(thrown).isInstanceOf(ConfigException.class).hasMessageContaining("malformed JSON");
  }

  @Test
  void yamlRoundTripGivesAnEqualScenario() {
    assertThat(ScenarioLoader.parse(ScenarioLoader.toYaml(Scenario.DEFAULT), false)).isEqualTo(Scenario.DEFAULT);
    Scenario changed = ScenarioLoader.parse(
        "name: changed\nseed: 123\nfirms: {count: 77, soeShare: 0.5}\ninnovation: {drawLow: -0.2}\n"
            + "demography: {soeSoftBudget: false}\npolicy: {fundReplenishment: NONE}\ncredit: {banks: 2}\n"
            + "mechanisms: {ai: OFF}\n", false);
    assertThat(ScenarioLoader.parse(ScenarioLoader.toYaml(changed), false)).isEqualTo(changed);
  }

  @Test
  void canonicalJsonIsStableSortedAndLf() {
    String once = ScenarioLoader.canonicalJson(Scenario.DEFAULT);
    assertThat(ScenarioLoader.canonicalJson(Scenario.DEFAULT)).isEqualTo(once);
    assertThat(ScenarioLoader.canonicalJson(ScenarioLoader.load(BASELINE))).isEqualTo(once);
    assertThat(ScenarioLoader.canonicalJson(ScenarioLoader.parse("{}", true))).isEqualTo(once);
    assertThat(once).endsWith("}\n").doesNotContain("\r");
    List<String> top = new ArrayList<>();
    canonicalTree(Scenario.DEFAULT).fieldNames().forEachRemaining(top::add);
    assertThat(top).isSorted();
  }

  @Test
  void hashIdentifiesTheConfiguration() {
    String hash = ScenarioLoader.hash(Scenario.DEFAULT);
    assertThat(hash).matches("[0-9a-f]{64}");
    assertThat(ScenarioLoader.hash(ScenarioLoader.load(BASELINE))).isEqualTo(hash);
    assertThat(ScenarioLoader.hash(Scenario.DEFAULT.withSeed(43))).isNotEqualTo(hash);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("policy: {taxRate: 0.26}", false))).isNotEqualTo(hash);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("market: {demandGrowth: {future: 0.021}}", false)))
        .isNotEqualTo(hash);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("policy: {guaranteeCoverage: 0.7}", false))).isNotEqualTo(hash);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("mechanisms: {talent: FREE_HIRING}", false))).isNotEqualTo(hash);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("policy: {fundReplenishment: FIXED}", false))).isNotEqualTo(hash);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("demography: {soeSoftBudget: false}", false))).isNotEqualTo(hash);
    String withTimeline = ScenarioLoader.hash(ScenarioLoader.parse(
        "policy: {timeline: [{step: 40, lever: taxRate, value: 0.25}]}", false));
    assertThat(withTimeline).isNotEqualTo(hash);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("policy: {timeline: [{step: 41, lever: taxRate, value: 0.25}]}", false)))
        .isNotEqualTo(withTimeline);
    assertThat(ScenarioLoader.hash(ScenarioLoader.parse("policy: {timeline: []}", false))).isEqualTo(hash);
  }

  @Test
  void canonicalJsonHoldsEverySectionAndTheTimelineAsAList() {
    JsonNode tree = canonicalTree(Scenario.DEFAULT);
    List<String> top = new ArrayList<>();
    tree.fieldNames().forEachRemaining(top::add);
    assertThat(top).containsExactly("ai", "burnIn", "credit", "demand", "demography", "firms", "innovation", "market", "mechanisms",
        "name", "policy", "region", "seed", "steps", "talent", "universities");
    assertThat(tree.at("/policy/timeline").isArray()).isTrue();
    assertThat(tree.at("/policy/timeline").size()).isZero();
    assertThat(tree.at("/policy/fundReplenishment").asText()).isEqualTo("MARKET");
    assertThat(tree.at("/mechanisms/finance").asText()).isEqualTo("STARTUP_CREDIT");
    assertThat(tree.at("/demography/soeSoftBudget").isBoolean()).isTrue();
    JsonNode entry = canonicalTree(ScenarioLoader.parse("policy: {timeline: [{step: 3, lever: taxRate, value: 0.3}]}", false))
        .at("/policy/timeline/0");
    List<String> entryKeys = new ArrayList<>();
    entry.fieldNames().forEachRemaining(entryKeys::add);
    assertThat(entryKeys).containsExactly("lever", "step", "value");
  }

  // ---------------------------------------------------------------- refusals, key by key

  @ParameterizedTest(name = "{0}")
  @MethodSource("leafPaths")
  void everyKeyRefusesAList(String path) {
    if (isListLeaf(path)) {
      // A list is the timeline's own type: a list of numbers is refused at its first entry.
      assertRefused(nested(path, "[1, 2]"), false, path + "[0]", "value 1", "wrong type",
          "expected a mapping of keys to values");
    } else {
      assertRefused(nested(path, "[1, 2]"), false, path, "[1,2]", "a list", "wrong type");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leafPaths")
  void everyKeyRefusesNull(String path) {
    assertRefused(nested(path, "null"), false, path, "value null is not allowed", "leave the key out");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leafPaths")
  void everyKeyRefusesADuplicate(String path) {
    String[] keys = path.split("\\.");
    String last = keys[keys.length - 1];
    String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
    String twice = last + ": 1, " + last + ": 2";
    String yaml = parent.isEmpty() ? "{" + twice + "}" : nested(parent, "{" + twice + "}");
    assertRefused(yaml, false, path, "given twice", "1 and 2", "at most once");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numericLeaves")
  void everyNumberRefusesNotANumberAndInfinity(String path, boolean whole) {
    String expected = whole ? "expected a whole number" : "expected a finite number";
    assertRefused(nested(path, ".nan"), false, path, "NaN", expected);
    assertRefused(nested(path, ".inf"), false, path, "Infinity", expected);
    assertRefused(nested(path, "-.Inf"), false, path, "-Infinity", expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numericLeaves")
  void everyNumberRefusesText(String path, boolean whole) {
    assertRefused(nested(path, "\"many\""), false, path, "\"many\"", "wrong type",
        whole ? "expected a whole number" : "expected a number");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mappingPaths")
  void everyMappingRefusesAnUnknownKey(String path) {
    String key = path.isEmpty() ? "bogusKey" : path + ".bogusKey";
    assertRefused(nested(key, "1"), false, key, "unknown key", "allowed keys here");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mappingPaths")
  void everyMappingRefusesANumber(String path) {
    if (path.isEmpty()) {
      assertRefused("7", false, "", "the scenario is a number", "expected a mapping of keys to values");
    } else {
      assertRefused(nested(path, "7"), false, path, "value 7", "expected a mapping of keys to values");
    }
  }

  // ---------------------------------------------------------------- refusals by kind

  static Stream<Arguments> unknownKeys() {
    return Stream.of(
        refuse("bogus: 1", "bogus", "unknown key", "allowed keys here: ai, burnIn, credit, demand, demography, firms, innovation,"
            + " market, mechanisms, name, policy, region, seed, steps, talent, universities"),
        refuse("firms: {cuont: 5}", "firms.cuont", "unknown key", "did you mean 'count'?", "allowed keys here:",
            "soeShare"),
        refuse("firms: {privateSectors: {tradtional: 1}}", "firms.privateSectors.tradtional",
            "did you mean 'traditional'?", "allowed keys here: future, strategicEmerging, traditional"),
        refuse("Seed: 3", "Seed", "did you mean 'seed'?"),
        refuse("firm: {count: 5}", "firm", "did you mean 'firms'?"),
        refuse("policy: {subsidy: 0.1}", "policy.subsidy", "unknown key", "rdSubsidyRate"),
        refuse("mechanisms: {credit: BANKS}", "mechanisms.credit", "unknown key", "finance"),
        refuse("credit: {bank: 2}", "credit.bank", "did you mean 'banks'?", "capitalRequirement"),
        // A key that moved to another section says where it went.
        refuse("credit: {guaranteeCoverage: 0.7}", "credit.guaranteeCoverage", "moved to policy.guaranteeCoverage"),
        refuse("talent: {maturation: 4}", "talent.maturation", "unknown key", "maturationSteps"),
        refuse("ai: {rdCycleReductoin: 0.1}", "ai.rdCycleReductoin", "did you mean 'rdCycleReduction'?"),
        refuse("policy: {timeLine: []}", "policy.timeLine", "did you mean 'timeline'?"),
        refuse("policy: {timeline: [{step: 1, lever: taxRate, value: 0.3, when: 2}]}", "policy.timeline[0].when",
            "unknown key", "allowed keys here: lever, step, value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownKeys")
  void unknownKeysAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        refuse("firms: {count: \"many\"}", "firms.count", "\"many\"", "wrong type", "expected a whole number"),
        refuse("firms: {count: many}", "firms.count", "\"many\"", "expected a whole number"),
        refuse("firms: {count: 2.5}", "firms.count", "2.5", "expected a whole number"),
        refuse("firms: {count: 1e3}", "firms.count", "1000", "expected a whole number"),
        refuse("seed: 1.5", "seed", "1.5", "expected a whole number"),
        refuse("firms: {count: \"\"}", "firms.count", "\"\"", "expected a whole number"),
        refuse("firms: {count: true}", "firms.count", "true", "expected a whole number"),
        refuse("firms: {soeShare: \"x\"}", "firms.soeShare", "\"x\"", "expected a number"),
        refuse("firms: {soeShare: \"0.1\"}", "firms.soeShare", "\"0.1\"", "expected a number"),
        refuse("firms: {soeShare: true}", "firms.soeShare", "true", "expected a number"),
        refuse("firms: {count: {a: 1}}", "firms.count", "{\"a\":1}", "a mapping", "expected a whole number"),
        refuse("policy: {taxRate: {rate: 0.2}}", "policy.taxRate", "{\"rate\":0.2}", "a mapping", "expected a number"),
        refuse("firms: 5", "firms", "value 5", "expected a mapping of keys to values"),
        refuse("firms: many", "firms", "\"many\"", "expected a mapping of keys to values"),
        refuse("firms: [1, 2]", "firms", "[1,2]", "expected a mapping of keys to values"),
        refuse("market: {demandGrowth: 0.01}", "market.demandGrowth", "0.01", "expected a mapping of keys to values"),
        refuse("name: 5", "name", "value 5", "expected text", "quotes"),
        refuse("name: true", "name", "value true", "expected text"),
        refuse("name: [a]", "name", "[\"a\"]", "expected text"),
        refuse("steps: !!binary AAAA", "steps", "binary", "expected a whole number"),
        refuse("mechanisms: {ai: true}", "mechanisms.ai", "true", "one of OFF, DIFFUSION"),
        refuse("demography: {soeSoftBudget: yes}", "demography.soeSoftBudget", "\"yes\"", "wrong type", "expected a boolean"),
        refuse("demography: {soeSoftBudget: \"true\"}", "demography.soeSoftBudget", "\"true\"", "expected a boolean"),
        refuse("demography: {soeSoftBudget: 1}", "demography.soeSoftBudget", "value 1", "expected a boolean"),
        refuse("policy: {timeline: {step: 5, lever: taxRate, value: 0.3}}", "policy.timeline", "(a mapping)", "wrong type"),
        refuse("policy: {timeline: 5}", "policy.timeline", "value 5", "wrong type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongTypesAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> nonFiniteYaml() {
    return Stream.of(
        refuse("policy: {taxRate: .nan}", "policy.taxRate", "NaN", "expected a finite number"),
        refuse("policy: {taxRate: .NaN}", "policy.taxRate", "NaN", "expected a finite number"),
        refuse("firms: {soeShare: .inf}", "firms.soeShare", "Infinity", "expected a finite number"),
        refuse("market: {wage: .Inf}", "market.wage", "Infinity", "expected a finite number"),
        refuse("market: {wage: +.INF}", "market.wage", "Infinity", "expected a finite number"),
        refuse("innovation: {drawLow: -.inf}", "innovation.drawLow", "-Infinity", "expected a finite number"),
        refuse("market: {demandGrowth: {future: .nan}}", "market.demandGrowth.future", "NaN", "expected a finite number"),
        refuse("region: {width: 1e400}", "region.width", "Infinity", "expected a finite number"),
        refuse("firms: {count: .nan}", "firms.count", "NaN", "expected a whole number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonFiniteYaml")
  void nonFiniteNumbersAreRefusedInYaml(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> nonFiniteJson() {
    return Stream.of(
        refuse("{\"firms\": {\"soeShare\": NaN}}", "firms.soeShare", "NaN", "expected a finite number"),
        refuse("{\"market\": {\"wage\": Infinity}}", "market.wage", "Infinity", "expected a finite number"),
        refuse("{\"innovation\": {\"drawLow\": -Infinity}}", "innovation.drawLow", "-Infinity", "expected a finite number"),
        refuse("{\"firms\": {\"count\": NaN}}", "firms.count", "NaN", "expected a whole number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonFiniteJson")
  void nonFiniteNumbersAreRefusedInJson(String json, String keyPath, String[] fragments) {
    assertRefused(json, true, keyPath, fragments);
  }

  static Stream<Arguments> negativeCounts() {
    return Stream.of(
        refuse("firms: {count: -5}", "firms.count", "value -5 is negative", "expected a whole number in [1, 10000000]"),
        refuse("universities: {count: -1}", "universities.count", "-1", "[0, 100000]"),
        refuse("universities: {upstairsResearchers: -3}", "universities.upstairsResearchers", "-3", "[0, 1000000]"),
        refuse("universities: {downstairsEngineers: -3}", "universities.downstairsEngineers", "-3", "[0, 1000000]"),
        refuse("universities: {initialPartners: -1}", "universities.initialPartners", "-1", "[0, 10000]"),
        refuse("innovation: {imitationCandidates: -1}", "innovation.imitationCandidates", "-1", "[0, 1000]"),
        refuse("region: {industrialParks: -2}", "region.industrialParks", "-2", "[1, 10000]"),
        refuse("steps: -1", "steps", "-1", "[1, 1000000]"),
        refuse("burnIn: -1", "burnIn", "-1", "[0, 1000000]"),
        refuse("seed: -1", "seed", "-1", "negative", "expected a whole number in [0, 9007199254740991]"),
        refuse("seed: 9007199254740992", "seed", "9007199254740992", "above 2^53 - 1", "expected a whole number in [0, 9007199254740991]"),
        refuse("firms: {count: 0}", "firms.count", "value 0 is out of range", "[1, 10000000]"),
        refuse("steps: 0", "steps", "value 0", "[1, 1000000]"),
        refuse("universities: {inventionMaxAge: 0}", "universities.inventionMaxAge", "value 0", "[1, 10000]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negativeCounts")
  void negativeAndZeroCountsAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> hugeCounts() {
    return Stream.of(
        refuse("firms: {count: " + (Check.MAX_AGENTS + 1) + "}", "firms.count", String.valueOf(Check.MAX_AGENTS + 1),
            "out of range", "[1, " + Check.MAX_AGENTS + "]"),
        refuse("firms: {count: 20000000}", "firms.count", "20000000", "[1, 10000000]"),
        refuse("firms: {count: 2147483647}", "firms.count", "2147483647", "[1, 10000000]"),
        // Beyond Java's int: still refused with the key's own range, not Jackson's.
        refuse("firms: {count: 99999999999}", "firms.count", "99999999999", "out of range", "[1, 10000000]"),
        refuse("firms: {count: -99999999999}", "firms.count", "-99999999999", "[1, 10000000]"),
        refuse("steps: 2147483648", "steps", "2147483648", "[1, 1000000]"),
        refuse("universities: {upstairsResearchers: 1000001}", "universities.upstairsResearchers", "1000001",
            "[0, 1000000]"),
        refuse("{universities: {count: 100001}}", "universities.count", "100001", "[0, 100000]"),
        refuse("seed: 99999999999999999999999", "seed", "99999999999999999999999", "out of range",
            "[0, 9007199254740991]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hugeCounts")
  void hugeCountsAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  @Test
  void hugeCountsAreRefusedInJsonToo() {
    assertRefused("{\"firms\": {\"count\": 99999999999}}", true, "firms.count", "99999999999", "[1, 10000000]");
  }

  static Stream<Arguments> probabilities() {
    return Stream.of(
        refuse("policy: {taxRate: 1.5}", "policy.taxRate", "value 1.5 is out of range", "expected a probability in [0, 1]"),
        refuse("firms: {soeShare: -0.1}", "firms.soeShare", "-0.1", "[0, 1]"),
        refuse("firms: {soeShare: 2}", "firms.soeShare", "value 2", "[0, 1]"),
        refuse("policy: {rdSubsidyRate: -0.01}", "policy.rdSubsidyRate", "-0.01", "[0, 0.9]"),
        refuse("policy: {iprProtection: 1.01}", "policy.iprProtection", "1.01", "[0, 1]"),
        refuse("policy: {marketUnification: 7}", "policy.marketUnification", "7", "[0, 1]"),
        refuse("universities: {conversionProbability: 1.2}", "universities.conversionProbability", "1.2", "[0, 1]"),
        refuse("universities: {spinOffProbability: -1}", "universities.spinOffProbability", "-1", "[0, 1]"),
        refuse("universities: {inventionDecay: 3}", "universities.inventionDecay", "3", "[0, 1]"),
        refuse("innovation: {radicalProbability: 1.5}", "innovation.radicalProbability", "1.5", "[0, 1]"),
        refuse("firms: {rdIntensity: -0.5}", "firms.rdIntensity", "-0.5", "[0, 1]"),
        refuse("market: {depreciation: 1.1}", "market.depreciation", "1.1", "[0, 1]"),
        refuse("demography: {nearCampusEntryShare: 1.1}", "demography.nearCampusEntryShare", "1.1", "[0, 1]"),
        refuse("policy: {guaranteeCoverage: 1.5}", "policy.guaranteeCoverage", "value 1.5 is out of range",
            "expected a probability in [0, 1]"),
        refuse("credit: {smeLimitDiscount: -0.1}", "credit.smeLimitDiscount", "-0.1", "[0, 1]"),
        refuse("talent: {separationRate: 1.2}", "talent.separationRate", "1.2", "[0, 1]"),
        refuse("talent: {separationRate: 1.0}", "talent.retirementRate", "0.007 with separationRate 1",
            "separationRate + retirementRate at most 1"),
        refuse("ai: {baseHazard: 2}", "ai.baseHazard", "value 2", "[0, 1]"),
        refuse("policy: {aiInfrastructure: 1.5}", "policy.aiInfrastructure", "1.5", "[0, 1]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probabilities")
  void probabilitiesOutsideZeroOneAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> otherRanges() {
    return Stream.of(
        refuse("market: {wage: 0}", "market.wage", "value 0 is not positive", "expected a number > 0"),
        refuse("market: {researcherWage: -1}", "market.researcherWage", "-1", "expected a number > 0"),
        refuse("market: {replicatorSpeed: 11}", "market.replicatorSpeed", "11", "[0, 10]"),
        refuse("market: {soeWagePremium: 0.05}", "market.soeWagePremium", "0.05", "[0.1, 10]"),
        refuse("market: {fixedCost: -1}", "market.fixedCost", "-1", "[0, 1000000000]"),
        refuse("market: {demandGrowth: {future: 0.9}}", "market.demandGrowth.future", "0.9", "[-0.5, 0.5]"),
        refuse("region: {width: 5}", "region.width", "value 5", "[10, 1000000]"),
        refuse("region: {parkRadius: 60}", "region.parkRadius", "60", "less than half the region's smaller side (50)"),
        refuse("region: {downstairsRadius: 0}", "region.downstairsRadius", "value 0", "expected a number > 0"),
        refuse("universities: {facilityFactor: -1}", "universities.facilityFactor", "-1", "expected a number >= 0"),
        refuse("universities: {inventionValueLogMean: 3}", "universities.inventionValueLogMean", "3", "[-20, 2]"),
        refuse("firms: {privateMeanEmployment: 0.5}", "firms.privateMeanEmployment", "0.5", "[1, 1000000]"),
        refuse("innovation: {drawAlpha: 0}", "innovation.drawAlpha", "value 0", "[0.01, 1000]"),
        refuse("innovation: {imitationDistanceScale: 0}", "innovation.imitationDistanceScale", "0", "> 0"),
        refuse("demography: {entryRate: 2}", "demography.entryRate", "2", "[0, 1]"),
        refuse("demography: {entrantCash: -5}", "demography.entrantCash", "-5", "[0, 1000000000]"),
        refuse("demography: {incubationAge: -1}", "demography.incubationAge", "-1", "[0, 10000]"),
        refuse("policy: {rdSubsidyRate: 0.95}", "policy.rdSubsidyRate", "value 0.95 is out of range",
            "expected a number in [0, 0.9]"),
        refuse("policy: {rdSubsidyRate: 1}", "policy.rdSubsidyRate", "value 1", "[0, 0.9]"),
        refuse("policy: {specialLoanQuota: 11}", "policy.specialLoanQuota", "11", "[0, 10]"),
        refuse("policy: {talentImportQuota: -1}", "policy.talentImportQuota", "-1", "[0, 1000000]"),
        refuse("credit: {banks: 0}", "credit.banks", "value 0", "[1, 1000]"),
        refuse("credit: {capitalRequirement: 0}", "credit.capitalRequirement", "value 0", "[0.001, 1]"),
        refuse("credit: {loanMaturity: 0}", "credit.loanMaturity", "value 0", "[1, 400]"),
        refuse("talent: {maturationSteps: 0}", "talent.maturationSteps", "value 0 is out of range",
            "expected a whole number in [1, 400]"),
        refuse("talent: {soeAttractiveness: 0}", "talent.soeAttractiveness", "value 0", "[0.01, 100]"),
        refuse("talent: {acceptanceDistanceScale: 0}", "talent.acceptanceDistanceScale", "value 0", "> 0"),
        refuse("ai: {rdCycleReduction: 0.99}", "ai.rdCycleReduction", "value 0.99 is out of range",
            "expected a number in [0, 0.95]"),
        refuse("ai: {neighbourRadius: 0}", "ai.neighbourRadius", "value 0", "> 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherRanges")
  void valuesOutOfTheirRangeAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> enums() {
    return Stream.of(
        refuse("mechanisms: {finance: BANKS}", "mechanisms.finance", "\"BANKS\"", "is not allowed",
            "expected one of INTERNAL_FUNDS, CREDIT"),
        refuse("mechanisms: {finance: internal_funds}", "mechanisms.finance", "\"internal_funds\"",
            "one of INTERNAL_FUNDS, CREDIT"),
        refuse("mechanisms: {finance: credit}", "mechanisms.finance", "\"credit\"", "one of INTERNAL_FUNDS, CREDIT"),
        refuse("mechanisms: {finance: \"\"}", "mechanisms.finance", "\"\"", "one of INTERNAL_FUNDS, CREDIT"),
        refuse("mechanisms: {talent: 0}", "mechanisms.talent", "value 0", "one of FREE_HIRING, MARKET"),
        refuse("mechanisms: {talent: AUCTION}", "mechanisms.talent", "\"AUCTION\"", "one of FREE_HIRING, MARKET"),
        refuse("mechanisms: {talent: market}", "mechanisms.talent", "\"market\"", "one of FREE_HIRING, MARKET"),
        refuse("mechanisms: {ai: ON}", "mechanisms.ai", "\"ON\"", "one of OFF, DIFFUSION"),
        refuse("mechanisms: {ai: [OFF]}", "mechanisms.ai", "[\"OFF\"]", "one of OFF, DIFFUSION"),
        refuse("policy: {fundReplenishment: SOMETIMES}", "policy.fundReplenishment", "\"SOMETIMES\"", "is not allowed",
            "expected one of NONE, FIXED, MARKET"),
        refuse("policy: {fundReplenishment: market}", "policy.fundReplenishment", "\"market\"", "one of NONE, FIXED, MARKET"),
        refuse("policy: {fundReplenishment: 2}", "policy.fundReplenishment", "value 2", "one of NONE, FIXED, MARKET"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void invalidEnumValuesAreRefusedWithTheAllowedValues(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> nulls() {
    return Stream.of(
        refuse("firms: {count: null}", "firms.count", "null", "expected a whole number"),
        refuse("firms: {soeShare: ~}", "firms.soeShare", "null", "expected a number"),
        refuse("seed: null", "seed", "null", "expected a whole number"),
        refuse("seed:\n", "seed", "null", "expected a whole number"),
        refuse("name: null", "name", "null", "expected text"),
        refuse("firms: null", "firms", "null", "expected a mapping of keys to values"),
        refuse("firms:\n# count: 5\n", "firms", "null", "expected a mapping of keys to values"),
        refuse("firms: {privateSectors: null}", "firms.privateSectors", "null", "expected a mapping"),
        refuse("firms: {privateSectors: {future: null}}", "firms.privateSectors.future", "null", "expected a number"),
        refuse("mechanisms: {finance: null}", "mechanisms.finance", "null", "one of INTERNAL_FUNDS, CREDIT"),
        refuse("policy: {fundReplenishment: ~}", "policy.fundReplenishment", "null", "one of NONE, FIXED, MARKET"),
        refuse("policy: {timeline: null}", "policy.timeline", "null", "leave the key out"),
        refuse("demography: {soeSoftBudget: null}", "demography.soeSoftBudget", "null", "expected a boolean"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nulls")
  void nullIsRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  @Test
  void nullIsRefusedInJson() {
    assertRefused("{\"steps\": null}", true, "steps", "null", "expected a whole number");
  }

  static Stream<Arguments> malformedYaml() {
    return Stream.of(
        refuse("firms: {count: [1", "", "malformed YAML at line 1, column 18", "expected ',' or ']'"),
        refuse("a: b: c", "", "malformed YAML at line 1, column 5", "mapping values are not allowed"),
        refuse("firms:\n  count: 5\n soeShare: 0.1\n", "", "malformed YAML at line 3, column 2"),
        refuse("firms:\n\tcount: 5\n", "", "malformed YAML at line 2, column 1", "TAB"),
        refuse("name: \"unterminated\n", "", "malformed YAML", "quoted scalar"),
        refuse("firms: {count: 5", "", "malformed YAML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedYaml")
  void malformedYamlIsRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  static Stream<Arguments> malformedJson() {
    return Stream.of(
        refuse("{\"firms\": }", "", "malformed JSON at line 1, column 11", "Unexpected character"),
        refuse("{\"firms\": {\"count\": 5}", "", "malformed JSON"),
        refuse("{\"seed\": 1,}", "", "malformed JSON"),
        refuse("{seed: 1}", "", "malformed JSON"),
        refuse("// comment\n{}", "", "malformed JSON"),
        refuse("{\"a\": 1} x", "", "malformed JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJson")
  void malformedJsonIsRefused(String json, String keyPath, String[] fragments) {
    assertRefused(json, true, keyPath, fragments);
  }

  static Stream<Arguments> duplicates() {
    return Stream.of(
        refuse("firms:\n  count: 5\n  count: 6\n", "firms.count", "given twice", "5 and 6", "line 3", "at most once"),
        refuse("seed: 1\nseed: 2\n", "seed", "given twice", "1 and 2", "line 2"),
        refuse("firms: {count: 5}\nfirms: {soeShare: 0.1}\n", "firms", "given twice", "{\"count\":5}",
            "{\"soeShare\":0.1}"),
        refuse("firms: {privateSectors: {future: 1, future: 2}}", "firms.privateSectors.future", "given twice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("duplicates")
  void duplicateKeysAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  @Test
  void duplicateKeysAreRefusedInJson() {
    assertRefused("{\"seed\": 1, \"seed\": 2}", true, "seed", "given twice", "1 and 2");
    assertRefused("{\"firms\": {\"count\": 5, \"count\": 5}}", true, "firms.count", "given twice");
  }

  static Stream<Arguments> notAMapping() {
    return Stream.of(
        refuse("- a\n- b\n", "", "the scenario is a list, not a mapping", "expected a mapping of keys to values"),
        refuse("[]", "", "the scenario is a list", "expected a mapping"),
        refuse("5", "", "the scenario is a number", "expected a mapping"),
        // Text is not quoted: the file may be any file at all (base: /etc/passwd).
        refuse("baseline", "", "the scenario is a text of 8 characters (not shown)", "expected a mapping"),
        refuse("\"\"", "", "the scenario is a text of 0 characters", "expected a mapping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAMapping")
  void aScenarioThatIsNotAMappingIsRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  @Test
  void aJsonScenarioThatIsNotAnObjectIsRefused() {
    assertRefused("[1]", true, "", "the scenario is a list", "expected a mapping");
    assertRefused("\"x\"", true, "", "the scenario is a text of 1 characters", "expected a mapping");
  }

  @ParameterizedTest(name = "name: {0}")
  @ValueSource(strings = {"../x", "a/b", "..", "-x", ".hidden", "has space", "x\\\\y", "Ergebnis:1", "名前", ""})
  void invalidNamesAreRefused(String name) {
    String yaml = "name: \"" + name + "\"";
    String shown = name.replace("\\\\", "\\");
    assertRefused(yaml, false, "name", "\"" + shown + "\"", "letters, digits", "results folder");
  }

  @Test
  void tooLongANameIsRefused() {
    assertRefused("name: " + "a".repeat(65), false, "name", "1-64 characters");
    assertThat(ScenarioLoader.parse("name: " + "a".repeat(64), false).name()).hasSize(64);
  }

  static Stream<Arguments> crossChecks() {
    return Stream.of(
        refuse("innovation: {drawLow: 0.1, drawHigh: 0.05}", "innovation.drawHigh", "value 0.05", "below drawLow (0.1)",
            "expected drawHigh >= drawLow"),
        refuse("innovation: {drawLow: -0.15, drawHigh: -0.2}", "innovation.drawHigh", "-0.2", "drawLow (-0.15)"),
        refuse("innovation: {radicalLow: 0.6, radicalHigh: 0.5}", "innovation.radicalHigh", "value 0.5",
            "below radicalLow (0.6)", "expected radicalHigh >= radicalLow"),
        refuse("firms: {privateSectors: {traditional: 0, strategicEmerging: 0, future: 0}}", "firms.privateSectors",
            "traditional=0, strategicEmerging=0, future=0", "sum to 0", "expected at least one weight > 0"),
        refuse("firms: {soeSectors: {traditional: 0, strategicEmerging: 0}}", "firms.soeSectors", "sum to 0"),
        refuse("universities: {inventionSectors: {traditional: 0, strategicEmerging: 0, future: 0}}",
            "universities.inventionSectors", "sum to 0"),
        refuse("firms: {privateSectors: {future: -1}}", "firms.privateSectors.future", "-1", "expected a number >= 0"),
        refuse("market: {capitalCostRate: 0.5}", "market.capitalCostRate", "value 0.5", "below 1"),
        refuse("market: {wage: 1e12}", "market.wage", "value 1000000000000", "at most 1000 * market.researcherWage (2)"),
        refuse("market: {researcherWage: 1e-12}", "market.wage", "value 1", "at most 1000 * market.researcherWage"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crossChecks")
  void crossFieldChecksAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  /** The allowed levers as the refusal lists them: every lever, in declaration order. */
  private static String leverList() {
    List<String> names = new ArrayList<>();
    for (Lever lever : Lever.all()) {
      names.add(lever.name());
    }
    return String.join(", ", names);
  }

  static Stream<Arguments> timelineRefusals() {
    return Stream.of(
        // An unknown lever: the message lists every allowed lever.
        refuse("policy: {timeline: [{step: 10, lever: subsidy, value: 0.1}]}", "policy.timeline[0].lever",
            "value \"subsidy\" (text) is not allowed", "expected one of " + leverList()),
        refuse("policy: {timeline: [{step: 10, lever: TAXRATE, value: 0.3}]}", "policy.timeline[0].lever",
            "\"TAXRATE\"", "one of " + leverList()),
        // Not every policy key is a lever: fundReplenishment is a word.
        refuse("policy: {timeline: [{step: 10, lever: fundReplenishment, value: 1}]}", "policy.timeline[0].lever",
            "\"fundReplenishment\"", "one of " + leverList()),
        // A value out of its lever's range, with the lever's own range.
        refuse("policy: {timeline: [{step: 10, lever: taxRate, value: 1.5}]}", "policy.timeline[0].value",
            "for lever taxRate, value 1.5", "expected a probability in [0, 1]"),
        refuse("policy: {timeline: [{step: 10, lever: rdSubsidyRate, value: 0.95}]}", "policy.timeline[0].value",
            "for lever rdSubsidyRate, value 0.95", "expected a number in [0, 0.9]"),
        refuse("policy: {timeline: [{step: 10, lever: talentImportQuota, value: -1}]}", "policy.timeline[0].value",
            "for lever talentImportQuota, value -1", "[0, 1000000]"),
        refuse("policy: {timeline: [{step: 0, lever: aiInfrastructure, value: 1}, {step: 40, lever: incubationBudget,"
            + " value: 11}]}", "policy.timeline[1].value", "for lever incubationBudget, value 11", "[0, 10]"),
        // Steps out of order, named at the later entry.
        refuse("policy: {timeline: [{step: 20, lever: taxRate, value: 0.3}, {step: 10, lever: taxRate, value: 0.2}]}",
            "policy.timeline[1].step", "value 10 is earlier than the entry before it (20)",
            "expected the timeline in step order"),
        refuse("policy: {timeline: [{step: 5, lever: taxRate, value: 0.3}, {step: 9, lever: taxRate, value: 0.3},"
            + " {step: 8, lever: iprProtection, value: 0.5}]}", "policy.timeline[2].step", "value 8", "(9)", "step order"),
        // Each entry's keys are checked like any other key.
        refuse("policy: {timeline: [{step: -1, lever: taxRate, value: 0.3}]}", "policy.timeline[0].step", "-1",
            "[0, 1000000]"),
        refuse("policy: {timeline: [{step: 1000001, lever: taxRate, value: 0.3}]}", "policy.timeline[0].step", "1000001",
            "[0, 1000000]"),
        refuse("policy: {timeline: [{step: 2.5, lever: taxRate, value: 0.3}]}", "policy.timeline[0].step", "2.5",
            "expected a whole number"),
        refuse("policy: {timeline: [{step: 5, lever: taxRate, value: .nan}]}", "policy.timeline[0].value", "NaN",
            "expected a finite number"),
        refuse("policy: {timeline: [{step: 5, lever: taxRate, value: \"0.3\"}]}", "policy.timeline[0].value", "\"0.3\"",
            "expected a number"),
        refuse("policy: {timeline: [{step: 5, lever: taxRate}]}", "policy.timeline[0].value", "(missing)",
            "expected a number"),
        refuse("policy: {timeline: [{lever: taxRate, value: 0.3}]}", "policy.timeline[0].step", "(missing)",
            "expected a whole number"),
        refuse("policy: {timeline: [{step: 5, value: 0.3}]}", "policy.timeline[0].lever", "missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timelineRefusals")
  void badTimelinesAreRefused(String yaml, String keyPath, String[] fragments) {
    assertRefused(yaml, false, keyPath, fragments);
  }

  @Test
  void aTimelineValueOutOfRangeIsRefusedInJsonToo() {
    assertRefused("{\"policy\": {\"timeline\": [{\"step\": 3, \"lever\": \"rdSubsidyRate\", \"value\": 0.95}]}}", true,
        "policy.timeline[0].value", "0.95", "rdSubsidyRate", "[0, 0.9]");
  }

  @Test
  void moreThanOneDocumentIsRefused() {
    assertRefused("seed: 1\n---\nseed: 2\n", false, "", "a second YAML document", "line 3", "exactly one");
    assertRefused("{} {}", true, "", "a second JSON value", "exactly one");
  }

  /**
   * Configs are bound to the model's own records only, never by a type named in the input (no
   * polymorphic default typing): a YAML type tag naming a class does not choose the class — the
   * value binds as it would untagged, or is refused as the wrong shape — and a JSON-style
   * "@class" property is an unknown key.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "firms: !!java.net.URL [\"http://example.com\"]                  | firms",
      "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]] | name",
      "policy: {'@class': org.nqpf.config.PolicyConfig}                | policy.\"@class\"",
      "firms: {count: 5, '@type': java.lang.Runtime}                     | firms.\"@type\"",
  })
  void typeTagsAndClassPropertiesNeverChooseAClass(String yaml, String key) {
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, false))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.keyPath()).isEqualTo(key));
  }

  @Test
  void aTypeTagOnAMappingIsIgnoredNotInstantiated() {
    assertThat(ScenarioLoader.parse("firms: !!org.nqpf.config.FirmsConfig {count: 5}", false))
        .isEqualTo(ScenarioLoader.parse("firms: {count: 5}", false));
  }

  @Test
  void yamlAliasesAreRefused() {
    assertRefused("firms: &f {count: 5}\nuniversities: *f\n", false, "universities", "*f", "alias",
        "written out in full");
    assertRefused("name: *undefined", false, "name", "*undefined", "alias");
  }

  @Test
  void aMissingFileIsRefused(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    Throwable thrown = catchThrowable(() -> ScenarioLoader.load(missing));
    assertThat(thrown).isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist").hasMessageContaining("expected");
    assertThat(((ConfigException) thrown).keyPath()).isEmpty();
  }

  @Test
  void aDirectoryIsRefused(@TempDir Path dir) {
    Throwable thrown = catchThrowable(() -> ScenarioLoader.load(dir));
    assertThat(thrown).isInstanceOf(ConfigException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("cannot be read");
    assertThat(((ConfigException) thrown).keyPath()).isEmpty();
  }

  @Test
  void aRefusalInAFileNamesTheKeyPath(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "firms:\n  count: -5\n");
    Throwable thrown = catchThrowable(() -> ScenarioLoader.load(file));
    assertThat(thrown).isInstanceOf(ConfigException.class)
        .hasMessage("firms.count: value -5 is negative; expected a whole number in [1, 10000000]");
  }

  // ---------------------------------------------------------------- ConfigException

  @Test
  void configExceptionPlacesARefusalUnderItsParent() {
    ConfigException leaf = new ConfigException("count", "value -5 is negative; expected a whole number in [1, 10]");
    ConfigException placed = leaf.under("firms");
    assertThat(placed.keyPath()).isEqualTo("firms.count");
    assertThat(placed).hasMessage("firms.count: value -5 is negative; expected a whole number in [1, 10]");
    assertThat(placed.under("outer").keyPath()).isEqualTo("outer.firms.count");
    assertThat(leaf.under("")).isSameAs(leaf);

    ConfigException whole = new ConfigException("", "sum to 0; expected a weight > 0");
    assertThat(whole).hasMessage("sum to 0; expected a weight > 0");
    assertThat(whole.under("firms.privateSectors").keyPath()).isEqualTo("firms.privateSectors");
    assertThat(whole.under("firms.privateSectors")).hasMessage("firms.privateSectors: sum to 0; expected a weight > 0");
    assertThat(new ConfigException(null, "x").keyPath()).isEmpty();
  }
}
