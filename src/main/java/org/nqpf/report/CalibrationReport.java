package org.nqpf.report;

import java.util.Base64;
import java.util.List;

/**
 * A calibration's {@code report.html}: one self-contained page (PNGs inline as {@code data:} URIs)
 * with its tables, charts and the resolved calibration file. No timestamp or path: the same
 * results give the same bytes whatever the thread count.
 */
public final class CalibrationReport {
  private static final String STYLE = Html.TABLE_PAGE_STYLE + Html.FIGURE_AND_CODE_STYLE;

  private CalibrationReport() {}

  /** A table: its heading, a note under it, the header and the rows (cells that parse as numbers are right-aligned). */
  public record Table(String heading, String note, List<String> header, List<List<String>> rows) {}

  /** A chart: its heading, caption, file name in the folder and PNG bytes. */
  public record Figure(String heading, String caption, String file, byte[] png) {}

  public static String html(String name, String summary, List<Table> tables, List<Figure> figures, String calibrationYaml) {
    StringBuilder h = new StringBuilder(1 << 18);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Calibration ").append(Html.esc(name)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Calibration <code>").append(Html.esc(name)).append("</code></h1>\n");
    h.append("<p>").append(Html.esc(summary)).append("</p>\n");
    for (Table table : tables) {
      h.append("<h2>").append(Html.esc(table.heading())).append("</h2>\n");
      if (!table.note().isEmpty()) {
        h.append("<p>").append(Html.esc(table.note())).append("</p>\n");
      }
      h.append("<table>\n<tr>");
      for (String cell : table.header()) {
        h.append("<th>").append(Html.esc(cell)).append("</th>");
      }
      h.append("</tr>\n");
      for (List<String> row : table.rows()) {
        h.append("<tr>");
        for (String cell : row) {
          h.append(numeric(cell) ? "<td class=\"n\">" : "<td>").append(Html.esc(cell)).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    for (Figure figure : figures) {
      h.append("<h2>").append(Html.esc(figure.heading())).append("</h2>\n<figure>\n");
      h.append("<img alt=\"").append(Html.esc(figure.heading())).append("\" width=\"").append(ChartStyle.WIDTH)
          .append("\" height=\"").append(ChartStyle.HEIGHT).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(figure.png())).append("\">\n");
      h.append("<figcaption>").append(Html.esc(figure.caption())).append(" <span class=\"muted\">(")
          .append(Html.esc(figure.file())).append(")</span></figcaption>\n</figure>\n");
    }
    h.append("<h2>Calibration file (resolved)</h2>\n<pre>").append(Html.esc(calibrationYaml)).append("</pre>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static boolean numeric(String cell) {
    try {
      Double.parseDouble(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
