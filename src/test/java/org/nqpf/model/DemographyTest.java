package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import sim.util.Double2D;

/** Exit and entry rules. */
class DemographyTest {
  private static final Double2D HERE = new Double2D(50, 50);

  @Test
  void insolventAndNegligibleFirmsExitAndHouseholdsTakeWhatIsLeft() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 2\ndemography: {entryRate: 0.0, soeFoundingRate: 0}\nmarket: {exitRelativeShare: 0.1}"));
    Firm healthy = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1, 0.6, 10, 100);
    Firm insolvent = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1, 0.38, -5, 100);
    Firm tiny = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1, 0.02, 7, 100);
    Worlds.demand(model, 1000);
    double money = Worlds.money(model);
    new Demography().step(model);
    assertThat(model.firms()).containsExactly(healthy);
    assertThat(insolvent.isAlive()).isFalse();
    assertThat(tiny.isAlive()).isFalse();
    assertThat(model.counters().exits()).isEqualTo(2);
    assertThat(model.books().households()).isCloseTo(2, within(1e-12));
    assertThat(Worlds.money(model)).isCloseTo(money, within(1e-12));
    assertThat(healthy.getMarketShare()).isCloseTo(1.0, within(1e-12));
    assertThat(model.network().getAllNodes().numObjs).isEqualTo(1);
  }

  @Test
  void exitedFirmsLeaveEveryListInAnyOrderAndTheOthersKeepTheirs() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 2"));
    List<Firm> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.add(Worlds.firm(model, Ownership.PRIVATE, Sector.of(i % 3), new Double2D(5 * i, 5 * i), 1, 0.1, 10, 100));
    }
    List<Firm> exited = List.of(all.get(10), all.get(0), all.get(4), all.get(5));
    exited.forEach(f -> f.exit(0));
    model.population().removeExited(exited);
    List<Firm> survivors = new ArrayList<>(all);
    survivors.removeAll(exited);
    assertThat(model.firms()).containsExactlyElementsOf(survivors);
    for (Sector sector : Sector.values()) {
      assertThat(model.firms(sector)).containsExactlyElementsOf(survivors.stream().filter(f -> f.getSector() == sector).toList());
    }
    assertThat(model.network().getAllNodes().numObjs).isEqualTo(8);
    assertThat(model.space().getAllObjects().numObjs).isEqualTo(8);
    // A firm that is not in the lists (here: removed already) is an error, not silently skipped.
    assertThatThrownBy(() -> model.population().removeExited(List.of(all.get(0))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not found");
  }

  /**
   * With either market. Under product lines the world has its lines (the SOE holds at least one,
   * so it is not privatised as an SOE without lines), and random privatisation and the state's
   * foundings are off, as entry is, so that only the soft budget acts.
   */
  @Test
  void underTheSoftBudgetTheGovernmentCoversAnSoesLossesAndItStays() {
    for (String market : new String[] {"REPLICATOR", "LINES"}) {
      EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 2\ndemography: {entryRate: 0.0, soePrivatisationHazard: 0, "
          + "soeFoundingRate: 0}\nmarket: {exitRelativeShare: 0.1}\nmechanisms: {market: %s}".formatted(market)));
      Firm soe = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, HERE, 1, 0.01, -30, 100);
      Firm peer = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1, 0.99, 10, 100);
      Worlds.demand(model, 1000);
      if (model.productLines()) {
        model.createProductLines();
        assertThat(soe.getLines()).isPositive();
      }
      double money = Worlds.money(model);
      new Demography().step(model);
      assertThat(model.firms()).as("market %s", market).containsExactly(soe, peer);
      assertThat(soe.isPrivate()).as("market %s", market).isFalse();
      assertThat(soe.getCash()).isZero();
      assertThat(model.books().government()).isEqualTo(-30);
      assertThat(model.books().stepBailouts()).isEqualTo(30);
      assertThat(Worlds.money(model)).isCloseTo(money, within(1e-12));
    }
  }

  @Test
  void withoutTheSoftBudgetAnInsolventSoeExits() {
    for (String market : new String[] {"REPLICATOR", "LINES"}) {
      EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 2\ndemography: {entryRate: 0.0, soeSoftBudget: false, "
          + "soePrivatisationHazard: 0, soeFoundingRate: 0}\nmechanisms: {market: %s}".formatted(market)));
      Firm soe = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, HERE, 1, 0.5, -30, 100);
      Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1, 0.5, 10, 100);
      Worlds.demand(model, 1000);
      if (model.productLines()) {
        model.createProductLines();
      }
      new Demography().step(model);
      assertThat(soe.isAlive()).as("market %s", market).isFalse();
      assertThat(model.counters().privatisations()).as("it exits as an SOE, market %s", market).isZero();
      assertThat(model.books().stepBailouts()).isZero();
    }
  }

  @Test
  void entrantsArriveAtTheBaseRateAsPrivateStartups() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 2\nfirms: {count: 100}\ndemography: {entryRate: 0.05}\nmarket: {exitRelativeShare: 0.0}\npolicy: {marketUnification: 1.0}"));
    Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, HERE, 1, 1.0, 1e6, 100);
    Worlds.demand(model, 1000);
    int steps = 400;
    for (int i = 0; i < steps; i++) {
      Demography.entries(model, null);
    }
    int entrants = model.firms().size() - 1;
    assertThat(model.counters().startups()).isEqualTo(entrants);
    assertThat((double) entrants / steps).isCloseTo(5.0, within(4 * Math.sqrt(5.0 / steps)));
    assertThat(model.firms().stream().skip(1).allMatch(Firm::isPrivate)).isTrue();
    assertThat(model.books().households()).isCloseTo(-entrants * model.scenario().demography().entrantCash(), within(1e-6));
  }

  /**
   * With {@code startupMinimumFunding} m = 0.5 a would-be founder paying in a lognormal share s of
   * its cost (mean 0.4, log-sd 1) founds its firm iff s × F ≥ m, F = 1.25 without guarantees and
   * 1 + 0.25 / 0.3 with coverage 0.7: P = 1 − Φ((ln(m / (F × 0.4)) + 1/2) / 1), 0.309 and 0.453; the
   * others are counted as deterred, and without a minimum every one founds.
   */
  @Test
  void foundersShortOfFinanceAreDeterredAndGuaranteesLetMoreIn() {
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    for (double coverage : new double[] {0.0, 0.7}) {
      for (double minimum : new double[] {0.0, 0.5}) {
        EcosystemModel model = new EcosystemModel(Worlds.scenario("""
            seed: 3
            firms: {count: 200}
            universities: {count: 1}
            mechanisms: {finance: STARTUP_CREDIT}
            credit: {founderEquitySd: 1.0, startupMinimumFunding: %s}
            demography: {entryRate: 0.1}
            policy: {specialLoanQuota: 0, guaranteeCoverage: %s, fundLeverage: 1000, marketUnification: 1.0}
            """.formatted(minimum, coverage)));
        model.start();
        int founded = 0;
        int deterred = 0;
        for (int i = 0; i < 150; i++) {
          model.counters().reset();
          Demography.entries(model, null);
          founded += model.counters().startups();
          deterred += model.counters().entrantsDeterred();
        }
        int n = founded + deterred;
        double f = coverage == 0 ? 1.25 : 1 + 0.25 / 0.3;
        double expected = minimum == 0 ? 1 : 1 - normal.cumulativeProbability(Math.log(minimum / (f * 0.4)) + 0.5);
        assertThat(n).isGreaterThan(2500);
        assertThat((double) founded / n).as("coverage %s, minimum %s", coverage, minimum)
            .isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - expected) / n) + 1e-12));
      }
    }
  }

  @Test
  void poissonDrawsHaveTheRightMeanAndVariance() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 8"));
    for (double mean : new double[] {0.3, 4, 60, 800}) {
      int n = 4000;
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        int x = model.poisson(mean);
        sum += x;
        squares += (double) x * x;
      }
      double m = sum / n;
      double variance = squares / n - m * m;
      assertThat(m).as("mean of Poisson(%s)", mean).isCloseTo(mean, within(5 * Math.sqrt(mean / n)));
      assertThat(variance / mean).as("dispersion of Poisson(%s)", mean).isCloseTo(1.0, within(0.15));
    }
  }

  /** A world under innovation arrivals with learning entrants (entry and SOE founding off). */
  private static EcosystemModel learningWorld(long seed) {
    return Worlds.empty(Worlds.scenario(("seed: %d\nmechanisms: {innovation: ARRIVALS}\n"
        + "innovation: {innovationShare: 1.0, innovationEfficiency: 0.5, knowledgeWeight: 0.0, imitationEfficiency: 0.0}\n"
        + "demography: {entryRate: 0.0, soeFoundingRate: 0, entrantAbilitySd: 1.0, exitBelief: 0.5}").formatted(seed)));
  }

  @Test
  void anEntrantWithABadDrawLearnsItAndLeavesEarlierThanOneWithAGoodDraw() {
    EcosystemModel model = learningWorld(17);
    int perGroup = 100;
    double researchers = 2;
    double sales = researchers * model.scenario().market().researcherWage() / model.scenario().firms().rdIntensity();
    List<Firm> bad = new ArrayList<>();
    List<Firm> good = new ArrayList<>();
    for (int i = 0; i < 2 * perGroup; i++) {
      Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, HERE, 1, 1.0 / (2 * perGroup), 1e12, sales);
      // Ability 0.25 or 2 against a prior of mean 1 and shape 1 (sd 1).
      firm.startLearning(new EntrantLearning(i < perGroup ? 0.25 : 2.0, 1.0));
      (i < perGroup ? bad : good).add(firm);
    }
    int[] exitStep = new int[2 * perGroup];
    java.util.Arrays.fill(exitStep, -1);
    int steps = 200;
    for (int t = 0; t < steps; t++) {
      new FirmResearch().step(model);
      Demography.exits(model);
      for (int i = 0; i < 2 * perGroup; i++) {
        Firm firm = i < perGroup ? bad.get(i) : good.get(i - perGroup);
        if (exitStep[i] < 0 && !firm.isAlive()) {
          exitStep[i] = t;
        }
      }
    }
    // Censored at the end of the run for survivors: the mean time to exit is a lower bound for them.
    double badMean = java.util.Arrays.stream(exitStep, 0, perGroup).map(x -> x < 0 ? steps : x).average().orElseThrow();
    double goodMean = java.util.Arrays.stream(exitStep, perGroup, 2 * perGroup).map(x -> x < 0 ? steps : x).average().orElseThrow();
    long badExits = java.util.Arrays.stream(exitStep, 0, perGroup).filter(x -> x >= 0).count();
    long goodExits = java.util.Arrays.stream(exitStep, perGroup, 2 * perGroup).filter(x -> x >= 0).count();
    assertThat(badExits).as("bad draws that learnt it and left").isGreaterThan(perGroup * 8 / 10);
    assertThat(goodExits).as("good draws that left (an unlucky start)").isLessThan(perGroup / 5);
    assertThat(badMean).isLessThan(goodMean / 2);
    // Every survivor's belief is the conjugate posterior of its own counts: (k + N) / (k + exposure).
    for (Firm firm : good) {
      if (firm.isAlive()) {
        EntrantLearning learning = firm.learning();
        assertThat(learning.shape() - 1.0).isEqualTo(firm.getInnovationsTotal());
        assertThat(learning.belief()).isGreaterThan(0.5);
      }
    }
  }

  @Test
  void startUpsDrawAnAbilityOfMeanOneAndTheGivenSpreadOnlyUnderArrivals() {
    EcosystemModel model = learningWorld(23);
    Worlds.demand(model, 1000);
    int n = 4000;
    double sum = 0;
    double sumOfSquares = 0;
    for (int i = 0; i < n; i++) {
      Firm firm = model.population().foundStartup(Sector.TRADITIONAL, HERE, 1.0, -1);
      double a = firm.learning().ability();
      assertThat(firm.learning().belief()).isEqualTo(1.0);
      sum += a;
      sumOfSquares += a * a;
    }
    double mean = sum / n;
    double sd = Math.sqrt(sumOfSquares / n - mean * mean);
    assertThat(mean).isCloseTo(1.0, within(4 * 1.0 / Math.sqrt(n)));
    assertThat(sd).isCloseTo(1.0, within(0.1));

    EcosystemModel drawRule = Worlds.empty(Worlds.scenario("seed: 23\nmechanisms: {innovation: DRAW}\ndemography: {entrantAbilitySd: 1.0}"));
    Worlds.demand(drawRule, 1000);
    assertThat(drawRule.population().foundStartup(Sector.TRADITIONAL, HERE, 1.0, -1).learning()).as("no learning under one draw a step").isNull();
  }
}
