package org.nqpf.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nqpf.config.ExperimentConfig.DesignType;
import org.nqpf.config.ExperimentConfig.DistributionType;
import org.nqpf.config.ExperimentConfig.Parameter;
import org.nqpf.config.ExperimentConfig.TimeSeriesFormat;

/**
 * Reads experiment files (docs/EXPERIMENTS.md) with the strictness of scenario files: every key is
 * checked, a refusal names the key path, the value and what is allowed. The metric names are
 * checked by the caller against the model's metrics (this package does not know them).
 */
public final class ExperimentLoader {
  private static final List<String> KEYS = List.of("name", "base", "scenario", "steps", "burnIn", "replications",
      "masterSeed", "design", "parameters", "metrics", "timeSeries", "firmPanel", "formats");
  /** The top-level keys that only an experiment file has (a scenario file has none of them). */
  static final List<String> EXPERIMENT_ONLY_KEYS = List.of("base", "scenario", "replications", "masterSeed", "design",
      "parameters", "metrics", "timeSeries", "firmPanel", "formats");
  private static final List<String> DESIGN_KEYS = List.of("type", "samples");
  private static final List<String> PARAMETER_KEYS = List.of("key", "values", "range", "distribution");
  private static final List<String> RANGE_KEYS = List.of("from", "to", "step");
  private static final List<String> DISTRIBUTION_KEYS = List.of("type", "low", "high");
  /**
   * The most design points an experiment may have (docs/EXPERIMENTS.md), checked before the design
   * is built: every point is built, checked against the model and written to points.csv before
   * the first run (15 s for 100,000 points on a busy two-core machine), so that a typo in a grid
   * cannot stall a sweep for minutes with nothing to show.
   */
  public static final int MAX_POINTS = 100_000;
  /** The most runs (points × replications) an experiment may have. */
  public static final int MAX_RUNS = 10_000_000;

  private ExperimentLoader() {}

  public static ExperimentConfig load(Path file) {
    return load(file, Assignments.NONE);
  }

