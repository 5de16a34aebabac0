package org.nqpf.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nqpf.config.EffectsConfig.Outcome;
import org.nqpf.config.EffectsConfig.Policy;
import org.nqpf.config.EffectsConfig.Sign;

/**
 * Reads policy-effects files (docs/EFFECTS.md) with the strictness of scenario and experiment
 * files: every key is checked (with a "did you mean" for a near miss), the base scenario resolves
 * as an experiment's does, and each policy's {@code from} and {@code to} bind over it as scenario
 * files do, so a refusal names the policy, the key, the value and what is allowed.
 */
public final class EffectsLoader {
  private static final List<String> KEYS = List.of("name", "base", "scenario", "steps", "burnIn", "replications",
      "masterSeed", "policies");
  private static final List<String> POLICY_KEYS = List.of("name", "label", "from", "to", "expected", "source");
  /** The key only a policy-effects file has, by which the other loaders know one. */
  static final String EFFECTS_ONLY_KEY = "policies";
  /** Most policies a table may have (each costs 2 × replications runs). */
  static final int MAX_POLICIES = 100;

  private EffectsLoader() {}

  public static EffectsConfig load(Path file) {
    String text = ScenarioLoader.readFile(file, "policy-effects");
    return parse(text, ScenarioLoader.isJson(file), file.toAbsolutePath().getParent());
  }

  /** The files a table reads (the file and its base scenario, if any), which its results folder must not contain. */
  public static Path[] inputs(Path file) {
    JsonNode root = ScenarioLoader.readTree(ScenarioLoader.readFile(file, "policy-effects"), ScenarioLoader.isJson(file));
    JsonNode base = root.path("base");
    if (!base.isTextual()) {
      return new Path[] {file};
    }
    return new Path[] {file, file.toAbsolutePath().getParent().resolve(base.asText())};
  }

