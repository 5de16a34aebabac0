package org.nqpf.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.CalibrationConfig.Fit;
import org.nqpf.config.CalibrationConfig.Moment;
import org.nqpf.config.CalibrationConfig.Profile;
import org.nqpf.config.ExperimentConfig.DistributionType;
import org.nqpf.config.ExperimentConfig.Parameter;

/**
 * Reads calibration files (docs/CALIBRATION.md) with the strictness of scenario and experiment
 * files, through the experiment loader's own checks: every key is checked (with a "did you mean"
 * for a near miss), the base scenario resolves as an experiment's does, and each parameter must be
 * a numeric scenario key whose whole range the scenario accepts. The statistics' names are checked
 * by the caller (this package does not know the model's metrics).
 */
public final class CalibrationLoader {
  private static final List<String> KEYS = List.of("name", "base", "scenario", "steps", "burnIn", "replications",
      "masterSeed", "parameters", "moments", "budget", "population", "bootstrap", "profile", "fit");
  /** The top-level keys that only a calibration file has (neither a scenario nor an experiment has them). */
  static final List<String> CALIBRATION_ONLY_KEYS = List.of("moments", "budget", "population", "bootstrap", "profile",
      "fit");
  private static final List<String> PARAMETER_KEYS = List.of("key", "low", "high", "start", "transform");
  private static final List<String> MOMENT_KEYS = List.of("name", "statistic", "target", "standardError", "weight");
  private static final List<String> PROFILE_KEYS = List.of("points", "width");
  private static final List<String> FIT_KEYS = List.of("replications", "masterSeed");

  /** How a parameter's range is searched: evenly, or evenly in its logarithm. */
  public enum Transform {
    LINEAR(DistributionType.UNIFORM),
    LOG(DistributionType.LOG_UNIFORM);

    private final DistributionType distribution;

    Transform(DistributionType distribution) {
      this.distribution = distribution;
    }

    public static Transform of(Parameter parameter) {
      return parameter.distribution() == DistributionType.LOG_UNIFORM ? LOG : LINEAR;
    }
  }

  private CalibrationLoader() {}

  public static CalibrationConfig load(Path file) {
    String text = ScenarioLoader.readFile(file, "calibration");
    return parse(text, ScenarioLoader.isJson(file), file.toAbsolutePath().getParent());
  }

  /**
   * The files a calibration reads, which its results folder must not contain: {@code file} and,
   * if it names one, its {@code base} scenario file (resolved as {@link #load} resolves it). For a
   * file that {@link #load} has read.
   */
  public static Path[] inputs(Path file) {
    JsonNode root = ScenarioLoader.readTree(ScenarioLoader.readFile(file, "calibration"), ScenarioLoader.isJson(file));
    JsonNode base = root.path("base");
    if (!base.isTextual()) {
      return new Path[] {file};
    }
    return new Path[] {file, file.toAbsolutePath().getParent().resolve(base.asText())};
  }

  /** Parses a calibration; a {@code base} file is resolved against {@code dir}. */
  public static CalibrationConfig parse(String text, boolean json, Path dir) {
    JsonNode root = ScenarioLoader.readTree(text, json);
    if (!root.isObject()) {
      throw new ConfigException("", "the calibration is not a mapping; expected a mapping of keys to values");
    }
    refuseOtherKinds(root);
    ExperimentLoader.checkKeys(root, "", KEYS);
    String name = Check.name("name", ExperimentLoader.text(root, "name", null));
    Scenario base = ExperimentLoader.scenario(root, dir, name);
    int replications = ExperimentLoader.whole(root, "replications", 1, 10_000, 4);
    long masterSeed = root.has("masterSeed") ? ExperimentLoader.longValue(root.get("masterSeed"), "masterSeed") : 0;
    if (!root.has("parameters")) {
      throw new ConfigException("parameters", "is missing; expected a list of {key, low, high} to estimate");
    }
    List<Parameter> parameters = new ArrayList<>();
    List<Double> start = new ArrayList<>();
    parameters(root.get("parameters"), base, parameters, start);
    if (!root.has("moments")) {
      throw new ConfigException("moments", "is missing; expected a list of {statistic, target} to match");
    }
    List<Moment> moments = moments(root.get("moments"));
    int budget = ExperimentLoader.whole(root, "budget", 2, 1_000_000, 200);
    int population = ExperimentLoader.whole(root, "population", 2, 10_000, 0);
    int bootstrap = ExperimentLoader.whole(root, "bootstrap", 10, 100_000, 200);
    Profile profile = profile(root.get("profile"));
    Fit fit = fit(root.get("fit"), replications, masterSeed);
    double[] starts = start.stream().mapToDouble(Double::doubleValue).toArray();
    return new CalibrationConfig(name, base, replications, masterSeed, parameters, starts, moments, budget, population,
        bootstrap, profile, fit);
  }

