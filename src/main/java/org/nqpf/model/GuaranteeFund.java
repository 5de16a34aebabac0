package org.nqpf.model;

/**
 * A guarantee fund (担保公司): it guarantees a share of SME loans for a fee while its exposure stays
 * within leverage × capital, pays the guaranteed part of defaults, and is replenished by the
 * government. Its capital is its cash.
 */
public final class GuaranteeFund implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int id;
  private double capital;
  private double exposure;
  private double cumulativeGuaranteed;
  private double cumulativeLossesPaid;
  private double stepTopUp;

  GuaranteeFund(int id) {
    this.id = id;
  }

  public int getId() {
    return id;
  }

  public double getCapital() {
    return capital;
  }

  /** Guaranteed principal outstanding. */
  public double getExposure() {
    return exposure;
  }

  public double getCumulativeGuaranteed() {
    return cumulativeGuaranteed;
  }

  public double getCumulativeLossesPaid() {
    return cumulativeLossesPaid;
  }

  /** Losses paid over guarantees given, since the start. */
  public double getLossRatio() {
    return cumulativeGuaranteed > 0 ? cumulativeLossesPaid / cumulativeGuaranteed : 0;
  }

  double stepTopUp() {
    return stepTopUp;
  }

  void addCapital(double amount) {
    capital += amount;
  }

  void addExposure(double amount) {
    exposure += amount;
    if (Math.abs(exposure) < 1e-9) {
      exposure = 0;
    }
  }

  void recordGuarantee(double amount) {
    cumulativeGuaranteed += amount;
  }

  void recordLossPaid(double amount) {
    cumulativeLossesPaid += amount;
  }

  void recordTopUp(double amount) {
    stepTopUp += amount;
  }

  void resetStep() {
    stepTopUp = 0;
  }

  @Override
  public String toString() {
    return "Guarantee fund " + id;
  }
}
