package org.nqpf.validation;

import java.util.Base64;
import java.util.List;
import org.nqpf.report.Html;
import org.nqpf.report.ChartStyle;
import org.nqpf.report.DisplayNumbers;
import org.nqpf.report.Manifest;
import org.nqpf.stats.Replications;
import org.nqpf.stats.TransitionMatrix;

/**
 * The validation's {@code report.html}: one self-contained page (no script, font, style sheet or
 * image from elsewhere; PNGs inline as {@code data:} URIs) with the table of targets and verdicts,
 * the charts with captions, the persistence matrix, the resolved scenario and the manifest without
 * the fields that record how and when the command ran. No timestamp or path: the same results
 * give the same bytes whatever the thread count.
 */
public final class ValidationReport {

  private static final String STYLE = Html.TABLE_PAGE_STYLE + """
      td.PASS{background:#e3f4e1;font-weight:bold;color:#1d6b1a}
      td.MISS{background:#fbe3e1;font-weight:bold;color:#9b1c14}
      td.INFO{background:#eef2f8;color:#2a4a7a}
      table.kv th{width:12em}
      """ + Html.FIGURE_AND_CODE_STYLE;

  private ValidationReport() {}

  /**
   * The page.
   *
   * @param configYaml the resolved scenario as written to config.yaml
   * @param manifest the manifest's text, or null
   */
  public static String html(ValidationResult result, List<ValidationCharts.Chart> charts, String configYaml,
      String manifest) {
    StringBuilder h = new StringBuilder(1 << 20);
    String name = result.base().name();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Validation of ").append(Html.esc(name)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Validation of <code>").append(Html.esc(name)).append("</code> against stylized facts</h1>\n");
    int pass = 0;
    int miss = 0;
    int info = 0;
    for (ValidationResult.Row row : result.rows()) {
      switch (row.verdict()) {
        case PASS -> pass++;
        case MISS -> miss++;
        default -> info++;
      }
    }
    h.append("<p class=\"muted\">").append(result.replications()).append(" replications of the scenario (seeds from")
        .append(" master seed ").append(result.masterSeed()).append("), ").append(result.base().burnIn())
        .append(" burn-in and ").append(result.base().steps()).append(" recorded steps each. ").append(pass)
        .append(" targets pass, ").append(miss).append(" miss, ").append(info).append(" are descriptive.</p>\n");
    h.append("<p>A target passes only when the whole 95% confidence interval across replications (t interval of the")
        .append(" replications' values) lies on the right side of its threshold, or inside its band; otherwise it is")
        .append(" a miss. The origin column says what each quantity is: <i>input</i>, set by a parameter or an initial")
        .append(" condition (reported, never scored); <i>calibrated</i>, an outcome that parameters were chosen to meet (a")
        .append(" pass is in-sample); <i>outcome</i>, nothing was set or fitted to it. Definitions and references:")
        .append(" <code>docs/VALIDATION.md</code>.</p>\n");

    h.append("<h2 id=\"table\">Targets</h2>\n<div style=\"overflow-x:auto\">\n<table>\n<thead><tr><th>id</th>")
        .append("<th>target</th><th>statistic</th><th>origin</th><th>target value</th><th>model</th><th>95% CI</th><th>verdict</th>")
        .append("<th>note</th></tr></thead>\n<tbody>\n");
    for (ValidationResult.Row row : result.rows()) {
      Target t = row.target();
      h.append("<tr><td>").append(Html.esc(t.id())).append("</td><td>").append(Html.esc(t.item())).append("</td><td>")
          .append(Html.esc(t.statistic())).append("</td><td>").append(t.origin().label()).append("</td><td class=\"n\">")
          .append(Html.esc(t.targetText()))
          .append("</td><td class=\"n\">").append(Html.esc(num(row.stats().mean()))).append("</td><td class=\"n\">");
      if (Double.isFinite(row.stats().ciLow())) {
        h.append('[').append(Html.esc(num(row.stats().ciLow()))).append(", ").append(Html.esc(num(row.stats().ciHigh()))).append(']');
      }
      h.append("</td><td class=\"").append(row.verdict()).append("\">").append(row.verdict()).append("</td><td>")
          .append(Html.esc(row.note())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");

    h.append("<h2 id=\"charts\">Charts</h2>\n");
    for (ValidationCharts.Chart chart : charts) {
      h.append("<figure id=\"").append(Html.esc(chart.baseName())).append("\">\n");
      h.append("<img alt=\"").append(Html.esc(chart.title())).append("\" width=\"").append(ChartStyle.WIDTH)
          .append("\" height=\"").append(ChartStyle.HEIGHT).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(chart.png())).append("\">\n");
      h.append("<figcaption><b>").append(Html.esc(chart.title())).append(".</b> ").append(Html.esc(chart.caption()))
          .append(" <span class=\"muted\">(charts/").append(Html.esc(chart.baseName())).append(".png, charts/")
          .append(Html.esc(chart.baseName())).append(".svg)</span></figcaption>\n</figure>\n");
    }

    TransitionMatrix m = result.pooledPersistence();
    h.append("<h2 id=\"persistence\">Persistence of innovation</h2>\n");
    h.append("<p>Transitions of firms between innovation classes in consecutive windows of ")
        .append(FirmPanelCollector.DEFAULT_WINDOW).append(" steps (two years), all replications pooled: none = no")
        .append(" innovation in the window, occasional = innovations in fewer than half of its quarters, persistent =")
        .append(" in at least half. Rows: class in one window; columns: class in the next; cells: probability (count).</p>\n");
    h.append("<table>\n<thead><tr><th>from \\ to</th>");
    for (String c : FirmPanelCollector.CLASSES) {
      h.append("<th>").append(c).append("</th>");
    }
    h.append("<th>firms × windows</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < m.states(); i++) {
      h.append("<tr><th>").append(FirmPanelCollector.CLASSES.get(i)).append("</th>");
      for (int j = 0; j < m.states(); j++) {
        h.append("<td class=\"n\">").append(Html.esc(num(m.probability(i, j)))).append(" (").append(m.counts()[i][j])
            .append(")</td>");
      }
      h.append("<td class=\"n\">").append(m.rowTotal(i)).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");

    h.append("<h2 id=\"seeds\">Replications</h2>\n<p>Seeds (replication r: Seeds.of(master seed, 0, r)): ");
    for (int r = 0; r < result.replications(); r++) {
      h.append(r == 0 ? "" : ", ").append(result.runs().get(r).seed());
    }
    h.append(". Per-replication values: <code>replications.csv</code>; fits: <code>size_fits.csv</code>.</p>\n");
    h.append("<h2 id=\"config\">Scenario</h2>\n<p><code>config.yaml</code> (the seed in it is replaced by each")
        .append(" replication's):</p>\n<pre>").append(Html.esc(configYaml)).append("</pre>\n");
    if (manifest != null) {
      h.append("<h2 id=\"manifest\">Manifest</h2>\n<p><code>manifest.json</code> without the command line, thread count")
          .append(" and times:</p>\n<pre>").append(Html.esc(Html.reproducible(manifest))).append("</pre>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? DisplayNumbers.format(v) : "";
  }
}
