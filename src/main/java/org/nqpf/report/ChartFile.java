package org.nqpf.report;

import java.util.Objects;
import org.nqpf.stats.Sensitivity;

/**
 * One rendered experiment chart, held in memory until the whole set is written: the base name of
 * its files ({@code <baseName>.png} and {@code <baseName>.svg} in {@code charts/}), the report
 * section it belongs to, its title, a one-paragraph caption saying how to read it, its height in
 * pixels (every chart is {@value ChartStyle#WIDTH} wide; {@value ChartStyle#HEIGHT} high but for
 * small multiples of more than two rows, which are taller), and the bytes of both images.
 */
public record ChartFile(String baseName, Section section, String title, String caption, int height, byte[] png,
    byte[] svg) {

  /** The kinds of chart, in the order the report shows them. */
  public enum Section {
    TIME_SERIES("Dynamics by design point"),
    OWNERSHIP("Private vs SOE output"),
    RESPONSE("Response curves"),
    HEAT_MAP("Heat maps"),
    SENSITIVITY("Sensitivity indices");

    private final String heading;

    Section(String heading) {
      this.heading = heading;
    }

    /** The report's heading for the section. */
    public String heading() {
      return heading;
    }
  }

  public ChartFile {
    Objects.requireNonNull(baseName, "baseName");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(svg, "svg");
  }

  /** {@code <baseName>.png}. */
  public String pngName() {
    return baseName + ".png";
  }

  /** {@code <baseName>.svg}. */
  public String svgName() {
    return baseName + ".svg";
  }
}
