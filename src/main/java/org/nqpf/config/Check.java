package org.nqpf.config;

import java.util.Locale;

/**
 * Range checks used by the configuration records' constructors. Each throws a
 * {@link ConfigException} naming the key, the value and the allowed range; the loader adds the
 * parent path.
 */
public final class Check {
  /** Upper bound on population sizes: larger economies are refused before memory runs out. */
  public static final int MAX_AGENTS = 10_000_000;

  private Check() {}

  public static double finite(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new ConfigException(key, "value " + format(value) + " is not allowed; expected a finite number");
    }
    return value;
  }

  public static double probability(String key, double value) {
    finite(key, value);
    if (value < 0 || value > 1) {
      throw new ConfigException(key, "value " + format(value) + " is out of range; expected a probability in [0, 1]");
    }
    return value;
  }

  public static double nonNegative(String key, double value) {
    finite(key, value);
    if (value < 0) {
      throw new ConfigException(key, "value " + format(value) + " is negative; expected a number >= 0");
    }
    return value;
  }

  public static double positive(String key, double value) {
    finite(key, value);
    if (value <= 0) {
      throw new ConfigException(key, "value " + format(value) + " is not positive; expected a number > 0");
    }
    return value;
  }

  public static double between(String key, double value, double low, double high) {
    finite(key, value);
    if (value < low || value > high) {
      throw new ConfigException(key, "value " + format(value) + " is out of range; expected a number in ["
          + format(low) + ", " + format(high) + "]");
    }
    return value;
  }

  public static int count(String key, int value, int min, int max) {
    if (value < min || value > max) {
      String what = value < 0 ? "is negative" : "is out of range";
      throw new ConfigException(key, "value " + value + " " + what + "; expected a whole number in ["
          + min + ", " + max + "]");
    }
    return value;
  }

  /** Seeds have at most this many bits, so that every seed is exactly a double (2^53). */
  public static final int SEED_BITS = 53;

  /** The largest seed, 2^53 − 1 = 9007199254740991: larger whole numbers are not all doubles. */
  public static final long MAX_SEED = (1L << SEED_BITS) - 1;

  /**
   * A seed: a whole number in [0, 2^53 − 1], so that it survives being read as a double (R,
   * pandas, spreadsheets and JSON readers in JavaScript do) and a rerun gets the same run.
   */
  public static long seed(String key, long value) {
    if (value < 0) {
      throw new ConfigException(key, "value " + value + " is negative; expected a whole number in [0, " + MAX_SEED + "]");
    }
    if (value > MAX_SEED) {
      throw new ConfigException(key, "value " + value + " is above 2^53 - 1; expected a whole number in [0, " + MAX_SEED
          + "] (larger seeds do not survive being read as a double, as R, pandas and spreadsheets read numbers)");
    }
    return value;
  }

  public static <T> T present(String key, T value) {
    if (value == null) {
      throw new ConfigException(key, "value is missing (null); expected a value");
    }
    return value;
  }

  public static String name(String key, String value) {
    present(key, value);
    if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      String shown = value.length() <= 70 ? value : value.substring(0, 67) + "...";
      throw new ConfigException(key, "value \"" + shown + "\" is not allowed; expected 1-64 characters of"
          + " letters, digits, '.', '_' or '-', starting with a letter or digit (it names the results folder)");
    }
    return value;
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    return Double.toString(value);
  }
}
