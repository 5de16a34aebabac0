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
import org.nqpf.model.Metric;
import org.nqpf.stats.Replications;
import org.nqpf.stats.Sensitivity;

/**
 * {@code report.html}: one self-contained page an economist reads top down: a table of contents,
 * the findings ({@link Findings}: each parameter's effect on each metric, with its interval, in a
 * sentence, ranked), an overview (design, parameters, replications, metrics with units), every
 * chart inline (PNG as {@code data:} URIs, with a caption saying how to read it), the per-point
 * summary as one narrow table per metric and the sensitivity indices (numbers rounded to four
 * significant digits for display; the full value is in each cell's tooltip), then the experiment
 * file and the manifest verbatim. The tables, the experiment file and the manifest are folded away
 * in {@code <details>}. No external resource (no script, font, style sheet or image from
 * elsewhere), no timestamp or path: the same folder always gives the same bytes.
 */
public final class ExperimentReport {
  /** The findings listed before the fold, at least ... */
  static final int SHOWN_FINDINGS = 5;

  /** ... and at most: every significant one up to this many. */
  static final int MAX_SHOWN_FINDINGS = 15;

  /** The Overview lists the base scenario's changes from the baseline up to this many, else counts them. */
  static final int MAX_SCENARIO_CHANGES = 8;

