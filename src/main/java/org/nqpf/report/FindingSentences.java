package org.nqpf.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.nqpf.model.Metric;

/** The sentences of {@link Findings}: a parameter's move and what it does to a metric, rounded to its interval. */
final class FindingSentences {
  /** The most decimals a sentence's number shows (more: two significant digits in powers of ten). */
  private static final int MAX_DECIMALS = 6;

  private FindingSentences() {}

  /**
   * "guaranteeCoverage 0 → 0.7 lowers smeRationedShare by 0.211 [0.170, 0.252] (share, averaged
   * over fundLeverage)": a raise or a fall with the interval of its size when the interval excludes
   * 0, "does not significantly change" with the signed effect and interval when it holds 0.
   */
  static String sentence(String name, String low, String high, String metric, double effect, double lo, double hi,
      String note) {
    Metric known = ChartStyle.metric(metric);
    String unit = known == null ? "" : known.unit();
    String move = name + " " + low + " \u2192 " + high;
    String details = join(unit, note);
    String tail = details.isEmpty() ? "" : " (" + details + ")";
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      if (effect == 0) {
        return move + " does not change " + metric + tail;
      }
      return move + (effect > 0 ? " raises " : " lowers ") + metric + " by " + DisplayNumbers.format(Math.abs(effect))
          + tail;
    }
    if (lo == 0 && hi == 0 && effect == 0) {
      return move + " does not change " + metric + " (" + join(unit, "the same in every replication") + ")";
    }
    double half = (hi - lo) / 2;
    if (lo > 0 || hi < 0) {
      boolean up = effect > 0;
      return move + (up ? " raises " : " lowers ") + metric + " by " + rounded(Math.abs(effect), half) + " ["
          + rounded(up ? lo : -hi, half) + ", " + rounded(up ? hi : -lo, half) + "]" + tail;
    }
    return move + " does not significantly change " + metric + " (" + rounded(effect, half) + " [" + rounded(lo, half)
        + ", " + rounded(hi, half) + "]" + (details.isEmpty() ? "" : "; " + details) + ")";
  }

  private static String join(String first, String second) {
    if (first.isEmpty()) {
      return second;
    }
    return second.isEmpty() ? first : first + ", " + second;
  }

  /**
   * {@code value} with as many decimals as two significant digits of {@code halfWidth} need (the
   * interval's precision decides how much of the estimate is worth reading), locale-free; four
   * significant digits when the half-width is 0 or not finite, and two, in powers of ten
   * ({@code 1.9e-7}), when it would take more than {@value #MAX_DECIMALS} decimals.
   */
  static String rounded(double value, double halfWidth) {
    if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
      return DisplayNumbers.format(value);
    }
    int scale = 1 - (int) Math.floor(Math.log10(halfWidth));
    if (scale > MAX_DECIMALS) {
      return DisplayNumbers.format(value, 2);
    }
    String text = new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }
}
