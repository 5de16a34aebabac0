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
 *       for SOEs);</li>
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

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    model.growDemand();
    for (Sector sector : Sector.values()) {
      clear(model, sector);
    }
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
    double[] competitiveness = this.competitiveness;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      Firm firm = firms.get(i);
      prices[i] = model.priceOf(firm);
      competitiveness[i] = (firm.isPrivate() ? 1.0 : market.soeMarketAccess()) / prices[i];
      mean += firm.getMarketShare() * competitiveness[i];
    }
    // The new shares' sum is taken as they are set, and each firm's share is renormalised in the
    // visit that produces for it: the passes of EcosystemModel.normaliseShares, folded in. Under
    // product lines the shares are the lines' shares already (total 0: nothing to renormalise).
    double total = 0;
    if (!model.productLines()) {
      total = replicate(firms, competitiveness, n, mean, chi);
      model.work().shareUpdates += 2L * n;
    }

    double growth = scenario.market().demandGrowth().asArray()[sector.ordinal()];
    double demand = model.sectorDemand(sector);
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

  private static void produceAndSettle(EcosystemModel model, Firm firm, double price, double demand, double growth) {
    Scenario scenario = model.scenario();
    MarketConfig market = scenario.market();
    Books books = model.books();
    double wanted = firm.getMarketShare() * demand;
    double kappa = firm.getCapitalPerOutput();
    double capacity = kappa > 0 ? firm.getCapital() / kappa : Double.POSITIVE_INFINITY;
    double quantity = Math.min(wanted, capacity) / price;
    double workers = quantity / firm.getProductivity();
    firm.recordProduction(quantity, price, workers);

    double sales = firm.getSales();
    double wages = model.wageOf(firm) * workers;
    double fixedCost = market.fixedCost() * model.wageIndex();
    books.householdsToFirm(firm, sales);
    books.firmToHouseholds(firm, wages + fixedCost);
    double depreciation = market.depreciation() * firm.getCapital();
    double profit = sales - wages - fixedCost - firm.getRdSpending() - firm.getInterestPaid() - depreciation;
    double tax = model.policy().taxRate() * Math.max(0, profit);
    books.taxFirm(firm, tax);
    firm.recordProfit(profit, tax);
    double dividends = Math.min(scenario.firms().dividendPayout() * Math.max(0, profit - tax), Math.max(0, firm.getCash()));
    books.firmToHouseholds(firm, dividends);

    double remaining = firm.getCapital() - depreciation;
    double target = kappa * wanted * (1 + growth);
    double investment = Math.min(Math.max(0, target - remaining), Math.max(0, firm.getCash()));
    books.firmToHouseholds(firm, investment);
    firm.setCapital(remaining + investment);
  }
}
