package org.nqpf.report;

import java.util.List;
import java.util.Map;
import org.nqpf.model.Metric;

/**
 * The tables of an experiment's report.html: summary.csv as one narrow table per metric, and any
 * CSV file of the folder as it is, numbers rounded for display with the full value as tooltip.
 */
final class ExperimentTables {
  /** Tables taller than this many rows scroll inside a box. */
  static final int SCROLL_ROWS = 25;

  /** The summary tables give each parameter a column up to this many parameters, else one column for all. */
  static final int MAX_PARAMETER_COLUMNS = 4;

  private ExperimentTables() {}

  /**
   * summary.csv as one narrow table per metric (a row per design point), each folded away: the
   * wide file has four columns per metric.
   */
  static void summary(StringBuilder h, ExperimentResults results) {
    h.append("<h2 id=\"summary\">Summary by design point</h2>\n");
    h.append("<p><code>").append(ExperimentFolder.SUMMARY).append("</code>, one table per metric: per design point,")
        .append(" over its runs' <code>&lt;metric&gt;_mean</code> (each run's mean over its recorded steps), the mean,")
        .append(" the standard deviation and the 95% t interval (empty with one replication). Rounded to ")
        .append(DisplayNumbers.SIGNIFICANT_DIGITS).append(" significant digits; hover a cell for the full value.</p>\n");
    List<String> parameters = results.parameters();
    boolean columnPerParameter = parameters.size() <= MAX_PARAMETER_COLUMNS;
    Map<String, String> names = results.shortNames();
    CsvTable table = results.summary();
    int replicationsColumn = table.column("replications");
    for (String metric : results.metrics()) {
      Metric known = ChartStyle.metric(metric);
      h.append("<details>\n<summary><code>").append(Html.esc(metric)).append("</code>")
          .append(known == null ? "" : " (" + Html.esc(known.unit()) + ")").append("</summary>\n");
      h.append(results.points().size() > SCROLL_ROWS ? "<div class=\"scroll\">\n" : "<div>\n");
      h.append("<table>\n<thead><tr><th>point</th>");
      if (columnPerParameter) {
        for (String parameter : parameters) {
          h.append("<th title=\"").append(Html.esc(parameter)).append("\">").append(Html.esc(names.get(parameter))).append("</th>");
        }
      } else {
        h.append("<th>design point</th>");
      }
      h.append("<th>replications</th>");
      for (String suffix : ExperimentResults.SUMMARY_SUFFIXES) {
        h.append("<th>").append(suffix.substring(1)).append("</th>");
      }
      h.append("</tr></thead>\n<tbody>\n");
      for (ExperimentResults.Point point : results.points()) {
        int row = results.summaryRow(point.index());
        if (row < 0) {
          continue;
        }
        h.append("<tr><td class=\"n\">").append(point.index()).append("</td>");
        if (columnPerParameter) {
          for (String label : point.labels()) {
            h.append("<td class=\"n\">").append(Html.esc(label)).append("</td>");
          }
        } else {
          String label = results.pointLabel(point.index());
          h.append("<td>").append(Html.esc(label.substring(label.indexOf(": ") + 2))).append("</td>");
        }
        h.append("<td class=\"n\">").append(replicationsColumn < 0 ? "" : Html.esc(table.text(row, replicationsColumn)))
            .append("</td>");
        for (String suffix : ExperimentResults.SUMMARY_SUFFIXES) {
          int column = table.column(metric + suffix);
          Html.numberCell(h, column < 0 ? "" : table.text(row, column));
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n</div>\n</details>\n");
    }
  }

  /** An HTML table of a CSV file: text as written, numbers rounded for display with the full value as tooltip. */
  static void table(StringBuilder h, CsvTable table) {
    h.append(table.size() > SCROLL_ROWS ? "<div class=\"scroll\">\n" : "<div>\n");
    h.append("<table>\n<thead><tr>");
    for (String column : table.header()) {
      h.append("<th>").append(Html.esc(column)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < table.size(); r++) {
      h.append("<tr>");
      for (int c = 0; c < table.header().size(); c++) {
        Html.numberCell(h, table.text(r, c));
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }
}
