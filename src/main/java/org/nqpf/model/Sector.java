package org.nqpf.model;

/** Industry sectors the article distinguishes: traditional, strategic emerging and future industries. */
public enum Sector {
  TRADITIONAL,
  STRATEGIC_EMERGING,
  FUTURE;

  private static final Sector[] VALUES = values();

  /** The sector at {@code index} in declaration order. */
  public static Sector of(int index) {
    return VALUES[index];
  }
}
