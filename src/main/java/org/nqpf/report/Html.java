package org.nqpf.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the HTML reports (experiment, validation, calibration) write with: escaping, the shared
 * style of figures and code, table cells and rows, the manifest as a report shows it. The pages
 * are built by string building over these few helpers rather than with a template library: each
 * page is one pass over its data with loops and conditions a template would repeat in its own
 * language, the helpers keep the escaping in one place, and a template engine would be one more
 * dependency whose output would have to be made byte-identical to today's pages.
 */
public final class Html {
  /** The style of figures, code and muted text, shared by the experiment and validation reports. */
  public static final String FIGURE_AND_CODE_STYLE = """
      figure{margin:1.4em 0 2em 0}
      figure img{max-width:100%;height:auto;border:1px solid #eee}
      figcaption{font-size:.9em;color:#444;max-width:62em}
      code,pre{font-family:Menlo,Consolas,"DejaVu Sans Mono",monospace}
      pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:.8em;overflow:auto;font-size:.84em}
      .muted{color:#777}
      """;

  /** The style of the validation and calibration pages' text and tables. */
  public static final String TABLE_PAGE_STYLE = """
      body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:#222;line-height:1.45;max-width:1060px;\
      margin:1.5em auto;padding:0 1em}
      h1{font-size:1.7em;margin-bottom:.2em}
      h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2.2em}
      table{border-collapse:collapse;font-size:.86em;margin:.4em 0}
      th,td{border:1px solid #ddd;padding:.22em .5em;vertical-align:top}
      th{background:#f3f3f3;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      """;

  private Html() {}

  /** HTML-escapes text for element content and double-quoted attributes. */
  public static String esc(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
  }

  static String orDash(String value) {
    return value == null || value.isEmpty() ? "\u2014" : value;
  }

  /** A number rounded for display with the full value as its tooltip; text as it is. */
  static void numberCell(StringBuilder h, String cell) {
    if (!isNumber(cell)) {
      h.append("<td>").append(esc(cell)).append("</td>");
      return;
    }
    String shown = DisplayNumbers.format(Double.parseDouble(cell));
    if (shown.equals(cell)) {
      h.append("<td class=\"n\">").append(esc(cell)).append("</td>");
    } else {
      h.append("<td class=\"n\" title=\"").append(esc(cell)).append("\">").append(esc(shown)).append("</td>");
    }
  }

  static boolean isNumber(String cell) {
    return CsvTable.isNumber(cell) && Double.isFinite(Double.parseDouble(cell));
  }

  /**
   * The manifest without what records how and when the sweep ran: command, its --set assignments
   * (experiment.yaml holds their values), threads, shard, times.
   */
  public static String reproducible(String manifest) {
    try {
      JsonNode node = JsonOutput.MAPPER.readTree(manifest);
      if (node instanceof ObjectNode object) {
        object.remove(List.of("command", "set", "threads", "shard", "started", "finished"));
        return JsonOutput.pretty(object);
      }
      return manifest;
    } catch (JsonProcessingException e) {
      return manifest;
    }
  }
}
