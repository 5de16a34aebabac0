package org.nqpf.model;

/**
 * The money accounts of households and the government, and every transfer between them, firms,
 * banks and guarantee funds, and every transfer between them and firms. Money moves only
 * through these methods, so the sum of all accounts is constant by construction; the tests check
 * that it stays so.
 *
 * <p>Households stand for the demand side and the owners of firms: they buy output, receive wages
 * and dividends, sell capital goods, fund start-ups and absorb what a liquidated firm leaves.
 */
public final class Books implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private double households;
  private double government;
  private double tax;
  private double taxPrivate;
  private double subsidies;
  private double specialLending;
  private double topUps;
  private double incubation;
  private double ai;
  private double bailouts;
  private double specialRepayments;

  public double households() {
    return households;
  }

  public double government() {
    return government;
  }

  /** Tax collected since the last {@link #resetStep()}. */
  public double stepTax() {
    return tax;
  }

  public double stepTaxPrivate() {
    return taxPrivate;
  }

  public double stepSubsidies() {
    return subsidies;
  }

  void resetStep() {
    tax = 0;
    taxPrivate = 0;
    subsidies = 0;
    specialLending = 0;
    topUps = 0;
    incubation = 0;
    ai = 0;
    bailouts = 0;
    specialRepayments = 0;
  }

  /** Households pay a firm (purchases of output, start-up capital). */
  void householdsToFirm(Firm firm, double amount) {
    households -= amount;
    firm.addCash(amount);
  }

  /** A firm pays households (wages, dividends, capital goods, liquidation). */
  void firmToHouseholds(Firm firm, double amount) {
    firm.addCash(-amount);
    households += amount;
  }

  void taxFirm(Firm firm, double amount) {
    firm.addCash(-amount);
    government += amount;
    tax += amount;
    if (firm.isPrivate()) {
      taxPrivate += amount;
    }
  }

  /** The government pays households (for example when it funds a guarantee fund's start-up). */
  void governmentToHouseholds(double amount) {
    government -= amount;
    households += amount;
  }

  void householdsToBank(Bank bank, double amount) {
    households -= amount;
    bank.addCash(amount);
  }

  void bankToHouseholds(Bank bank, double amount) {
    bank.addCash(-amount);
    households += amount;
  }

  /** A bank pays out a loan to a firm. */
  void bankLends(Bank bank, Firm firm, double amount) {
    bank.addCash(-amount);
    bank.addLoans(amount);
    firm.addCash(amount);
  }

  /** A firm repays principal and pays interest to its bank. */
  void firmRepaysBank(Firm firm, Bank bank, double principal, double interest) {
    firm.addCash(-(principal + interest));
    bank.addCash(principal + interest);
    bank.addLoans(-principal);
    bank.earnInterest(interest);
  }

  /** The government pays out a special innovation loan. */
  void governmentLends(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    specialLending += amount;
  }

  /** A firm repays a special loan to the government. */
  void firmRepaysGovernment(Firm firm, double principal, double interest) {
    firm.addCash(-(principal + interest));
    government += principal + interest;
    specialRepayments += principal + interest;
  }

  /** Special-loan principal and interest the government received this step. */
  public double stepSpecialRepayments() {
    return specialRepayments;
  }

  /** A firm pays a guarantee fee to a fund. */
  void firmPaysFund(Firm firm, GuaranteeFund fund, double amount) {
    firm.addCash(-amount);
    fund.addCapital(amount);
  }

  /** A fund pays a bank the guaranteed part of a loss. */
  void fundPaysBank(GuaranteeFund fund, Bank bank, double amount) {
    fund.addCapital(-amount);
    bank.addCash(amount);
  }

  /** The government tops up a fund's capital. */
  void governmentToFund(GuaranteeFund fund, double amount) {
    government -= amount;
    fund.addCapital(amount);
    fund.recordTopUp(amount);
    topUps += amount;
  }

  /** The government covers an SOE's negative cash (soft budget constraint). */
  void bailOut(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    bailouts += amount;
  }

  public double stepBailouts() {
    return bailouts;
  }

  /** An incubation grant to a young future-industry start-up. */
  void incubationGrant(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    firm.addRdGrant(amount);
    incubation += amount;
  }

  /** A firm pays households for AI systems and services. */
  void aiSpending(Firm firm, double amount) {
    firm.addCash(-amount);
    households += amount;
    ai += amount;
  }

  public double stepSpecialLending() {
    return specialLending;
  }

  public double stepTopUps() {
    return topUps;
  }

  public double stepIncubation() {
    return incubation;
  }

  public double stepAiSpending() {
    return ai;
  }

  /** The government pays in the equity of an SOE it founds. */
  void stateEquity(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
  }

  void subsidiseFirm(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    subsidies += amount;
  }
}
