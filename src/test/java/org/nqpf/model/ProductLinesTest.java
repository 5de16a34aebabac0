package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import sim.util.Double2D;

/** The product lines of {@code mechanisms.market: LINES} (Klette and Kortum 2004). */
class ProductLinesTest {

  private static final Double2D AT = new Double2D(50, 50);

  /**
   * Whatever the scenario, after every step each sector's lines are held by living firms only (or
   * by nobody when the sector has none), every firm's line count is the number of lines it holds,
   * its line weight is the weight of the lines it holds, its market share is that weight over the
   * sector's, and money is conserved; with and without line demand shocks.
   */
  @Property(tries = 12, seed = "20261203", shrinking = ShrinkingMode.OFF)
  void linesAreConservedAndSharesAreTheirsEveryStep(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 0.02, max = 0.6) double soeShare,
      @ForAll @DoubleRange(min = 1, max = 25) double soeSizeMultiplier,
      @ForAll @IntRange(min = 1, max = 8) int linesPerFirm,
      @ForAll @DoubleRange(min = 0, max = 0.5) double privatisationHazard,
      @ForAll @DoubleRange(min = 0, max = 0.02) double foundingRate,
      @ForAll @DoubleRange(min = 0, max = 0.5) double lineDemandSd) {
    Scenario scenario = Worlds.scenario("""
        seed: %d
        steps: 40
        burnIn: 0
        firms: {count: 120, soeShare: %s, soeSizeMultiplier: %s}
        universities: {count: 3}
        market: {linesPerFirm: %d, lineDemandSd: %s}
        demography: {soePrivatisationHazard: %s, soeFoundingRate: %s}
        mechanisms: {finance: CREDIT, talent: MARKET, ai: DIFFUSION, market: LINES}
        """.formatted(seed, soeShare, soeSizeMultiplier, linesPerFirm, lineDemandSd, privatisationHazard, foundingRate));
    EcosystemModel model = new EcosystemModel(scenario);
    model.start();
    double money = Worlds.money(model);
    checkLines(model);
    int firms = model.firms().size();
    for (int step = 0; step < scenario.totalSteps(); step++) {
      model.schedule.step(model);
      checkLines(model);
      // To rounding: relative to the balances summed, which in the property's wildest scenarios
      // reach 10^14 against a total of 10^4.
      double scale = Math.max(Math.abs(money), Worlds.moneyScale(model));
      assertThat(Worlds.money(model)).as("money after step %d", step).isCloseTo(money, within(1e-12 * scale * 1000));
      TimeSeries series = model.series();
      int now = (int) series.get(step, Metric.FIRMS);
      assertThat(now).as("firms at step %d: last step's, plus entries (SOEs the state founds too), less exits", step)
          .isEqualTo(firms + (int) series.get(step, Metric.ENTRIES) - (int) series.get(step, Metric.EXITS));
      firms = now;
    }
  }

  private static void checkLines(EcosystemModel model) {
    ProductLines lines = model.lines();
    for (Sector sector : Sector.values()) {
      List<Firm> firms = model.firms(sector);
      int[] byOwnership = lines.linesByOwnership(sector);
      int held = byOwnership[0] + byOwnership[1];
      int sum = 0;
      for (Firm firm : firms) {
        assertThat(firm.getLines()).isNotNegative();
        assertThat(firm.getLineWeight()).as("line weight of firm %d", firm.getId())
            .isCloseTo(lines.weightHeldBy(firm), within(1e-9 * lines.sectorWeight(sector)));
        assertThat(firm.getMarketShare()).as("share of firm %d", firm.getId())
            .isCloseTo(firm.getLineWeight() / lines.sectorWeight(sector), within(1e-9));
        if (firm.getLines() == 0) {
          assertThat(firm.getMarketShare()).isZero();
        }
        sum += firm.getLines();
      }
      assertThat(sum).as("lines of living firms in %s", sector).isEqualTo(held);
      if (!firms.isEmpty()) {
        assertThat(held).as("every line of %s held", sector).isEqualTo(lines.total(sector));
      }
    }
  }

  /**
   * Lines of TRADITIONAL: 4 per firm × 5 firms × its consumption share 0.6 = 12; one to each firm,
   * the 10 others by share (0.999 : 0.001, largest remainder): 11 to the holder, 1 to the innovator.
   */
  /** A traditional sector of a large SOE holder and a small private innovator, with their lines. */
  private record Duel(EcosystemModel model, Firm holder, Firm innovator) {}

  private static Duel duel(long seed, int linesPerFirm) {
    EcosystemModel model = Worlds.empty(Worlds.scenario(
        "seed: %d\nfirms: {count: 5}\nmarket: {linesPerFirm: %d, lineDemandSd: 0}\nmechanisms: {market: LINES}".formatted(seed, linesPerFirm)));
    Worlds.demand(model, 1000);
    Firm holder = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, AT, 1.0, 0.999, 10, 500);
    Firm innovator = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, AT, 1.0, 0.001, 10, 5);
    model.createProductLines();
    return new Duel(model, holder, innovator);
  }

  /**
   * A firm is a portfolio of lines whose demand moves independently (Sutton 2002; Fu et al. 2005):
   * with ln w' = ρ ln w + σ ε and weights near their stationary mean (σ small), the change of the
   * log weight of a firm holding n lines has variance about 2σ² / ((1 + ρ) n): a one-line firm's
   * about 2σ² / (1 + ρ), a 17-line firm's a seventeenth of it.
   */
  @Test
  void aFirmWithNLinesHasTheVarianceOfGrowthTheRuleImplies() {
    double sigma = 0.02;
    double rho = 0.9;
    EcosystemModel model = Worlds.empty(Worlds.scenario(("seed: 11\nfirms: {count: 5}\nmarket: {linesPerFirm: 6,"
        + " lineDemandSd: %s, lineDemandPersistence: %s}\nmechanisms: {market: LINES}").formatted(sigma, rho)));
    Worlds.demand(model, 1000);
    Firm large = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, AT, 1.0, 0.999, 10, 500);
    Firm small = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, AT, 1.0, 0.001, 10, 5);
    model.createProductLines();
    assertThat(model.lines().total(Sector.TRADITIONAL)).isEqualTo(18);
    assertThat(small.getLines()).isEqualTo(1);
    assertThat(large.getLines()).isEqualTo(17);
    int steps = 4000;
    double[] smallGrowth = new double[steps];
    double[] largeGrowth = new double[steps];
    for (int t = 0; t < steps; t++) {
      double s0 = small.getLineWeight();
      double l0 = large.getLineWeight();
      model.lines().shiftDemand(model);
      smallGrowth[t] = Math.log(small.getLineWeight() / s0);
      largeGrowth[t] = Math.log(large.getLineWeight() / l0);
      assertThat(small.getMarketShare() + large.getMarketShare()).isCloseTo(1.0, within(1e-12));
    }
    double implied = 2 * sigma * sigma / (1 + rho);
    double smallVariance = new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(smallGrowth);
    double largeVariance = new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(largeGrowth);
    assertThat(smallVariance).isCloseTo(implied, within(0.1 * implied));
    assertThat(largeVariance).isCloseTo(implied / 17, within(0.15 * implied / 17));
  }

  /** Without shocks (σ = 0, the weights all 1) a firm's share is its share of the lines, as before the weights. */
  @Test
  void withoutLineDemandShocksAShareIsTheShareOfLines() {
    Duel duel = duel(5, 4);
    duel.model().lines().shiftDemand(duel.model());
    assertThat(duel.holder().getMarketShare()).isEqualTo(11.0 / 12);
    assertThat(duel.innovator().getMarketShare()).isEqualTo(1.0 / 12);
  }

  @Test
  void anOwnInnovationTakesTheDrawnLineFromItsHolderAndAnImitationTakesNone() {
    Duel duel = duel(5, 4);
    EcosystemModel model = duel.model();
    Firm holder = duel.holder();
    Firm innovator = duel.innovator();
    assertThat(model.lines().total(Sector.TRADITIONAL)).isEqualTo(12);
    assertThat(holder.getLines()).isEqualTo(11);
    assertThat(innovator.getLines()).isEqualTo(1);

    model.innovated(innovator, InnovationType.IMITATED, 1.0);
    assertThat(innovator.getLines()).isEqualTo(1);
    int taken = 0;
    for (int i = 0; i < 500 && holder.getLines() > 0; i++) {
      int before = innovator.getLines();
      model.innovated(innovator, InnovationType.INCREMENTAL, 1.0);
      taken += innovator.getLines() - before;
    }
    assertThat(innovator.getLines() + holder.getLines()).isEqualTo(12);
    assertThat(holder.getLines()).isZero();
    assertThat(taken).isEqualTo(11);
    assertThat(model.counters().captures(Ownership.PRIVATE)).isEqualTo(11);
    assertThat(innovator.getMarketShare()).isEqualTo(1.0);
  }

  /**
   * Unfilled orders lower competitiveness: an innovator that left all its customers' orders
   * unfilled takes no line; one that left a quarter of them unfilled takes about three quarters of
   * the lines its innovations are aimed at elsewhere.
   */
  @Test
  void anInnovatorThatLeftOrdersUnfilledTakesLinesOnlyWithTheComplementaryProbability() {
    Duel duel = duel(6, 400);
    int lines = duel.model().lines().total(Sector.TRADITIONAL);
    int own = duel.innovator().getLines();
    duel.innovator().setUnfilled(1);
    for (int i = 0; i < 100; i++) {
      duel.model().innovated(duel.innovator(), InnovationType.INCREMENTAL, 1.0);
    }
    assertThat(duel.innovator().getLines()).isEqualTo(own);
    assertThat(duel.model().counters().captures(Ownership.PRIVATE)).isZero();

    duel.innovator().setUnfilled(0.25);
    int aimedElsewhere = 0;
    for (int i = 0; i < 400; i++) {
      aimedElsewhere += duel.holder().getLines();
      duel.model().innovated(duel.innovator(), InnovationType.INCREMENTAL, 1.0);
    }
    double expected = 0.75 * aimedElsewhere / lines;
    assertThat(expected).isGreaterThan(100);
    assertThat((double) duel.innovator().getLines() - own).isCloseTo(expected, within(4 * Math.sqrt(expected)));
    assertThat(duel.holder().getLines() + duel.innovator().getLines()).isEqualTo(lines);
  }


  /** Lines of FUTURE: 20 per firm × 10 firms × its consumption share 0.1 = 20, all the incumbent's. */
  @Test
  void anEntrantTakesOneLineAndAnSoeTheStateFoundsTakesItsLines() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 6\nfirms: {count: 10}\nmarket: {linesPerFirm: 20, lineDemandSd: 0}\n"
        + "demography: {soeFoundingLines: 6}\nmechanisms: {market: LINES}"));
    Worlds.demand(model, 1000);
    Firm incumbent = Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, AT, 1.0, 1.0, 10, 500);
    model.createProductLines();
    assertThat(incumbent.getLines()).isEqualTo(20);
    double government = model.books().government();
    Firm entrant = model.population().foundStartup(Sector.FUTURE, AT, 1.0, -1);
    assertThat(entrant.getLines()).isEqualTo(1);
    assertThat(incumbent.getLines()).isEqualTo(19);
    Firm soe = model.population().foundSoe(Sector.FUTURE, AT, 1.0);
    assertThat(soe.getLines()).isEqualTo(6);
    assertThat(soe.isPrivate()).isFalse();
    assertThat(incumbent.getLines() + entrant.getLines()).isEqualTo(14);
    assertThat(soe.getCapital()).isCloseTo(soe.getCapitalPerOutput() * 6.0 / 20 * 1000, within(1e-9));
    assertThat(model.books().government()).isLessThan(government);
  }

  /** Lines of STRATEGIC_EMERGING: 2 per firm × 10 firms × its consumption share 0.3 = 6, 3 to each SOE. */
  @Test
  void anSoeWithoutLinesIsPrivatisedAtOnceAndTakesPrivateFirmsParameters() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 7\nfirms: {count: 10}\nmarket: {linesPerFirm: 2}\n"
        + "demography: {soePrivatisationHazard: 0}\nmechanisms: {market: LINES}"));
    Worlds.demand(model, 1000);
    Firm big = Worlds.firm(model, Ownership.SOE, Sector.STRATEGIC_EMERGING, AT, 1.0, 0.5, 10, 500);
    Firm small = Worlds.firm(model, Ownership.SOE, Sector.STRATEGIC_EMERGING, AT, 1.0, 0.5, 10, 500);
    model.createProductLines();
    assertThat(small.getLines()).isEqualTo(3);
    for (int i = 0; i < 200 && small.getLines() > 0; i++) {
      model.innovated(big, InnovationType.RADICAL, 1.0);
    }
    assertThat(small.getLines()).isZero();
    Demography.letGoOfTheSmall(model);
    assertThat(small.isPrivate()).isTrue();
    assertThat(small.getProductivityFactor()).isEqualTo(1.0);
    assertThat(small.getCapitalPerOutput()).isEqualTo(model.scenario().firms().capitalPerOutput());
    assertThat(big.isPrivate()).as("a large SOE is kept (hazard 0)").isFalse();
    assertThat(model.counters().privatisations()).isEqualTo(1);
  }

  /**
   * With {@code soeLargeEmployment}, size is employment, not lines: an SOE of 1,200 people holding
   * 2 lines is kept; one of 300 holding 20 lines is let go at the hazard (1 here); with the
   * threshold off, lines decide and the roles swap.
   */
  @Test
  void largeByEmploymentIsKeptWhateverItsLinesAndSmallIsLetGo() {
    for (double threshold : new double[] {1000, 0}) {
      EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 7\nfirms: {count: 11}\nmarket: {linesPerFirm: 2}\n"
          + "demography: {soePrivatisationHazard: 1, soeSmallLines: 10, soeLargeEmployment: " + threshold + "}\n"
          + "mechanisms: {market: LINES}"));
      Worlds.demand(model, 1000);
      Firm manyPeople = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, AT, 1.0, 0.5, 10, 500);
      Firm manyLines = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, AT, 1.0, 0.5, 10, 500);
      model.createProductLines();
      for (int i = 0; i < 200 && manyLines.getLines() < 20; i++) {
        model.innovated(manyLines, InnovationType.RADICAL, 1.0);
      }
      for (int i = 0; i < 200 && manyPeople.getLines() < 2; i++) {
        model.innovated(manyPeople, InnovationType.RADICAL, 1.0);
      }
      assertThat(manyPeople.getLines()).isBetween(2, 9);
      assertThat(manyLines.getLines()).isGreaterThan(10);
      manyPeople.recordProduction(100, 1, 1200);
      manyLines.recordProduction(100, 1, 300);
      Demography.letGoOfTheSmall(model);
      boolean byEmployment = threshold > 0;
      assertThat(manyPeople.isPrivate()).as("1,200 people, %s lines, threshold %s", manyPeople.getLines(), threshold)
          .isEqualTo(!byEmployment);
      assertThat(manyLines.isPrivate()).as("300 people, %s lines, threshold %s", manyLines.getLines(), threshold)
          .isEqualTo(byEmployment);
    }
  }

  /**
   * A sector without firms still has its lines (FUTURE: 20 per firm × 10 firms × 0.1 = 20), held
   * by nobody; the first firm to enter it takes them all, the next one line.
   */
  @Test
  void anEntrantIntoASectorWithoutFirmsTakesEveryLine() {
    EcosystemModel model = Worlds.empty(Worlds.scenario(
        "seed: 9\nfirms: {count: 10}\nmarket: {linesPerFirm: 20, lineDemandSd: 0}\nmechanisms: {market: LINES}"));
    Worlds.demand(model, 1000);
    Firm elsewhere = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, AT, 1.0, 1.0, 10, 500);
    model.createProductLines();
    assertThat(elsewhere.getLines()).isEqualTo(120);
    assertThat(model.lines().linesByOwnership(Sector.FUTURE)).containsExactly(0, 0);
    Firm first = model.population().foundStartup(Sector.FUTURE, AT, 1.0, -1);
    assertThat(first.getLines()).isEqualTo(20);
    assertThat(first.getMarketShare()).isEqualTo(1.0);
    Firm second = model.population().foundStartup(Sector.FUTURE, AT, 1.0, -1);
    assertThat(second.getLines()).isEqualTo(1);
    assertThat(first.getLines()).isEqualTo(19);
  }

  @Test
  void theLinesOfAFirmThatLeavesGoToTheSurvivors() {
    EcosystemModel model = new EcosystemModel(Worlds.scenario("""
        seed: 8
        steps: 30
        firms: {count: 80}
        mechanisms: {market: LINES}
        """));
    model.start();
    int exits = 0;
    for (int step = 0; step < 30; step++) {
      model.schedule.step(model);
      exits += model.series().get(step, Metric.EXITS) > 0 ? 1 : 0;
      checkLines(model);
    }
    assertThat(exits).as("steps with exits").isPositive();
  }
}
