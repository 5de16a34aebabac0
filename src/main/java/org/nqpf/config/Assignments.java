package org.nqpf.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scenario keys set on the command line, {@code --set KEY=VALUE} (docs/CONFIG.md, "Setting keys on
 * the command line"): a dotted key path and a YAML value each, laid over the scenario in the order
 * given, each as if it were one more file naming that one key, so that the scenario's own checks
 * refuse the same mistakes. A refusal that an assignment caused names the assignment as typed.
 */
public final class Assignments {
  /** The option that gives the assignments; their refusals start with it. */
  public static final String OPTION = "--set";

  /** No assignment. */
  public static final Assignments NONE = new Assignments(List.of());

  /** A part of a dotted key: scenario keys are plain words. */
  private static final Pattern KEY_PART = Pattern.compile("[A-Za-z0-9_]+");

  private static final String EXPECTED = "expected KEY=VALUE, a dotted scenario key and its value, for example "
      + OPTION + " policy.rdSubsidyRate=0.3";

  private static final String VALUES = "a YAML value: a number, true or false, a word such as DECISION, text (in quotes"
      + " when it holds YAML's special characters), or a flow list [..] or mapping {..}";

  /** One assignment: as typed, its dotted key and its value. */
  private record Assignment(String given, String key, JsonNode value) {
    /** The assignment as a mapping of one key: {@code a.b=1} is {@code {a: {b: 1}}}. */
    ObjectNode tree() {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      ObjectNode node = root;
      String[] parts = key.split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        node = node.putObject(parts[i]);
      }
      node.set(parts[parts.length - 1], value.deepCopy());
      return root;
    }
  }

  private final List<Assignment> assignments;

  private Assignments(List<Assignment> assignments) {
    this.assignments = List.copyOf(assignments);
  }

  /**
   * Reads {@code KEY=VALUE} arguments, in the order given: the key up to the first {@code =}, the
   * value after it read as YAML. The keys are checked when the assignments are laid over a
   * scenario; an argument without a key or a value, or with a value that is not YAML, is refused here.
   */
  public static Assignments parse(List<String> given) {
    if (given == null || given.isEmpty()) {
      return NONE;
    }
    List<Assignment> assignments = new ArrayList<>();
    for (String text : given) {
      assignments.add(assignment(text));
    }
    return new Assignments(assignments);
  }

  private static Assignment assignment(String text) {
    int equals = text.indexOf('=');
    if (equals < 0) {
      throw new ConfigException(OPTION, "value \"" + text + "\" has no '='; " + EXPECTED);
    }
    String key = text.substring(0, equals).strip();
    String value = text.substring(equals + 1).strip();
    if (key.isEmpty()) {
      throw new ConfigException(OPTION, "value \"" + text + "\" has no key before '='; " + EXPECTED);
    }
    for (String part : key.split("\\.", -1)) {
      if (!KEY_PART.matcher(part).matches()) {
        throw new ConfigException(OPTION + " " + text, "key " + key + " has "
            + (part.isEmpty() ? "an empty part" : "the part \"" + part + "\", which is not a plain key")
            + "; expected a dotted path of scenario keys such as policy.rdSubsidyRate (a list is set whole:"
            + " policy.timeline=[{step: 10, lever: taxRate, value: 0.2}])");
      }
    }
    if (value.isEmpty()) {
      throw new ConfigException(OPTION + " " + text, "no value after '='; expected " + VALUES);
    }
    JsonNode node;
    try {
      node = ScenarioLoader.readYamlValue(value);
    } catch (ConfigException e) {
      String reason = e.getMessage();
      int at = reason.indexOf("; expected ");
      throw new ConfigException(OPTION + " " + text, "value " + value + " cannot be read ("
          + (at < 0 ? reason : reason.substring(0, at)) + "); expected " + VALUES);
    }
    return new Assignment(text, key, node);
  }

  /** Whether there is no assignment. */
  public boolean isEmpty() {
    return assignments.isEmpty();
  }

  /** The assignments as typed, in order (as the manifest records them). */
  public List<String> given() {
    return assignments.stream().map(Assignment::given).toList();
  }

  /**
   * The last assignment, as typed, that sets the value at the dotted {@code key} (itself, a key
   * inside it, or a mapping that holds it), or null if none does.
   */
  public String setting(String key) {
    for (int i = assignments.size() - 1; i >= 0; i--) {
      Assignment assignment = assignments.get(i);
      if (assignment.key().startsWith(key + ".") || ExperimentLoader.leaf(assignment.tree(), key) != null) {
        return assignment.given();
      }
    }
    return null;
  }

  /** Each assignment as a mapping of one key, in order: the layers laid over a scenario. */
  List<ObjectNode> layers() {
    return assignments.stream().map(Assignment::tree).toList();
  }

  /**
   * The refusal {@code e}, met while the assignments were laid over a scenario, named after the
   * last assignment to the key it names (or to a key above or below it); {@code e} itself when no
   * assignment touches that key (a file's mistake, or a rule between two keys).
   */
  ConfigException attribute(ConfigException e) {
    String path = e.keyPath();
    if (path.isEmpty()) {
      return e;
    }
    for (int i = assignments.size() - 1; i >= 0; i--) {
      Assignment assignment = assignments.get(i);
      String at = OPTION + " " + assignment.given();
      if (path.equals(assignment.key())) {
        return new ConfigException(at, e.getMessage().substring(path.length() + 2));
      }
      if (inside(path, assignment.key()) || inside(assignment.key(), path)) {
        return new ConfigException(at, e.getMessage());
      }
    }
    return e;
  }

  /** Whether a refusal names an assignment rather than a key of a file. */
  static boolean isAttributed(ConfigException e) {
    return e.keyPath().startsWith(OPTION);
  }

  private static boolean inside(String path, String outer) {
    return path.startsWith(outer + ".") || path.startsWith(outer + "[");
  }
}
