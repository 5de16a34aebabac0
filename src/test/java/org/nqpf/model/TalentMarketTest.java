package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import org.nqpf.config.TalentConfig;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.util.Double2D;

/** The talent market: its flows, its matching rule, conservation of headcounts and the import lever. */
class TalentMarketTest {
  private static final Double2D HERE = new Double2D(50, 50);
  private static final TalentTier[] TIERS = TalentTier.values();

  // ---- helpers ----

  /** Headcount of every person: the pool, living firms and universities. */
  private static long total(EcosystemModel model) {
    long total = model.talentPool().total();
    for (Firm firm : model.firms()) {
      total += staff(firm);
    }
    for (University university : model.universities()) {
      for (TalentTier tier : TIERS) {
        total += university.getHeadcount(tier);
      }
    }
    return total;
  }

  private static int staff(Firm firm) {
    return firm.getCoreResearchers() + firm.getTechnicians() + firm.getLeadingScientists();
  }

  /** Core researchers in the economy: pool, firms and universities. */
  private static int coreStock(EcosystemModel model) {
    int core = model.talentPool().get(TalentTier.CORE);
    for (Firm firm : model.firms()) {
      core += firm.getCoreResearchers();
    }
    for (University university : model.universities()) {
      core += university.getCoreResearchers();
    }
    return core;
  }

  /** Firms' effective researchers: core + leadingProductivity × leading (without dual appointments). */
  private static double firmResearchers(EcosystemModel model) {
    double researchers = 0;
    for (Firm firm : model.firms()) {
      researchers += firm.getCoreResearchers() + model.scenario().talent().leadingProductivity() * firm.getLeadingScientists();
    }
    return researchers;
  }

  /** A firm with no staff whose R&D budget buys exactly {@code staff} researchers (no workers, so no technicians). */
  private static Firm firmWanting(EcosystemModel model, Ownership ownership, Double2D at, int staff) {
    Firm firm = Worlds.firm(model, ownership, Sector.TRADITIONAL, at, 1.0, 0.1, 1e6, 1.0);
    double sales = staff * model.scenario().market().researcherWage() / firm.getRdIntensity();
    firm.initialiseSales(sales);
    assertThat(TalentMarket.wantedStaff(model, firm, model.researcherWage())).isEqualTo(staff);
    return firm;
  }

  private static University university(EcosystemModel model, Double2D campus) {
    var uc = model.scenario().universities();
    return model.addUniversity(campus, uc.upstairsResearchers(), uc.facilityFactor(), uc.downstairsEngineers());
  }

  private static String small(long seed, int steps, String extra) {
    return """
        name: talent
        seed: %d
        steps: %d
        burnIn: 5
        firms: {count: 150}
        universities: {count: 3}
        mechanisms: {talent: MARKET}
        """.formatted(seed, steps) + extra;
  }

  // ---- the binomial sampler ----

  @Test
  void binomialDrawsHaveTheRightMeanAndVariance() {
    MersenneTwisterFast random = new MersenneTwisterFast(7);
    int[][] ns = {{3}, {40}, {1000}, {5000}, {100_000}};
    double[] ps = {0.03, 0.3, 0.5, 0.9};
    for (int[] nn : ns) {
      int n = nn[0];
      for (double p : ps) {
        int draws = 3000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
          int x = TalentMarket.binomial(random, n, p);
          assertThat(x).isBetween(0, n);
          sum += x;
          squares += (double) x * x;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        double expectedVariance = n * p * (1 - p);
        assertThat(mean).as("mean of Binomial(%d, %s)", n, p).isCloseTo(n * p, within(5 * Math.sqrt(expectedVariance / draws)));
        assertThat(variance / expectedVariance).as("dispersion of Binomial(%d, %s)", n, p).isCloseTo(1.0, within(0.2));
      }
    }
    assertThat(TalentMarket.binomial(random, 0, 0.5)).isZero();
    assertThat(TalentMarket.binomial(random, 10, 0.0)).isZero();
    assertThat(TalentMarket.binomial(random, 10, 1.0)).isEqualTo(10);
  }

  /** The logarithm given for p above 1/2 (the draw is of 1 − p) gives the draws of the logarithm taken per call. */
  @Test
  void aBinomialWithItsLogarithmGivenDrawsAsOneThatTakesIt() {
    MersenneTwisterFast given = new MersenneTwisterFast(9);
    MersenneTwisterFast taken = new MersenneTwisterFast(9);
    MersenneTwisterFast values = new MersenneTwisterFast(10);
    for (int i = 0; i < 50_000; i++) {
      double p = values.nextDouble();
      int n = values.nextInt(200);
      assertThat(TalentMarket.binomial(given, n, p, TalentMarket.binomialLogQ(p))).as("Binomial(%d, %s)", n, p)
          .isEqualTo(TalentMarket.binomial(taken, n, p));
    }
    assertThat(given.nextLong()).isEqualTo(taken.nextLong());
  }

  // ---- initialisation ----

