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

  @Test
  void conversionProbabilityFallsWithDistanceAndRisesWithCapacityAndAbsorption() {
    EcosystemModel model = campus("", 20);
    var uc = model.scenario().universities();
    University u = model.universities().get(0);
    Firm near = partner(model, new Double2D(51, 50), 4);
    Firm far = partner(model, new Double2D(60, 50), 4);
    Firm weak = partner(model, new Double2D(51, 50), 0.5);
    double c = 20 / (20 + uc.conversionHalfCapacity());
    assertThat(PilotConversion.conversionProbability(uc, c, u, near)).isGreaterThan(PilotConversion.conversionProbability(uc, c, u, far));
    assertThat(PilotConversion.conversionProbability(uc, c, u, near)).isGreaterThan(PilotConversion.conversionProbability(uc, c, u, weak));
    assertThat(PilotConversion.conversionProbability(uc, 0.9, u, near)).isGreaterThan(PilotConversion.conversionProbability(uc, 0.1, u, near));
    double expected = uc.conversionProbability() * c * (4.0 / 5.0) * Math.exp(-1 / uc.conversionDistanceScale());
    assertThat(PilotConversion.conversionProbability(uc, c, u, near)).isCloseTo(expected, within(1e-12));
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
