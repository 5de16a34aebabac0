package org.nqpf.model;

import java.util.List;
import org.nqpf.config.MarketConfig;
import org.nqpf.config.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Production and the goods market (MODEL.md §3 step 8). Within each sector:
 * <ol>
 *   <li>each firm prices at (1 + markup) × unit cost, unit cost = wage / productivity + the capital
 *       cost of the capital a unit of sales ties up; its competitiveness is 1 / price (times {@code soeMarketAccess}
 *       for SOEs), times 1 − the share of its customers' orders it could not fill in the last market
 *       (demand from incomes; Dosi, Fagiolo and Roventini 2010);</li>
 *   <li>market shares follow replicator dynamics f' = f·(1 + χ·(E − Ē)/Ē), Ē the share-weighted
 *       mean, χ = {@code replicatorSpeed} × (0.5 + 0.5 × market unification); under
 *       {@code mechanisms.market: LINES} a firm's share is its share of the sector's product lines
 *       instead ({@link ProductLines}), and prices set only quantities and costs;</li>
 *   <li>nominal demand grows at the sector's rate (first, for all sectors, which also moves the
 *       wage index); a firm sells its share of it, within its
 *       capacity (capital / capital per unit of sales), and hires the workers the output needs;</li>
 *   <li>it pays wages and a fixed operating cost; its profit is sales less wages, fixed cost, R&D,
 *       interest paid this step and depreciation; it pays a profit tax, dividends, and invests towards the capital its demand needs,
 *       all within its cash (which credit, when on, raised in the credit phase).</li>
 * </ol>
 */
final class GoodsMarket implements Steppable {
  private static final long serialVersionUID = 1L;