  /** Parses a policy-effects file; a {@code base} file is resolved against {@code dir}. */
  public static EffectsConfig parse(String text, boolean json, Path dir) {
    JsonNode root = ScenarioLoader.readTree(text, json);
    if (!root.isObject()) {
      throw new ConfigException("", "the policy-effects file is not a mapping; expected a mapping of keys to values");
    }
    refuseOtherKinds(root);
    ExperimentLoader.checkKeys(root, "", KEYS);
    String name = Check.name("name", ExperimentLoader.text(root, "name", null));
    Scenario base = ExperimentLoader.scenario(root, dir, name);
    int replications = ExperimentLoader.whole(root, "replications", 2, 10_000, 20);
    long masterSeed = root.has("masterSeed") ? ExperimentLoader.longValue(root.get("masterSeed"), "masterSeed") : 0;
    JsonNode list = root.get("policies");
    if (list == null) {
      throw new ConfigException("policies", "is missing; expected a list of {name, label, from, to, expected, source}");
    }
    if (!list.isArray() || list.isEmpty() || list.size() > MAX_POLICIES) {
      throw new ConfigException("policies", "value is " + (list.isArray() ? "a list of " + list.size() : "not a list")
          + "; expected a list of 1 to " + MAX_POLICIES + " policies {name, label, from, to, expected, source}");
    }
    List<Policy> policies = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "policies[" + i + "]";
      Policy policy = policy(list.get(i), at, base);
      if (names.contains(policy.name())) {
        throw new ConfigException(at + ".name", "value \"" + policy.name() + "\" is given twice; expected a name of its own");
      }
      names.add(policy.name());
      policies.add(policy);
    }
    return new EffectsConfig(name, base, replications, masterSeed, policies, resolved(name, base, replications, masterSeed,
        list));
  }

  /** Refuses a calibration, an experiment or a scenario file given where a policy-effects file is expected. */
  private static void refuseOtherKinds(JsonNode root) {
    if (root.has(EFFECTS_ONLY_KEY)) {
      return;
    }
    for (String key : CalibrationLoader.CALIBRATION_ONLY_KEYS) {
      if (root.has(key)) {
        throw new ConfigException("", "this is a calibration file, not a policy-effects file (it has the calibration key '"
            + key + "'): use `calibrate` for a calibration; `effects` expects a policy-effects file (docs/EFFECTS.md)");
      }
    }
    for (String key : ExperimentLoader.EXPERIMENT_ONLY_KEYS) {
      if (root.has(key) && !KEYS.contains(key)) {
        throw new ConfigException("", "this is an experiment file, not a policy-effects file (it has the experiment key '"
            + key + "'): use `sweep` for an experiment; `effects` expects a policy-effects file (docs/EFFECTS.md)");
      }
    }
    for (String key : List.of("base", "scenario", "replications", "masterSeed")) {
      if (root.has(key)) {
        return; // not a scenario file: a misspelt key is refused as unknown
      }
    }
    JsonNode scenarioKeys = ScenarioLoader.toTree(Scenario.DEFAULT);
    Iterator<String> keys = root.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KEYS.contains(key) && scenarioKeys.has(key)) {
        throw new ConfigException("", "this is a scenario file, not a policy-effects file (it has the scenario key '" + key
            + "' and no policies): use `run` for a scenario; `effects` expects a policy-effects file (docs/EFFECTS.md)");
      }
    }
  }

  /** The file with its base scenario written out in full under {@code scenario} and the policies as given. */
  private static String resolved(String name, Scenario base, int replications, long masterSeed, JsonNode policies) {
    com.fasterxml.jackson.databind.node.ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .objectNode();
    root.put("name", name);
    com.fasterxml.jackson.databind.node.ObjectNode scenario = ScenarioLoader.toTree(base);
    scenario.remove("name");
    root.set("scenario", scenario);
    root.put("replications", replications);
    root.put("masterSeed", masterSeed);
    root.set("policies", policies.deepCopy());
    try {
      return YAML.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final com.fasterxml.jackson.dataformat.yaml.YAMLMapper YAML =
      com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
          .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private static Policy policy(JsonNode node, String at, Scenario base) {
    if (!node.isObject()) {
      throw new ConfigException(at, "value " + node + " is not a mapping; expected {name, label, from, to, expected, source}");
    }
    ExperimentLoader.checkKeys(node, at, POLICY_KEYS);
    String name = ExperimentLoader.text(node, "name", at + ".name");
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,39}")) {
      throw new ConfigException(at + ".name", "value \"" + name + "\" is not allowed; expected a word of 1-40 letters, digits,"
          + " '_' or '-', starting with a letter");
    }
    String label = node.has("label") ? ExperimentLoader.text(node, "label", at + ".label") : name;
    String source = node.has("source") ? ExperimentLoader.text(node, "source", at + ".source") : "";
    JsonNode fromNode = node.has("from") ? node.get("from") : ScenarioLoader.readTree("{}", true);
    if (!node.has("to")) {
      throw new ConfigException(at + ".to", "is missing; expected a mapping of the scenario keys the policy sets");
    }
    JsonNode toNode = node.get("to");
    Scenario from = ScenarioLoader.bindOver(base, fromNode, at + ".from");
    Scenario to = ScenarioLoader.bindOver(base, toNode, at + ".to");
    if (from.equals(to)) {
      throw new ConfigException(at + ".to", "sets the same scenario as " + at + ".from; expected the policy to change something");
    }
    Map<Outcome, Sign> expected = new EnumMap<>(Outcome.class);
    if (node.has("expected")) {
      JsonNode signs = node.get("expected");
      if (!signs.isObject()) {
        throw new ConfigException(at + ".expected", "value " + signs + " is not a mapping; expected a mapping of outcomes to"
            + " \"+\", \"-\" or \"0\"");
      }
      List<String> outcomes = new ArrayList<>();
      for (Outcome o : Outcome.values()) {
        outcomes.add(o.name());
      }
      ExperimentLoader.checkKeys(signs, at + ".expected", outcomes);
      Iterator<Map.Entry<String, JsonNode>> fields = signs.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        expected.put(Outcome.valueOf(field.getKey()), sign(field.getValue(), at + ".expected." + field.getKey()));
      }
    }
    return new Policy(name, label, from, to, change(base, fromNode, toNode), expected, source);
  }

  private static Sign sign(JsonNode value, String at) {
    String text = value.isTextual() ? value.asText() : value.isNumber() ? value.asText() : null;
    if (text != null) {
      switch (text) {
        case "+" -> {
          return Sign.POSITIVE;
        }
        case "-", "−" -> {
          return Sign.NEGATIVE;
        }
        case "0" -> {
          return Sign.NONE;
        }
        default -> {
        }
      }
    }
    throw new ConfigException(at, "value " + value + " is not a sign; expected \"+\", \"-\" or \"0\" (in quotes in YAML)");
  }

  /** "policy.guaranteeCoverage 0.0 → 0.7; ..." : every key either side sets, with the base's value where one side does not. */
  static String change(Scenario base, JsonNode from, JsonNode to) {
    Map<String, String> fromLeaves = new LinkedHashMap<>();
    Map<String, String> toLeaves = new LinkedHashMap<>();
    leaves(from, "", fromLeaves);
    leaves(to, "", toLeaves);
    List<String> keys = new ArrayList<>(fromLeaves.keySet());
    for (String key : toLeaves.keySet()) {
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    JsonNode baseTree = ScenarioLoader.toTree(base);
    List<String> parts = new ArrayList<>();
    for (String key : keys) {
      String before = fromLeaves.getOrDefault(key, text(ExperimentLoader.leaf(baseTree, key)));
      String after = toLeaves.getOrDefault(key, text(ExperimentLoader.leaf(baseTree, key)));
      parts.add(key + " " + before + " → " + after);
    }
    return String.join("; ", parts);
  }

  private static void leaves(JsonNode node, String prefix, Map<String, String> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (field.getValue().isObject()) {
        leaves(field.getValue(), key, out);
      } else {
        out.put(key, text(field.getValue()));
      }
    }
  }

  private static String text(JsonNode value) {
    return value == null ? "?" : value.isTextual() ? value.asText() : value.toString();
  }
}