  /** Under the replicator a budget's staff is rounded to the nearest integer (random rounding under product lines: below). */
  @Test
  void initialHeadcountsFollowBudgetsUniversitiesAndThePoolShare() {
    Scenario scenario = Worlds.scenario("""
        seed: 1
        mechanisms: {talent: MARKET, market: REPLICATOR}
        policy: {talentImportQuota: 0}
        universities: {upstairsResearchers: 50, downstairsEngineers: 20}
        talent: {technicianRatio: 0.02, universityLeadingShare: 0.2, initialPoolShare: 0.5}
        """);
    EcosystemModel model = Worlds.empty(scenario);
    double wage = scenario.market().researcherWage();
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 1.0, 100, 1.0);
    double sales = 7.4 * wage / firm.getRdIntensity(); // budget buys 7.4 -> 7 staff
    firm.recordProduction(sales, 1.0, 160); // 160 workers -> round(3.2) = 3 technicians
    University university = university(model, new Double2D(20, 20));
    TalentMarket.initialise(model);

    assertThat(firm.getTechnicians()).isEqualTo(3);
    assertThat(firm.getCoreResearchers()).isEqualTo(4);
    assertThat(firm.getLeadingScientists()).isZero();
    assertThat(firm.getRdStaff()).isEqualTo(7);
    assertThat(firm.getEmployment()).isEqualTo(167);
    assertThat(university.getLeadingScientists()).isEqualTo(10);
    assertThat(university.getCoreResearchers()).isEqualTo(40);
    assertThat(university.getDownstairsEngineers()).isEqualTo(20);
    TalentPool pool = model.talentPool();
    assertThat(pool.get(TalentTier.CORE)).isEqualTo(22); // 0.5 × (4 + 40)
    assertThat(pool.get(TalentTier.SKILLED)).isEqualTo(12); // 0.5 × (3 + 20), rounded half up
    assertThat(pool.get(TalentTier.LEADING)).isEqualTo(5);
    assertThat(pool.get(TalentTier.RESERVE)).isEqualTo(22);
  }

  /**
   * Under product lines the staff a budget buys, B/w, is rounded at random without bias: ⌊B/w⌋,
   * plus one with probability B/w − ⌊B/w⌋, so that a budget buying less than half a person still
   * hires one sometimes.
   */
  @Test
  void underProductLinesABudgetBuysItsStaffRoundedAtRandomWithoutBias() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 3\nmechanisms: {talent: MARKET, market: LINES}\ntalent: {indivisibleRd: false}"));
    double wage = model.scenario().market().researcherWage();
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 1.0, 100, 1.0);
    for (double buys : new double[] {7.4, 0.3}) {
      firm.initialiseSales(buys * wage / firm.getRdIntensity());
      int draws = 20_000;
      long sum = 0;
      for (int i = 0; i < draws; i++) {
        int staff = TalentMarket.wantedStaff(model, firm, wage);
        assertThat(staff).as("staff a budget buying %s buys", buys).isBetween((int) Math.floor(buys), (int) Math.floor(buys) + 1);
        sum += staff;
      }
      // Standard error of the mean at most 0.5 / sqrt(20,000) = 0.0035.
      assertThat((double) sum / draws).as("mean staff a budget buying %s buys", buys).isCloseTo(buys, within(0.02));
    }
  }

  @Test
  void techniciansAreCappedByTheBudget() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 1\nmechanisms: {talent: MARKET}\npolicy: {talentImportQuota: 0}\ntalent: {technicianRatio: 0.5}"));
    Firm firm = firmWanting(model, Ownership.PRIVATE, HERE, 3);
    firm.recordProduction(firm.getSales(), 1.0, 100); // wants 50 technicians, budget buys 3 staff
    TalentMarket.initialise(model);
    assertThat(firm.getTechnicians()).isEqualTo(3);
    assertThat(firm.getCoreResearchers()).isZero();
  }

  @Test
  void anRdSubsidyRaisesTheStaffABudgetBuys() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 1\nmechanisms: {talent: MARKET}\npolicy: {rdSubsidyRate: 0.5}"));
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 1.0, 100, 1.0);
    firm.initialiseSales(3 * model.scenario().market().researcherWage() / firm.getRdIntensity()); // ν · sales buys 3
    assertThat(TalentMarket.wantedStaff(model, firm, model.researcherWage())).isEqualTo(6);
  }

  // ---- conservation over a full run ----

  /** Records the total headcount and the step's in- and outflows right after the talent phase. */
  private static final class Probe implements Steppable {
    private static final long serialVersionUID = 1L;
    final List<long[]> rows = new ArrayList<>();
    final Map<Firm, Integer> staffAfterTalent = new IdentityHashMap<>();
    int violations;

    @Override
    public void step(SimState state) {
      EcosystemModel model = (EcosystemModel) state;
      StepCounters c = model.counters();
      rows.add(new long[] {total(model), c.graduates, c.imports, c.attrition, c.hires, c.moves, c.separations});
      staffAfterTalent.clear();
      double wage = model.researcherWage();
      TalentConfig tc = model.scenario().talent();
      for (Firm firm : model.firms()) {
        staffAfterTalent.put(firm, staff(firm));
        // Hires never exceed vacancies: nobody employs more than its budget buys. Under product
        // lines the market rounds B/w at random (up or down) and its draw is not kept, so the bound
        // is the larger of the two, ⌈B/w⌉ (drawing again here would also change the run's stream).
        int wanted = model.productLines()
            ? (int) Math.max(0, Math.ceil(model.plannedRd(firm) / wage))
            : TalentMarket.wantedStaff(model, firm, wage);
        int technicians = TalentMarket.wantedTechnicians(firm, tc, wanted);
        if (firm.getTechnicians() > technicians || firm.getCoreResearchers() + firm.getLeadingScientists() > wanted - technicians) {
          violations++;
        }
      }
      int leadingTarget = TalentMarket.universityLeadingTarget(model);
      var uc = model.scenario().universities();
      for (University u : model.universities()) {
        if (u.getLeadingScientists() > leadingTarget || u.getCoreResearchers() > uc.upstairsResearchers() - leadingTarget
            || u.getDownstairsEngineers() > uc.downstairsEngineers()) {
          violations++;
        }
      }
    }
  }

  @Test
  void headcountsAreConservedEveryStepOfAFullRun() {
    // A harsher exit threshold than the default, so that firms with staff exit too (by default
    // only tiny entrants without staff do in a short run).
    EcosystemModel model = new EcosystemModel(Worlds.scenario(small(21, 60, """
        talent: {technicianRatio: 0.01}
        policy: {talentImportQuota: 3}
        market: {exitRelativeShare: 0.2}
        """)));
    model.start();
    Probe probe = new Probe();
    // Phase.CREDIT is not scheduled with internal funds, so the probe runs alone right after the talent phase.
    model.schedule.scheduleRepeating(0.0, Phase.CREDIT.ordering(), probe, 1.0);
    long before = total(model);
    long released = 0;
    long[] flows = new long[7];
    for (int step = 0; step < model.scenario().totalSteps(); step++) {
      model.schedule.step(model);
      long[] row = probe.rows.get(step);
      assertThat(row[0]).as("total after the talent phase of step %d", step).isEqualTo(before + row[1] + row[2] - row[3]);
      long after = total(model);
      assertThat(after).as("total at the end of step %d (exiting firms' staff back in the pool)", step).isEqualTo(row[0]);
      for (Map.Entry<Firm, Integer> e : probe.staffAfterTalent.entrySet()) {
        if (!e.getKey().isAlive()) {
          released += e.getValue();
          assertThat(staff(e.getKey())).isZero();
        }
      }
      for (int k = 1; k < flows.length; k++) {
        flows[k] += row[k];
      }
      before = after;
    }
    assertThat(probe.violations).as("employers above their wanted headcount").isZero();
    // Every flow was exercised, so the identity above was tested on all of them.
    assertThat(released).as("staff released by exiting firms").isPositive();
    for (int k = 1; k < flows.length; k++) {
      assertThat(flows[k]).as("flow %d over the run", k).isPositive();
    }
  }

  @Test
  void releaseReturnsAnExitingFirmsStaffToThePool() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 1\nmechanisms: {talent: MARKET}"));
    Firm firm = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, HERE, 1.0, 1.0, 100, 100);
    firm.addHeadcount(TalentTier.CORE, 4);
    firm.addHeadcount(TalentTier.SKILLED, 3);
    firm.addHeadcount(TalentTier.LEADING, 2);
    firm.setDualAppointmentTime(0.5);
    TalentMarket.release(model, firm);
    assertThat(staff(firm)).isZero();
    assertThat(firm.getDualAppointmentTime()).isZero();
    assertThat(model.talentPool().get(TalentTier.CORE)).isEqualTo(4);
    assertThat(model.talentPool().get(TalentTier.SKILLED)).isEqualTo(3);
    assertThat(model.talentPool().get(TalentTier.LEADING)).isEqualTo(2);
    assertThat(model.counters().separations()).isEqualTo(9);
  }

  // ---- flows into and out of the pool ----

  @Test
  void graduatesArriveAtTheConfiguredPoissonRate() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 4
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        universities: {upstairsResearchers: 50}
        talent: {graduatesPerResearcher: 0.04, skilledShareOfGraduates: 0.3}
        """));
    university(model, new Double2D(20, 20));
    university(model, new Double2D(80, 80));
    int steps = 2000;
    for (int i = 0; i < steps; i++) {
      TalentMarket.graduate(model);
    }
    double rate = 0.04 * 50 * 2; // 4 a step
    int graduates = model.counters().graduates();
    assertThat((double) graduates / steps).isCloseTo(rate, within(4 * Math.sqrt(rate / steps)));
    TalentPool pool = model.talentPool();
    assertThat(pool.get(TalentTier.SKILLED) + pool.get(TalentTier.RESERVE)).isEqualTo(graduates);
    double skilledShare = (double) pool.get(TalentTier.SKILLED) / graduates;
    assertThat(skilledShare).isCloseTo(0.3, within(4 * Math.sqrt(0.3 * 0.7 / graduates)));
  }

  @Test
  void reserveTalentMaturesIntoCoreAfterMaturationStepsOnAverage() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 5\nmechanisms: {talent: MARKET}\ntalent: {maturationSteps: 8}"));
    model.talentPool().add(TalentTier.RESERVE, 20_000);
    TalentMarket.mature(model);
    int matured = model.talentPool().get(TalentTier.CORE);
    assertThat(matured + model.talentPool().get(TalentTier.RESERVE)).isEqualTo(20_000);
    assertThat((double) matured).isCloseTo(2500, within(4 * Math.sqrt(20_000 * 0.125 * 0.875)));
  }

  @Test
  void importQuotaAddsLeadingScientistsWithTheirTeamsAndQuotaZeroNone() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 6
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 2.5}
        talent: {importTeamSize: 4}
        """));
    int steps = 1000;
    for (int i = 0; i < steps; i++) {
      TalentMarket.importTalent(model);
    }
    int scientists = model.talentPool().get(TalentTier.LEADING);
    assertThat((double) scientists / steps).isCloseTo(2.5, within(4 * Math.sqrt(2.5 / steps)));
    assertThat(model.talentPool().get(TalentTier.CORE)).isEqualTo(4 * scientists);
    assertThat(model.counters().imports()).isEqualTo(5 * scientists);

    EcosystemModel none = new EcosystemModel(Worlds.scenario(small(6, 30, "policy: {talentImportQuota: 0}")));
    none.start();
    int leading = none.talentPool().get(TalentTier.LEADING);
    for (int i = 0; i < 30; i++) {
      TalentMarket.importTalent(none);
    }
    assertThat(none.counters().imports()).isZero();
    assertThat(none.talentPool().get(TalentTier.LEADING)).isEqualTo(leading);
  }

  /** The government pays each imported scientist importGrant quarters of the researcher wage, to households. */
  @Test
  void theGovernmentPaysEachImportedScientistItsGrant() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 6
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 2.5}
        talent: {importGrant: 12}
        """));
    double government = model.books().government();
    double households = model.books().households();
    for (int i = 0; i < 50; i++) {
      TalentMarket.importTalent(model);
    }
    int scientists = model.talentPool().get(TalentTier.LEADING);
    assertThat(scientists).isPositive();
    double grants = scientists * 12 * model.researcherWage();
    assertThat(government - model.books().government()).isCloseTo(grants, within(1e-9 * grants));
    assertThat(model.books().households() - households).isCloseTo(grants, within(1e-9 * grants));
  }

  /**
   * The researcher wage's factor moves by exp(η (D − U) / (D + U)) with D unfilled posts and U
   * unemployed core researchers, never below the production wage, and not at all at η = 0.
   */
  @Test
  void theResearcherWageMovesWithExcessDemandDownToTheProductionWage() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 6\nmechanisms: {talent: MARKET}\ntalent: {wageAdjustment: 0.1}"));
    double wage = model.researcherWage();
    TalentMarket.adjustWage(model, 30, 10);
    assertThat(model.researcherWage()).isCloseTo(wage * Math.exp(0.1 * 20 / 40), within(1e-12));
    TalentMarket.adjustWage(model, 0, 0);
    assertThat(model.researcherWage()).as("no market, no move").isCloseTo(wage * Math.exp(0.05), within(1e-12));
    for (int i = 0; i < 1000; i++) {
      TalentMarket.adjustWage(model, 0, 100);
    }
    var market = model.scenario().market();
    assertThat(model.researcherWage()).as("the production wage").isCloseTo(market.wage() * model.wageIndex(), within(1e-12));

    EcosystemModel fixed = Worlds.empty(Worlds.scenario("seed: 6\nmechanisms: {talent: MARKET}\ntalent: {wageAdjustment: 0}"));
    double before = fixed.researcherWage();
    TalentMarket.adjustWage(fixed, 30, 10);
    assertThat(fixed.researcherWage()).isEqualTo(before);
  }

  /** With many firms' posts and few graduates the researcher wage rises; with a flood of graduates it falls. */
  @Test
  void scarceTalentRaisesTheResearcherWageAndAbundantTalentLowersIt() {
    double[] factors = new double[2];
    String[] pipelines = {"0.0", "1.0"};
    for (int k = 0; k < 2; k++) {
      EcosystemModel model = new EcosystemModel(Worlds.scenario(small(9, 40,
          "talent: {wageAdjustment: 0.05, graduatesPerResearcher: %s}\npolicy: {talentImportQuota: 0}".formatted(pipelines[k]))));
      model.runToEnd();
      factors[k] = model.researcherWageFactor();
    }
    assertThat(factors[0]).as("no graduates").isGreaterThan(1);
    assertThat(factors[1]).as("a flood of graduates").isLessThan(1);
  }

  @Test
  void attritionRemovesItsShareOfEachPoolTier() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 7\nmechanisms: {talent: MARKET}\ntalent: {poolAttrition: 0.1}"));
    for (TalentTier tier : TIERS) {
      model.talentPool().add(tier, 10_000);
    }
    TalentMarket.attrition(model);
    double sd = Math.sqrt(10_000 * 0.1 * 0.9);
    for (TalentTier tier : TIERS) {
      assertThat((double) 10_000 - model.talentPool().get(tier)).as("%s leaving", tier).isCloseTo(1000, within(4 * sd));
    }
    assertThat(model.counters().attrition()).isEqualTo(40_000 - model.talentPool().total());
  }

  // ---- separations, layoffs, matching ----

  @Test
  void separationsHappenAtTheConfiguredRate() {
    // Nobody accepts offers, so movers end up in the pool and every separation is counted once.
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 8
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.08, retirementRate: 0.0, directMoveShare: 0.4, baseAcceptance: 0.0, poolAttrition: 0.0, initialPoolShare: 0.0}
        """));
    for (int i = 0; i < 400; i++) {
      firmWanting(model, Ownership.PRIVATE, HERE, 25);
    }
    TalentMarket.initialise(model);
    int employed = 400 * 25;
    new TalentMarket().step(model);
    int separated = model.talentPool().get(TalentTier.CORE);
    assertThat(model.counters().separations()).isEqualTo(separated);
    assertThat(model.counters().hires()).isZero();
    assertThat(model.counters().moves()).isZero();
    assertThat((double) separated / employed).isCloseTo(0.08, within(4 * Math.sqrt(0.08 * 0.92 / employed)));
  }

  @Test
  void employedTalentRetiresAtTheConfiguredRateAndLeavesTheTalentSystem() {
    // Nobody accepts offers: the separated end in the pool, the retired leave, and each is counted once.
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 9
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.08, retirementRate: 0.05, directMoveShare: 0.4, baseAcceptance: 0.0, poolAttrition: 0.0,
                 initialPoolShare: 0.0}
        """));
    for (int i = 0; i < 400; i++) {
      firmWanting(model, Ownership.PRIVATE, HERE, 25);
    }
    TalentMarket.initialise(model);
    int employed = 400 * 25;
    new TalentMarket().step(model);
    int stillEmployed = model.firms().stream().mapToInt(Firm::getCoreResearchers).sum();
    int separated = model.talentPool().get(TalentTier.CORE);
    int retired = model.counters().attrition();
    assertThat(stillEmployed + separated + retired).isEqualTo(employed);
    assertThat(model.counters().separations()).isEqualTo(separated);
    assertThat((double) retired / employed).isCloseTo(0.05, within(4 * Math.sqrt(0.05 * 0.95 / employed)));
    assertThat((double) separated / employed).isCloseTo(0.08, within(4 * Math.sqrt(0.08 * 0.92 / employed)));
  }

  @Test
  void jobToJobMoversGoToAnotherEmployerNeverBackToTheirOwn() {
    // Over several seeds, so that the origin comes first in the random matching order in some.
    for (long seed = 1; seed <= 10; seed++) {
      EcosystemModel model = Worlds.empty(Worlds.scenario("""
          seed: %d
          mechanisms: {talent: MARKET}
          policy: {talentImportQuota: 0}
          talent: {separationRate: 0.2, directMoveShare: 1.0, baseAcceptance: 1.0, soeAttractiveness: 1.0, initialPoolShare: 0.0, retirementRate: 0.0}
          """.formatted(seed)));
      Firm origin = firmWanting(model, Ownership.PRIVATE, HERE, 100);
      TalentMarket.initialise(model);
      Firm destination = firmWanting(model, Ownership.PRIVATE, HERE, 100);
      new TalentMarket().step(model);
      int moved = 100 - origin.getCoreResearchers();
      assertThat(moved).isPositive();
      assertThat(destination.getCoreResearchers()).as("seed %d", seed).isEqualTo(moved);
      assertThat(model.counters().moves()).isEqualTo(moved);
      assertThat(model.counters().hires()).isEqualTo(moved);
      assertThat(model.counters().separations()).isZero();
      assertThat(model.talentPool().total()).isZero();
    }
  }

  @Test
  void twoEmployersThatLostMoversHireEachOthersNotTheirOwn() {
    // Everyone separates and searches job to job; each firm can only hire the other's movers, so
    // both end with 60 (the smaller staff), whichever comes first in the random matching order.
    for (long seed = 1; seed <= 10; seed++) {
      EcosystemModel model = Worlds.empty(Worlds.scenario("""
          seed: %d
          mechanisms: {talent: MARKET}
          policy: {talentImportQuota: 0}
          talent: {separationRate: 1.0, directMoveShare: 1.0, baseAcceptance: 1.0, soeAttractiveness: 1.0, initialPoolShare: 0.0, retirementRate: 0.0}
          """.formatted(seed)));
      Firm a = firmWanting(model, Ownership.PRIVATE, HERE, 100);
      Firm b = firmWanting(model, Ownership.PRIVATE, HERE, 60);
      TalentMarket.initialise(model);
      new TalentMarket().step(model);
      assertThat(a.getCoreResearchers()).as("seed %d", seed).isEqualTo(60);
      assertThat(b.getCoreResearchers()).as("seed %d", seed).isEqualTo(60);
      assertThat(model.talentPool().get(TalentTier.CORE)).isEqualTo(40);
      assertThat(model.counters().moves()).isEqualTo(120);
      assertThat(model.counters().separations()).isEqualTo(40);
    }
  }

  @Test
  void firmsLayOffTheirSurplusWhenBudgetsFallCoreBeforeLeading() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 10
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.0, initialPoolShare: 0.0, leadingWagePremium: 1.0}
        """));
    Firm firm = firmWanting(model, Ownership.PRIVATE, HERE, 5);
    firm.addHeadcount(TalentTier.CORE, 3);
    firm.addHeadcount(TalentTier.LEADING, 2);
    firm.initialiseSales(firm.getSales() * 2 / 5); // the budget now buys 2
    new TalentMarket().step(model);
    assertThat(firm.getCoreResearchers()).isZero();
    assertThat(firm.getLeadingScientists()).isEqualTo(2);
    assertThat(model.talentPool().get(TalentTier.CORE)).isEqualTo(3);
    assertThat(model.counters().separations()).isEqualTo(3);
    assertThat(model.counters().hires()).isZero();
  }

  @Test
  void hiresNeverExceedVacanciesOrThePool() {
    String yaml = """
        seed: 11
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.0, baseAcceptance: 1.0, soeAttractiveness: 1.0, poolAttrition: 0.0, wageAdjustment: 0}
        """;
    EcosystemModel plenty = Worlds.empty(Worlds.scenario(yaml));
    Firm firm = firmWanting(plenty, Ownership.PRIVATE, HERE, 5);
    plenty.talentPool().add(TalentTier.CORE, 1000);
    new TalentMarket().step(plenty);
    assertThat(firm.getCoreResearchers()).isEqualTo(5);
    assertThat(plenty.talentPool().get(TalentTier.CORE)).isEqualTo(995);
    new TalentMarket().step(plenty);
    assertThat(firm.getCoreResearchers()).as("no vacancies left").isEqualTo(5);

    EcosystemModel scarce = Worlds.empty(Worlds.scenario(yaml));
    Firm a = firmWanting(scarce, Ownership.PRIVATE, HERE, 50);
    Firm b = firmWanting(scarce, Ownership.PRIVATE, HERE, 50);
    scarce.talentPool().add(TalentTier.CORE, 7);
    new TalentMarket().step(scarce);
    assertThat(a.getCoreResearchers() + b.getCoreResearchers()).isEqualTo(7);
    assertThat(scarce.talentPool().get(TalentTier.CORE)).isZero();
    assertThat(scarce.counters().hires()).isEqualTo(7);
  }

  @Test
  void firmsOfferResearcherPostsToLeadingScientistsFirst() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 12
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.0, baseAcceptance: 1.0, soeAttractiveness: 1.0, poolAttrition: 0.0, leadingWagePremium: 1.0}
        """));
    Firm firm = firmWanting(model, Ownership.PRIVATE, HERE, 6);
    model.talentPool().add(TalentTier.LEADING, 2);
    model.talentPool().add(TalentTier.CORE, 100);
    new TalentMarket().step(model);
    assertThat(firm.getLeadingScientists()).isEqualTo(2);
    assertThat(firm.getCoreResearchers()).isEqualTo(4);
  }

  /** At a premium of 3 a leading scientist takes three of a firm's researcher posts: six posts hire two and no core researcher. */
  @Test
  void aLeadingScientistTakesPremiumPostsOfTheBudget() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 12
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.0, baseAcceptance: 1.0, soeAttractiveness: 1.0, poolAttrition: 0.0, leadingWagePremium: 3.0}
        """));
    Firm firm = firmWanting(model, Ownership.PRIVATE, HERE, 7);
    model.talentPool().add(TalentTier.LEADING, 5);
    model.talentPool().add(TalentTier.CORE, 100);
    new TalentMarket().step(model);
    assertThat(firm.getLeadingScientists()).as("floor(7 / 3) leading scientists").isEqualTo(2);
    assertThat(firm.getCoreResearchers()).as("the post left").isEqualTo(1);
    assertThat(model.talentPool().get(TalentTier.LEADING)).isEqualTo(3);
  }

  /** A budget of three posts keeps one leading scientist at a premium of 3: the core researchers go first, then one of the two. */
  @Test
  void theLayOffCountsALeadingScientistAsPremiumPosts() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 10
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.0, initialPoolShare: 0.0, leadingWagePremium: 3.0}
        """));
    Firm firm = firmWanting(model, Ownership.PRIVATE, HERE, 5);
    firm.addHeadcount(TalentTier.CORE, 3);
    firm.addHeadcount(TalentTier.LEADING, 2);
    firm.initialiseSales(firm.getSales() * 3 / 5); // the budget now buys 3 posts
    new TalentMarket().step(model);
    assertThat(firm.getCoreResearchers()).isZero();
    assertThat(firm.getLeadingScientists()).isEqualTo(1);
    assertThat(model.talentPool().get(TalentTier.CORE)).isEqualTo(3);
    assertThat(model.talentPool().get(TalentTier.LEADING)).isEqualTo(1);
    assertThat(model.counters().hires()).isZero();
  }

  /** Fill rate (hires / vacancies) of SOEs and private firms with the same vacancies at the same place. */
  private static double[] fillRates(double soeAttractiveness) {
    long[] hires = new long[2];
    long[] vacancies = new long[2];
    for (long seed = 1; seed <= 10; seed++) {
      EcosystemModel model = Worlds.empty(Worlds.scenario("""
          seed: %d
          mechanisms: {talent: MARKET}
          talent: {separationRate: 0.0, baseAcceptance: 0.6, soeAttractiveness: %s, poolAttrition: 0.0}
          """.formatted(seed, soeAttractiveness)));
      List<Firm> firms = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        firms.add(firmWanting(model, i % 2 == 0 ? Ownership.SOE : Ownership.PRIVATE, HERE, 4));
      }
      model.talentPool().add(TalentTier.CORE, 100_000);
      new TalentMarket().step(model);
      for (Firm firm : firms) {
        int o = firm.getOwnership() == Ownership.SOE ? 0 : 1;
        hires[o] += firm.getCoreResearchers();
        vacancies[o] += 4;
      }
    }
    return new double[] {(double) hires[0] / vacancies[0], (double) hires[1] / vacancies[1], vacancies[0]};
  }

  @Test
  void soeAttractivenessGivesSoesAHigherFillRate() {
    double[] attractive = fillRates(1.5);
    double n = attractive[2];
    // p = 0.6 for SOEs and 0.6 / 1.5 = 0.4 for private firms.
    assertThat(attractive[0]).isCloseTo(0.6, within(4 * Math.sqrt(0.24 / n)));
    assertThat(attractive[1]).isCloseTo(0.4, within(4 * Math.sqrt(0.24 / n)));
    assertThat(attractive[0] - attractive[1]).isGreaterThan(0.1);
    // Without the preference both fill at the base rate.
    double[] neutral = fillRates(1.0);
    assertThat(Math.abs(neutral[0] - neutral[1])).isLessThan(4 * Math.sqrt(2 * 0.24 / n));
  }

  @Test
  void distanceFromTheNearestCampusLowersAcceptance() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 13
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        talent: {separationRate: 0.0, baseAcceptance: 0.9, soeAttractiveness: 1.0, acceptanceDistanceScale: 30, poolAttrition: 0.0}
        """));
    university(model, new Double2D(10, 10));
    university(model, new Double2D(90, 10));
    TalentConfig tc = model.scenario().talent();
    List<Firm> near = new ArrayList<>();
    List<Firm> far = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      near.add(firmWanting(model, Ownership.PRIVATE, new Double2D(88, 10), 5));
      far.add(firmWanting(model, Ownership.PRIVATE, new Double2D(50, 90), 5));
    }
    double farDistance = new Double2D(50, 90).distance(new Double2D(10, 10));
    assertThat(TalentMarket.distanceToCampus(model, near.get(0))).isCloseTo(2, within(1e-12));
    assertThat(TalentMarket.acceptance(model, near.get(0), tc)).isCloseTo(0.9 * Math.exp(-2.0 / 30), within(1e-12));
    assertThat(TalentMarket.acceptance(model, far.get(0), tc)).isCloseTo(0.9 * Math.exp(-farDistance / 30), within(1e-12));
    model.talentPool().add(TalentTier.CORE, 100_000);
    new TalentMarket().step(model);
    double nearRate = near.stream().mapToInt(Firm::getCoreResearchers).sum() / 500.0;
    double farRate = far.stream().mapToInt(Firm::getCoreResearchers).sum() / 500.0;
    double pNear = 0.9 * Math.exp(-2.0 / 30);
    double pFar = 0.9 * Math.exp(-farDistance / 30);
    assertThat(nearRate).isCloseTo(pNear, within(4 * Math.sqrt(pNear * (1 - pNear) / 500)));
    assertThat(farRate).isCloseTo(pFar, within(4 * Math.sqrt(pFar * (1 - pFar) / 500)));
    assertThat(nearRate).isGreaterThan(farRate + 0.3);
  }

  @Test
  void universitiesAbsorbLeadingScientistsBeforeFirms() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 14
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        universities: {upstairsResearchers: 50}
        talent: {separationRate: 0.0, baseAcceptance: 1.0, soeAttractiveness: 1.0, poolAttrition: 0.0, graduatesPerResearcher: 0.0,
                 universityLeadingShare: 0.2}
        """));
    University university = university(model, HERE);
    Firm firm = firmWanting(model, Ownership.PRIVATE, HERE, 20);
    TalentMarket.initialise(model); // the university: 40 core + 10 leading; the firm: 20 core
    university.addHeadcount(TalentTier.LEADING, -4); // four leading posts open
    firm.addHeadcount(TalentTier.CORE, -10); // ten researcher posts open
    model.talentPool().add(TalentTier.LEADING, 5 - model.talentPool().get(TalentTier.LEADING));
    new TalentMarket().step(model);
    assertThat(university.getLeadingScientists()).isEqualTo(10);
    assertThat(firm.getLeadingScientists()).isEqualTo(1);
    assertThat(model.talentPool().get(TalentTier.LEADING)).isZero();
  }

  // ---- dual appointments and research under the talent market ----

  @Test
  void dualAppointmentsGivePartnerFirmsResearchTime() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 15
        mechanisms: {talent: MARKET}
        policy: {talentImportQuota: 0}
        universities: {upstairsResearchers: 60}
        talent: {dualAppointmentShare: 0.1, dualTimeShare: 0.3, universityLeadingShare: 0.0, separationRate: 0.0, retirementRate: 0.0}
        """));
    University university = university(model, HERE);
    Firm first = firmWanting(model, Ownership.PRIVATE, HERE, 2);
    Firm second = firmWanting(model, Ownership.SOE, HERE, 2);
    Firm outsider = firmWanting(model, Ownership.PRIVATE, HERE, 2);
    model.strengthenAlliance(university, first);
    model.strengthenAlliance(university, second);
    TalentMarket.initialise(model);
    TalentMarket.dualAppointments(model);
    assertThat(first.getDualAppointmentTime()).isCloseTo(6 * 0.3 / 2, within(1e-12));
    // Each step sets the times anew (opening the firm's post clears it), it does not add to them:
    // nobody separates and nobody is missing, so the staff and the times stay as they are.
    new TalentMarket().step(model);
    new TalentMarket().step(model);
    assertThat(first.getDualAppointmentTime()).isCloseTo(6 * 0.3 / 2, within(1e-12));
    assertThat(second.getDualAppointmentTime()).isCloseTo(6 * 0.3 / 2, within(1e-12));
    assertThat(outsider.getDualAppointmentTime()).isZero();
    assertThat(university.getUpstairsResearchers()).isEqualTo(60);
    assertThat(TalentMarket.dualAppointees(model, university)).isEqualTo(6);
    new FirmResearch().step(model);
    assertThat(first.getResearchers()).isCloseTo(2 + 0.9, within(1e-12));
    assertThat(outsider.getResearchers()).isCloseTo(2, within(1e-12));
  }

  @Test
  void upstairsResearchCountsLeadingScientistsUnderTheTalentMarketOnly() {
    String yaml = """
        seed: 16
        mechanisms: {talent: %s}
        universities: {upstairsResearchers: 40, inventionRate: 0.05}
        talent: {leadingProductivity: 3.0}
        """;
    int steps = 400;
    double[] means = new double[2];
    String[] modes = {"MARKET", "FREE_HIRING"};
    for (int m = 0; m < 2; m++) {
      EcosystemModel model = Worlds.empty(Worlds.scenario(yaml.formatted(modes[m])));
      University university = university(model, HERE);
      university.addHeadcount(TalentTier.CORE, -20);
      university.addHeadcount(TalentTier.LEADING, 20);
      for (int i = 0; i < steps; i++) {
        new UpstairsResearch().step(model);
      }
      means[m] = (double) model.counters().inventionsCreated() / steps;
    }
    double market = 0.05 * (20 + 3.0 * 20); // 4 a step
    double free = 0.05 * 40; // 2 a step
    assertThat(means[0]).isCloseTo(market, within(4 * Math.sqrt(market / steps)));
    assertThat(means[1]).isCloseTo(free, within(4 * Math.sqrt(free / steps)));
  }

  // ---- determinism ----

  @Test
  void aSeedFixesTheTalentMarket() {
    long[][] runs = new long[2][];
    for (int r = 0; r < 2; r++) {
      EcosystemModel model = new EcosystemModel(Worlds.scenario(small(17, 25, "policy: {talentImportQuota: 3}")));
      model.start();
      long[] trace = new long[model.scenario().totalSteps() * 4];
      for (int s = 0; s < model.scenario().totalSteps(); s++) {
        model.schedule.step(model);
        trace[4 * s] = coreStock(model);
        trace[4 * s + 1] = model.talentPool().get(TalentTier.SKILLED);
        trace[4 * s + 2] = model.talentPool().get(TalentTier.LEADING);
        trace[4 * s + 3] = Double.doubleToLongBits(firmResearchers(model));
      }
      runs[r] = trace;
    }
    assertThat(runs[1]).isEqualTo(runs[0]);
  }

  // ---- the policy lever: talent import (引进国际一流科技领军人才和创新团队) ----

  /** Paired differences (quota 5 − quota 0) of an outcome averaged over the last 10 steps, one per seed. */
  private static double[][] pairedImportRuns(String talent) {
    int seeds = 20;
    int steps = 40;
    double[][] outcomes = new double[2][seeds]; // [0] core stock, [1] firms' effective researchers
    for (int s = 0; s < seeds; s++) {
      double[][] arm = new double[2][2];
      for (int q = 0; q < 2; q++) {
        EcosystemModel model = new EcosystemModel(Worlds.scenario(small(1000 + s, steps,
            talent + "policy: {talentImportQuota: " + (q == 0 ? 0 : 5) + "}\n")));
        model.start();
        int total = model.scenario().totalSteps();
        for (int t = 0; t < total; t++) {
          model.schedule.step(model);
          if (t >= total - 10) {
            arm[q][0] += coreStock(model) / 10.0;
            arm[q][1] += firmResearchers(model) / 10.0;
          }
        }
      }
      outcomes[0][s] = arm[1][0] - arm[0][0];
      outcomes[1][s] = arm[1][1] - arm[0][1];
    }
    return outcomes;
  }

  /** Mean and two-sided 95% t confidence interval of paired differences. */
  private static double[] confidenceInterval(double[] differences) {
    int n = differences.length;
    double mean = 0;
    for (double d : differences) {
      mean += d / n;
    }
    double squares = 0;
    for (double d : differences) {
      squares += (d - mean) * (d - mean);
    }
    double se = Math.sqrt(squares / (n - 1) / n);
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    return new double[] {mean, mean - t * se, mean + t * se};
  }

  @Test
  void talentImportRaisesTheStockOfCoreResearchers() {
    // Direct outcome: the economy's core researchers (pool + firms + universities), where the
    // imported teams arrive; firms' employment is set by their R&D budgets, which import does not change.
    double[] ci = confidenceInterval(pairedImportRuns("")[0]);
    System.out.printf("talent import 5 vs 0, core researchers (pool + firms + universities): mean difference %.1f, 95%% CI [%.1f, %.1f]%n",
        ci[0], ci[1], ci[2]);
    assertThat(ci[1]).isGreaterThan(0);
  }

  @Test
  void talentImportRaisesFirmsEffectiveResearchersWhenFirmsHaveResearcherPosts() {
    // With technicianRatio 0.01 firms' budgets leave researcher posts after technicians; imported
    // leading scientists fill them, worth leadingProductivity core researchers each.
    double[] ci = confidenceInterval(pairedImportRuns("talent: {technicianRatio: 0.01}\n")[1]);
    System.out.printf("talent import 5 vs 0, firms' effective researchers (technicianRatio 0.01): mean difference %.1f, 95%% CI [%.1f, %.1f]%n",
        ci[0], ci[1], ci[2]);
    assertThat(ci[1]).isGreaterThan(0);
  }
}