  /** Per-step buffers of the sector being cleared, reused from step to step (never saved in checkpoints). */
  private transient double[] prices;
  private transient double[] competitiveness;
  private transient double[] wanted;
  private transient double[] served;
  private transient double[] capacities;
  private transient double[] shares;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    if (model.lines() != null) {
      // The lines' demand weights move before the market: the step's shares are their shares.
      model.lines().shiftDemand(model);
    }
    model.growDemand();
    for (Sector sector : Sector.values()) {
      clear(model, sector);
    }
    if (model.incomes() != null) {
      model.incomes().close(model);
    }
    model.population().recordMeanSales();
  }

  private void clear(EcosystemModel model, Sector sector) {
    Scenario scenario = model.scenario();
    MarketConfig market = scenario.market();
    List<Firm> firms = model.firms(sector);
    if (firms.isEmpty()) {
      return;
    }
    double chi = market.replicatorSpeed() * (0.5 + 0.5 * model.policy().marketUnification());
    int n = firms.size();
    if (prices == null || prices.length < n) {
      prices = new double[Math.max(n, 2 * (prices == null ? 0 : prices.length))];
      competitiveness = new double[prices.length];
    }
    double[] prices = this.prices;
    double demand = model.sectorDemand(sector);
    if (model.productLines() && model.incomes() != null) {
      // Under product lines the shares are the lines' shares and competitiveness moves none of
      // them: each firm is priced in the visit that sells for it, one pass over the sector's
      // firms fewer (at 100,000 firms each pass is a cache miss or more per firm).
      clearFromIncomes(model, sector, firms, 0, prices, demand, true);
      return;
    }
    double[] competitiveness = this.competitiveness;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      Firm firm = firms.get(i);
      prices[i] = model.priceOf(firm);
      // Unfilled orders lower competitiveness (Dosi, Fagiolo and Roventini 2010); a firm's unfilled
      // share is 0 unless demand comes from incomes.
      competitiveness[i] = (firm.isPrivate() ? 1.0 : market.soeMarketAccess()) / prices[i] * (1 - firm.getUnfilled());
      mean += firm.getMarketShare() * competitiveness[i];
    }
    // The new shares' sum is taken as they are set, and each firm's share is renormalised in the
    // visit that produces for it: the passes of FirmPopulation.normaliseShares, folded in. Under
    // product lines the shares are the lines' shares already (total 0: nothing to renormalise).
    double total = 0;
    if (!model.productLines()) {
      total = replicate(firms, competitiveness, n, mean, chi);
      model.work().shareUpdates += 2L * n;
    }

    if (model.incomes() != null) {
      clearFromIncomes(model, sector, firms, total, prices, demand, false);
      return;
    }
    double growth = scenario.market().demandGrowth().asArray()[sector.ordinal()];
    for (int i = 0; i < n; i++) {
      renormaliseAndProduce(model, firms.get(i), total, prices[i], demand, growth);
    }
  }

  /**
   * Replicator dynamics on shares; a share that would turn negative is set to zero. Returns the sum
   * of the shares (all firms are alive in this phase), in list order.
   */
  static double replicate(List<Firm> firms, double[] competitiveness, int n, double mean, double chi) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      Firm firm = firms.get(i);
      double share = firm.getMarketShare();
      if (mean > 0) {
        share = Math.max(0, share * (1 + chi * (competitiveness[i] - mean) / mean));
        firm.setMarketShare(share);
      }
      total += share;
    }
    return total;
  }

  /** Renormalises the firm's share by the sector's {@code total} (if positive), then produces and settles. */
  private static void renormaliseAndProduce(EcosystemModel model, Firm firm, double total, double price, double demand,
      double growth) {
    if (total > 0) {
      firm.setMarketShare(firm.getMarketShare() / total);
    }
    produceAndSettle(model, firm, price, demand, growth);
  }

  /**
   * Demand from incomes: each firm sells its share of the sector's demand within its capacity; the
   * demand capacity-bound firms cannot serve spills over to the sector's firms with spare capacity
   * ({@link #spillOver}); what is left unserved is refunded to the buyers at the market's close.
   * Each firm is paid through the clearing account.
   * With {@code pricing} each firm's price is set in the first pass, else {@code prices} holds them.
   */
  private void clearFromIncomes(EcosystemModel model, Sector sector, List<Firm> firms, double total, double[] prices,
      double demand, boolean pricing) {
    int n = firms.size();
    if (wanted == null || wanted.length < prices.length) {
      wanted = new double[prices.length];
      served = new double[prices.length];
      capacities = new double[prices.length];
      shares = new double[prices.length];
    }
    double unserved = 0;
    double spare = 0;
    int unbounded = 0;
    for (int i = 0; i < n; i++) {
      Firm firm = firms.get(i);
      if (pricing) {
        prices[i] = model.priceOf(firm);
      }
      if (total > 0) {
        firm.setMarketShare(firm.getMarketShare() / total);
      }
      wanted[i] = firm.getMarketShare() * demand;
      double capacity = capacity(firm);
      // Kept beside the firms: the spill-over pass reads them without visiting every firm again.
      capacities[i] = capacity;
      shares[i] = firm.getMarketShare();
      served[i] = Math.min(wanted[i], capacity);
      firm.setUnfilled(wanted[i] > 0 ? (wanted[i] - served[i]) / wanted[i] : 0);
      unserved += wanted[i] - served[i];
      if (Double.isInfinite(capacity)) {
        unbounded++;
      } else {
        spare += capacity - served[i];
      }
    }
    if (unserved > 0 && (spare > 0 || unbounded > 0)) {
      if (unbounded > 0) {
        for (int i = 0; i < n; i++) {
          served[i] += Double.isInfinite(capacities[i]) ? unserved / unbounded : 0;
        }
      } else {
        spillOver(served, capacities, shares, n, unserved);
      }
    }
    IncomesDemand incomes = model.incomes();
    for (int i = 0; i < n; i++) {
      Firm firm = firms.get(i);
      double quantity = served[i] / prices[i];
      firm.recordProduction(quantity, prices[i], quantity / firm.getProductivity());
      firm.markProduced(model.currentStep());
      incomes.paySales(model.books(), firm, sector, firm.getSales(), quantity);
      settle(model, firm, wanted[i], 0);
    }
  }

  /**
   * Spill-over (customers rationed by their supplier buy elsewhere in the sector): the customers of
   * a capacity-bound firm search the sector's other product lines at random, as consumers who find
   * their supplier rationed move on to another (Caiani et al. 2016's search of suppliers; Dosi,
   * Fagiolo and Roventini 2010's rationing, without inventories), so {@code unserved} reaches each
   * firm with spare capacity in proportion to its market share {@code shares} (its share of the
   * lines' demand), within that spare capacity; what a full firm cannot take goes again to the
   * others with room, in proportion to their shares, until it is all placed or no firm has room.
   * Serving it in proportion to spare capacity instead gave a small firm whose own line's demand
   * fell as much of the spill-over as a large one, which smoothed small firms' sales and flattened
   * the fall of volatility with size (docs/MODEL.md, "Product lines"). Returns what is left.
   */
  static double spillOver(double[] served, double[] capacities, double[] shares, int n, double unserved) {
    double left = unserved;
    while (left > 1e-12 * unserved) {
      double room = 0;
      for (int i = 0; i < n; i++) {
        if (capacities[i] > served[i]) {
          room += shares[i];
        }
      }
      if (room <= 0) {
        break;
      }
      double placed = 0;
      for (int i = 0; i < n; i++) {
        if (capacities[i] > served[i]) {
          double add = Math.min(capacities[i] - served[i], left * shares[i] / room);
          served[i] += add;
          placed += add;
        }
      }
      left -= placed;
      if (placed <= 1e-12 * unserved) {
        break;
      }
    }
    return left;
  }

  private static double capacity(Firm firm) {
    double kappa = firm.getCapitalPerOutput();
    return kappa > 0 ? firm.getCapital() / kappa : Double.POSITIVE_INFINITY;
  }

  private static void produceAndSettle(EcosystemModel model, Firm firm, double price, double demand, double growth) {
    double wanted = firm.getMarketShare() * demand;
    double quantity = Math.min(wanted, capacity(firm)) / price;
    double workers = quantity / firm.getProductivity();
    firm.recordProduction(quantity, price, workers);
    firm.markProduced(model.currentStep());
    model.books().householdsToFirm(Matrices.Flow.CONSUMPTION, firm, firm.getSales());
    settle(model, firm, wanted, growth);
  }

  /**
   * Settles a firm's step after it sold: wages and operating costs, profit and its tax, dividends,
   * and investment towards the capital {@code wanted} sales growing at {@code growth} need (with
   * demand from incomes, at the desired utilisation {@code demand.desiredUtilisation}, so that
   * firms keep spare capacity for demand that spills over; Dosi et al. 2010, Caiani et al. 2016). With
   * demand exogenous the capital goods are bought from households at once; with demand from
   * incomes they are ordered from the sectors for the next market and paid for now out of the cash
   * above the firm's liquidity buffer ({@code firms.initialCashToSales} of sales), and what cash is
   * left above the buffer is paid out with the dividends.
   */
  private static void settle(EcosystemModel model, Firm firm, double wanted, double growth) {
    Scenario scenario = model.scenario();
    MarketConfig market = scenario.market();
    Books books = model.books();
    double kappa = firm.getCapitalPerOutput();
    double sales = firm.getSales();
    double wages = model.wageOf(firm) * firm.getWorkers();
    double fixedCost = market.fixedCost() * model.wageIndex();
    books.payWagesAndCosts(firm, wages, fixedCost);
    double depreciation = market.depreciation() * firm.getCapital();
    double profit = sales - wages - fixedCost - firm.getRdSpending() - firm.getInterestPaid() - depreciation;
    double tax = model.policy().taxRate() * Math.max(0, profit);
    books.taxFirm(firm, tax);
    firm.recordProfit(profit, tax);
    double dividends = Math.min(scenario.firms().dividendPayout() * Math.max(0, profit - tax), Math.max(0, firm.getCash()));
    books.firmToHouseholds(Matrices.Flow.DIVIDENDS, firm, dividends);

    double remaining = firm.getCapital() - depreciation;
    double utilisation = model.incomes() == null ? 1 : scenario.demand().desiredUtilisation();
    double target = kappa * wanted * (1 + growth) / utilisation;
    double investment = Math.min(Math.max(0, target - remaining), Math.max(0, firm.getCash()));
    if (model.incomes() == null) {
      books.firmToHouseholds(Matrices.Flow.INVESTMENT, firm, investment);
      firm.setCapital(remaining + investment);
      return;
    }
    firm.setCapital(remaining);
    // Capital goods are paid out of the cash above the liquidity buffer (a precautionary stock of
    // money, Caiani et al. 2016): spending the buffer on them left profitable firms without cash,
    // and a common dip in demand then made hundreds of them insolvent in one step.
    // The buffer also holds what the firm saves towards an AI adoption (AiAdoption) and next
    // step's planned R&D and debt service: retained earnings first, debt after them (Myers and
    // Majluf 1984; Hall 2002).
    double buffer = model.liquidityReserve(firm) + model.rdCommitment(firm)
        + firm.debtServiceDue();
    investment = Math.min(investment, Math.max(0, firm.getCash() - buffer));
    // Capacity grows by at most maxCapitalGrowth a quarter beyond replacing what depreciated (time
    // to build): without the cap the accelerator (capital proportional to demand) turns any rise in
    // demand into several quarters of output of investment at once.
    double cap = depreciation + scenario.demand().maxCapitalGrowth() * remaining;
    model.incomes().order(books, firm, Math.min(investment, cap));
    double excess = firm.getCash() - buffer;
    if (excess > 0) {
      books.firmToHouseholds(Matrices.Flow.DIVIDENDS, firm, excess);
    }
  }
}