  /**
   * Loads an experiment file, with the command line's assignments laid over its base scenario
   * (after its {@code base} file, {@code scenario}, {@code steps} and {@code burnIn}).
   */
  public static ExperimentConfig load(Path file, Assignments sets) {
    String text = ScenarioLoader.readFile(file, "experiment");
    boolean json = ScenarioLoader.isJson(file);
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, json, dir, sets);
  }

  /** Parses an experiment; a {@code base} file is resolved against {@code dir}. */
  public static ExperimentConfig parse(String text, boolean json, Path dir) {
    return parse(text, json, dir, Assignments.NONE);
  }

  /** Parses an experiment, with the command line's assignments laid over its base scenario. */
  public static ExperimentConfig parse(String text, boolean json, Path dir, Assignments sets) {
    JsonNode root = ScenarioLoader.readTree(text, json);
    if (!root.isObject()) {
      throw new ConfigException("", "the experiment is not a mapping; expected a mapping of keys to values");
    }
    refuseScenarioFile(root);
    checkKeys(root, "", KEYS);
    String name = Check.name("name", text(root, "name", null));
    refuseUnread(sets);
    Scenario resolved = scenario(root, dir, name, sets);
    int replications = whole(root, "replications", 1, 1_000_000, 1);
    long masterSeed = root.has("masterSeed") ? longValue(root.get("masterSeed"), "masterSeed") : 0;
    ExperimentConfig.Design design = design(root.get("design"));
    List<Parameter> parameters = parameters(root.get("parameters"), resolved, design.type());
    refuseVaried(sets, parameters);
    long points = points(design, parameters);
    if (points * replications > MAX_RUNS) {
      throw new ConfigException("replications", "the experiment has " + points + " points × " + replications
          + " replications = " + points * replications + " runs; expected at most " + MAX_RUNS);
    }
    List<String> metrics = new ArrayList<>();
    if (root.has("metrics")) {
      JsonNode list = root.get("metrics");
      if (!list.isArray() || list.isEmpty()) {
        throw new ConfigException("metrics", "value " + list + " is not a non-empty list; expected a list of metric names");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!list.get(i).isTextual()) {
          throw new ConfigException("metrics[" + i + "]", "value " + list.get(i) + " is not text; expected a metric name");
        }
        metrics.add(list.get(i).asText());
      }
    }
    TimeSeriesFormat format = enumValue(root, "timeSeries", TimeSeriesFormat.class, TimeSeriesFormat.WIDE);
    int firmPanel = whole(root, "firmPanel", 1, 1_000_000, 0);
    return new ExperimentConfig(name, resolved, replications, masterSeed, design, parameters, metrics, format, firmPanel,
        formats(root.get("formats")));
  }

  /**
   * The scenario a file with {@code base}, {@code scenario}, {@code steps} and {@code burnIn} keys
   * resolves to (an experiment's or a calibration's), named {@code name}; a refusal names the key.
   */
  static Scenario scenario(JsonNode root, Path dir, String name) {
    return scenario(root, dir, name, Assignments.NONE);
  }

  /** The same, with the command line's assignments laid over the file's keys. */
  private static Scenario scenario(JsonNode root, Path dir, String name, Assignments sets) {
    Scenario base = Scenario.DEFAULT;
    if (root.has("base")) {
      String baseFile = text(root, "base", null);
      base = atPath("base", () -> ScenarioLoader.load(dir.resolve(baseFile)));
    }
    ObjectNode overrides = JsonNodeFactory.instance.objectNode();
    if (root.has("scenario")) {
      JsonNode scenario = root.get("scenario");
      if (!scenario.isObject()) {
        throw new ConfigException("scenario", "value " + scenario + " is not a mapping; expected a mapping of scenario keys");
      }
      overrides.setAll((ObjectNode) scenario);
    }
    if (root.has("steps")) {
      overrides.set("steps", root.get("steps"));
    }
    if (root.has("burnIn")) {
      overrides.set("burnIn", root.get("burnIn"));
    }
    overrides.put("name", name);
    Scenario resolved;
    try {
      resolved = ScenarioLoader.bindOver(base, overrides, sets);
    } catch (ConfigException e) {
      String key = e.keyPath();
      boolean topLevel = key.equals("steps") || key.equals("burnIn") || key.equals("name") || Assignments.isAttributed(e);
      throw topLevel ? e : e.under("scenario");
    }
    return resolved;
  }

  /**
   * Refuses an assignment to a key that no run of an experiment reads: the name (the experiment's
   * own names its runs and folder) and the seed (each run's derives from the master seed).
   */
  private static void refuseUnread(Assignments sets) {
    String name = sets.setting("name");
    if (name != null) {
      throw new ConfigException(Assignments.OPTION + " " + name, "an experiment's runs are named after the experiment"
          + " file's name; expected a key other than name (choose the results folder with --out)");
    }
    String seed = sets.setting("seed");
    if (seed != null) {
      throw new ConfigException(Assignments.OPTION + " " + seed, "an experiment's runs take their seeds from its"
          + " masterSeed, not from the scenario's seed; expected a key other than seed (change masterSeed in the"
          + " experiment file)");
    }
  }

  /** Refuses an assignment to a key the design varies: the parameter would overrule it in every run. */
  private static void refuseVaried(Assignments sets, List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      String key = parameters.get(i).key();
      String given = sets.setting(key);
      if (given != null) {
        throw new ConfigException(Assignments.OPTION + " " + given, "the key " + key + " is varied by the experiment"
            + " (parameters[" + i + "]), so every run would overrule it; expected a key the experiment does not vary"
            + " (change the parameter's values in the experiment file instead)");
      }
    }
  }

  /**
   * Refuses a calibration file given where an experiment is expected (it has a key only
   * calibrations have), and a scenario file (a scenario's top-level key and none that only
   * experiments have), with the command each is for.
   */
  private static void refuseScenarioFile(JsonNode root) {
    if (root.has(EffectsLoader.EFFECTS_ONLY_KEY)) {
      throw new ConfigException("", "this is a policy-effects file, not an experiment file (it has the key '"
          + EffectsLoader.EFFECTS_ONLY_KEY + "'): use `effects` for a policy-effects table; `sweep` expects an experiment"
          + " file (docs/EXPERIMENTS.md)");
    }
    for (String key : CalibrationLoader.CALIBRATION_ONLY_KEYS) {
      if (root.has(key)) {
        throw new ConfigException("", "this is a calibration file, not an experiment file (it has the calibration key '"
            + key + "'): use `calibrate` for a calibration; `sweep` expects an experiment file (docs/EXPERIMENTS.md)");
      }
    }
    for (String key : EXPERIMENT_ONLY_KEYS) {
      if (root.has(key)) {
        return;
      }
    }
    JsonNode scenarioKeys = ScenarioLoader.toTree(Scenario.DEFAULT);
    Iterator<String> keys = root.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KEYS.contains(key) && scenarioKeys.has(key)) {
        throw new ConfigException("", "this is a scenario file, not an experiment file (it has the scenario key '"
            + key + "' and none of " + String.join(", ", EXPERIMENT_ONLY_KEYS) + "): use `run` for a scenario;"
            + " `sweep` expects an experiment file (docs/EXPERIMENTS.md)");
      }
    }
  }

  /** The number of design points. */
  public static long points(ExperimentConfig.Design design, List<Parameter> parameters) {
    return switch (design.type()) {
      case GRID -> {
        long product = 1;
        List<String> sizes = new ArrayList<>();
        for (Parameter p : parameters) {
          try {
            product = Math.multiplyExact(product, p.values().size());
          } catch (ArithmeticException e) {
            product = Long.MAX_VALUE;
          }
          sizes.add(Integer.toString(p.values().size()));
        }
        if (product > MAX_POINTS) {
          throw new ConfigException("parameters", "the grid has " + String.join(" × ", sizes) + " = "
              + (product == Long.MAX_VALUE ? "too many" : Long.toString(product)) + " points, more than the " + MAX_POINTS
              + " a design may have (docs/EXPERIMENTS.md); expected fewer values, or a sampled design (RANDOM,"
              + " LATIN_HYPERCUBE, SOBOL)");
        }
        yield product;
      }
      case RANDOM, LATIN_HYPERCUBE -> design.samples();
      case SOBOL -> {
        long points = (long) design.samples() * (parameters.size() + 2);
        if (points > MAX_POINTS) {
          throw new ConfigException("design.samples", "value " + design.samples() + " with " + parameters.size()
              + " parameters gives " + design.samples() + " × " + (parameters.size() + 2) + " = " + points
              + " points, more than the " + MAX_POINTS + " a design may have (docs/EXPERIMENTS.md); expected fewer samples");
        }
        yield points;
      }
    };
  }

  private static ExperimentConfig.Design design(JsonNode node) {
    if (node == null) {
      return new ExperimentConfig.Design(DesignType.GRID, 0);
    }
    if (!node.isObject()) {
      throw new ConfigException("design", "value " + node + " is not a mapping; expected {type: ..., samples: ...}");
    }
    checkKeys(node, "design", DESIGN_KEYS);
    DesignType type = enumValue(node, "type", DesignType.class, DesignType.GRID, "design.type");
    int samples = whole(node, "samples", 0, MAX_POINTS, 0, "design.samples");
    if (type != DesignType.GRID && samples < 2) {
      throw new ConfigException("design.samples", "value " + samples + " is too small for a " + type
          + " design; expected a whole number >= 2");
    }
    return new ExperimentConfig.Design(type, samples);
  }

  private static List<Parameter> parameters(JsonNode node, Scenario base, DesignType design) {
    List<Parameter> parameters = new ArrayList<>();
    if (node == null) {
      if (design != DesignType.GRID) {
        throw new ConfigException("parameters", "missing; a " + design + " design needs at least one parameter");
      }
      return parameters;
    }
    if (!node.isArray()) {
      throw new ConfigException("parameters", "value " + node + " is not a list; expected a list of parameters");
    }
    ObjectNode tree = ScenarioLoader.toTree(base);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "parameters[" + i + "]";
      JsonNode p = node.get(i);
      if (!p.isObject()) {
        throw new ConfigException(at, "value " + p + " is not a mapping; expected {key: ..., values: [...]} or similar");
      }
      checkKeys(p, at, PARAMETER_KEYS);
      String key = text(p, "key", at + ".key");
      JsonNode leaf = leaf(tree, key);
      if (leaf == null || !leaf.isNumber()) {
        String suggestion = Suggest.closest(key, numericKeys(tree, ""));
        throw new ConfigException(at + ".key", "value \"" + key + "\" is not a numeric scenario key"
            + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
            + "; expected a dotted path to a number, for example policy.iprProtection");
      }
      if (seen.contains(key)) {
        throw new ConfigException(at + ".key", "value \"" + key + "\" is varied twice; expected each key once");
      }
      seen.add(key);
      boolean integer = leaf.isIntegralNumber();
      int given = (p.has("values") ? 1 : 0) + (p.has("range") ? 1 : 0) + (p.has("distribution") ? 1 : 0);
      if (given != 1) {
        throw new ConfigException(at, "has " + given + " of values, range and distribution; expected exactly one");
      }
      List<Double> values = null;
      DistributionType distribution = null;
      double low = 0;
      double high = 0;
      if (p.has("values")) {
        values = numbers(p.get("values"), at + ".values", integer);
      } else if (p.has("range")) {
        values = range(p.get("range"), at + ".range", integer);
      } else {
        JsonNode d = p.get("distribution");
        if (!d.isObject()) {
          throw new ConfigException(at + ".distribution", "value " + d + " is not a mapping; expected {type: UNIFORM, low: .., high: ..}");
        }
        checkKeys(d, at + ".distribution", DISTRIBUTION_KEYS);
        distribution = enumValue(d, "type", DistributionType.class, DistributionType.UNIFORM, at + ".distribution.type");
        low = number(d, "low", at + ".distribution.low");
        high = number(d, "high", at + ".distribution.high");
        if (high <= low) {
          throw new ConfigException(at + ".distribution.high", "value " + Check.format(high) + " is not above low ("
              + Check.format(low) + "); expected high > low");
        }
        if (distribution == DistributionType.LOG_UNIFORM && low <= 0) {
          throw new ConfigException(at + ".distribution.low", "value " + Check.format(low)
              + " is not positive; expected low > 0 for LOG_UNIFORM");
        }
      }
      if (design == DesignType.GRID && values == null) {
        throw new ConfigException(at, "has a distribution, but a GRID design needs values or a range");
      }
      Parameter parameter = new Parameter(key, values, distribution, low, high, integer);
      checkValues(base, parameter, at);
      parameters.add(parameter);
    }
    if (design != DesignType.GRID && parameters.isEmpty()) {
      throw new ConfigException("parameters", "is empty; a " + design + " design needs at least one parameter");
    }
    return parameters;
  }

  /** Refuses a parameter value that its scenario key does not allow, before any run. */
  static void checkValues(Scenario base, Parameter parameter, String at) {
    List<Double> probe = parameter.values() != null ? parameter.values()
        : List.of(parameter.at(0), parameter.at(0.5), parameter.at(1 - 1e-12), parameter.high());
    for (double value : probe) {
      try {
        withValue(base, parameter.key(), value, parameter.integer());
      } catch (ConfigException e) {
        throw new ConfigException(at, "value " + Check.format(value) + " is not allowed for " + parameter.key() + ": "
            + e.getMessage());
      }
    }
  }

  /** The base scenario with one dotted key set to {@code value}, checked like a scenario file. */
  public static Scenario withValue(Scenario base, String key, double value, boolean integer) {
    ObjectNode overrides = JsonNodeFactory.instance.objectNode();
    ObjectNode node = overrides;
    String[] parts = key.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.putObject(parts[i]);
    }
    if (integer) {
      node.put(parts[parts.length - 1], (long) value);
    } else {
      node.put(parts[parts.length - 1], value);
    }
    return ScenarioLoader.bindOver(base, overrides, "");
  }

  /** The base scenario with several keys set. */
  public static Scenario withValues(Scenario base, List<Parameter> parameters, double[] values) {
    ObjectNode overrides = JsonNodeFactory.instance.objectNode();
    for (int k = 0; k < values.length; k++) {
      Parameter parameter = parameters.get(k);
      ObjectNode node = overrides;
      String[] parts = parameter.key().split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
      }
      if (parameter.integer()) {
        node.put(parts[parts.length - 1], (long) values[k]);
      } else {
        node.put(parts[parts.length - 1], values[k]);
      }
    }
    return ScenarioLoader.bindOver(base, overrides, "");
  }

  /** The dotted paths of every numeric value in a scenario tree. */
  static List<String> numericKeys(JsonNode tree, String prefix) {
    List<String> keys = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      if (field.getValue().isObject()) {
        keys.addAll(numericKeys(field.getValue(), key + "."));
      } else if (field.getValue().isNumber()) {
        keys.add(key);
      }
    }
    return keys;
  }

  static JsonNode leaf(JsonNode tree, String key) {
    JsonNode node = tree;
    for (String part : key.split("\\.", -1)) {
      if (node == null || !node.isObject() || part.isEmpty()) {
        return null;
      }
      node = node.get(part);
    }
    return node;
  }

  private static List<Double> numbers(JsonNode list, String at, boolean integer) {
    if (!list.isArray() || list.isEmpty()) {
      throw new ConfigException(at, "value " + list + " is not a non-empty list; expected a list of numbers");
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      double v = numberValue(list.get(i), at + "[" + i + "]");
      if (integer && v != StrictMath.rint(v)) {
        throw new ConfigException(at + "[" + i + "]", "value " + Check.format(v) + " is not whole; expected a whole number (the key takes whole numbers)");
      }
      values.add(v);
    }
    return values;
  }

  private static List<Double> range(JsonNode node, String at, boolean integer) {
    if (!node.isObject()) {
      throw new ConfigException(at, "value " + node + " is not a mapping; expected {from: .., to: .., step: ..}");
    }
    checkKeys(node, at, RANGE_KEYS);
    BigDecimal from = BigDecimal.valueOf(number(node, "from", at + ".from"));
    BigDecimal to = BigDecimal.valueOf(number(node, "to", at + ".to"));
    BigDecimal step = BigDecimal.valueOf(number(node, "step", at + ".step"));
    if (step.signum() <= 0) {
      throw new ConfigException(at + ".step", "value " + step.toPlainString() + " is not positive; expected step > 0");
    }
    if (to.compareTo(from) < 0) {
      throw new ConfigException(at + ".to", "value " + to.toPlainString() + " is below from (" + from.toPlainString() + "); expected to >= from");
    }
    // Decimal arithmetic, so that 0.1 steps land exactly on their ends.
    List<Double> values = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      if (values.size() >= MAX_POINTS) {
        throw new ConfigException(at + ".step", "value " + step.toPlainString() + " gives more than " + MAX_POINTS + " values");
      }
      double d = v.doubleValue();
      if (integer && d != StrictMath.rint(d)) {
        throw new ConfigException(at, "gives the value " + v.toPlainString() + ", not whole; expected whole numbers (the key takes whole numbers)");
      }
      values.add(d);
    }
    return values;
  }

  static double number(JsonNode node, String key, String at) {
    if (!node.has(key)) {
      throw new ConfigException(at, "is missing; expected a number");
    }
    return numberValue(node.get(key), at);
  }

  static double numberValue(JsonNode value, String at) {
    if (!value.isNumber()) {
      throw new ConfigException(at, "value " + value + " is not a number; expected a number");
    }
    return Check.finite(at, value.asDouble());
  }

  static long longValue(JsonNode value, String at) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new ConfigException(at, "value " + value + " is not a whole number in range; expected a whole number in [0, "
          + Check.MAX_SEED + "]");
    }
    return Check.seed(at, value.asLong());
  }

  /** The {@code formats} list: {@code [csv]} (the default) or {@code [csv, parquet]}. */
  private static OutputFormats formats(JsonNode node) {
    if (node == null) {
      return OutputFormats.CSV;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new ConfigException("formats", "value " + node + " is not a non-empty list; expected [csv] or [csv, parquet]");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw new ConfigException("formats[" + i + "]", "value " + node.get(i) + " is not text; expected csv or parquet");
      }
      names.add(node.get(i).asText());
    }
    return OutputFormats.of("formats", names, node.toString());
  }

  static int whole(JsonNode node, String key, int min, int max, int otherwise) {
    return whole(node, key, min, max, otherwise, key);
  }

  static int whole(JsonNode node, String key, int min, int max, int otherwise, String at) {
    if (!node.has(key)) {
      return otherwise;
    }
    JsonNode value = node.get(key);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new ConfigException(at, "value " + value + " is not a whole number; expected a whole number in [" + min + ", " + max + "]");
    }
    return Check.count(at, value.asInt(), min, max);
  }

  static String text(JsonNode node, String key, String at) {
    String path = at == null ? key : at;
    JsonNode value = node.get(key);
    if (value == null) {
      throw new ConfigException(path, "is missing; expected text");
    }
    if (!value.isTextual()) {
      throw new ConfigException(path, "value " + value + " is not text; expected text");
    }
    return value.asText();
  }

  static <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type, E otherwise) {
    return enumValue(node, key, type, otherwise, key);
  }

  static <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type, E otherwise, String at) {
    if (!node.has(key)) {
      return otherwise;
    }
    JsonNode value = node.get(key);
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name());
      if (value.isTextual() && constant.name().equals(value.asText())) {
        return constant;
      }
    }
    throw new ConfigException(at, "value " + value + " is not allowed; expected one of " + String.join(", ", allowed));
  }

  static void checkKeys(JsonNode node, String at, List<String> allowed) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (!allowed.contains(key)) {
        String suggestion = Suggest.closest(key, allowed);
        throw new ConfigException(at.isEmpty() ? key : at + "." + key, "unknown key"
            + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + "; allowed keys here: "
            + String.join(", ", allowed));
      }
    }
  }

  private interface Loading<T> {
    T get();
  }

  private static <T> T atPath(String path, Loading<T> loading) {
    try {
      return loading.get();
    } catch (ConfigException e) {
      throw e.under(path);
    }
  }
}
