package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import sim.util.Double2D;

/** The AI adoption rule (产业AI化) on hand-built worlds and in a small full run. */
class AiAdoptionTest {
  private static final Double2D HERE = new Double2D(50, 50);

  private static Firm richFirm(EcosystemModel model, Double2D at) {
    return Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, at, 1.0, 0.01, 1000, 100);
  }

  /** Positions (5 + 10i, 5 + 10j): more than twice the default neighbour radius apart. */
  private static List<Double2D> grid(int count) {
    List<Double2D> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(new Double2D(5 + 10 * (i % 10), 5 + 10 * ((i / 10) % 10)));
    }
    return points;
  }

  private static int adopters(List<Firm> firms) {
    int count = 0;
    for (Firm f : firms) {
      if (f.isAiAdopter()) {
        count++;
      }
    }
    return count;
  }

  @Test
  void certainAdoptionPaysTheCostToHouseholdsAndStartsAtTheInitialLevel() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 5
        ai: {baseHazard: 1.0, adoptionCost: 10, adoptionCostPerWorker: 0.2, initialLevel: 0.3, productionGain: 0.35,
             infrastructureCostReduction: 0.5}
        policy: {aiInfrastructure: 0.4}
        """));
    Firm firm = richFirm(model, HERE);
    firm.recordProduction(50, 1, 50);
    double money = Worlds.money(model);
    double households = model.books().households();

    new AiAdoption().step(model);

    // C = (10 + 0.2 × 50 workers) × wage index 1 × (1 − 0.5 × 0.4) = 16.
    double cost = 16;
    assertThat(firm.isAiAdopter()).isTrue();
    assertThat(firm.getAiLevel()).isEqualTo(0.3);
    assertThat(firm.getAiAdoptedStep()).isZero();
    assertThat(firm.getCash()).isCloseTo(1000 - cost, within(1e-9));
    assertThat(model.books().households() - households).isCloseTo(cost, within(1e-9));
    assertThat(model.books().stepAiSpending()).isCloseTo(cost, within(1e-9));
    assertThat(Worlds.money(model)).isCloseTo(money, within(1e-9));
    assertThat(model.counters().aiAdoptions()).isEqualTo(1);
  }

  @Test
  void aFirmWhoseCashDoesNotCoverTheCostDoesNotAdopt() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 5\nai: {baseHazard: 1.0, adoptionCost: 10}\npolicy: {aiInfrastructure: 0.0}"));
    // Net worth is ample (capital 2 × 1000), cash is not.
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 0.01, 9, 1000);
    new AiAdoption().step(model);
    assertThat(firm.isAiAdopter()).isFalse();
    assertThat(firm.getCash()).isEqualTo(9);
    assertThat(model.counters().aiAdoptions()).isZero();
  }

  @Test
  void firmsWithNetWorthBelowTheCostAdoptLessOften() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 11
        ai: {baseHazard: 0.4, imitationHazard: 0.0, adoptionCost: 10, adoptionCostPerWorker: 0}
        policy: {aiInfrastructure: 0.0}
        """));
    List<Firm> solvent = new ArrayList<>();
    List<Firm> indebted = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, grid(100).get(i % 100), 1.0, 0.001, 100, 100);
      if (i % 2 == 0) {
        solvent.add(firm);
      } else {
        // Same cash, but debt leaves a net worth of 2.5 = a quarter of the cost: a = 0.25.
        firm.addLoan(new Loan(null, null, 0, firm.getNetWorth() - 2.5, 0.01, 8, 0));
        indebted.add(firm);
      }
    }
    assertThat(AiAdoption.affordability(indebted.get(0).getNetWorth(), 10)).isCloseTo(0.25, within(1e-12));
    new AiAdoption().step(model);
    int a = adopters(solvent);
    int b = adopters(indebted);
    // Expected 400 × 0.4 = 160 and 400 × 0.1 = 40 (binomial sd about 10 and 6).
    assertThat(a).isBetween(130, 190);
    assertThat(b).isBetween(20, 60);
  }

  @Test
  void infrastructureRaisesTheAdoptionRateAndLowersTheCost() {
    String yaml = """
        seed: 13
        ai: {baseHazard: 0.05, imitationHazard: 0.0, infrastructureHazardBoost: 2.0, infrastructureCostReduction: 0.5,
             adoptionCost: 10, adoptionCostPerWorker: 0}
        policy: {aiInfrastructure: %s}
        """;
    int[] counts = new int[2];
    double[] costs = new double[2];
    String[] levels = {"0.0", "1.0"};
    for (int k = 0; k < 2; k++) {
      EcosystemModel model = Worlds.empty(Worlds.scenario(yaml.formatted(levels[k])));
      List<Firm> firms = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        firms.add(richFirm(model, grid(100).get(i % 100)));
      }
      new AiAdoption().step(model);
      counts[k] = adopters(firms);
      costs[k] = model.books().stepAiSpending() / counts[k];
    }
    // Hazards 0.05 and 0.05 × (1 + 2) = 0.15: expected 30 and 90 of 600.
    assertThat(counts[0]).isBetween(15, 45);
    assertThat(counts[1]).isBetween(70, 110);
    assertThat(costs[0]).isCloseTo(10, within(1e-9));
    assertThat(costs[1]).isCloseTo(5, within(1e-9));
  }

  @Test
  void adoptingNeighboursRaiseTheHazard() {
    String yaml = "seed: 17\nai: {baseHazard: 0.02, imitationHazard: 0.5, neighbourRadius: 3, neighbourSample: 4}\npolicy: {aiInfrastructure: 0.0}";
    int[] counts = new int[2];
    for (int k = 0; k < 2; k++) {
      boolean adoptingNeighbours = k == 0;
      EcosystemModel model = Worlds.empty(Worlds.scenario(yaml));
      List<Firm> targets = new ArrayList<>();
      for (Double2D at : grid(100)) {
        targets.add(richFirm(model, at));
        // Six neighbours within the radius, more than the sample of four.
        for (int j = 0; j < 6; j++) {
          Firm neighbour = richFirm(model, new Double2D(at.x + 0.3 * (j + 1), at.y));
          if (adoptingNeighbours) {
            neighbour.setAiLevel(0.5, 0.35, 0);
          }
        }
      }
      new AiAdoption().step(model);
      counts[k] = adopters(targets);
    }
    // Hazards 0.02 + 0.5 × 1 = 0.52 and 0.02: expected 52 and 2 of 100.
    assertThat(counts[0]).isBetween(35, 70);
    assertThat(counts[1]).isLessThan(8);
  }

  @Test
  void allianceFellowsCountAsContacts() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 19\nai: {neighbourRadius: 1, neighbourSample: 8}"));
    University university = model.addUniversity(new Double2D(50, 50), 10, 1, 5);
    Firm firm = richFirm(model, new Double2D(10, 10));
    Firm adopter = richFirm(model, new Double2D(90, 90));
    Firm other = richFirm(model, new Double2D(90, 10));
    richFirm(model, new Double2D(10, 90)); // no alliance: does not count
    adopter.setAiLevel(0.5, 0.35, 0);
    model.strengthenAlliance(university, firm);
    model.strengthenAlliance(university, adopter);
    model.strengthenAlliance(university, other);
    AiAdoption.PartnerShares partners = AiAdoption.PartnerShares.of(model);
    AiAdoption.sampleContacts(model, model.scenario().ai());
    // No spatial neighbours; two fellow partners, one of them an adopter.
    assertThat(AiAdoption.contactShare(model, firm, model.scenario().ai(), partners)).isCloseTo(0.5, within(1e-12));
    // A firm with neither neighbours nor partners has no contacts.
    Firm alone = model.firms().get(3);
    assertThat(AiAdoption.contactShare(model, alone, model.scenario().ai(), partners)).isZero();
  }

  @Test
  void hazardsComeFromTheStateAtTheStartOfThePhase() {
    EcosystemModel model = Worlds.empty(Worlds.scenario(
        "seed: 23\nai: {baseHazard: 0.0, imitationHazard: 1.0, neighbourRadius: 2, neighbourSample: 8}\npolicy: {aiInfrastructure: 0.0}"));
    // Chains: ten adopters — A — B, where B (later in firm order) sees only A, and A sees B and the adopters.
    List<Firm> as = new ArrayList<>();
    List<Firm> bs = new ArrayList<>();
    for (Double2D at : grid(20)) {
      as.add(richFirm(model, at));
      for (int j = 1; j <= 10; j++) {
        richFirm(model, new Double2D(at.x - 0.5 - 0.1 * j, at.y)).setAiLevel(0.5, 0.35, 0);
      }
      bs.add(richFirm(model, new Double2D(at.x + 1.5, at.y)));
    }
    new AiAdoption().step(model);
    // A's hazard is at least 7/8; B saw no adopter at the start of the phase, whatever A did in it.
    assertThat(adopters(as)).isGreaterThanOrEqualTo(14);
    assertThat(adopters(bs)).isZero();
    model.advanceStep();
    new AiAdoption().step(model);
    // Now each B whose A adopted sees an adopter share of 1: hazard 1.
    for (int i = 0; i < as.size(); i++) {
      assertThat(bs.get(i).isAiAdopter()).isEqualTo(as.get(i).getAiAdoptedStep() == 0);
    }
  }

  @Test
  void theLevelDeepensTowardsOneWhileUpkeepIsPaid() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 29
        ai: {baseHazard: 1.0, adoptionCost: 10, adoptionCostPerWorker: 0, initialLevel: 0.3, deepeningRate: 0.1,
             upkeepShare: 0.01, productionGain: 0.35}
        policy: {aiInfrastructure: 0.0}
        """));
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 2.0, 1.0, 1000, 1000);
    new AiAdoption().step(model);
    double money = Worlds.money(model);
    for (int i = 1; i <= 5; i++) {
      new AiAdoption().step(model);
      // ℓ_n = 1 − (1 − 0.3) × 0.9^n; upkeep 0.01 × sales 1000 each step.
      assertThat(firm.getAiLevel()).isCloseTo(1 - 0.7 * StrictMath.pow(0.9, i), within(1e-12));
      assertThat(firm.getCash()).isCloseTo(1000 - 10 - 10 * i, within(1e-9));
    }
    assertThat(Worlds.money(model)).isCloseTo(money, within(1e-9));
    assertThat(model.counters().aiAdoptions()).isEqualTo(1);

    // Production efficiency multiplier 1 + gain × level, in the productivity the goods market uses.
    double level = firm.getAiLevel();
    assertThat(firm.getAiProductionMultiplier()).isCloseTo(1 + 0.35 * level, within(1e-12));
    assertThat(firm.getProductivity()).isCloseTo(2.0 * firm.getProductivityFactor() * (1 + 0.35 * level), within(1e-12));

    // Without the cash for upkeep the level stays and nothing is paid.
    firm.addCash(5 - firm.getCash());
    new AiAdoption().step(model);
    assertThat(firm.getAiLevel()).isEqualTo(level);
    assertThat(firm.getCash()).isEqualTo(5);
    assertThat(firm.isAiAdopter()).isTrue();
  }

  @Test
  void theRulesAsFunctions() {
    assertThat(AiAdoption.affordability(50, 10)).isEqualTo(1);
    assertThat(AiAdoption.affordability(-5, 10)).isZero();
    assertThat(AiAdoption.affordability(5, 0)).isEqualTo(1);
    assertThat(AiAdoption.hazard(0.01, 0.5, 0.4, 0.5)).isCloseTo((0.01 + 0.2) * 0.5, within(1e-15));
    assertThat(AiAdoption.hazard(0.9, 0.5, 1.0, 1.0)).isEqualTo(1);
    assertThat(AiAdoption.deepen(0.3, 0.05)).isCloseTo(0.335, within(1e-15));
    assertThat(AiAdoption.deepen(1.0, 0.05)).isEqualTo(1);
  }

  private static Scenario smallDiffusion(long seed) {
    return Worlds.scenario("""
        seed: %d
        steps: 200
        burnIn: 0
        firms: {count: 300}
        universities: {count: 3}
        mechanisms: {ai: DIFFUSION}
        """.formatted(seed));
  }

  /** Adopter share of living firms after each step. */
  private static double[] adoptionPath(Scenario scenario) {
    EcosystemModel model = new EcosystemModel(scenario);
    model.start();
    double[] share = new double[scenario.totalSteps()];
    for (int i = 0; i < share.length; i++) {
      model.schedule.step(model);
      share[i] = (double) adopters(model.firms()) / model.firms().size();
    }
    model.finish();
    return share;
  }

  @Test
  void aFullRunShowsAnSShapedDiffusion() {
    double[] share = adoptionPath(smallDiffusion(1));
    StringBuilder path = new StringBuilder("AI adoption share every 20 steps:");
    for (int i = 0; i < share.length; i += 20) {
      path.append(String.format(" %.3f", share[i]));
    }
    System.out.println(path);
    // From near zero, slowly at first, then faster (imitation), then levelling off.
    assertThat(share[0]).isLessThan(0.02);
    double early = share[20] - share[0];
    double middle = share[100] - share[60];
    double late = share[199] - share[160];
    assertThat(share[20]).isGreaterThan(share[0]);
    assertThat(middle / 2).isGreaterThan(early);
    assertThat(late).isLessThan(middle);
    assertThat(share[199]).isGreaterThan(0.3);
  }

  @Test
  void withoutTheMechanismNoFirmAdopts() {
    Scenario off = Worlds.scenario("seed: 1\nsteps: 30\nburnIn: 0\nfirms: {count: 150}\nuniversities: {count: 3}");
    double[] share = adoptionPath(off);
    assertThat(share[share.length - 1]).isZero();
  }

  @Test
  void theSameSeedGivesTheSameAdoptions() {
    Scenario scenario = smallDiffusion(7).withSteps(40);
    List<List<Long>> runs = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      EcosystemModel model = new EcosystemModel(scenario);
      model.runToEnd();
      List<Long> adopted = new ArrayList<>();
      for (Firm f : model.firms()) {
        adopted.add((long) f.getId());
        adopted.add(f.getAiAdoptedStep());
        adopted.add(Double.doubleToLongBits(f.getAiLevel()));
      }
      runs.add(adopted);
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    assertThat(runs.get(0)).isNotEmpty();
  }

  // ---- DECISION ----

  @Test
  void theDecisionAdoptsWhenThePresentValueOfTheGainBeatsTheInvestment() {
    String yaml = """
        seed: 7
        mechanisms: {ai: DECISION}
        ai: {reviewRate: 1.0, gainDispersion: 0.0, jCurveDip: 0.0, adoptionCost: %s, adoptionCostPerWorker: 0.0,
             complementaryInvestment: 9, infrastructureCostReduction: 0.5, upkeepShare: 0.0}
        policy: {aiInfrastructure: 0.0}
        """;
    // The present value of a 50-worker firm's gain: its wage bill × A.
    EcosystemModel probe = Worlds.empty(Worlds.scenario(yaml.formatted("1")));
    Firm sample = richFirm(probe, HERE);
    sample.recordProduction(50, 1, 50);
    double beta = 1 / (1 + probe.scenario().credit().interestRate());
    double value = probe.wageOf(sample) * 50 * AiAdoption.savedWageShare(probe.scenario().ai(), beta);
    assertThat(value).isPositive();
    // An investment (1 + 9) × C a fifth below the value is made, one a fifth above is not.
    for (double factor : new double[] {0.8, 1.2}) {
      EcosystemModel model = Worlds.empty(Worlds.scenario(yaml.formatted(Double.toString(factor * value / 10))));
      Firm firm = richFirm(model, HERE);
      firm.recordProduction(50, 1, 50);
      double cash = firm.getCash();
      new AiAdoption().step(model);
      assertThat(firm.isAiAdopter()).as("investment %.2f × the value", factor).isEqualTo(factor < 1);
      if (factor < 1) {
        assertThat(cash - firm.getCash()).isCloseTo(factor * value, within(1e-9 * value));
      }
    }
  }

  @Test
  void underTheDecisionInfrastructureWorksThroughTheCostAndNobodyAdoptsWithoutAReview() {
    String yaml = """
        seed: 9
        mechanisms: {ai: DECISION}
        ai: {reviewRate: %s, gainDispersion: 0.8, adoptionCost: %s, adoptionCostPerWorker: 0.0, upkeepShare: 0.0,
             infrastructureCostReduction: 0.5}
        policy: {aiInfrastructure: %s}
        """;
    // The cost set so that the investment, 10 C, is twice a 5-worker firm's present value V: it
    // pays for firms whose own return ε exceeds 2 (P ≈ 0.10 at σ = 0.8), and with infrastructure
    // 1, which halves C, for ε above 1 (P ≈ 0.34).
    EcosystemModel probe = Worlds.empty(Worlds.scenario(yaml.formatted("1.0", "1", "0.0")));
    Firm sample = richFirm(probe, HERE);
    sample.recordProduction(5, 1, 5);
    double beta = 1 / (1 + probe.scenario().credit().interestRate());
    double value = probe.wageOf(sample) * 5 * AiAdoption.savedWageShare(probe.scenario().ai(), beta);
    String cost = Double.toString(2 * value / 10);
    int[] counts = new int[3];
    String[][] settings = {{"1.0", "0.0"}, {"1.0", "1.0"}, {"0.0", "1.0"}};
    for (int k = 0; k < 3; k++) {
      EcosystemModel model = Worlds.empty(Worlds.scenario(yaml.formatted(settings[k][0], cost, settings[k][1])));
      List<Firm> firms = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Firm firm = richFirm(model, grid(100).get(i % 100));
        firm.recordProduction(5, 1, 5);
        firms.add(firm);
      }
      new AiAdoption().step(model);
      counts[k] = adopters(firms);
    }
    // Expected 40 and 137 of 400 (binomial sd about 6 and 9).
    assertThat(counts[0]).isBetween(20, 60);
    assertThat(counts[1]).isBetween(105, 170);
    assertThat(counts[2]).isZero();
  }

  @Test
  void theDecisionsValuationAsFunctions() {
    var ai = Scenario.DEFAULT.ai();
    assertThat(AiAdoption.annuity(0.5, 2)).isEqualTo(0.75);
    // One step, no deepening, no dip: β (1 − 1/(1 + g ℓ₀)).
    var one = new org.nqpf.config.AiConfig(ai.baseHazard(), ai.imitationHazard(), ai.adoptionCost(),
        ai.adoptionCostPerWorker(), 0.3, 0.0, ai.upkeepShare(), ai.rdCycleReduction(), 0.35,
        ai.infrastructureCostReduction(), ai.infrastructureHazardBoost(), ai.neighbourRadius(), ai.neighbourSample(),
        ai.reviewRate(), 1, ai.gainDispersion(), 0.0, 8, ai.complementaryInvestment());
    assertThat(AiAdoption.savedWageShare(one, 0.9)).isCloseTo(0.9 * (1 - 1 / 1.105), within(1e-12));
    // The J-curve's dip lowers the value: a dip of 10% for 8 steps against none.
    assertThat(AiAdoption.savedWageShare(ai, 0.985)).isLessThan(AiAdoption.savedWageShare(
        new org.nqpf.config.AiConfig(ai.baseHazard(), ai.imitationHazard(), ai.adoptionCost(), ai.adoptionCostPerWorker(),
            ai.initialLevel(), ai.deepeningRate(), ai.upkeepShare(), ai.rdCycleReduction(), ai.productionGain(),
            ai.infrastructureCostReduction(), ai.infrastructureHazardBoost(), ai.neighbourRadius(), ai.neighbourSample(),
            ai.reviewRate(), ai.decisionHorizon(), ai.gainDispersion(), 0.0, ai.jCurveSteps(), ai.complementaryInvestment()),
        0.985));
  }

  @Test
  void theJCurveLowersEfficiencyAfterAdoptionAndFades() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 3"));
    Firm firm = richFirm(model, HERE);
    firm.setAiLevel(0.3, 0.35, 10, 0.1, 8);
    assertThat(firm.getAiAdoptedStep()).isEqualTo(10);
    assertThat(firm.getAiProductionMultiplier()).isCloseTo(1.105 * 0.9, within(1e-12));
    firm.setAiLevel(0.3, 0.35, 14, 0.1, 8);
    assertThat(firm.getAiProductionMultiplier()).isCloseTo(1.105 * 0.95, within(1e-12));
    firm.setAiLevel(0.3, 0.35, 18, 0.1, 8);
    assertThat(firm.getAiProductionMultiplier()).isCloseTo(1.105, within(1e-12));
  }
}
