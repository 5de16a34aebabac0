package org.nqpf.model;

/**
 * An invention made upstairs at a university, waiting downstairs for pilot conversion. Its value
 * is the proportional productivity jump it brings; it loses value and ages while it waits.
 */
public final class Invention implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Sector sector;
  private final long created;
  private double value;
  private int age;

  public Invention(Sector sector, double value, long created) {
    this.sector = sector;
    this.value = value;
    this.created = created;
  }

  public Sector sector() {
    return sector;
  }

  public double value() {
    return value;
  }

  public int age() {
    return age;
  }

  public long created() {
    return created;
  }

  /** One step of waiting: the invention ages and its value decays by {@code decay}. */
  void age(double decay) {
    age++;
    value *= 1 - decay;
  }
}
