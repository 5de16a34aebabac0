package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sim.field.network.Edge;
import sim.util.Bag;
import sim.util.Double2D;

/** Upstairs inventions and downstairs conversion on a one-campus world. */
class PilotConversionTest {
  private static final Double2D CAMPUS = new Double2D(50, 50);

  private static EcosystemModel campus(String yaml, int engineers) {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 5\n" + yaml));
    model.addUniversity(CAMPUS, 10, 1.0, engineers);
    Worlds.demand(model, 1000);
    return model;
  }

  private static Firm partner(EcosystemModel model, Double2D at, double researchers) {
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.STRATEGIC_EMERGING, at, 1.0, 0.5, 100, 100);
    firm.recordRd(0, researchers, researchers);
    return firm;
  }

  @Test
  void conversionRaisesTheConvertingFirmsTechnologyByTheInventionsValue() {
    EcosystemModel model = campus("universities: {conversionProbability: 1.0, conversionHalfCapacity: 0.000001, conversionDistanceScale: 1000000}", 100);
    Firm firm = partner(model, new Double2D(51, 50), 1e9);
    University u = model.universities().get(0);
    u.addInvention(new Invention(Sector.STRATEGIC_EMERGING, 0.2, 0));
    new PilotConversion().step(model);
    assertThat(firm.getTechnology()).isCloseTo(1.2, within(1e-6));
    assertThat(u.getQueueLength()).isZero();
    assertThat(model.counters().innovations(InnovationType.CONVERTED)).isEqualTo(1);
    assertThat(model.alliancePartners(u)).containsExactly(firm);
  }

  private static double probability(org.nqpf.config.UniversitiesConfig uc, double capacity, University u, Firm partner) {
    return PilotConversion.conversionProbability(uc, capacity, partner, PilotConversion.distanceTerm(u, partner, uc.conversionDistanceScale()));
  }

  @Test
  void conversionProbabilityFallsWithDistanceAndRisesWithCapacityAndAbsorption() {
    EcosystemModel model = campus("", 20);
    var uc = model.scenario().universities();
    University u = model.universities().get(0);
    Firm near = partner(model, new Double2D(51, 50), 4);
    Firm far = partner(model, new Double2D(60, 50), 4);
    Firm weak = partner(model, new Double2D(51, 50), 0.5);
    double c = 20 / (20 + uc.conversionHalfCapacity());
    assertThat(probability(uc, c, u, near)).isGreaterThan(probability(uc, c, u, far));
    assertThat(probability(uc, c, u, near)).isGreaterThan(probability(uc, c, u, weak));
    assertThat(probability(uc, 0.9, u, near)).isGreaterThan(probability(uc, 0.1, u, near));
    double expected = uc.conversionProbability() * c * (4.0 / 5.0) * Math.exp(-1 / uc.conversionDistanceScale());
    assertThat(probability(uc, c, u, near)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void withoutDownstairsCapacityInventionsNeitherConvertNorSpinOffButDecayAndDrop() {
    EcosystemModel model = campus("universities: {conversionProbability: 1.0, spinOffProbability: 1.0, inventionMaxAge: 4, inventionDecay: 0.5}", 0);
    partner(model, new Double2D(51, 50), 100);
    University u = model.universities().get(0);
    u.addInvention(new Invention(Sector.STRATEGIC_EMERGING, 0.2, 0));
    for (int i = 0; i < 3; i++) {
      new PilotConversion().step(model);
    }
    assertThat(u.getQueueLength()).isEqualTo(1);
    assertThat(u.queue().get(0).value()).isCloseTo(0.2 * 0.125, within(1e-12));
    new PilotConversion().step(model);
    assertThat(u.getQueueLength()).isZero();
    assertThat(model.counters().inventionsDecayed()).isEqualTo(1);
    assertThat(model.counters().innovations()).isZero();
    assertThat(model.counters().spinOffs()).isZero();
  }

  @Test
  void anUnconvertedInventionCanFoundASpinOffDownstairs() {
    EcosystemModel model = campus("universities: {conversionProbability: 0.0, spinOffProbability: 1.0, conversionHalfCapacity: 0.000001}", 50);
    partner(model, new Double2D(51, 50), 1);
    University u = model.universities().get(0);
    u.addInvention(new Invention(Sector.STRATEGIC_EMERGING, 0.3, 0));
    double mean = model.population().meanTechnology(Sector.STRATEGIC_EMERGING);
    new PilotConversion().step(model);
    assertThat(model.counters().spinOffs()).isEqualTo(1);
    Firm spinOff = model.firms().get(model.firms().size() - 1);
    assertThat(spinOff.isPrivate()).isTrue();
    assertThat(spinOff.getParentUniversity()).isEqualTo(u.getId());
    assertThat(spinOff.getSector()).isEqualTo(Sector.STRATEGIC_EMERGING);
    assertThat(spinOff.getLocation().distance(CAMPUS)).isLessThanOrEqualTo(model.scenario().region().downstairsRadius());
    assertThat(spinOff.getTechnology()).isCloseTo(mean * 1.3, within(1e-9));
    Bag edges = model.network().getEdges(spinOff, null);
    assertThat(edges.numObjs).isEqualTo(1);
    assertThat(((Relation) ((Edge) edges.objs[0]).info).type()).isEqualTo(Relation.Type.SPIN_OFF);
    double shares = model.firms(Sector.STRATEGIC_EMERGING).stream().mapToDouble(Firm::getMarketShare).sum();
    assertThat(shares).isCloseTo(1.0, within(1e-12));
  }

  /**
   * A world with one campus, a credit market and {@code universities.pilotCost} 10, conversion
   * certain: an invention of value 0.2 in a sector whose one firm sold 100 costs 10 × 0.2 × 100 = 200.
   */
  private static EcosystemModel pilotWorld(String finance, String yaml) {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 5\nmechanisms: {finance: " + finance + "}\n"
        + "universities: {pilotCost: 10, conversionProbability: 1.0, spinOffProbability: 0.0, conversionHalfCapacity: 0.000001, "
        + "conversionDistanceScale: 1000000}\n" + yaml));
    model.addUniversity(CAMPUS, 10, 1.0, 100);
    Worlds.demand(model, 1000);
    if (model.creditMarket()) {
      CreditMarket.initialise(model);
    }
    return model;
  }

  /**
   * A private SME partner (50 workers, no R&D staff among them, but the absorptive capacity of a
   * large lab) next to the campus that sold 100 last step, with the given cash and capital.
   */
  private static Firm smePartner(EcosystemModel model, double cash, double capital) {
    Firm firm = partner(model, new Double2D(51, 50), 1e9);
    firm.addCash(cash - firm.getCash());
    firm.setCapital(capital);
    firm.recordRd(0, 1e9, 0);
    firm.recordProduction(100 / 1.3, 1.3, 50);
    firm.initialiseSales(100);
    model.population().recordMeanSales();
    return firm;
  }

  @Test
  void aPartnerThatCannotPayThePilotDoesNotConvertAndTheInventionWaits() {
    EcosystemModel model = pilotWorld("INTERNAL_FUNDS", "");
    Firm firm = smePartner(model, 150, 100);
    University u = model.universities().get(0);
    u.addInvention(new Invention(Sector.STRATEGIC_EMERGING, 0.2, 0));
    new PilotConversion().step(model);
    assertThat(firm.getTechnology()).isEqualTo(1.0);
    assertThat(u.getQueueLength()).isEqualTo(1);
    assertThat(model.counters().conversionsUnfunded()).isEqualTo(1);
    assertThat(model.counters().pilotSpending()).isZero();
  }

  /**
   * With cash for the pilot above its reserve (0.1 of sales) the partner converts and pays 200,
   * less the R&D subsidy of 0.25 that the government pays it: its cash falls by 150, its R&D spending rises by 200,
   * and no money is made or lost.
   */
  @Test
  void aPartnerWithTheCashPaysThePilotAsResearchAndConverts() {
    EcosystemModel model = pilotWorld("INTERNAL_FUNDS", "policy: {rdSubsidyRate: 0.25}");
    Firm firm = smePartner(model, 160, 100);
    double money = Worlds.money(model);
    University u = model.universities().get(0);
    u.addInvention(new Invention(Sector.STRATEGIC_EMERGING, 0.2, 0));
    new PilotConversion().step(model);
    assertThat(firm.getTechnology()).isCloseTo(1.2, within(1e-12));
    assertThat(firm.getCash()).isCloseTo(10, within(1e-9));
    assertThat(firm.getRdSpending()).isCloseTo(200, within(1e-9));
    assertThat(model.counters().pilotSpending()).isCloseTo(200, within(1e-9));
    assertThat(model.counters().conversionsUnfunded()).isZero();
    assertThat(Worlds.money(model)).isCloseTo(money, within(1e-9 * Worlds.moneyScale(model)));
  }

  /**
   * A private SME with only its reserve in cash and net worth 410 can borrow 0.5 × 0.5 × 410 =
   * 102.5 from its bank alone, short of the 200 the pilot needs: it does not convert and takes no
   * loan. With a guarantee of 0.7 the bank lends up to 102.5 / 0.3 = 342: it borrows the 200 and
   * converts.
   */
  @Test
  void aGuaranteeLetsAPrivateSmeFundThePilotItsBankAloneWouldNot() {
    String yaml = "credit: {maxDebtToNetWorth: 0.5, smeLimitDiscount: 0.5, fundCapitalToSales: 1.0}\n";
    EcosystemModel without = pilotWorld("STARTUP_CREDIT", yaml + "policy: {guaranteeCoverage: 0.0, specialLoanQuota: 0}");
    Firm refused = smePartner(without, 10, 400);
    without.universities().get(0).addInvention(new Invention(Sector.STRATEGIC_EMERGING, 0.2, 0));
    new PilotConversion().step(without);
    assertThat(refused.getTechnology()).isEqualTo(1.0);
    assertThat(refused.getDebt()).isZero();
    assertThat(without.counters().conversionsUnfunded()).isEqualTo(1);
    assertThat(without.counters().smeRationed()).isEqualTo(1);

    EcosystemModel with = pilotWorld("STARTUP_CREDIT", yaml + "policy: {guaranteeCoverage: 0.7, specialLoanQuota: 0}");
    Firm funded = smePartner(with, 10, 400);
    with.universities().get(0).addInvention(new Invention(Sector.STRATEGIC_EMERGING, 0.2, 0));
    double money = Worlds.money(with);
    new PilotConversion().step(with);
    assertThat(funded.getTechnology()).isCloseTo(1.2, within(1e-12));
    assertThat(funded.getDebt()).isCloseTo(200, within(1e-9));
    assertThat(with.counters().loansGuaranteed()).isEqualTo(1);
    assertThat(with.counters().conversionsUnfunded()).isZero();
    assertThat(Worlds.money(with)).isCloseTo(money, within(1e-9 * Worlds.moneyScale(with)));
  }

  @Test
  void inventionsArrivePoissonAtTheConfiguredRate() {
    EcosystemModel model = campus("universities: {inventionRate: 0.05}", 10);
    int steps = 2000;
    for (int i = 0; i < steps; i++) {
      new UpstairsResearch().step(model);
    }
    // The campus was added with 10 researchers and facility factor 1.0: mean 0.05 * 10 * 1.0 per step.
    double mean = 0.5;
    double observed = (double) model.universities().get(0).getInventionsMade() / steps;
    assertThat(observed).isCloseTo(mean, within(4 * Math.sqrt(mean / steps)));
  }
}
