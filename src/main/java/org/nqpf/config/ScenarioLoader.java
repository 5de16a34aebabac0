package org.nqpf.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads scenario files (YAML, or JSON by the {@code .json} extension) over the built-in defaults
 * and binds them to {@link Scenario}. A key left out keeps its default; an unknown key, a key given
 * twice, a wrong type, a null, a non-finite number or a value out of range is refused with a
 * {@link ConfigException} naming the key path. Values bind only to the fixed record types: no
 * polymorphic typing, no YAML aliases.
 */
public final class ScenarioLoader {

  /** YAML 1.1 spellings of infinity and not-a-number, which Jackson's YAML parser cannot convert. */
  private static final Pattern YAML_INFINITY = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)");
  private static final Pattern YAML_NAN = Pattern.compile("\\.(?:nan|NaN|NAN)");
  /** Longest rendering of an offending mapping or list quoted in a message. */
  private static final int SHOWN_CHARS = 60;
  /**
   * Deepest nesting of mappings and lists read (the scenario itself needs 3): deeper text is refused
   * with its key path before the parser's own limit (1000) refuses it without one.
   */
  static final int MAX_DEPTH = 100;

  /**
   * The largest scenario or experiment file read, checked on its size before it is read or parsed
   * (the largest shipped is a few KB; SnakeYAML takes seconds per megabyte of one long line).
   */
  public static final int MAX_FILE_BYTES = 256 * 1024;

  /**
   * SnakeYAML's own limits, for every YAML text this program reads: no more code points than the
   * file limit allows bytes, nesting a little deeper than {@link #MAX_DEPTH} (whose refusal names
   * the key path, so it comes first), and no aliases (refused by name while reading anyway).
   */
  static LoaderOptions yamlLimits() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH + 10);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  // Duplicate keys are detected while the tree is read (readValue), so that the refusal can name
  // the key path. "OFF", "on", "yes"... stay text so that enum values such as OFF bind; an empty
  // plain scalar (a bare "key:" or a lone "---") is null, as YAML says.
  private static final ObjectMapper YAML = configure(YAMLMapper.builder(
      YAMLFactory.builder()
          .loaderOptions(yamlLimits())
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .build()));
  private static final ObjectMapper JSON = configure(JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS));
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  /** Keys that moved to another section, and where they are now (a file with the old key is told so). */
  private static final Map<String, String> MOVED = Map.of(
      "credit.guaranteeCoverage", "policy.guaranteeCoverage",
      "credit.fundLeverage", "policy.fundLeverage",
      "credit.guaranteeFee", "policy.guaranteeFee");

  private ScenarioLoader() {}

  private static ObjectMapper configure(MapperBuilder<?, ?> builder) {
    ObjectMapper mapper = builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    mapper.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // Text keys (the name) take text only: a number or a boolean is a wrong type, not a string.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** Loads a scenario file over the defaults. */
  public static Scenario load(Path file) {
    return load(file, Assignments.NONE);
  }

  /**
   * Loads a scenario file over the defaults (or, when {@code file} is null, the defaults alone)
   * and lays the command line's assignments over it, in order, before the scenario is checked:
   * the file's keys and the assignments' are checked together, as one file would be.
   */
  public static Scenario load(Path file, Assignments sets) {
    if (file == null) {
      return sets.isEmpty() ? Scenario.DEFAULT : bind(YAML, YAML.valueToTree(Scenario.DEFAULT), sets);
    }
    return parse(readFile(file, "scenario"), isJson(file), "scenario file " + file, sets);
  }

  /** Whether a file is read as JSON (by its .json extension) rather than YAML. */
  public static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * Whether a scenario file sets no key at all (it is empty or holds only comments), so that it
   * runs the built-in defaults as they are.
   */
  public static boolean setsNoKey(Path file) {
    JsonNode tree = readTree(readFile(file, "scenario"), isJson(file));
    return tree.isObject() && tree.isEmpty();
  }

  /**
   * The text of a scenario or experiment file ({@code what} names which, for messages): its size
   * is checked against {@link #MAX_FILE_BYTES} before it is read; it must be UTF-8.
   */
  public static String readFile(Path file, String what) {
    byte[] bytes;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException("", what + " file " + file + " has " + Files.size(file) + " bytes, more than the "
            + MAX_FILE_BYTES + " a " + what + " file may have (docs/SECURITY.md); expected a YAML or JSON file of keys");
      }
      try (var in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw new ConfigException("", what + " file " + file + " does not exist; expected a readable YAML or JSON file");
    } catch (AccessDeniedException e) {
      throw new ConfigException("", what + " file " + file + " cannot be read (permission denied); expected a readable"
          + " UTF-8 YAML or JSON file");
    } catch (IOException e) {
      throw new ConfigException("", what + " file " + file + " cannot be read (" + (e.getMessage() == null
          ? "input/output error" : e.getMessage()) + "); expected a readable UTF-8 YAML or JSON file");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      // Not a regular file (a pipe, a device): refused once the limit is passed.
      throw new ConfigException("", what + " file " + file + " has more than the " + MAX_FILE_BYTES + " bytes a " + what
          + " file may have (docs/SECURITY.md); expected a YAML or JSON file of keys");
    }
    return utf8(file, bytes, what);
  }

  /** The file's bytes as UTF-8 text; a byte sequence that is not UTF-8 is refused with its place. */
  private static String utf8(Path file, byte[] bytes, String what) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ConfigException("", what + " file " + file + " is not UTF-8 text: byte 0x"
          + HexFormat.of().toHexDigits(bytes[Math.min(at, bytes.length - 1)]) + " at offset " + at + " (line " + line
          + ") is not valid UTF-8; expected a UTF-8 YAML or JSON file");
    }
    return out.flip().toString();
  }

  /** Parses scenario text (YAML, or JSON when {@code json}) over the defaults. */
  public static Scenario parse(String text, boolean json) {
    return parse(text, json, "the scenario", Assignments.NONE);
  }

  private static Scenario parse(String text, boolean json, String source, Assignments sets) {
    ObjectMapper mapper = json ? JSON : YAML;
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonNode user = readDocument(mapper, body, json);
    if (user.isNull()) {
      user = mapper.createObjectNode();
    }
    if (!user.isObject()) {
      // Not quoted: the file may be any file at all (base: /etc/passwd), whose contents are not ours to print.
      throw new ConfigException("", source + " is " + kind(user) + ", not a mapping; expected a mapping of keys to values");
    }
    if (user.has(EffectsLoader.EFFECTS_ONLY_KEY)) {
      throw new ConfigException("", "this is a policy-effects file, not a scenario file (it has the key '"
          + EffectsLoader.EFFECTS_ONLY_KEY + "'): use `effects` for a policy-effects table; this command expects a scenario"
          + " file (docs/CONFIG.md)");
    }
    for (String key : CalibrationLoader.CALIBRATION_ONLY_KEYS) {
      if (user.has(key)) {
        throw new ConfigException("", "this is a calibration file, not a scenario file (it has the calibration key '"
            + key + "'): use `calibrate` for a calibration; this command expects a scenario file (docs/CONFIG.md)");
      }
    }
    for (String key : ExperimentLoader.EXPERIMENT_ONLY_KEYS) {
      if (user.has(key)) {
        throw new ConfigException("", "this is an experiment file, not a scenario file (it has the experiment key '"
            + key + "'): use `sweep` for an experiment; this command expects a scenario file (docs/CONFIG.md)");
      }
    }
    ObjectNode merged = mapper.valueToTree(Scenario.DEFAULT);
    mergeInto(merged, (ObjectNode) user, "", Scenario.class);
    return bind(mapper, merged, sets);
  }

  /**
   * Reads YAML (or JSON) text into a tree with the same strictness as scenario files (duplicate
   * keys, aliases and malformed text refused with their place); an empty document reads as an
   * empty mapping. For other files that embed scenario keys, such as experiments.
   */
  public static JsonNode readTree(String text, boolean json) {
    ObjectMapper mapper = json ? JSON : YAML;
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonNode tree = readDocument(mapper, body, json);
    return tree.isNull() ? mapper.createObjectNode() : tree;
  }

  /**
   * Binds {@code overrides} (a mapping of scenario keys) over {@code base}, checked like a scenario
   * file; a refusal's key path is prefixed with {@code prefix} (for example {@code scenario}).
   */
  public static Scenario bindOver(Scenario base, JsonNode overrides, String prefix) {
    if (!overrides.isObject()) {
      throw new ConfigException(prefix, "the value is " + describe(overrides) + "; expected a mapping of scenario keys to values");
    }
    ObjectNode merged = YAML.valueToTree(base);
    try {
      mergeInto(merged, (ObjectNode) overrides.deepCopy(), "", Scenario.class);
      return bind(YAML, merged);
    } catch (ConfigException e) {
      throw e.under(prefix);
    }
  }

  /**
   * Binds {@code overrides} (a mapping of scenario keys) over {@code base}, then the command line's
   * assignments over both, checked like a scenario file; a refusal an assignment caused names it.
   */
  public static Scenario bindOver(Scenario base, JsonNode overrides, Assignments sets) {
    if (!overrides.isObject()) {
      throw new ConfigException("", "the value is " + describe(overrides) + "; expected a mapping of scenario keys to values");
    }
    ObjectNode merged = YAML.valueToTree(base);
    mergeInto(merged, (ObjectNode) overrides.deepCopy(), "", Scenario.class);
    return bind(YAML, merged, sets);
  }

  /**
   * One value as {@code --set} gives it (a scalar, or a flow list or mapping), read with the
   * strictness of a scenario file; empty text reads as null.
   */
  static JsonNode readYamlValue(String text) {
    return readDocument(YAML, text, false);
  }

  /** The scenario as a tree of its keys (the form {@link #bindOver} merges into). */
  public static ObjectNode toTree(Scenario scenario) {
    return YAML.valueToTree(scenario);
  }

  /** Reads one document into a tree; an empty document reads as null. */
  private static JsonNode readDocument(ObjectMapper mapper, String text, boolean json) {
    String format = json ? "JSON" : "YAML";
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      if (parser.nextToken() == null) {
        return mapper.getNodeFactory().nullNode();
      }
      JsonNode root = readValue(parser, mapper.getNodeFactory(), "", json);
      if (parser.nextToken() != null) {
        throw new ConfigException("", "a second " + (json ? "JSON value" : "YAML document") + " starts at "
            + location(parser.currentTokenLocation()) + "; expected exactly one scenario per file");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(format, e);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read the " + format + " text: " + e.getMessage());
    }
  }

  /** A syntax error: where it is and what the parser found, from SnakeYAML's own report if there is one. */
  private static ConfigException malformed(String format, JsonProcessingException e) {
    String problem = e.getOriginalMessage();
    String where = location(e.getLocation());
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      problem = (yaml.getProblem() == null ? problem : yaml.getProblem())
          + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
      where = "line " + (yaml.getProblemMark().getLine() + 1) + ", column " + (yaml.getProblemMark().getColumn() + 1);
    }
    return new ConfigException("", "malformed " + format + (where.isEmpty() ? "" : " at " + where) + ": " + problem
        + "; expected well-formed " + format + " holding a mapping of keys to values");
  }

  /**
   * The value at the parser's current token as a tree. Unlike Jackson's own tree reader, it names
   * the key path of a duplicate key, reads YAML's .nan and .inf, and refuses YAML aliases.
   */
  private static JsonNode readValue(JsonParser p, JsonNodeFactory nodes, String path, boolean json) throws IOException {
    JsonToken token = p.currentToken();
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new ConfigException(path, "value *" + p.getText() + " is a YAML alias, which is not supported;"
          + " expected the value written out in full");
    }
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth(path) >= MAX_DEPTH) {
      throw new ConfigException(outer(path), "value is nested more than " + MAX_DEPTH
          + " mappings or lists deep; expected a scenario value (at most 3 levels of nesting)");
    }
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation where = p.currentTokenLocation();
          String childPath = path.isEmpty() ? key : path + "." + key;
          p.nextToken();
          JsonNode value = readValue(p, nodes, childPath, json);
          if (object.has(key)) {
            throw new ConfigException(childPath, "key given twice in the same mapping (again at "
                + location(where) + "), with values " + describe(object.get(key)) + " and " + describe(value)
                + "; expected each key at most once");
          }
          object.set(key, value);
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(p, nodes, path + "[" + index + "]", json));
          index++;
        }
        return array;
      }
      case VALUE_STRING:
        return nodes.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return readInteger(p, nodes, path);
      case VALUE_NUMBER_FLOAT:
        return readFloat(p, nodes, path, json);
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      case VALUE_EMBEDDED_OBJECT: {
        Object embedded = p.getEmbeddedObject();
        return embedded instanceof byte[] bytes ? nodes.binaryNode(bytes) : nodes.pojoNode(embedded);
      }
      default:
        throw new ConfigException(path, "unexpected " + token + " at " + location(p.currentTokenLocation()));
    }
  }

  /** Levels of nesting of a key path such as {@code a.b[0].c}: its segments. */
  private static int depth(String path) {
    if (path.isEmpty()) {
      return 0;
    }
    int depth = 1;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        depth++;
      }
    }
    return depth;
  }

  /** The first few segments of a deeply nested key path, enough to find it in the file. */
  private static String outer(String path) {
    int segments = 0;
    for (int i = 0; i < path.length(); i++) {
      if ((path.charAt(i) == '.' || path.charAt(i) == '[') && ++segments == 4) {
        return path.substring(0, i);
      }
    }
    return path;
  }

  private static JsonNode readInteger(JsonParser p, JsonNodeFactory nodes, String path) throws IOException {
    String text = p.getText();
    try {
      return switch (p.getNumberType()) {
        case INT -> nodes.numberNode(p.getIntValue());
        case LONG -> nodes.numberNode(p.getLongValue());
        default -> nodes.numberNode(p.getBigIntegerValue());
      };
    } catch (JsonProcessingException e) {
      throw new ConfigException(path, "value " + text + " cannot be read as a number; expected a number");
    }
  }

  private static JsonNode readFloat(JsonParser p, JsonNodeFactory nodes, String path, boolean json) throws IOException {
    String text = p.getText();
    if (!json && YAML_NAN.matcher(text).matches()) {
      return nodes.numberNode(Double.NaN);
    }
    if (!json && YAML_INFINITY.matcher(text).matches()) {
      return nodes.numberNode(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    try {
      return nodes.numberNode(p.getDoubleValue());
    } catch (JsonProcessingException e) {
      throw new ConfigException(path, "value " + text + " cannot be read as a number; expected a number");
    }
  }

  /** Lays the user's tree over the defaults, key by key; {@code type} is the record at this level. */
  private static void mergeInto(ObjectNode base, ObjectNode overlay, String path, Class<?> type) {
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      String childPath = path.isEmpty() ? key : path + "." + key;
      JsonNode value = field.getValue();
      Class<?> childType = componentType(type, key);
      if (value.isNull() && childType != null) {
        throw new ConfigException(childPath, "value null is not allowed; expected " + expected(childType)
            + " (leave the key out to keep the default)");
      }
      JsonNode existing = base.get(key);
      if (existing != null && existing.isObject() && value.isObject()) {
        mergeInto((ObjectNode) existing, (ObjectNode) value, childPath, childType);
      } else {
        base.set(key, value);
      }
    }
  }

  /** Lays the assignments over {@code merged}, in order, and binds the result. */
  private static Scenario bind(ObjectMapper mapper, ObjectNode merged, Assignments sets) {
    try {
      for (ObjectNode layer : sets.layers()) {
        mergeInto(merged, layer, "", Scenario.class);
      }
      return bind(mapper, merged);
    } catch (ConfigException e) {
      throw sets.attribute(e);
    }
  }

  private static Scenario bind(ObjectMapper mapper, JsonNode tree) {
    try {
      return mapper.treeToValue(tree, Scenario.class);
    } catch (JsonMappingException e) {
      throw refusal(mapper, tree, e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", e.getOriginalMessage());
    }
  }

  /** Translates Jackson's binding failure into a refusal that names the key path, value and what is allowed. */
  private static ConfigException refusal(ObjectMapper mapper, JsonNode tree, JsonMappingException e) {
    String path = path(e.getPath());
    if (e instanceof ValueInstantiationException) {
      if (e.getCause() instanceof ConfigException ce) {
        return ce.under(path);
      }
      return new ConfigException(path, "cannot be built: " + e.getOriginalMessage());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String parent = path(u.getPath().subList(0, u.getPath().size() - 1));
      // A key that is empty or not a plain word is shown in quotes, so that the message still names it.
      String name = u.getPropertyName();
      String key = name.matches("[A-Za-z0-9_-]+") ? name
          : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      List<String> known = new ArrayList<>();
      Collection<Object> ids = u.getKnownPropertyIds();
      if (ids != null) {
        ids.forEach(id -> known.add(String.valueOf(id)));
      }
      known.sort(null);
      String suggestion = u.getPropertyName().isEmpty() ? null : Suggest.closest(key, known);
      String full = parent.isEmpty() ? key : parent + "." + key;
      if (MOVED.containsKey(full)) {
        return new ConfigException(full, "this key moved to " + MOVED.get(full) + " (a policy lever now); expected it there");
      }
      return new ConfigException(parent.isEmpty() ? key : parent + "." + key,
          "unknown key" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
              + "; allowed keys here: " + String.join(", ", known));
    }
    JsonNode bad = at(tree, e.getPath());
    Class<?> target = typeAt(e.getPath());
    if (target == null && e instanceof MismatchedInputException m) {
      target = m.getTargetType();
    }
    if (bad != null && bad.isIntegralNumber() && isWhole(target)
        && !(target == long.class || target == Long.class ? bad.canConvertToLong() : bad.canConvertToInt())) {
      return outOfRange(mapper, tree, e.getPath(), bad, target);
    }
    String expected = target == null ? "a value of another type" : expected(target);
    if (target == String.class && bad != null && bad.isValueNode() && !bad.isTextual()) {
      expected += " (put it in quotes: \"" + bad.asText() + "\")";
    }
    if (e instanceof InvalidFormatException f) {
      return new ConfigException(path, "value " + (bad != null ? describe(bad) : quote(f.getValue()))
          + " is not allowed; expected " + expected);
    }
    if (e instanceof MismatchedInputException) {
      return new ConfigException(path, "value " + describe(bad) + " has the wrong type; expected " + expected);
    }
    return new ConfigException(path, "value " + describe(bad) + " is not allowed: " + e.getOriginalMessage());
  }

  /**
   * A whole number too large for its Java type: the refusal quotes the allowed range that the
   * record's own check gives for the nearest representable value.
   */
  private static ConfigException outOfRange(ObjectMapper mapper, JsonNode tree,
      List<JsonMappingException.Reference> refs, JsonNode bad, Class<?> target) {
    String path = path(refs);
    boolean high = bad.bigIntegerValue().signum() > 0;
    boolean isLong = target == long.class || target == Long.class;
    long nearest = isLong ? (high ? Long.MAX_VALUE : Long.MIN_VALUE) : (high ? Integer.MAX_VALUE : Integer.MIN_VALUE);
    String expected = "expected a whole number " + (high ? "<= " : ">= ") + nearest;
    JsonNode copy = tree.deepCopy();
    JsonNode parent = at(copy, refs.subList(0, refs.size() - 1));
    String key = refs.get(refs.size() - 1).getFieldName();
    if (parent instanceof ObjectNode object && key != null) {
      object.put(key, nearest);
      ConfigException again = null;
      try {
        mapper.treeToValue(copy, Scenario.class);
      } catch (JsonMappingException e) {
        again = refusal(mapper, copy, e);
      } catch (JsonProcessingException e) {
        again = null;
      }
      if (again != null && again.keyPath().equals(path)) {
        String message = again.getMessage();
        int at = message.indexOf("; expected ");
        if (at >= 0) {
          expected = message.substring(at + 2);
        }
      }
    }
    return new ConfigException(path, "value " + bad + " is out of range; " + expected);
  }

  /** The canonical form of a resolved scenario: JSON, keys sorted, two-space indent, LF. */
  public static String canonicalJson(Scenario scenario) {
    try {
      return CANONICAL.writeValueAsString(scenario).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a scenario", e);
    }
  }

  /** The resolved scenario as YAML, in the records' field order (the file a user edits). */
  public static String toYaml(Scenario scenario) {
    try {
      return YAML.writeValueAsString(scenario);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a scenario", e);
    }
  }

  /** SHA-256 of the canonical JSON: the identity of a configuration. */
  public static String hash(Scenario scenario) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonicalJson(scenario).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The type of a record component, or null if {@code type} is not a record or has no such key. */
  private static Class<?> componentType(Class<?> type, String key) {
    if (type == null || !type.isRecord()) {
      return null;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(key)) {
        return component.getType();
      }
    }
    return null;
  }

  /** The Java type bound at a key path below {@link Scenario}, or null if none. */
  private static Class<?> typeAt(List<JsonMappingException.Reference> refs) {
    Class<?> type = Scenario.class;
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() == null) {
        return null;
      }
      type = componentType(type, ref.getFieldName());
      if (type == null) {
        return null;
      }
    }
    return refs.isEmpty() ? null : type;
  }

  private static JsonNode at(JsonNode root, List<JsonMappingException.Reference> refs) {
    JsonNode node = root;
    for (JsonMappingException.Reference ref : refs) {
      if (node == null) {
        return null;
      }
      node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
    }
    return node;
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** A value as a message quotes it: numbers and words as written, text in quotes, containers shortened. */
  /** What a node is, without its contents. */
  private static String kind(JsonNode node) {
    if (node.isTextual()) {
      return "a text of " + node.asText().length() + " characters (not shown)";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "a " + node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(missing)";
    }
    if (node.isObject()) {
      return shorten(node.toString()) + " (a mapping)";
    }
    if (node.isArray()) {
      return shorten(node.toString()) + " (a list)";
    }
    if (node.isTextual()) {
      return "\"" + shorten(node.asText()) + "\" (text)";
    }
    if (node.isBinary()) {
      return "binary data";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isNumber() ? node.asText() : node.toString();
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS - 3) + "...";
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static boolean isWhole(Class<?> type) {
    return type == int.class || type == Integer.class || type == long.class || type == Long.class;
  }

  /** What a key of this Java type takes, as a message says it. */
  private static String expected(Class<?> type) {
    if (isWhole(type)) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "text";
    }
    if (type.isEnum()) {
      return "one of " + enumValues(type);
    }
    if (type.isRecord()) {
      return "a mapping of keys to values";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a " + type.getSimpleName();
  }

  private static String enumValues(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    return String.join(", ", names);
  }

  private static String location(JsonLocation where) {
    return where == null || where.getLineNr() < 0 ? ""
        : "line " + where.getLineNr() + ", column " + where.getColumnNr();
  }
}
