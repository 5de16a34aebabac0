package org.nqpf.model;

/**
 * The money accounts outside firms, and every transfer between them and firms. Money moves only
 * through these methods, so the sum of all accounts is constant by construction; the tests check
 * that it stays so.
 *
 * <p>Households stand for the demand side and the owners of firms: they buy output, receive wages
 * and dividends, sell capital goods, fund start-ups and absorb what a liquidated firm leaves.
 */
public final class Books {
  private double households;
  private double government;
  private double tax;
  private double taxPrivate;
  private double subsidies;

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

  void subsidiseFirm(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    subsidies += amount;
  }
}