  /**
   * Refuses an experiment or a scenario file given where a calibration is expected, with the
   * command it is for: it has no key only calibrations have, and a key of the other kind's.
   */
  private static void refuseOtherKinds(JsonNode root) {
    if (root.has(EffectsLoader.EFFECTS_ONLY_KEY)) {
      throw new ConfigException("", "this is a policy-effects file, not a calibration file (it has the key '"
          + EffectsLoader.EFFECTS_ONLY_KEY + "'): use `effects` for a policy-effects table; `calibrate` expects a"
          + " calibration file (docs/CALIBRATION.md)");
    }
    for (String key : CALIBRATION_ONLY_KEYS) {
      if (root.has(key)) {
        return;
      }
    }
    for (String key : ExperimentLoader.EXPERIMENT_ONLY_KEYS) {
      if (root.has(key) && !KEYS.contains(key)) {
        throw new ConfigException("", "this is an experiment file, not a calibration file (it has the experiment key '"
            + key + "' and none of " + String.join(", ", CALIBRATION_ONLY_KEYS) + "): use `sweep` for an experiment;"
            + " `calibrate` expects a calibration file (docs/CALIBRATION.md)");
      }
    }
    JsonNode scenarioKeys = ScenarioLoader.toTree(Scenario.DEFAULT);
    java.util.Iterator<String> keys = root.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KEYS.contains(key) && scenarioKeys.has(key)) {
        throw new ConfigException("", "this is a scenario file, not a calibration file (it has the scenario key '" + key
            + "' and none of " + String.join(", ", CALIBRATION_ONLY_KEYS) + "): use `run` for a scenario; `calibrate`"
            + " expects a calibration file (docs/CALIBRATION.md)");
      }
    }
  }

  private static void parameters(JsonNode node, Scenario base, List<Parameter> parameters, List<Double> start) {
    if (!node.isArray() || node.isEmpty()) {
      throw new ConfigException("parameters", "value " + node + " is not a non-empty list; expected a list of {key, low, high}");
    }
    com.fasterxml.jackson.databind.node.ObjectNode tree = ScenarioLoader.toTree(base);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "parameters[" + i + "]";
      JsonNode p = node.get(i);
      if (!p.isObject()) {
        throw new ConfigException(at, "value " + p + " is not a mapping; expected {key: ..., low: ..., high: ...}");
      }
      ExperimentLoader.checkKeys(p, at, PARAMETER_KEYS);
      String key = ExperimentLoader.text(p, "key", at + ".key");
      JsonNode leaf = ExperimentLoader.leaf(tree, key);
      if (leaf == null || !leaf.isNumber()) {
        String suggestion = Suggest.closest(key, ExperimentLoader.numericKeys(tree, ""));
        throw new ConfigException(at + ".key", "value \"" + key + "\" is not a numeric scenario key"
            + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + "; expected a dotted path to a"
            + " number, for example policy.iprProtection");
      }
      if (seen.contains(key)) {
        throw new ConfigException(at + ".key", "value \"" + key + "\" is estimated twice; expected each key once");
      }
      seen.add(key);
      Transform transform = ExperimentLoader.enumValue(p, "transform", Transform.class, Transform.LINEAR, at + ".transform");
      double low = ExperimentLoader.number(p, "low", at + ".low");
      double high = ExperimentLoader.number(p, "high", at + ".high");
      if (high <= low) {
        throw new ConfigException(at + ".high", "value " + Check.format(high) + " is not above low (" + Check.format(low)
            + "); expected high > low");
      }
      if (transform == Transform.LOG && low <= 0) {
        throw new ConfigException(at + ".low", "value " + Check.format(low) + " is not positive; expected low > 0 for transform LOG");
      }
      Parameter parameter = new Parameter(key, null, transform.distribution, low, high, leaf.isIntegralNumber());
      for (String bound : List.of("low", "high")) {
        double value = bound.equals("low") ? low : high;
        try {
          ExperimentLoader.withValue(base, key, value, parameter.integer());
        } catch (ConfigException e) {
          throw new ConfigException(at + "." + bound, "value " + Check.format(value) + " is not allowed for " + key + ": "
              + e.getMessage());
        }
      }
      ExperimentLoader.checkValues(base, parameter, at);
      double first = p.has("start") ? ExperimentLoader.number(p, "start", at + ".start") : parameter.at(0.5);
      if (parameter.integer() && first != StrictMath.rint(first)) {
        throw new ConfigException(at + ".start", "value " + Check.format(first) + " is not whole; expected a whole number (the"
            + " key takes whole numbers)");
      }
      if (first < low || first > high) {
        throw new ConfigException(at + ".start", "value " + Check.format(first) + " is outside the bounds; expected a number in ["
            + Check.format(low) + ", " + Check.format(high) + "]");
      }
      parameters.add(parameter);
      start.add(first);
    }
  }

  private static List<Moment> moments(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw new ConfigException("moments", "value " + node + " is not a non-empty list; expected a list of {statistic, target}");
    }
    List<Moment> moments = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "moments[" + i + "]";
      JsonNode m = node.get(i);
      if (!m.isObject()) {
        throw new ConfigException(at, "value " + m + " is not a mapping; expected {statistic: ..., target: ...}");
      }
      ExperimentLoader.checkKeys(m, at, MOMENT_KEYS);
      String statistic = ExperimentLoader.text(m, "statistic", at + ".statistic");
      String name = m.has("name") ? ExperimentLoader.text(m, "name", at + ".name") : statistic;
      if (name.isBlank() || name.contains(",") || name.contains("\"") || name.contains("\n")) {
        throw new ConfigException(at + ".name", "value \"" + name + "\" is not allowed; expected a label without commas, quotes"
            + " or line breaks");
      }
      if (names.contains(name)) {
        throw new ConfigException(at + ".name", "value \"" + name + "\" names two moments; expected each name once (give"
            + " a name to tell the same statistic's moments apart)");
      }
      names.add(name);
      double target = ExperimentLoader.number(m, "target", at + ".target");
      if (m.has("standardError") && m.has("weight")) {
        throw new ConfigException(at, "has both standardError and weight; expected at most one");
      }
      double se = Double.NaN;
      double weight = Double.NaN;
      if (m.has("standardError")) {
        se = Check.positive(at + ".standardError", ExperimentLoader.number(m, "standardError", at + ".standardError"));
      }
      if (m.has("weight")) {
        weight = Check.positive(at + ".weight", ExperimentLoader.number(m, "weight", at + ".weight"));
      }
      moments.add(new Moment(name, statistic, target, se, weight));
    }
    return moments;
  }

  private static Profile profile(JsonNode node) {
    if (node == null) {
      return new Profile(11, 0.1);
    }
    if (!node.isObject()) {
      throw new ConfigException("profile", "value " + node + " is not a mapping; expected {points: .., width: ..}");
    }
    ExperimentLoader.checkKeys(node, "profile", PROFILE_KEYS);
    int points = ExperimentLoader.whole(node, "points", 3, 1001, 11, "profile.points");
    double width = node.has("width")
        ? Check.between("profile.width", ExperimentLoader.number(node, "width", "profile.width"), 1e-6, 1) : 0.1;
    return new Profile(points, width);
  }

  private static Fit fit(JsonNode node, int replications, long masterSeed) {
    long fresh = masterSeed == Long.MAX_VALUE ? 0 : masterSeed + 1;
    if (node == null) {
      return new Fit(Math.max(10, replications), fresh);
    }
    if (!node.isObject()) {
      throw new ConfigException("fit", "value " + node + " is not a mapping; expected {replications: .., masterSeed: ..}");
    }
    ExperimentLoader.checkKeys(node, "fit", FIT_KEYS);
    int runs = ExperimentLoader.whole(node, "replications", 2, 10_000, Math.max(10, replications), "fit.replications");
    long seed = node.has("masterSeed") ? ExperimentLoader.longValue(node.get("masterSeed"), "fit.masterSeed") : fresh;
    if (seed == masterSeed) {
      throw new ConfigException("fit.masterSeed", "value " + seed + " is the calibration's masterSeed; expected a master seed"
          + " the calibration did not use");
    }
    return new Fit(runs, seed);
  }
}
