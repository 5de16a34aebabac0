package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;

/** A scenario's changes from the built-in baseline, as an experiment's report lists them. */
final class ScenarioChanges {
  private ScenarioChanges() {}

  /**
   * The scenario's keys (dotted) whose values differ from the built-in baseline, with the values
   * as written; the seed, steps, burn-in and name left out. Empty when {@code scenario} is not an
   * object or equals the baseline.
   */
  static Map<String, String> of(JsonNode scenario) {
    Map<String, String> changes = new LinkedHashMap<>();
    if (scenario.isObject()) {
      differences("", scenario, ScenarioLoader.toTree(Scenario.DEFAULT), changes);
    }
    changes.keySet().removeAll(List.of("seed", "steps", "burnIn", "name"));
    return changes;
  }

  private static void differences(String prefix, JsonNode given, JsonNode baseline, Map<String, String> changes) {
    Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      JsonNode value = field.getValue();
      JsonNode reference = baseline == null ? null : baseline.get(field.getKey());
      if (value.isObject() && reference != null && reference.isObject()) {
        differences(key + ".", value, reference, changes);
      } else if (reference == null || !sameValue(value, reference)) {
        changes.put(key, value.isValueNode() ? value.asText() : value.toString());
      }
    }
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble();
    }
    return a.equals(b);
  }
}
