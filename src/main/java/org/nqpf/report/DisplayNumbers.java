package org.nqpf.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers rounded for people to read (report tables, heat-map cells): four significant digits,
 * no trailing zeros, plain notation between 1e-4 and 1e7 and {@code 1.234e9} outside, always with
 * a dot, whatever the default locale. The CSV files keep full precision; this is display only.
 */
public final class DisplayNumbers {

  public static final int SIGNIFICANT_DIGITS = 4;

  private DisplayNumbers() {}

  /** {@code value} rounded for display; the empty string for NaN and infinities. */
  public static String format(double value) {
    return format(value, SIGNIFICANT_DIGITS);
  }

  public static String format(double value, int significantDigits) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == 0.0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value)
        .round(new MathContext(significantDigits, RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent >= -4 && exponent < 7) {
      return rounded.toPlainString();
    }
    return rounded.movePointLeft(exponent).toPlainString() + "e" + exponent;
  }
}
