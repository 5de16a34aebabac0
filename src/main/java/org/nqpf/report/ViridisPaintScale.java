package org.nqpf.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * The heat maps' colour scale: viridis (dark purple for the lowest value through blue and green to
 * yellow for the highest), linearly interpolated between five anchor colours. Perceptually
 * ordered and readable in grey-scale print and by most colour-blind readers. Values outside the
 * bounds are clamped.
 */
final class ViridisPaintScale implements PaintScale, Serializable {
  private static final long serialVersionUID = 1L;

  private static final int[][] ANCHORS = {
      {0x44, 0x01, 0x54}, {0x3B, 0x52, 0x8B}, {0x21, 0x90, 0x8C}, {0x5D, 0xC9, 0x63}, {0xFD, 0xE7, 0x25}};

  private final double lower;
  private final double upper;

  /** A scale over [lower, upper]; an empty or inverted range is widened around its centre. */
  ViridisPaintScale(double lower, double upper) {
    if (!(upper > lower)) {
      double centre = Double.isFinite(lower) ? lower : 0.0;
      double pad = Math.max(Math.abs(centre) * 0.01, 1e-9);
      lower = centre - pad;
      upper = centre + pad;
    }
    this.lower = lower;
    this.upper = upper;
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    return colour(value);
  }

  Color colour(double value) {
    double u = Double.isNaN(value) ? 0.0 : (value - lower) / (upper - lower);
    u = Math.max(0.0, Math.min(1.0, u));
    double position = u * (ANCHORS.length - 1);
    int i = Math.min((int) Math.floor(position), ANCHORS.length - 2);
    double f = position - i;
    int[] a = ANCHORS[i];
    int[] b = ANCHORS[i + 1];
    return new Color(mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
  }

  /** Whether text on this colour should be white (dark background) rather than black. */
  boolean dark(double value) {
    Color c = colour(value);
    double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    return luminance < 128;
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ViridisPaintScale other && other.lower == lower && other.upper == upper;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(lower) * 31 + Double.hashCode(upper);
  }
}
