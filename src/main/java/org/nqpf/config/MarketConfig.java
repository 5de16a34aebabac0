package org.nqpf.config;

/**
 * Production and the goods market: markup pricing on unit cost, replicator dynamics of market
 * shares within a sector (Dosi, Fagiolo and Roventini 2010), wages and nominal demand growth.
 * Under {@code mechanisms.market: LINES} each sector has {@code linesPerFirm} product lines per
 * initial firm of the sector (Klette and Kortum 2004), and the replicator is not used; each line's
 * demand weight follows ln w' = {@code lineDemandPersistence} × ln w + {@code lineDemandSd} × N(0, 1)
 * a step (a firm's lines' fortunes partly independent: Sutton 2002; Fu et al. 2005).
 */
public record MarketConfig(
    double replicatorSpeed,
    double markup,
    double wage,
    double soeWagePremium,
    double researcherWage,
    double depreciation,
    double capitalCostRate,
    double fixedCost,
    SectorRates demandGrowth,
    double soeMarketAccess,
    double exitRelativeShare,
    int linesPerFirm,
    double lineDemandSd,
    double lineDemandPersistence) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final MarketConfig DEFAULT = new MarketConfig(
      0.2, 0.2, 1.0, 1.2, 2.0, 0.025, 0.035, 0.5,
      new SectorRates(0.005, 0.012, 0.02),
      1.0, 0.05, 5, 0.2, 0.95);

  public MarketConfig {
    Check.between("replicatorSpeed", replicatorSpeed, 0, 10);
    Check.between("markup", markup, 0, 10);
    Check.positive("wage", wage);
    Check.between("soeWagePremium", soeWagePremium, 0.1, 10);
    Check.positive("researcherWage", researcherWage);
    Check.probability("depreciation", depreciation);
    Check.between("capitalCostRate", capitalCostRate, 0, 1);
    Check.between("fixedCost", fixedCost, 0, 1e9);
    Check.present("demandGrowth", demandGrowth);
    Check.between("soeMarketAccess", soeMarketAccess, 0.1, 10);
    Check.probability("exitRelativeShare", exitRelativeShare);
    Check.count("linesPerFirm", linesPerFirm, 1, 1_000);
    Check.between("lineDemandSd", lineDemandSd, 0, 2);
    Check.between("lineDemandPersistence", lineDemandPersistence, 0, 0.999);
  }
}
