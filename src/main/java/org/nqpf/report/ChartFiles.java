package org.nqpf.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;

/**
 * Turns a configured chart into PNG and SVG bytes, {@value ChartStyle#WIDTH} wide and
 * {@value ChartStyle#HEIGHT} high unless told otherwise, reproducibly. For the SVG, JFreeSVG's definitions prefix (by default
 * derived from {@code System.nanoTime()}, so different on every call) is fixed, which makes the
 * ids of clip paths and gradients the same on every rendering, and the file carries no DOCTYPE
 * (so nothing refers to a resource on the network).
 */
public final class ChartFiles {

  /** The fixed prefix of ids in the SVG's {@code <defs>}. */
  public static final String SVG_DEFS_PREFIX = "nqpf-";

  /**
   * The SVG file's first line. JFreeSVG's own document adds a DOCTYPE naming the SVG 1.0 DTD on
   * w3.org, which makes validating XML parsers fetch it over the network; the bare element with
   * this declaration is a complete SVG file without any external reference.
   */
  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

  private ChartFiles() {}

  public static byte[] png(JFreeChart chart) {
    return png(chart, ChartStyle.HEIGHT);
  }

  public static byte[] png(JFreeChart chart, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
    try {
      ChartUtilities.writeChartAsPNG(out, chart, ChartStyle.WIDTH, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart as PNG", e);
    }
    return out.toByteArray();
  }

  public static byte[] svg(JFreeChart chart) {
    return svg(chart, ChartStyle.HEIGHT);
  }

  public static byte[] svg(JFreeChart chart, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(ChartStyle.WIDTH, height);
    g2.setDefsKeyPrefix(SVG_DEFS_PREFIX);
    g2.addRenderingHints(ChartStyle.hints());
    chart.draw(g2, new Rectangle(0, 0, ChartStyle.WIDTH, height));
    String document = XML_DECLARATION + g2.getSVGElement().replace("\r\n", "\n") + "\n";
    return document.getBytes(StandardCharsets.UTF_8);
  }

  /** A file-name-safe form of a metric or parameter name (letters, digits, '.', '_' and '-' kept). */
  public static String safeName(String name) {
    String safe = UNSAFE.matcher(name).replaceAll("_");
    return safe.isEmpty() ? "_" : safe;
  }
}
