package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sim.util.Double2D;

/** The K+S R&D rule on hand-built worlds. */
class FirmResearchTest {
  private static final Double2D HERE = new Double2D(50, 50);

  @Test
  void certainInnovationWithAFixedJumpRaisesTechnologyByTheJump() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 3
        innovation: {innovationShare: 1.0, innovationEfficiency: 100, drawLow: 0.1, drawHigh: 0.1, radicalProbability: 0.0}
        """));
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, HERE, 1.0, 1.0, 1000, 1000);
    new FirmResearch().step(model);
    assertThat(firm.getTechnology()).isCloseTo(1.1, within(1e-12));
    assertThat(model.counters().innovations(InnovationType.INCREMENTAL)).isEqualTo(1);
    assertThat(firm.getRdSpending()).isCloseTo(firm.getRdIntensity() * 1000, within(1e-9));
  }

  @Test
  void aWorseDrawIsNotAdopted() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 3
        innovation: {innovationShare: 1.0, innovationEfficiency: 100, drawLow: -0.1, drawHigh: -0.1, radicalProbability: 0.0}
        """));
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, HERE, 1.0, 1.0, 1000, 1000);
    new FirmResearch().step(model);
    assertThat(firm.getTechnology()).isEqualTo(1.0);
    assertThat(model.counters().innovations()).isZero();
  }

  @Test
  void noCashMeansNoResearchAndNoInnovation() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 3
        innovation: {innovationShare: 1.0, innovationEfficiency: 100, drawLow: 0.1, drawHigh: 0.1}
        """));
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, HERE, 1.0, 1.0, 0, 1000);
    new FirmResearch().step(model);
    assertThat(firm.getRdSpending()).isZero();
    assertThat(firm.getTechnology()).isEqualTo(1.0);
  }

  @Test
  void rdSubsidyRefundsItsShare() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 3\npolicy: {rdSubsidyRate: 0.5}"));
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, HERE, 1.0, 1.0, 1000, 1000);
    new FirmResearch().step(model);
    assertThat(model.books().stepSubsidies()).isCloseTo(0.5 * firm.getRdSpending(), within(1e-12));
    assertThat(firm.getCash()).isCloseTo(1000 - 0.5 * firm.getRdSpending(), within(1e-9));
  }

  @Test
  void imitationCopiesABetterPeerAndIprProtectionStopsIt() {
    String yaml = """
        seed: 3
        innovation: {innovationShare: 0.0, imitationEfficiency: 100, imitationCandidates: 20}
        policy: {iprProtection: %s}
        """;
    EcosystemModel open = Worlds.empty(Worlds.scenario(yaml.formatted("0.0")));
    Firm laggard = Worlds.firm(open, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 0.5, 1000, 1000);
    Worlds.firm(open, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.5, 0.5, 0, 1000);
    new FirmResearch().step(open);
    assertThat(laggard.getTechnology()).isEqualTo(1.5);
    assertThat(open.counters().innovations(InnovationType.IMITATED)).isEqualTo(1);

    EcosystemModel protectedIp = Worlds.empty(Worlds.scenario(yaml.formatted("1.0")));
    Firm other = Worlds.firm(protectedIp, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 0.5, 1000, 1000);
    Worlds.firm(protectedIp, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.5, 0.5, 0, 1000);
    for (int i = 0; i < 50; i++) {
      new FirmResearch().step(protectedIp);
    }
    assertThat(other.getTechnology()).isEqualTo(1.0);
  }

  @Test
  void successRateMatchesOneMinusExpOfEffort() {
    // One firm whose innovators number 2: success probability 1 - exp(-0.3 * 2).
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 9
        firms: {rdIntensity: 0.04}
        innovation: {innovationShare: 1.0, innovationEfficiency: 0.3, drawLow: 0.0001, drawHigh: 0.0001, radicalProbability: 0.0}
        """));
    double sales = 2 * model.scenario().market().researcherWage() / 0.04;
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, HERE, 1.0, 1.0, 1e9, sales);
    int trials = 4000;
    int successes = 0;
    for (int i = 0; i < trials; i++) {
      double before = firm.getTechnology();
      new FirmResearch().step(model);
      if (firm.getTechnology() > before) {
        successes++;
      }
    }
    double p = 1 - Math.exp(-0.3 * 2);
    double sd = Math.sqrt(p * (1 - p) / trials);
    assertThat((double) successes / trials).isCloseTo(p, within(4 * sd));
  }
}
