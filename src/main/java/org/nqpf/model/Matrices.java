package org.nqpf.model;

import java.util.List;

/**
 * The stock-flow matrices of one step (Godley and Lavoie 2007, ch. 2; Caiani et al. 2016): the
 * balance-sheet matrix at the end of the step and the transactions-flow matrix of the step, both by
 * {@link Account}. Every money transfer in the model goes through {@link Books}, which records it
 * in one {@link Flow} row as a use (−) of the paying account and a source (+) of the receiving one,
 * so every flow row sums to zero; the last row, the change in money, is read from the accounts'
 * balances, not from the flows, so a column sums to zero only if every change of that account's
 * money was recorded. In the balance sheet every financial row (money, deposits, loans) sums to
 * zero, capital is a real asset of firms, and net worth closes each column.
 *
 * @param step the step the matrices describe
 * @param flows the transactions-flow matrix, by {@link Flow} then {@link Account} ordinal
 * @param balances the balance-sheet matrix, by {@link Stock} then {@link Account} ordinal
 */
public record Matrices(long step, double[][] flows, double[][] balances) {

  /** The columns: the model's institutional sectors. */
  public enum Account {
    HOUSEHOLDS("households"),
    PRIVATE_FIRMS("privateFirms"),
    SOES("soes"),
    BANKS("banks"),
    GUARANTEE_FUNDS("guaranteeFunds"),
    GOVERNMENT("government"),
    /** The goods market's clearing account: buyers pay in, producers are paid out; it holds the advance payments for capital goods. */
    GOODS_MARKET("goodsMarket"),
    /** The issuer of the model's money (outside money fixed at the start; the government's overdraft is negative money). */
    CENTRAL_BANK("centralBank");

    private final String id;

    Account(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static Account of(Firm firm) {
      return firm.isPrivate() ? PRIVATE_FIRMS : SOES;
    }
  }

  /** The rows of the transactions-flow matrix. */
  public enum Flow {
    CONSUMPTION("consumption"),
    GOVERNMENT_PURCHASES("governmentPurchases"),
    INVESTMENT("investment"),
    WAGES("wages"),
    OPERATING_COSTS("operatingCosts"),
    RESEARCH("research"),
    AI_SPENDING("aiSpending"),
    DIVIDENDS("dividends"),
    TAX("tax"),
    INCOME_TAX("incomeTax"),
    INTEREST("interest"),
    SUBSIDIES("subsidies"),
    /** The government's one-off grants to imported leading scientists (households). */
    TALENT_GRANTS("talentGrants"),
    BAILOUTS("bailouts"),
    FUND_TOP_UPS("fundTopUps"),
    GUARANTEE_FEES("guaranteeFees"),
    GUARANTEE_CLAIMS("guaranteeClaims"),
    BANK_LOANS("bankLoans"),
    SPECIAL_LOANS("specialLoans"),
    EQUITY("equity"),
    LIQUIDATION("liquidation"),
    /** Households' net deposits into banks (withdrawals negative): money for a deposit claim. */
    DEPOSITS_CHANGE("changeInDeposits"),
    /** A privatised SOE's money moves from the SOE column to the private one (no payment). */
    OWNERSHIP_CHANGE("ownershipChange"),
    /** Minus the change of each account's money over the step, read from the balances. */
    CHANGE_IN_MONEY("changeInMoney");

    private final String id;

