package org.nqpf.config;

/**
 * Demand from incomes under {@code mechanisms.demand: INCOMES} (docs/MODEL.md, "Demand from
 * incomes"): households consume out of last step's disposable income and their money (Godley and
 * Lavoie 2007, ch. 3–4: C = α₁·YD₋₁ + α₂·H₋₁); the government buys goods by a stated rule,
 * {@code governmentSpending} production wages per member of the labour force per quarter
 * (population and policy are the only exogenous demand; the budget balances in the stationary
 * state through the tax base, as in Godley and Lavoie's model SIM); firms' investment is bought
 * from the sectors. Consumption is split between the sectors by Engel curves: a sector's weight is
 * its initial share times (real income per head relative to the start) to the power of its income
 * elasticity less one (Saviotti and Pyka 2004; Lorentz, Ciarli, Savona and Valente 2016). Wages
 * follow aggregate labour productivity with pass-through {@code wagePassThrough} (Dosi, Fagiolo
 * and Roventini 2010).
 *
 * @param consumptionOutOfIncome α₁, the share of last step's disposable income households spend
 * @param consumptionOutOfWealth α₂, the share of their money households spend each quarter
 * @param labourForcePerFirm the labour force per initial firm (the population: an input)
 * @param governmentSpending government purchases per member of the labour force per quarter, in production wages (policy: an input)
 * @param incomeTaxRate the tax households pay on their income (wages, dividends, other receipts), at the opening of the next goods market
 * @param incomeElasticities the income elasticity of each sector's consumption demand (inputs)
 * @param consumptionShares the sectors' shares of consumption at the reference income (c₀ of the Engel curves; also the split of government purchases and investment, and of the product lines between the sectors: inputs, normalised where used)
 * @param engelSaturation the real income per head, relative to the start, beyond which the sectors' shares of consumption stop shifting
 * @param desiredUtilisation the share of its capacity a firm plans to use: it invests for its demand over this
 * @param maxCapitalGrowth the largest growth of a firm's capital in a quarter beyond replacing depreciation (time to build)
 * @param wagePassThrough the share of aggregate labour productivity growth passed into wages each quarter
 */
public record DemandConfig(
    double consumptionOutOfIncome,
    double consumptionOutOfWealth,
    double labourForcePerFirm,
    double governmentSpending,
    double incomeTaxRate,
    SectorElasticities incomeElasticities,
    SectorWeights consumptionShares,
    double engelSaturation,
    double desiredUtilisation,
    double maxCapitalGrowth,
    double wagePassThrough) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final DemandConfig DEFAULT = new DemandConfig(0.9, 0.05, 40, 0.165, 0.1,
      new SectorElasticities(0.6, 1.2, 1.8), new SectorWeights(0.6, 0.3, 0.1), 4.0, 0.75, 0.05, 0.0);

  public DemandConfig {
    Check.probability("consumptionOutOfIncome", consumptionOutOfIncome);
    Check.probability("consumptionOutOfWealth", consumptionOutOfWealth);
    Check.between("labourForcePerFirm", labourForcePerFirm, 1, 1e6);
    Check.between("governmentSpending", governmentSpending, 0, 100);
    Check.probability("incomeTaxRate", incomeTaxRate);
    Check.present("incomeElasticities", incomeElasticities);
    Check.present("consumptionShares", consumptionShares);
    Check.between("engelSaturation", engelSaturation, 1, 1e6);
    Check.between("desiredUtilisation", desiredUtilisation, 0.1, 1);
    Check.between("maxCapitalGrowth", maxCapitalGrowth, 0, 10);
    Check.between("wagePassThrough", wagePassThrough, 0, 2);
  }

  /** Each sector's income elasticity of consumption demand (Engel's law: below 1 for necessities). */
  public record SectorElasticities(double traditional, double strategicEmerging, double future)
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public SectorElasticities {
      Check.between("traditional", traditional, 0, 5);
      Check.between("strategicEmerging", strategicEmerging, 0, 5);
      Check.between("future", future, 0, 5);
    }

    public double[] asArray() {
      return new double[] {traditional, strategicEmerging, future};
    }
  }
}
