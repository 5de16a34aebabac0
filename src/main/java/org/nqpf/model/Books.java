package org.nqpf.model;

/**
 * The money accounts of households, the government and the goods market's clearing account, and
 * every transfer between them, firms, banks and guarantee funds. Money moves only through these
 * methods, so the sum of all accounts is constant by construction; each transfer is also recorded
 * in this step's transactions-flow matrix ({@link Matrices}), and the tests check that every
 * account's recorded flows add up to the change of its money.
 *
 * <p>Households stand for the demand side and the owners of firms: they buy output, receive wages
 * and dividends, sell capital goods, fund start-ups and absorb what a liquidated firm leaves.
 */
public final class Books implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final int ACCOUNTS = Matrices.Account.values().length;

  private double households;
  private double government;
  /** The goods market's clearing account under demand from incomes (zero, to rounding, between steps). */
  private double goodsMarket;
  /** This step's transactions-flow matrix, by {@link Matrices.Flow} then {@link Matrices.Account} ordinal. */
  private double[][] flows = new double[Matrices.Flow.values().length][ACCOUNTS];
  /** Households' income this step and the last: wages, operating costs, R&D pay, AI sales, dividends, transfers. */
  private double householdIncome;
  private double lastHouseholdIncome;
  private double tax;
  private double taxPrivate;
  private double subsidies;
  private double specialLending;
  private double topUps;
  private double incubation;
  private double talentGrants;
  private double ai;
  private double bailouts;
  private double specialRepayments;
  private double incomeTax;

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
    for (double[] row : flows) {
      java.util.Arrays.fill(row, 0);
    }
    lastHouseholdIncome = householdIncome;
    householdIncome = 0;
    tax = 0;
    taxPrivate = 0;
    subsidies = 0;
    specialLending = 0;
    topUps = 0;
    incubation = 0;
    talentGrants = 0;
    ai = 0;
    bailouts = 0;
    specialRepayments = 0;
    incomeTax = 0;
  }

  /** The goods market's clearing account. */
  public double goodsMarket() {
    return goodsMarket;
  }

  /** Households' income in the last complete step (disposable income: wages, profits paid out, transfers). */
  public double lastHouseholdIncome() {
    return lastHouseholdIncome;
  }

  /** A copy of this step's transactions-flow matrix (the change-in-money row is left at zero). */
  double[][] stepFlows() {
    double[][] copy = new double[flows.length][];
    for (int r = 0; r < flows.length; r++) {
      copy[r] = flows[r].clone();
    }
    return copy;
  }

  private void record(Matrices.Flow row, Matrices.Account from, Matrices.Account to, double amount) {
    double[] r = flows[row.ordinal()];
    r[from.ordinal()] -= amount;
    r[to.ordinal()] += amount;
  }

  /** Households pay a firm: purchases of output, founders' equity, capital of a liquidated firm. */
  void householdsToFirm(Matrices.Flow row, Firm firm, double amount) {
    households -= amount;
    firm.addCash(amount);
    record(row, Matrices.Account.HOUSEHOLDS, Matrices.Account.of(firm), amount);
  }

  /** A firm pays households: dividends, capital goods (demand exogenous), R&D staff, a leaver's cash. */
  void firmToHouseholds(Matrices.Flow row, Firm firm, double amount) {
    firm.addCash(-amount);
    households += amount;
    record(row, Matrices.Account.of(firm), Matrices.Account.HOUSEHOLDS, amount);
    if (row != Matrices.Flow.LIQUIDATION && row != Matrices.Flow.INVESTMENT) {
      householdIncome += amount;
    }
  }

  /** A firm pays its production workers and its fixed operating costs (services bought from households) in one transfer. */
  void payWagesAndCosts(Firm firm, double wages, double operatingCosts) {
    firm.addCash(-(wages + operatingCosts));
    households += wages + operatingCosts;
    Matrices.Account payer = Matrices.Account.of(firm);
    record(Matrices.Flow.WAGES, payer, Matrices.Account.HOUSEHOLDS, wages);
    record(Matrices.Flow.OPERATING_COSTS, payer, Matrices.Account.HOUSEHOLDS, operatingCosts);
    householdIncome += wages + operatingCosts;
  }

  /** Households pay for goods into the goods market's clearing account. */
  void householdsBuy(double amount) {
    households -= amount;
    goodsMarket += amount;
    record(Matrices.Flow.CONSUMPTION, Matrices.Account.HOUSEHOLDS, Matrices.Account.GOODS_MARKET, amount);
  }

  /** The government pays for goods into the goods market's clearing account. */
  void governmentBuys(double amount) {
    government -= amount;
    goodsMarket += amount;
    record(Matrices.Flow.GOVERNMENT_PURCHASES, Matrices.Account.GOVERNMENT, Matrices.Account.GOODS_MARKET, amount);
  }

  /** A firm pays for capital goods into the goods market's clearing account. */
  void firmBuysCapital(Firm firm, double amount) {
    firm.addCash(-amount);
    goodsMarket += amount;
    record(Matrices.Flow.INVESTMENT, Matrices.Account.of(firm), Matrices.Account.GOODS_MARKET, amount);
  }

  /** The clearing account refunds households the part of their spending that found no goods. */
  void refundHouseholds(double amount) {
    goodsMarket -= amount;
    households += amount;
    record(Matrices.Flow.CONSUMPTION, Matrices.Account.GOODS_MARKET, Matrices.Account.HOUSEHOLDS, amount);
  }

  /** The clearing account refunds the government the part of its purchases that found no goods. */
  void refundGovernment(double amount) {
    goodsMarket -= amount;
    government += amount;
    record(Matrices.Flow.GOVERNMENT_PURCHASES, Matrices.Account.GOODS_MARKET, Matrices.Account.GOVERNMENT, amount);
  }

  /** The clearing account refunds a firm the part of its capital order that found no goods. */
  void refundFirm(Firm firm, double amount) {
    goodsMarket -= amount;
    firm.addCash(amount);
    record(Matrices.Flow.INVESTMENT, Matrices.Account.GOODS_MARKET, Matrices.Account.of(firm), amount);
  }

  /** The clearing account pays a producer for its sales, by buyer: households, government, investing firms. */
  void paySales(Firm firm, double toHouseholds, double toGovernment, double toInvestors) {
    double total = toHouseholds + toGovernment + toInvestors;
    goodsMarket -= total;
    firm.addCash(total);
    Matrices.Account seller = Matrices.Account.of(firm);
    record(Matrices.Flow.CONSUMPTION, Matrices.Account.GOODS_MARKET, seller, toHouseholds);
    record(Matrices.Flow.GOVERNMENT_PURCHASES, Matrices.Account.GOODS_MARKET, seller, toGovernment);
    record(Matrices.Flow.INVESTMENT, Matrices.Account.GOODS_MARKET, seller, toInvestors);
  }

  /** Households' initial money (at initialisation, before the first step: part of the initial balance sheet). */
  void endowHouseholds(double amount) {
    households += amount;
  }

  /** Sets the last step's household income (at initialisation, so that the first step's consumption has a base). */
  void seedIncome(double income) {
    lastHouseholdIncome = income;
    householdIncome = 0;
  }

  /** Forgets the flows recorded so far this step (at initialisation, when the matrices begin). */
  void clearFlows() {
    for (double[] row : flows) {
      java.util.Arrays.fill(row, 0);
    }
  }

  /** A privatised SOE's money changes column (no payment: the record that keeps the columns whole). */
  void reclassify(Firm privatised) {
    double[] r = flows[Matrices.Flow.OWNERSHIP_CHANGE.ordinal()];
    r[Matrices.Account.SOES.ordinal()] -= privatised.getCash();
    r[Matrices.Account.PRIVATE_FIRMS.ordinal()] += privatised.getCash();
  }

  void taxFirm(Firm firm, double amount) {
    firm.addCash(-amount);
    government += amount;
    record(Matrices.Flow.TAX, Matrices.Account.of(firm), Matrices.Account.GOVERNMENT, amount);
    tax += amount;
    if (firm.isPrivate()) {
      taxPrivate += amount;
    }
  }

  /** The government pays households (for example when it funds a guarantee fund's start-up). */
  /** Households pay a bank's equity and deposits in (at initialisation). */
  void householdsToBank(Bank bank, double amount) {
    households -= amount;
    bank.addCash(amount);
    record(Matrices.Flow.EQUITY, Matrices.Account.HOUSEHOLDS, Matrices.Account.BANKS, amount);
  }

  /**
   * Households deposit {@code amount} of their money in a bank (a withdrawal when negative): the
   * bank's cash and its deposits, a liability, change together, so its equity does not.
   */
  void householdsDeposit(Bank bank, double amount) {
    households -= amount;
    bank.addCash(amount);
    bank.addDeposits(amount);
    record(Matrices.Flow.DEPOSITS_CHANGE, Matrices.Account.HOUSEHOLDS, Matrices.Account.BANKS, amount);
  }

  /** A bank pays dividends to households. */
  void bankToHouseholds(Bank bank, double amount) {
    bank.addCash(-amount);
    households += amount;
    record(Matrices.Flow.DIVIDENDS, Matrices.Account.BANKS, Matrices.Account.HOUSEHOLDS, amount);
    householdIncome += amount;
  }

  /** A bank pays out a loan to a firm. */
  void bankLends(Bank bank, Firm firm, double amount) {
    bank.addCash(-amount);
    bank.addLoans(amount);
    firm.addCash(amount);
    record(Matrices.Flow.BANK_LOANS, Matrices.Account.BANKS, Matrices.Account.of(firm), amount);
  }

  /** A firm repays principal and pays interest to its bank. */
  void firmRepaysBank(Firm firm, Bank bank, double principal, double interest) {
    firm.addCash(-(principal + interest));
    bank.addCash(principal + interest);
    bank.addLoans(-principal);
    bank.earnInterest(interest);
    record(Matrices.Flow.BANK_LOANS, Matrices.Account.of(firm), Matrices.Account.BANKS, principal);
    record(Matrices.Flow.INTEREST, Matrices.Account.of(firm), Matrices.Account.BANKS, interest);
  }

  /** The government pays out a special innovation loan. */
  void governmentLends(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    record(Matrices.Flow.SPECIAL_LOANS, Matrices.Account.GOVERNMENT, Matrices.Account.of(firm), amount);
    specialLending += amount;
  }

  /** A firm repays a special loan to the government. */
  void firmRepaysGovernment(Firm firm, double principal, double interest) {
    firm.addCash(-(principal + interest));
    government += principal + interest;
    record(Matrices.Flow.SPECIAL_LOANS, Matrices.Account.of(firm), Matrices.Account.GOVERNMENT, principal);
    record(Matrices.Flow.INTEREST, Matrices.Account.of(firm), Matrices.Account.GOVERNMENT, interest);
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
    record(Matrices.Flow.GUARANTEE_FEES, Matrices.Account.of(firm), Matrices.Account.GUARANTEE_FUNDS, amount);
  }

  /** A fund pays a bank the guaranteed part of a loss. */
  void fundPaysBank(GuaranteeFund fund, Bank bank, double amount) {
    fund.addCapital(-amount);
    bank.addCash(amount);
    record(Matrices.Flow.GUARANTEE_CLAIMS, Matrices.Account.GUARANTEE_FUNDS, Matrices.Account.BANKS, amount);
  }

  /** The government tops up a fund's capital. */
  void governmentToFund(GuaranteeFund fund, double amount) {
    government -= amount;
    fund.addCapital(amount);
    fund.recordTopUp(amount);
    record(Matrices.Flow.FUND_TOP_UPS, Matrices.Account.GOVERNMENT, Matrices.Account.GUARANTEE_FUNDS, amount);
    topUps += amount;
  }

  /** A guarantee fund returns capital it does not need to the government (demand from incomes). */
  void fundToGovernment(GuaranteeFund fund, double amount) {
    fund.addCapital(-amount);
    government += amount;
    record(Matrices.Flow.FUND_TOP_UPS, Matrices.Account.GUARANTEE_FUNDS, Matrices.Account.GOVERNMENT, amount);
  }

  /** Households pay income tax to the government (demand from incomes). */
  void taxHouseholds(double amount) {
    households -= amount;
    government += amount;
    record(Matrices.Flow.INCOME_TAX, Matrices.Account.HOUSEHOLDS, Matrices.Account.GOVERNMENT, amount);
    incomeTax += amount;
  }

  /** Income tax households paid this step. */
  public double stepIncomeTax() {
    return incomeTax;
  }

  /** The government covers an SOE's negative cash (soft budget constraint). */
  void bailOut(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    record(Matrices.Flow.BAILOUTS, Matrices.Account.GOVERNMENT, Matrices.Account.of(firm), amount);
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
    record(Matrices.Flow.SUBSIDIES, Matrices.Account.GOVERNMENT, Matrices.Account.of(firm), amount);
    incubation += amount;
  }

  /** The government's one-off grant to imported leading scientists, paid to households. */
  void talentGrant(double amount) {
    government -= amount;
    households += amount;
    record(Matrices.Flow.TALENT_GRANTS, Matrices.Account.GOVERNMENT, Matrices.Account.HOUSEHOLDS, amount);
    householdIncome += amount;
    talentGrants += amount;
  }

  public double stepTalentGrants() {
    return talentGrants;
  }

  /** A firm pays households for AI systems and services. */
  void aiSpending(Firm firm, double amount) {
    firm.addCash(-amount);
    households += amount;
    record(Matrices.Flow.AI_SPENDING, Matrices.Account.of(firm), Matrices.Account.HOUSEHOLDS, amount);
    householdIncome += amount;
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
    record(Matrices.Flow.EQUITY, Matrices.Account.GOVERNMENT, Matrices.Account.of(firm), amount);
  }

  void subsidiseFirm(Firm firm, double amount) {
    government -= amount;
    firm.addCash(amount);
    record(Matrices.Flow.SUBSIDIES, Matrices.Account.GOVERNMENT, Matrices.Account.of(firm), amount);
    subsidies += amount;
  }
}
