package org.nqpf.model;

/**
 * Firm size class by employment, following the thresholds of China's classification of industrial
 * enterprises (micro under 20, small under 300, medium under 1,000 employees). SME = not LARGE.
 */
public enum SizeClass {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE;

  public static SizeClass of(double employment) {
    if (employment < 20) {
      return MICRO;
    }
    if (employment < 300) {
      return SMALL;
    }
    if (employment < 1000) {
      return MEDIUM;
    }
    return LARGE;
  }

  public boolean isSme() {
    return this != LARGE;
  }
}