  private static final String STYLE = """
      body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:#222;line-height:1.45;max-width:1060px;\
      margin:1.5em auto;padding:0 1em}
      h1{font-size:1.7em;margin-bottom:.2em}
      h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2.2em}
      h3{margin-top:1.6em}
      nav{background:#fafafa;border:1px solid #e3e3e3;padding:.2em 1em .4em 1em;margin:1em 0}
      nav ol{columns:2;padding-left:1.6em;margin:.3em 0}
      p.toc{font-weight:bold;margin:.4em 0 .2em 0}
      ol.findings li{margin:.3em 0}
      ol.findings li.ns{color:#666}
      details{margin:.5em 0}
      summary{cursor:pointer}
      table{border-collapse:collapse;font-size:.88em;margin:.4em 0}
      th,td{border:1px solid #ddd;padding:.22em .5em;vertical-align:top}
      th{background:#f3f3f3;text-align:left;position:sticky;top:0}
      td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      table.kv th{position:static;width:12em}
      .scroll{overflow:auto;max-height:36em;border:1px solid #eee}
      """ + Html.FIGURE_AND_CODE_STYLE;

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
    ExperimentResults results = ExperimentFolder.read(resultsDir);
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
    ExperimentResults results = ExperimentFolder.read(resultsDir);
    List<ChartFile> charts = ExperimentCharts.render(results);
    byte[] report = html(results, charts).getBytes(StandardCharsets.UTF_8);
    List<Path> written = new ArrayList<>(ExperimentCharts.writeFiles(results.dir(), charts));
    Path file = results.dir().resolve(Manifest.REPORT);
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
    return html(ExperimentFolder.read(resultsDir), charts);
  }

  private static Path writeReport(ExperimentResults results, List<ChartFile> charts) {
    Path file = results.dir().resolve(Manifest.REPORT);
    ResultsFolder.writeAtomically(file, html(results, charts).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static String html(ExperimentResults results, List<ChartFile> charts) {
    StringBuilder h = new StringBuilder(1 << 20);
    String name = results.name();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Experiment ").append(Html.esc(name)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Experiment <code>").append(Html.esc(name)).append("</code></h1>\n");
    h.append("<p class=\"muted\">").append(Html.esc(designSentence(results))).append("</p>\n");

    Map<ChartFile.Section, List<ChartFile>> sections = new EnumMap<>(ChartFile.Section.class);
    for (ChartFile chart : charts) {
      sections.computeIfAbsent(chart.section(), s -> new ArrayList<>()).add(chart);
    }
    List<Findings.Finding> findings = Findings.of(results);
    h.append("<nav>\n<p class=\"toc\">Contents</p>\n<ol>\n");
    h.append("<li><a href=\"#findings\">Findings</a> (").append(findings.size()).append(")</li>\n");
    h.append("<li><a href=\"#overview\">Overview</a></li>\n");
    for (Map.Entry<ChartFile.Section, List<ChartFile>> section : sections.entrySet()) {
      h.append("<li><a href=\"#").append(anchor(section.getKey())).append("\">").append(Html.esc(section.getKey().heading()))
          .append("</a> (").append(section.getValue().size()).append(")</li>\n");
    }
    h.append("<li><a href=\"#summary\">Summary by design point</a></li>\n");
    if (results.sensitivity() != null) {
      h.append("<li><a href=\"#sensitivity-table\">Sensitivity table</a></li>\n");
    }
    h.append("<li><a href=\"#experiment\">Experiment file</a></li>\n");
    h.append("<li><a href=\"#manifest\">Manifest</a></li>\n");
    h.append("</ol>\n</nav>\n");

    findings(h, results, findings);
    overview(h, results);

    if (charts.isEmpty()) {
      h.append("<h2 id=\"charts\">Charts</h2>\n<p class=\"muted\">No charts: the folder has no data to draw.</p>\n");
    }
    for (Map.Entry<ChartFile.Section, List<ChartFile>> section : sections.entrySet()) {
      h.append("<h2 id=\"").append(anchor(section.getKey())).append("\">").append(Html.esc(section.getKey().heading()))
          .append("</h2>\n");
      for (ChartFile chart : section.getValue()) {
        h.append("<figure id=\"").append(Html.esc(chart.baseName())).append("\">\n");
        h.append("<img alt=\"").append(Html.esc(chart.title())).append("\" width=\"").append(ChartStyle.WIDTH)
            .append("\" height=\"").append(chart.height()).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(chart.png())).append("\">\n");
        h.append("<figcaption><b>").append(Html.esc(chart.title())).append(".</b> ").append(Html.esc(chart.caption()))
            .append(" <span class=\"muted\">(charts/").append(Html.esc(chart.pngName())).append(", charts/")
            .append(Html.esc(chart.svgName())).append(")</span></figcaption>\n");
        h.append("</figure>\n");
      }
    }

    ExperimentTables.summary(h, results);

    if (results.sensitivity() != null) {
      h.append("<h2 id=\"sensitivity-table\">Sensitivity indices</h2>\n");
      h.append("<details>\n<summary><code>").append(ExperimentFolder.SENSITIVITY).append("</code>: indices per metric,")
          .append(" parameter and method, computed on the per-point means, with 95% bootstrap intervals (")
          .append(results.sensitivity().size()).append(" rows)</summary>\n");
      ExperimentTables.table(h, results.sensitivity());
      h.append("</details>\n");
    }

    h.append("<h2 id=\"experiment\">Experiment file</h2>\n");
    h.append("<details>\n<summary><code>").append(ExperimentFolder.EXPERIMENT).append("</code>, the resolved experiment")
        .append(" (").append(lines(results.experimentText())).append(" lines: the base scenario written out in full)")
        .append("</summary>\n");
    h.append("<pre>").append(Html.esc(results.experimentText())).append("</pre>\n</details>\n");

    h.append("<h2 id=\"manifest\">Manifest</h2>\n");
    if (results.manifestText() == null) {
      h.append("<p class=\"muted\">The folder has no <code>").append(Manifest.FILE_NAME)
          .append("</code>.</p>\n");
    } else {
      h.append("<details>\n<summary><code>").append(Manifest.FILE_NAME).append("</code>: the versions that")
          .append(" made the folder and the SHA-256 of every file, without the fields that record how and when the")
          .append(" sweep was run (command and its --set assignments, threads, shard, times), so that the report is")
          .append(" the same however it was run")
          .append("</summary>\n");
      h.append("<pre>").append(Html.esc(Html.reproducible(results.manifestText()))).append("</pre>\n</details>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static int lines(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
  }

  /**
   * The findings, ranked: the first {@link #SHOWN_FINDINGS} (or every significant one, up to
   * {@link #MAX_SHOWN_FINDINGS}) in a list, the others folded away.
   */
  private static void findings(StringBuilder h, ExperimentResults results, List<Findings.Finding> findings) {
    h.append("<h2 id=\"findings\">Findings</h2>\n");
    if (findings.isEmpty()) {
      String why = results.parameters().isEmpty() ? "the experiment varies no parameter"
          : results.isGrid() ? "the folder has no " + ExperimentFolder.RUNS + " to compute them from"
          : "the folder has no " + ExperimentFolder.SENSITIVITY + " to compute them from";
      h.append("<p class=\"muted\">No findings: ").append(Html.esc(why)).append(".</p>\n");
      return;
    }
    if (results.isGrid()) {
      h.append("<p>For each varied parameter and kept metric: the change of the metric (each run's mean over its")
          .append(" recorded steps) from the parameter's lowest to its highest value, averaged over the other")
          .append(" parameters' values within each replication, with its 95% Welch interval across the replications")
          .append(" (runs at different points have different seeds, so they are not paired). Ranked by the effect's")
          .append(" size against its interval's width (|effect| / width: above 0.5 when the interval excludes 0);")
          .append(" an interval that holds 0 reads \u201Cdoes not significantly change\u201D.</p>\n");
    } else {
      h.append("<p>For each varied parameter and kept metric: the linear effect over the parameter's range (the")
          .append(" least-squares slope of the per-point means on the parameter, the others held fixed, times the")
          .append(" range; from the standardized regression coefficient of <code>").append(ExperimentFolder.SENSITIVITY)
          .append("</code> and its 95% bootstrap interval), ranked by the ")
          .append(results.designType().equals("SOBOL") ? "total Sobol index" : "size of the standardized coefficient")
          .append("; an interval that holds 0 reads \u201Cdoes not significantly change\u201D.</p>\n");
    }
    int significant = (int) findings.stream().filter(Findings.Finding::significant).count();
    int shown = Math.min(findings.size(), Math.min(MAX_SHOWN_FINDINGS, Math.max(SHOWN_FINDINGS, significant)));
    findingList(h, findings.subList(0, shown), 1);
    if (shown < findings.size()) {
      h.append("<details>\n<summary>").append(findings.size() - shown).append(" more finding")
          .append(findings.size() - shown == 1 ? "" : "s").append("</summary>\n");
      findingList(h, findings.subList(shown, findings.size()), shown + 1);
      h.append("</details>\n");
    }
    h.append("<p class=\"muted\"><code>").append(ExperimentFolder.FINDINGS).append("</code> holds them with full precision")
        .append(" (effect, interval, n, score), one row each.</p>\n");
  }

  private static void findingList(StringBuilder h, List<Findings.Finding> findings, int start) {
    h.append(start == 1 ? "<ol class=\"findings\">\n" : "<ol class=\"findings\" start=\"" + start + "\">\n");
    for (Findings.Finding finding : findings) {
      h.append(finding.significant() ? "<li>" : "<li class=\"ns\">").append(Html.esc(finding.sentence())).append("</li>\n");
    }
    h.append("</ol>\n");
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
      return "\u2014 (no scenario in " + ExperimentFolder.EXPERIMENT + ")";
    }
    Map<String, String> changes = results.scenarioChanges();
    if (changes.isEmpty()) {
      return "the built-in baseline";
    }
    if (changes.size() > MAX_SCENARIO_CHANGES) {
      return "the built-in baseline with " + changes.size() + " keys changed (see " + ExperimentFolder.EXPERIMENT
          + " below)";
    }
    List<String> shown = new ArrayList<>();
    changes.forEach((key, value) -> shown.add(key + ": " + value));
    return "the built-in baseline with " + String.join(", ", shown);
  }

  private static void overview(StringBuilder h, ExperimentResults results) {
    h.append("<h2 id=\"overview\">Overview</h2>\n<table class=\"kv\">\n");
    JsonNode design = results.experiment().path("design");
    Html.row(h, "Design", results.designType().isEmpty() ? "(not stated)" : results.designType()
        + (design.has("samples") ? ", samples: " + design.path("samples").asText() : ""));
    Html.row(h, "Design points", Integer.toString(results.points().size()));
    Html.row(h, "Replications per point", Html.orDash(results.setting("replications")));
    Html.row(h, "Runs", results.runCount() >= 0 ? Integer.toString(results.runCount()) : "\u2014 (no runs.csv)");
    Html.row(h, "Steps (recorded)", Html.orDash(results.scenarioSetting("steps")));
    Html.row(h, "Burn-in steps", Html.orDash(results.scenarioSetting("burnIn")));
    Html.row(h, "Master seed", Html.orDash(results.setting("masterSeed")));
    Html.row(h, "Base scenario", baseScenario(results));
    Html.row(h, "Time series", Html.orDash(results.setting("timeSeries")));
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
        h.append("<tr><td><code>").append(Html.esc(results.parameters().get(p))).append("</code></td><td class=\"n\">")
            .append(values.size()).append("</td><td>").append(Html.esc(shown)).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h3>Kept metrics</h3>\n");
    h.append("<table>\n<tr><th>metric</th><th>unit</th><th>meaning</th></tr>\n");
    for (String metric : results.metrics()) {
      Metric known = ChartStyle.metric(metric);
      h.append("<tr><td><code>").append(Html.esc(metric)).append("</code></td><td>")
          .append(Html.esc(known == null ? "" : known.unit())).append("</td><td>")
          .append(Html.esc(known == null ? "" : known.description())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String anchor(ChartFile.Section section) {
    return "charts-" + section.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
