package org.nqpf.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The names an experiment's report and charts give its parameters. */
final class ParameterNames {
  private ParameterNames() {}

  /** Short names for the parameters: the last dotted segment, unless two parameters share it. */
  static Map<String, String> shortNames(List<String> parameters) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (String key : parameters) {
      counts.merge(lastSegment(key), 1, Integer::sum);
    }
    for (String key : parameters) {
      String last = lastSegment(key);
      names.put(key, counts.get(last) == 1 ? last : key);
    }
    return names;
  }

  private static String lastSegment(String key) {
    int dot = key.lastIndexOf('.');
    return dot >= 0 && dot < key.length() - 1 ? key.substring(dot + 1) : key;
  }
}