    Flow(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** The rows of the balance-sheet matrix. */
  public enum Stock {
    MONEY("money"),
    DEPOSITS("deposits"),
    BANK_LOANS("bankLoans"),
    SPECIAL_LOANS("specialLoans"),
    /** Capital goods paid for and not yet delivered: firms' claim on the goods market. */
    ADVANCE_PAYMENTS("advancePayments"),
    CAPITAL("capital"),
    NET_WORTH("netWorth");

    private final String id;

    Stock(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Sum of a flow row (zero to rounding). */
  public double flowRowSum(Flow row) {
    return sum(flows[row.ordinal()]);
  }

  /** Sum of an account's column of the transactions-flow matrix (zero to rounding). */
  public double flowColumnSum(Account column) {
    double total = 0;
    for (double[] row : flows) {
      total += row[column.ordinal()];
    }
    return total;
  }

  /** Sum of a balance-sheet row: zero for financial rows; capital for {@link Stock#CAPITAL}, minus it for net worth. */
  public double balanceRowSum(Stock row) {
    return sum(balances[row.ordinal()]);
  }

  /** Sum of an account's column of the balance sheet (zero by net worth). */
  public double balanceColumnSum(Account column) {
    double total = 0;
    for (double[] row : balances) {
      total += row[column.ordinal()];
    }
    return total;
  }

  /** The largest absolute value in the matrices, the scale against which rounding is judged. */
  public double scale() {
    double max = 0;
    for (double[][] m : List.of(flows, balances)) {
      for (double[] row : m) {
        for (double v : row) {
          max = Math.max(max, Math.abs(v));
        }
      }
    }
    return max;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  /** Money held by each account now ({@link Account#CENTRAL_BANK} holds minus the total issued). */
  static double[] money(EcosystemModel model) {
    double[] money = new double[Account.values().length];
    Books books = model.books();
    money[Account.HOUSEHOLDS.ordinal()] = books.households();
    money[Account.GOVERNMENT.ordinal()] = books.government();
    money[Account.GOODS_MARKET.ordinal()] = books.goodsMarket();
    for (Firm f : model.firms()) {
      money[Account.of(f).ordinal()] += f.getCash();
    }
    for (Bank b : model.banks()) {
      money[Account.BANKS.ordinal()] += b.getCash();
    }
    for (GuaranteeFund fund : model.funds()) {
      money[Account.GUARANTEE_FUNDS.ordinal()] += fund.getCapital();
    }
    double issued = 0;
    for (int a = 0; a < money.length; a++) {
      issued += money[a];
    }
    money[Account.CENTRAL_BANK.ordinal()] = -issued;
    return money;
  }

  /** The matrices of the step just run, given each account's money at the step's start. */
  static Matrices of(EcosystemModel model, double[] moneyBefore) {
    int accounts = Account.values().length;
    double[][] flows = model.books().stepFlows();
    double[] moneyNow = money(model);
    for (int a = 0; a < accounts; a++) {
      flows[Flow.CHANGE_IN_MONEY.ordinal()][a] = -(moneyNow[a] - moneyBefore[a]);
    }
    double[][] balances = new double[Stock.values().length][accounts];
    balances[Stock.MONEY.ordinal()] = moneyNow;
    for (Bank b : model.banks()) {
      balances[Stock.DEPOSITS.ordinal()][Account.BANKS.ordinal()] -= b.getDeposits();
      balances[Stock.DEPOSITS.ordinal()][Account.HOUSEHOLDS.ordinal()] += b.getDeposits();
      balances[Stock.BANK_LOANS.ordinal()][Account.BANKS.ordinal()] += b.getLoansOutstanding();
    }
    for (Firm f : model.firms()) {
      int column = Account.of(f).ordinal();
      for (Loan loan : f.getLoans()) {
        if (loan.isSpecial()) {
          balances[Stock.SPECIAL_LOANS.ordinal()][column] -= loan.principal();
          balances[Stock.SPECIAL_LOANS.ordinal()][Account.GOVERNMENT.ordinal()] += loan.principal();
        } else {
          balances[Stock.BANK_LOANS.ordinal()][column] -= loan.principal();
        }
      }
      balances[Stock.CAPITAL.ordinal()][column] += f.getCapital();
      balances[Stock.ADVANCE_PAYMENTS.ordinal()][column] += f.getInvestmentOrder();
      balances[Stock.ADVANCE_PAYMENTS.ordinal()][Account.GOODS_MARKET.ordinal()] -= f.getInvestmentOrder();
    }
    for (int a = 0; a < accounts; a++) {
      double netWorth = 0;
      for (int s = 0; s < Stock.NET_WORTH.ordinal(); s++) {
        netWorth += balances[s][a];
      }
      balances[Stock.NET_WORTH.ordinal()][a] = -netWorth;
    }
    return new Matrices(model.currentStep(), flows, balances);
  }
}
