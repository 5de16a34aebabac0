package org.nqpf.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nqpf.config.DemandConfig;

/**
 * Demand from incomes ({@code mechanisms.demand: INCOMES}; docs/MODEL.md, "Demand from incomes").
 * At the opening of each goods market the buyers pay their spending into the market's clearing
 * account:
 * <ul>
 *   <li>households C = α₁·YD₋₁ + α₂·H (Godley and Lavoie 2007, model PC's consumption function),
 *       YD₋₁ their income of the last step (wages, operating costs, R&D pay, AI sales, dividends)
 *       and H their money in hand after income tax and after keeping their share of money in bank
 *       deposits ({@link #rebalanceDeposits}), never more than H;</li>
 *   <li>the government G = {@code governmentSpending} × labour force × production wage (a stated
 *       rule in wage units: population and policy pin the economy's scale, and the budget balances
 *       in the stationary state through the tax base, as in model SIM);</li>
 *   <li>firms the capital goods they ordered in the last market, within their cash.</li>
 * </ul>
 * Consumption is split between the sectors by Engel curves (Saviotti and Pyka 2004; Lorentz et al.
 * 2016): weight c₀ₛ·(y/y₀)^(ηₛ−1), c₀ the sectors' shares at the reference income
 * ({@code demand.consumptionShares}, an input, not the start's sales) and y real income per
 * head (income deflated by the sectors' prices, Laspeyres on c₀), y/y₀ at most
 * {@code engelSaturation} (needs saturate: beyond it the shares stop shifting, so that no sector
 * vanishes as productivity grows without bound); the government's purchases and
 * investment use c₀. Each sector's firms are paid for what they sell; at the close the part of
 * each buyer's spending that found no goods is refunded and investing firms receive the capital
 * they paid for. Wages follow aggregate labour productivity (Dosi, Fagiolo and Roventini 2010).
 */
