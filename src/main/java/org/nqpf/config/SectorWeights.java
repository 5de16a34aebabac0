package org.nqpf.config;

/**
 * Non-negative weights over the three sectors (traditional, strategic emerging, future); they
 * need not sum to one: they are normalised where used.
 */
public record SectorWeights(double traditional, double strategicEmerging, double future) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public SectorWeights {
    Check.nonNegative("traditional", traditional);
    Check.nonNegative("strategicEmerging", strategicEmerging);
    Check.nonNegative("future", future);
    if (traditional + strategicEmerging + future <= 0) {
      throw new ConfigException("", "weights traditional=" + Check.format(traditional) + ", strategicEmerging="
          + Check.format(strategicEmerging) + ", future=" + Check.format(future)
          + " sum to 0; expected at least one weight > 0");
    }
  }

  /** The weights in sector order (traditional, strategic emerging, future). */
  public double[] asArray() {
    return new double[] {traditional, strategicEmerging, future};
  }

  /** The weights in sector order, divided by their sum (so they sum to one). */
  public double[] normalised() {
    double total = traditional + strategicEmerging + future;
    return new double[] {traditional / total, strategicEmerging / total, future / total};
  }
}
