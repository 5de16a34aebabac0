package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nqpf.model.Metric;

/**
 * {@code report.html}: one self-contained page an economist can open to read an experiment: an
 * overview (design, parameters, replications, metrics with units), the experiment file, every
 * chart inline (PNG as {@code data:} URIs, with a caption saying how to read it), the per-point
 * summary and the sensitivity indices as tables (numbers rounded to four significant digits for
 * display; the full value is in each cell's tooltip), and the manifest verbatim. No external
 * resource (no script, font, style sheet or image from elsewhere), no timestamp or path: the same
 * folder always gives the same bytes.
 */
public final class ExperimentReport {

  /** Tables taller than this many rows scroll inside a box. */
  static final int SCROLL_ROWS = 25;

  /** The Overview lists the base scenario's changes from the baseline up to this many, else counts them. */
  static final int MAX_SCENARIO_CHANGES = 8;

  /** The style of figures, code and muted text, shared by the experiment and validation reports. */
  static final String FIGURE_AND_CODE_STYLE = """
      figure{margin:1.4em 0 2em 0}
      figure img{max-width:100%;height:auto;border:1px solid #eee}
      figcaption{font-size:.9em;color:#444;max-width:62em}
      code,pre{font-family:Menlo,Consolas,"DejaVu Sans Mono",monospace}
      pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:.8em;overflow:auto;font-size:.84em}
      .muted{color:#777}
      """;

  private static final String STYLE = """
      body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:#222;line-height:1.45;max-width:1060px;\
      margin:1.5em auto;padding:0 1em}
      h1{font-size:1.7em;margin-bottom:.2em}
      h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2.2em}
      h3{margin-top:1.6em}
      nav ul{columns:2;padding-left:1.2em}
      table{border-collapse:collapse;font-size:.88em;margin:.4em 0}
      th,td{border:1px solid #ddd;padding:.22em .5em;vertical-align:top}
      th{background:#f3f3f3;text-align:left;position:sticky;top:0}
      td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      table.kv th{position:static;width:12em}
      .scroll{overflow:auto;max-height:36em;border:1px solid #eee}
      .wide{overflow-x:auto}
      """ + FIGURE_AND_CODE_STYLE;

  private ExperimentReport() {}

  /**
   * Writes {@code report.html} (atomically) from the folder's files, rendering the charts in
   * memory (it does not read {@code charts/}, and does not write it).
   *
   * @return the report's path
   * @throws ResultsReadException if the folder or a required file is missing, unreadable or
   *     malformed (nothing is written then)
   * @throws OutputException if the report cannot be written
   */
  public static Path write(Path resultsDir) {
    Objects.requireNonNull(resultsDir, "resultsDir");
    ExperimentResults results = ExperimentResults.read(resultsDir);
    return writeReport(results, ExperimentCharts.render(results));
  }

  /**
   * Writes {@code charts/} (replaced whole) and {@code report.html}, rendering each chart once:
   * what {@code sweep}, {@code merge} and {@code chart} call at the end. Everything is read and
   * rendered before anything is written, so a bad folder leaves the existing files untouched.
   *
   * @return the files written: the charts (PNG and SVG of each, in chart order), then the report
   * @throws ResultsReadException as for {@link #write(Path)}
   * @throws OutputException if a file cannot be written
   */
  public static List<Path> writeAll(Path resultsDir) {
    Objects.requireNonNull(resultsDir, "resultsDir");
    ExperimentResults results = ExperimentResults.read(resultsDir);
    List<ChartFile> charts = ExperimentCharts.render(results);
    byte[] report = html(results, charts).getBytes(StandardCharsets.UTF_8);
    List<Path> written = new ArrayList<>(ExperimentCharts.writeFiles(results.dir(), charts));
    Path file = results.dir().resolve(ExperimentResults.REPORT);
    ResultsFolder.writeAtomically(file, report);
    written.add(file);
    return List.copyOf(written);
  }

  /**
   * The report's HTML for the folder and the given charts, without writing it.
   *
   * @throws ResultsReadException as for {@link #write(Path)}
   */
  public static String html(Path resultsDir, List<ChartFile> charts) {
    return html(ExperimentResults.read(resultsDir), charts);
  }

