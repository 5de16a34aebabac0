package org.nqpf.model;

/**
 * A loan to a firm, repaid in equal instalments of principal over its maturity, with interest on
 * what is outstanding. Its lender is a bank, or the government for a special innovation loan; a
 * guarantee fund may cover a share of it.
 */
public final class Loan implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Bank bank;
  private final GuaranteeFund fund;
  private final double guaranteedShare;
  private final double rate;
  private final double instalment;
  private final long granted;
  private double principal;

  Loan(Bank bank, GuaranteeFund fund, double guaranteedShare, double amount, double rate, int maturity, long granted) {
    this.bank = bank;
    this.fund = fund;
    this.guaranteedShare = fund == null ? 0 : guaranteedShare;
    this.principal = amount;
    this.rate = rate;
    this.instalment = amount / maturity;
    this.granted = granted;
  }

  /** The lending bank, or null for a special innovation loan from the government. */
  public Bank bank() {
    return bank;
  }

  public boolean isSpecial() {
    return bank == null;
  }

  /** The guarantee fund covering part of the loan, or null. */
  public GuaranteeFund fund() {
    return fund;
  }

  public boolean isGuaranteed() {
    return fund != null && guaranteedShare > 0;
  }

  public double guaranteedShare() {
    return guaranteedShare;
  }

  public double rate() {
    return rate;
  }

  public double principal() {
    return principal;
  }

  public long granted() {
    return granted;
  }

  /** The principal due this step: one instalment, or what is left. */
  /** The principal the lender bears itself: principal × (1 − guaranteed share). */
  double unguaranteedPrincipal() {
    return principal * (1 - guaranteedShare);
  }

  double principalDue() {
    return Math.min(instalment, principal);
  }

  /** What the loan asks for at its next service: interest on the principal and the principal due. */
  double nextService() {
    return rate * principal + principalDue();
  }

  void repay(double amount) {
    principal -= amount;
    if (principal < 1e-9) {
      principal = 0;
    }
  }

  void writeOff() {
    principal = 0;
  }
}
