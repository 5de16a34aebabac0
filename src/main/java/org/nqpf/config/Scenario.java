package org.nqpf.config;

/**
 * One simulation's complete, immutable configuration. {@link #DEFAULT} is the documented
 * baseline; {@code experiments/baseline.yaml} spells out the same values.
 *
 * @param name names the results folder
 * @param seed the seed of the run's one MASON generator
 * @param steps steps (quarters) recorded after the burn-in
 * @param burnIn steps run first and marked as burn-in in the outputs
 */
public record Scenario(
    String name,
    long seed,
    int steps,
    int burnIn,
    RegionConfig region,
    FirmsConfig firms,
    UniversitiesConfig universities,
    MarketConfig market,
    DemandConfig demand,
    InnovationConfig innovation,
    DemographyConfig demography,
    PolicyConfig policy,
    CreditConfig credit,
    TalentConfig talent,
    AiConfig ai,
    MechanismsConfig mechanisms) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Largest production wage, as a multiple of the researchers' wage, that a scenario may set. */
  private static final double MAX_WAGE_RATIO = 1_000;

  public static final Scenario DEFAULT = new Scenario(
      "baseline", 42, 200, 900,
      RegionConfig.DEFAULT, FirmsConfig.DEFAULT, UniversitiesConfig.DEFAULT, MarketConfig.DEFAULT,
      DemandConfig.DEFAULT,
      InnovationConfig.DEFAULT, DemographyConfig.DEFAULT, PolicyConfig.DEFAULT, CreditConfig.DEFAULT,
      TalentConfig.DEFAULT, AiConfig.DEFAULT, MechanismsConfig.DEFAULT);

  public Scenario {
    Check.name("name", name);
    Check.seed("seed", seed);
    Check.count("steps", steps, 1, 1_000_000);
    Check.count("burnIn", burnIn, 0, 1_000_000);
    Check.present("region", region);
    Check.present("firms", firms);
    Check.present("universities", universities);
    Check.present("market", market);
    Check.present("demand", demand);
    Check.present("innovation", innovation);
    Check.present("demography", demography);
    Check.present("policy", policy);
    try {
      policy.checkLevers();
    } catch (ConfigException e) {
      throw e.under("policy");
    }
    Check.present("credit", credit);
    Check.present("talent", talent);
    Check.present("ai", ai);
    Check.present("mechanisms", mechanisms);
    double capitalCostShare = (1 + market.markup()) * market.capitalCostRate()
        * Math.max(firms.capitalPerOutput(), firms.soeCapitalPerOutput());
    if (capitalCostShare >= 1) {
      throw new ConfigException("market.capitalCostRate", "value " + Check.format(market.capitalCostRate())
          + " is too high; expected (1 + market.markup) * market.capitalCostRate * the larger capital per output"
          + " of firms to stay below 1 (it is " + Check.format(capitalCostShare) + "), or prices are undefined");
    }
    // R&D budgets are shares of sales, which scale with the production wage, and buy researchers at
    // their wage: beyond this ratio the headcounts of researchers run into the billions.
    if (market.wage() > MAX_WAGE_RATIO * market.researcherWage()) {
      throw new ConfigException("market.wage", "value " + Check.format(market.wage()) + " is too high; expected at most "
          + Check.format(MAX_WAGE_RATIO) + " * market.researcherWage (" + Check.format(market.researcherWage())
          + "), or research budgets hire billions of researchers");
    }
  }

  /** Total steps simulated: burn-in plus recorded steps. */
  public int totalSteps() {
    return burnIn + steps;
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(name, newSeed, steps, burnIn, region, firms, universities, market, demand, innovation, demography, policy, credit, talent, ai, mechanisms);
  }

  public Scenario withSteps(int newSteps) {
    return new Scenario(name, seed, newSteps, burnIn, region, firms, universities, market, demand, innovation, demography, policy, credit, talent, ai, mechanisms);
  }
}