  private static Path writeReport(ExperimentResults results, List<ChartFile> charts) {
    Path file = results.dir().resolve(ExperimentResults.REPORT);
    ResultsFolder.writeAtomically(file, html(results, charts).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static String html(ExperimentResults results, List<ChartFile> charts) {
    StringBuilder h = new StringBuilder(1 << 20);
    String name = results.name();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Experiment ").append(esc(name)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Experiment <code>").append(esc(name)).append("</code></h1>\n");
    h.append("<p class=\"muted\">").append(esc(designSentence(results))).append("</p>\n");

    Map<ChartFile.Section, List<ChartFile>> sections = new EnumMap<>(ChartFile.Section.class);
    for (ChartFile chart : charts) {
      sections.computeIfAbsent(chart.section(), s -> new ArrayList<>()).add(chart);
    }
    h.append("<nav>\n<ul>\n");
    h.append("<li><a href=\"#overview\">Overview</a></li>\n");
    h.append("<li><a href=\"#experiment\">Experiment file</a></li>\n");
    for (Map.Entry<ChartFile.Section, List<ChartFile>> section : sections.entrySet()) {
      h.append("<li><a href=\"#").append(anchor(section.getKey())).append("\">").append(esc(section.getKey().heading()))
          .append("</a> (").append(section.getValue().size()).append(")</li>\n");
    }
    h.append("<li><a href=\"#summary\">Summary by design point</a></li>\n");
    if (results.sensitivity() != null) {
      h.append("<li><a href=\"#sensitivity-table\">Sensitivity table</a></li>\n");
    }
    h.append("<li><a href=\"#manifest\">Manifest</a></li>\n");
    h.append("</ul>\n</nav>\n");

    overview(h, results);

    h.append("<h2 id=\"experiment\">Experiment file</h2>\n");
    h.append("<p><code>").append(ExperimentResults.EXPERIMENT).append("</code>, the resolved experiment:</p>\n");
    h.append("<pre>").append(esc(results.experimentText())).append("</pre>\n");

    if (charts.isEmpty()) {
      h.append("<h2 id=\"charts\">Charts</h2>\n<p class=\"muted\">No charts: the folder has no data to draw.</p>\n");
    }
    for (Map.Entry<ChartFile.Section, List<ChartFile>> section : sections.entrySet()) {
      h.append("<h2 id=\"").append(anchor(section.getKey())).append("\">").append(esc(section.getKey().heading()))
          .append("</h2>\n");
      for (ChartFile chart : section.getValue()) {
        h.append("<figure id=\"").append(esc(chart.baseName())).append("\">\n");
        h.append("<img alt=\"").append(esc(chart.title())).append("\" width=\"").append(ChartStyle.WIDTH)
            .append("\" height=\"").append(ChartStyle.HEIGHT).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(chart.png())).append("\">\n");
        h.append("<figcaption><b>").append(esc(chart.title())).append(".</b> ").append(esc(chart.caption()))
            .append(" <span class=\"muted\">(charts/").append(esc(chart.pngName())).append(", charts/")
            .append(esc(chart.svgName())).append(")</span></figcaption>\n");
        h.append("</figure>\n");
      }
    }

    h.append("<h2 id=\"summary\">Summary by design point</h2>\n");
    h.append("<p><code>").append(ExperimentResults.SUMMARY).append("</code>: per design point, over its runs' ")
        .append("<code>&lt;metric&gt;_mean</code> (each run's mean over its recorded steps): the mean, the standard ")
        .append("deviation and the 95% t interval (empty with one replication). Rounded to ")
        .append(DisplayNumbers.SIGNIFICANT_DIGITS).append(" significant digits; hover a cell for the full value.</p>\n");
    table(h, results.summary(), Set.of("point", "replications"));

    if (results.sensitivity() != null) {
      h.append("<h2 id=\"sensitivity-table\">Sensitivity indices</h2>\n");
      h.append("<p><code>").append(ExperimentResults.SENSITIVITY).append("</code>: indices per metric, parameter ")
          .append("and method, computed on the per-point means, with 95% bootstrap intervals.</p>\n");
      table(h, results.sensitivity(), Set.of());
    }

    h.append("<h2 id=\"manifest\">Manifest</h2>\n");
    if (results.manifestText() == null) {
      h.append("<p class=\"muted\">The folder has no <code>").append(ExperimentResults.MANIFEST)
          .append("</code>.</p>\n");
    } else {
      h.append("<p><code>").append(ExperimentResults.MANIFEST).append("</code>, without the fields that record how")
          .append(" and when the sweep was run (command, threads, shard, times), so that the report is the same however it was run:</p>\n");
      h.append("<pre>").append(esc(reproducible(results.manifestText()))).append("</pre>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String designSentence(ExperimentResults results) {
    String type = results.designType().isEmpty() ? (results.isGrid() ? "GRID" : "sampled") : results.designType();
    StringBuilder sb = new StringBuilder();
    sb.append(type).append(" design, ").append(results.points().size()).append(" point")
        .append(results.points().size() == 1 ? "" : "s");
    String replications = results.setting("replications");
    if (!replications.isEmpty()) {
      sb.append(" \u00D7 ").append(replications).append(" replication").append(replications.equals("1") ? "" : "s");
    }
    if (results.runCount() >= 0) {
      sb.append(", ").append(results.runCount()).append(" run").append(results.runCount() == 1 ? "" : "s");
    }
    sb.append(", ").append(results.parameters().size()).append(" varied parameter")
        .append(results.parameters().size() == 1 ? "" : "s").append(", ").append(results.metrics().size())
        .append(" kept metric").append(results.metrics().size() == 1 ? "" : "s").append('.');
    return sb.toString();
  }

  /** The base scenario as its changes from the built-in baseline (the full text is below). */
  private static String baseScenario(ExperimentResults results) {
    if (!results.experiment().path("scenario").isObject()) {
      return "\u2014 (no scenario in " + ExperimentResults.EXPERIMENT + ")";
    }
    Map<String, String> changes = results.scenarioChanges();
    if (changes.isEmpty()) {
      return "the built-in baseline";
    }
    if (changes.size() > MAX_SCENARIO_CHANGES) {
      return "the built-in baseline with " + changes.size() + " keys changed (see " + ExperimentResults.EXPERIMENT
          + " below)";
    }
    List<String> shown = new ArrayList<>();
    changes.forEach((key, value) -> shown.add(key + ": " + value));
    return "the built-in baseline with " + String.join(", ", shown);
  }

  private static void overview(StringBuilder h, ExperimentResults results) {
    h.append("<h2 id=\"overview\">Overview</h2>\n<table class=\"kv\">\n");
    JsonNode design = results.experiment().path("design");
    row(h, "Design", results.designType().isEmpty() ? "(not stated)" : results.designType()
        + (design.has("samples") ? ", samples: " + design.path("samples").asText() : ""));
    row(h, "Design points", Integer.toString(results.points().size()));
    row(h, "Replications per point", orDash(results.setting("replications")));
    row(h, "Runs", results.runCount() >= 0 ? Integer.toString(results.runCount()) : "\u2014 (no runs.csv)");
    row(h, "Steps (recorded)", orDash(results.scenarioSetting("steps")));
    row(h, "Burn-in steps", orDash(results.scenarioSetting("burnIn")));
    row(h, "Master seed", orDash(results.setting("masterSeed")));
    row(h, "Base scenario", baseScenario(results));
    row(h, "Time series", orDash(results.setting("timeSeries")));
    h.append("</table>\n");

    h.append("<h3>Varied parameters</h3>\n");
    if (results.parameters().isEmpty()) {
      h.append("<p class=\"muted\">None: every run uses the base scenario.</p>\n");
    } else {
      h.append("<table>\n<tr><th>parameter</th><th>distinct values</th><th>values in the design</th></tr>\n");
      for (int p = 0; p < results.parameters().size(); p++) {
        Map<Double, String> values = results.distinctValues(p);
        String shown;
        if (values.size() <= 12) {
          shown = String.join(", ", values.values());
        } else {
          List<String> labels = new ArrayList<>(values.values());
          shown = "from " + labels.get(0) + " to " + labels.get(labels.size() - 1);
        }
        h.append("<tr><td><code>").append(esc(results.parameters().get(p))).append("</code></td><td class=\"n\">")
            .append(values.size()).append("</td><td>").append(esc(shown)).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h3>Kept metrics</h3>\n");
    h.append("<table>\n<tr><th>metric</th><th>unit</th><th>meaning</th></tr>\n");
    for (String metric : results.metrics()) {
      Metric known = ChartStyle.metric(metric);
      h.append("<tr><td><code>").append(esc(metric)).append("</code></td><td>")
          .append(esc(known == null ? "" : known.unit())).append("</td><td>")
          .append(esc(known == null ? "" : known.description())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "\u2014" : value;
  }

  /**
   * An HTML table of a CSV file: cells of {@code rawColumns} (indices, counts) and text are shown
   * as written, every other number rounded for display with the full value as its tooltip.
   */
  private static void table(StringBuilder h, CsvTable table, Set<String> rawColumns) {
    h.append(table.size() > SCROLL_ROWS ? "<div class=\"scroll\">\n" : "<div class=\"wide\">\n");
    h.append("<table>\n<thead><tr>");
    for (String column : table.header()) {
      h.append("<th>").append(esc(column)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < table.size(); r++) {
      h.append("<tr>");
      for (int c = 0; c < table.header().size(); c++) {
        String column = table.header().get(c);
        String cell = table.text(r, c);
        if (!isNumber(cell)) {
          h.append("<td>").append(esc(cell)).append("</td>");
        } else if (rawColumns.contains(column)) {
          h.append("<td class=\"n\">").append(esc(cell)).append("</td>");
        } else {
          String shown = DisplayNumbers.format(Double.parseDouble(cell));
          if (shown.equals(cell)) {
            h.append("<td class=\"n\">").append(esc(cell)).append("</td>");
          } else {
            h.append("<td class=\"n\" title=\"").append(esc(cell)).append("\">").append(esc(shown)).append("</td>");
          }
        }
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  private static boolean isNumber(String cell) {
    return CsvTable.isNumber(cell) && Double.isFinite(Double.parseDouble(cell));
  }

  private static String anchor(ChartFile.Section section) {
    return "charts-" + section.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  /**
   * The manifest without what records how and when the sweep ran: command, its --set assignments
   * (experiment.yaml holds their values), threads, shard, times.
   */
  static String reproducible(String manifest) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = JsonOutput.MAPPER.readTree(manifest);
      if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
        object.remove(java.util.List.of("command", "set", "threads", "shard", "started", "finished"));
        return JsonOutput.pretty(object);
      }
      return manifest;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return manifest;
    }
  }

  static String esc(String text) {
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
}
