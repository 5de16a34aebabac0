package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;

/**
 * Each government lever, turned from off to on over 20 paired seeds (more where the effect is
 * small against its spread), moves its direct outcome the
 * way its mechanism says, with a 95% confidence interval that excludes zero. (Guarantees and the
 * SOE credit preference are in {@link CreditMarketTest}, talent import in the talent market's
 * tests.)
 */
class PolicyLeversTest {
  private static final int SEEDS = 20;

  private static Scenario scenario(long seed, String yaml) {
    return scenario(seed, "", yaml);
  }

  private static Scenario scenario(long seed, String firms, String yaml) {
    return Worlds.scenario("""
        seed: %d
        burnIn: 0
        firms: {count: 200, initialCashToSales: 0.1, dividendPayout: 0.6%s}
        universities: {count: 3}
        """.formatted(seed, firms) + (yaml.contains("steps:") ? "" : "steps: 40\n") + yaml);
  }

  private static double total(String yaml, long seed, Metric metric) {
    return Outcomes.total(new EcosystemModel(scenario(seed, yaml)).runToEnd(), metric);
  }

  private static Paired lever(long firstSeed, String off, String on, Metric outcome) {
    return lever(SEEDS, firstSeed, off, on, outcome);
  }

  private static Paired lever(int seeds, long firstSeed, String off, String on, Metric outcome) {
    Paired effect = Paired.compare(seeds, firstSeed, seed -> total(off, seed, outcome), seed -> total(on, seed, outcome));
    System.out.println(outcome.column() + ": " + effect);
    return effect;
  }

  @Test
  void iprProtectionCutsSuccessfulImitations() {
    Paired effect = lever(300, "policy: {iprProtection: 0.0}", "policy: {iprProtection: 0.8}", Metric.INNOVATIONS_IMITATED);
    assertThat(effect.high()).as(effect.toString()).isLessThan(0);
  }

  @Test
  void marketUnificationRaisesEntry() {
    Paired effect = lever(320, "policy: {marketUnification: 0.0}", "policy: {marketUnification: 1.0}", Metric.STARTUPS);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  @Test
  void rdSubsidiesRaiseRdSpending() {
    Paired effect = lever(340, "policy: {rdSubsidyRate: 0.0}", "policy: {rdSubsidyRate: 0.3}", Metric.RD_SPENDING);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  @Test
  void specialLoansCutTheShareOfSmesRationed() {
    // The bank's limit on debt at 0.2 × net worth: firms finance R&D and debt service out of
    // retained cash first (GoodsMarket), so at the baseline's 0.5 almost no SME of this young world
    // is rationed and the quota has nothing to act on.
    String credit = "mechanisms: {finance: CREDIT}\ncredit: {maxDebtToNetWorth: 0.2}\n";
    Paired effect = Paired.compare(SEEDS, 360,
        seed -> Outcomes.rationedShare(new EcosystemModel(scenario(seed, credit + "policy: {specialLoanQuota: 0.0}")).runToEnd()),
        seed -> Outcomes.rationedShare(new EcosystemModel(scenario(seed, credit + "policy: {specialLoanQuota: 0.005}")).runToEnd()));
    System.out.println("special loans -> share of SME applicants rationed: " + effect);
    assertThat(effect.high()).as(effect.toString()).isLessThan(0);
  }

  @Test
  void replenishmentKeepsTheGuaranteeFundsCapitalised() {
    String credit = "mechanisms: {finance: CREDIT}\n";
    Paired effect = lever(380, credit + "policy: {fundReplenishment: NONE}",
        credit + "policy: {fundReplenishment: FIXED, fundTopUp: 0.001}", Metric.FUND_CAPITAL);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  @Test
  void aiInfrastructureSpeedsUpAdoption() {
    String ai = "mechanisms: {ai: DIFFUSION}\n";
    Paired effect = lever(440, ai + "policy: {aiInfrastructure: 0.0}", ai + "policy: {aiInfrastructure: 1.0}", Metric.AI_ADOPTIONS);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  @Test
  void aiInfrastructureRaisesAdoptionWhenAdoptionIsADecision() {
    String ai = "mechanisms: {ai: DECISION}\n";
    Paired effect = lever(460, ai + "policy: {aiInfrastructure: 0.0}", ai + "policy: {aiInfrastructure: 1.0}", Metric.AI_ADOPTIONS);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  @Test
  void aHigherTaxRateRaisesTaxRevenue() {
    Paired effect = lever(400, "policy: {taxRate: 0.1}", "policy: {taxRate: 0.3}", Metric.TAX);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  @Test
  void incubationRaisesTheSurvivalOfFutureIndustryStartups() {
    // A harsher future industry than the baseline's (no demand growth, weaker entrants), so that
    // start-ups do fail and survival has room to move.
    String future = ", privateSectors: {traditional: 0.3, strategicEmerging: 0.3, future: 0.4}";
    String harsh = """
        steps: 60
        market: {demandGrowth: {traditional: 0.005, strategicEmerging: 0.012, future: 0.0}}
        demography: {entrantProductivityRatio: 0.85}
        """;
    // 200 seeds: under product lines and demand from incomes the effect (about 0.026) is small
    // against its spread across seeds (sd about 0.07), and 20 seeds cannot resolve it.
    Paired effect = Paired.compare(200, 420,
        seed -> futureStartupSurvival(scenario(seed, future, harsh + "policy: {incubationBudget: 0.0}")),
        seed -> futureStartupSurvival(scenario(seed, future, harsh + "policy: {incubationBudget: 0.01}")));
    System.out.println("future start-ups alive at the end: " + effect);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  private static final int SURVIVAL_STEPS = 20;

  /**
   * Of the private future-industry firms born during the run at least {@value #SURVIVAL_STEPS}
   * steps before its end, the share still alive at the end.
   */
  private static double futureStartupSurvival(Scenario scenario) {
    EcosystemModel model = new EcosystemModel(scenario);
    model.start();
    Map<Integer, Firm> born = new TreeMap<>();
    for (int i = 0; i < scenario.totalSteps(); i++) {
      model.schedule.step(model);
      for (Firm firm : model.firms(Sector.FUTURE)) {
        if (firm.isPrivate() && firm.getBorn() > 0) {
          born.putIfAbsent(firm.getId(), firm);
        }
      }
    }
    long horizon = model.currentStep() - SURVIVAL_STEPS;
    int eligible = 0;
    int survived = 0;
    for (Firm firm : born.values()) {
      if (firm.getBorn() <= horizon) {
        eligible++;
        if (firm.isAlive()) {
          survived++;
        }
      }
    }
    return eligible > 0 ? (double) survived / eligible : 0;
  }

  @Test
  void aTimelineChangesALeverAtItsStep() {
    TimeSeries series = new EcosystemModel(scenario(7, """
        policy:
          rdSubsidyRate: 0.0
          timeline:
            - {step: 10, lever: rdSubsidyRate, value: 0.4}
            - {step: 20, lever: rdSubsidyRate, value: 0.0}
        """)).runToEnd();
    for (int step = 0; step < series.size(); step++) {
      double subsidies = series.get(step, Metric.SUBSIDIES);
      if (step >= 10 && step < 20) {
        assertThat(subsidies).as("subsidies at step %d", step).isPositive();
      } else {
        assertThat(subsidies).as("subsidies at step %d", step).isZero();
      }
    }
  }
}