final class IncomesDemand implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final int SECTORS = Sector.values().length;
  /** Largest quarterly change of the wage index. */
  private static final double MAX_QUARTERLY_CHANGE = 0.05;

  private final double labourForce;
  private final double[] baseShares = new double[SECTORS];
  private final double[] basePrices = new double[SECTORS];
  private final double baseRealIncomePerHead;
  /** The share of households' money (in hand and deposited) they keep in bank deposits: the initial one. */
  private double depositShare;
  private double lastProductivity;

  private final double[] consumption = new double[SECTORS];
  private final double[] government = new double[SECTORS];
  private final double[] investment = new double[SECTORS];
  private final double[] demand = new double[SECTORS];
  private final double[] sold = new double[SECTORS];
  private final double[] quantity = new double[SECTORS];
  private final double[] prices = new double[SECTORS];
  /** The firms whose capital goods are delivered in this market, and what each paid (empty between markets). */
  private final List<Firm> buyers = new ArrayList<>();
  private double[] paid = new double[16];
  /** The firms that have paid for capital goods to be delivered in the next market (the amount is the firm's order). */
  private final List<Firm> ordered = new ArrayList<>();

  private IncomesDemand(EcosystemModel model) {
    DemandConfig dc = model.scenario().demand();
    labourForce = dc.labourForcePerFirm() * model.scenario().firms().count();
    double total = 0;
    for (Sector s : Sector.values()) {
      total += model.sectorDemand(s);
    }
    double[] c0 = dc.consumptionShares().normalised();
    for (Sector s : Sector.values()) {
      int i = s.ordinal();
      baseShares[i] = c0[i];
      double q = 0;
      double v = 0;
      for (Firm f : model.firms(s)) {
        q += f.getQuantity();
        v += f.getSales();
      }
      basePrices[i] = q > 0 ? v / q : 1;
      prices[i] = basePrices[i];
    }
    baseRealIncomePerHead = total / labourForce;
    lastProductivity = productivity(model);
  }

  /**
   * Sets up demand from incomes at initialisation: households' money starts at the stationary
   * ratio to income of the consumption function, (1 − α₁)/α₂ times the initial sales (which stand
   * for the first step's income), so that the first step's consumption is its stationary value.
   */
  static IncomesDemand initialise(EcosystemModel model) {
    IncomesDemand d = new IncomesDemand(model);
    DemandConfig dc = model.scenario().demand();
    double income = model.initialSales();
    double wanted = dc.consumptionOutOfWealth() > 0
        ? (1 - dc.consumptionOutOfIncome()) / dc.consumptionOutOfWealth() * income
        : income;
    Books books = model.books();
    books.endowHouseholds(wanted - books.households());
    books.seedIncome(income);
    double deposits = 0;
    for (Bank bank : model.banks()) {
      deposits += bank.getDeposits();
    }
    d.depositShare = deposits > 0 ? deposits / (deposits + books.households()) : 0;
    return d;
  }

  /**
   * Households keep the share of their money they held in deposits at the start (a portfolio rule
   * with constant shares, as households' demand for deposits in Godley and Lavoie 2007, ch. 4 and
   * 10, without the interest-rate terms: deposits pay no interest here), so that banks' deposits,
   * and with them the cash banks can lend, grow and shrink with households' money. Each bank gets
   * the part of the change in proportion to its deposits; a withdrawal is limited by the bank's
   * cash.
   */
  void rebalanceDeposits(EcosystemModel model) {
    List<Bank> banks = model.banks();
    if (depositShare <= 0 || banks.isEmpty()) {
      return;
    }
    Books books = model.books();
    double deposits = 0;
    for (Bank bank : banks) {
      deposits += bank.getDeposits();
    }
    double wanted = depositShare * (deposits + Math.max(0, books.households()));
    double change = wanted - deposits;
    for (Bank bank : banks) {
      double part = deposits > 0 ? change * bank.getDeposits() / deposits : change / banks.size();
      if (part < 0) {
        part = -Math.min(-part, Math.min(Math.max(0, bank.getCash()), bank.getDeposits()));
      }
      books.householdsDeposit(bank, part);
    }
  }

  /** The labour force (population × participation: {@code labourForcePerFirm} × initial firms). */
  double labourForce() {
    return labourForce;
  }

  /** Aggregate labour productivity: output at the initial prices per production worker. */
  private double productivity(EcosystemModel model) {
    double real = 0;
    double workers = 0;
    for (Firm f : model.firms()) {
      real += f.getQuantity() * basePrices[f.getSector().ordinal()];
      workers += f.getWorkers();
    }
    return workers > 0 ? real / workers : lastProductivity;
  }

  /** The wage index of the coming step: last step's times the productivity growth passed through. */
  double nextWageIndex(EcosystemModel model, double wageIndex) {
    double now = productivity(model);
    double change = lastProductivity > 0 ? now / lastProductivity - 1 : 0;
    lastProductivity = now;
    change = Math.max(-MAX_QUARTERLY_CHANGE, Math.min(MAX_QUARTERLY_CHANGE, change));
    return wageIndex * (1 + model.scenario().demand().wagePassThrough() * change);
  }

  /**
   * Opens the goods market: the buyers pay their spending into the clearing account and each
   * sector's demand is set. Returns each sector's demand.
   */
  double[] open(EcosystemModel model) {
    DemandConfig dc = model.scenario().demand();
    Books books = model.books();
    double income = Math.max(0, books.lastHouseholdIncome());
    double incomeTax = Math.min(Math.max(0, books.households()), dc.incomeTaxRate() * income);
    books.taxHouseholds(incomeTax);
    rebalanceDeposits(model);
    double money = Math.max(0, books.households());
    double c = Math.min(money, dc.consumptionOutOfIncome() * (income - incomeTax) + dc.consumptionOutOfWealth() * money);
    double g = dc.governmentSpending() * labourForce * model.scenario().market().wage() * model.wageIndex();
    double orders = 0;
    buyers.clear();
    for (Firm f : ordered) {
      double order = f.getInvestmentOrder();
      if (order <= 0 || !f.isAlive()) {
        continue;
      }
      f.setInvestmentOrder(0);
      if (buyers.size() == paid.length) {
        paid = Arrays.copyOf(paid, 2 * paid.length);
      }
      paid[buyers.size()] = order;
      buyers.add(f);
      orders += order;
    }
    // Cleared, not replaced, so that its capacity is kept from step to step.
    ordered.clear();
    books.householdsBuy(c);
    books.governmentBuys(g);
    double[] engel = engelWeights(model, books.lastHouseholdIncome());
    for (int s = 0; s < SECTORS; s++) {
      consumption[s] = c * engel[s];
      government[s] = g * baseShares[s];
      investment[s] = orders * baseShares[s];
      demand[s] = consumption[s] + government[s] + investment[s];
      sold[s] = 0;
      quantity[s] = 0;
      model.setSectorDemand(Sector.values()[s], demand[s]);
    }
    return demand;
  }

  /**
   * A firm orders capital goods worth {@code amount} for the next market and pays for them now
   * into the clearing account (a payment in advance: the market owes the goods until it delivers
   * them, or refunds what it could not serve).
   */
  void order(Books books, Firm firm, double amount) {
    if (amount <= 0) {
      return;
    }
    books.firmBuysCapital(firm, amount);
    if (firm.getInvestmentOrder() == 0) {
      ordered.add(firm);
    }
    firm.setInvestmentOrder(firm.getInvestmentOrder() + amount);
  }

  /** A firm that leaves gets back what it paid for capital goods not yet delivered. */
  void cancel(Books books, Firm firm) {
    double order = firm.getInvestmentOrder();
    if (order > 0) {
      books.refundFirm(firm, order);
      firm.setInvestmentOrder(0);
    }
  }

  /** Consumption's split between the sectors by their income elasticities (summing to 1). */
  double[] engelWeights(EcosystemModel model, double income) {
    double[] eta = model.scenario().demand().incomeElasticities().asArray();
    double priceLevel = 0;
    for (int s = 0; s < SECTORS; s++) {
      priceLevel += baseShares[s] * prices[s] / basePrices[s];
    }
    double relative = income > 0 && priceLevel > 0 ? income / priceLevel / labourForce / baseRealIncomePerHead : 1;
    relative = Math.min(relative, model.scenario().demand().engelSaturation());
    double[] w = new double[SECTORS];
    double total = 0;
    for (int s = 0; s < SECTORS; s++) {
      w[s] = baseShares[s] * StrictMath.pow(relative, eta[s] - 1);
      total += w[s];
    }
    for (int s = 0; s < SECTORS; s++) {
      w[s] /= total;
    }
    return w;
  }

  /** Pays a producer of {@code sector} for sales worth {@code sales}, split by buyer in proportion to the sector's demand. */
  void paySales(Books books, Firm firm, Sector sector, double sales, double units) {
    int s = sector.ordinal();
    sold[s] += sales;
    quantity[s] += units;
    double d = demand[s];
    if (d > 0 && sales > 0) {
      books.paySales(firm, sales * consumption[s] / d, sales * government[s] / d, sales * investment[s] / d);
    }
  }

  /**
   * Closes the goods market: refunds each buyer the part of its spending that found no goods,
   * delivers the capital investing firms paid for, and notes the sectors' prices.
   */
  void close(EcosystemModel model) {
    Books books = model.books();
    double[] served = new double[SECTORS];
    double refundHouseholds = 0;
    double refundGovernment = 0;
    for (int s = 0; s < SECTORS; s++) {
      served[s] = served(s);
      refundHouseholds += consumption[s] * (1 - served[s]);
      refundGovernment += government[s] * (1 - served[s]);
      if (quantity[s] > 0) {
        prices[s] = sold[s] / quantity[s];
      }
    }
    books.refundHouseholds(refundHouseholds);
    books.refundGovernment(refundGovernment);
    double deliveredShare = 0;
    for (int s = 0; s < SECTORS; s++) {
      deliveredShare += baseShares[s] * served[s];
    }
    for (int i = 0; i < buyers.size(); i++) {
      Firm f = buyers.get(i);
      double delivered = paid[i] * deliveredShare;
      books.refundFirm(f, paid[i] - delivered);
      f.setCapital(f.getCapital() + delivered);
    }
    buyers.clear();
  }

  /** Consumption, government purchases and investment of this step's market (summed over sectors). */
  double consumption() {
    return sum(consumption);
  }

  double governmentPurchases() {
    return sum(government);
  }

  double investment() {
    return sum(investment);
  }

  /**
   * Spending of this step's market that found goods: each sector's consumption, government
   * purchases and investment times the share of its demand it served (what {@link #close} does
   * not refund), summed over the sectors.
   */
  double servedSpending() {
    double total = 0;
    for (int s = 0; s < SECTORS; s++) {
      total += (consumption[s] + government[s] + investment[s]) * served(s);
    }
    return total;
  }

  /** The share of sector {@code s}'s demand that its firms served in this step's market. */
  private double served(int s) {
    return demand[s] > 0 ? Math.min(1, sold[s] / demand[s]) : 0;
  }

  /** Demand of this step's market that found no goods, over the whole demand (0 when there was none). */
  double unservedShare() {
    double d = sum(demand);
    return d > 0 ? Math.max(0, 1 - sum(sold) / d) : 0;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
