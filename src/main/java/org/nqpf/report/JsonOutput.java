package org.nqpf.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The one JSON style of the report files, so every JSON output is byte-stable: two-space indent,
 * {@code "key": value}, LF line endings whatever the platform, a trailing newline, and doubles in
 * Jackson's own shortest round-trip form (the same on every JDK). Also turns caller-supplied
 * values into JSON trees without depending on hash-map iteration order.
 */
public final class JsonOutput {

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    WRITER = MAPPER.writer(printer);
  }

  private JsonOutput() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Pretty-printed JSON text with LF line endings and a trailing newline. */
  public static String pretty(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  public static byte[] prettyBytes(JsonNode node) {
    return pretty(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A JSON tree for a caller-supplied value: maps, collections, arrays, numbers, strings,
   * booleans, null and JSON trees are converted here; anything else goes through Jackson's
   * data binding. A {@link LinkedHashMap} or {@link SortedMap} keeps its order; any other map is
   * written with its keys sorted, so the output never depends on hash order.
   *
   * @throws IllegalArgumentException for a NaN or infinite number, or a null map key
   */
  public static JsonNode toNode(Object value, String path) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node.deepCopy();
    }
    if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
      return f.textNode(value instanceof Enum<?> e ? e.name() : value.toString());
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(path + ": value " + d + " is not finite");
      }
      return f.numberNode(d);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return f.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return f.numberNode(big);
    }
    if (value instanceof BigDecimal big) {
      return f.numberNode(big);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = f.objectNode();
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      for (Map.Entry<?, ?> entry : entries) {
        if (entry.getKey() == null) {
          throw new IllegalArgumentException(path + ": null map key");
        }
      }
      if (!(map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>)) {
        entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
      }
      for (Map.Entry<?, ?> entry : entries) {
        String key = String.valueOf(entry.getKey());
        node.set(key, toNode(entry.getValue(), path + "." + key));
      }
      return node;
    }
    if (value instanceof Iterable<?> iterable) {
      ArrayNode node = f.arrayNode();
      int i = 0;
      for (Object item : iterable) {
        node.add(toNode(item, path + "[" + i++ + "]"));
      }
      return node;
    }
    if (value.getClass().isArray()) {
      ArrayNode node = f.arrayNode();
      int length = Array.getLength(value);
      for (int i = 0; i < length; i++) {
        node.add(toNode(Array.get(value, i), path + "[" + i + "]"));
      }
      return node;
    }
    return MAPPER.valueToTree(value);
  }

  /** A JSON number: a whole number without decimal point when {@code integer}, else a double. */
  public static JsonNode number(double value, boolean integer) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException("value " + value + " is not finite");
    }
    if (integer && value == Math.rint(value) && Math.abs(value) < 9.007199254740992E15) {
      return JsonNodeFactory.instance.numberNode((long) value);
    }
    return JsonNodeFactory.instance.numberNode(value);
  }
}
