package org.nqpf.model;

/**
 * A commercial bank. Its cash comes from its equity and households' deposits; it lends against
 * firms' net worth, earns interest, books losses on defaults and pays out part of its profit.
 * Lending is capped by its cash and by its capital requirement: unguaranteed loans outstanding ≤
 * equity / requirement (a guaranteed share carries no credit risk for the bank).
 */
public final class Bank implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int id;
  private double deposits;
  private double cash;
  private double loansOutstanding;
  private double stepInterest;
  private double stepLosses;
  private double cumulativeLosses;

  Bank(int id, double deposits) {
    this.id = id;
    this.deposits = deposits;
  }

  public int getId() {
    return id;
  }

  public double getCash() {
    return cash;
  }

  public double getLoansOutstanding() {
    return loansOutstanding;
  }

  /**
   * Households' deposits: a liability. Fixed at the start under exogenous demand; with demand from
   * incomes households keep a constant share of their money in them ({@link Books#householdsDeposit}).
   */
  public double getDeposits() {
    return deposits;
  }

  /** Equity: cash plus loans less deposits. */
  public double getEquity() {
    return cash + loansOutstanding - deposits;
  }

  public double getCumulativeLosses() {
    return cumulativeLosses;
  }

  double stepInterest() {
    return stepInterest;
  }

  double stepLosses() {
    return stepLosses;
  }

  void addCash(double amount) {
    cash += amount;
  }

  void addDeposits(double amount) {
    deposits += amount;
  }

  void addLoans(double amount) {
    loansOutstanding += amount;
    if (Math.abs(loansOutstanding) < 1e-9) {
      loansOutstanding = 0;
    }
  }

  void earnInterest(double amount) {
    stepInterest += amount;
  }

  void bookLoss(double amount) {
    stepLosses += amount;
    cumulativeLosses += amount;
  }

  void resetStep() {
    stepInterest = 0;
    stepLosses = 0;
  }

  @Override
  public String toString() {
    return "Bank " + id;
  }
}
