package org.nqpf.config;

/** A per-step rate for each sector, in [-0.5, 0.5] (for example nominal demand growth). */
public record SectorRates(double traditional, double strategicEmerging, double future) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public SectorRates {
    Check.between("traditional", traditional, -0.5, 0.5);
    Check.between("strategicEmerging", strategicEmerging, -0.5, 0.5);
    Check.between("future", future, -0.5, 0.5);
  }

  /** The rates in sector order (traditional, strategic emerging, future). */
  public double[] asArray() {
    return new double[] {traditional, strategicEmerging, future};
  }
}
