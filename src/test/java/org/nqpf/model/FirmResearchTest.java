package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nqpf.config.InnovationConfig;
import sim.util.Double2D;

/** The R&D rules, one draw a step (K+S) and innovation arrivals, on hand-built worlds. */
class FirmResearchTest {
  private static final Double2D HERE = new Double2D(50, 50);

  @Test
  void certainInnovationWithAFixedJumpRaisesTechnologyByTheJump() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("""
        seed: 3
        mechanisms: {innovation: DRAW}
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
        mechanisms: {innovation: DRAW}
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
        mechanisms: {innovation: DRAW}
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

  /** An empty world under innovation arrivals with the given {@code innovation} section (a YAML flow mapping). */
  private static EcosystemModel arrivalsWorld(long seed, String innovation) {
    return Worlds.empty(Worlds.scenario("seed: " + seed + "\nmechanisms: {innovation: ARRIVALS}\ninnovation: " + innovation));
  }

  /** Adds a private firm whose researchers number exactly {@code researchers} each step. */
  private static Firm arrivalsFirm(EcosystemModel model, double researchers) {
    double sales = researchers * model.scenario().market().researcherWage() / model.scenario().firms().rdIntensity();
    return Worlds.firm(model, Ownership.PRIVATE, Sector.FUTURE, HERE, 1.0, 1.0, 1e12, sales);
  }

  @Test
  void arrivalsAreUncappedPoissonCountsAtTheIntensityOfEffort() {
    // theta = 0: lambda = zeta1 * e^beta = 0.5 * 4^0.8 = 1.5157, e = 4 innovators.
    EcosystemModel model = arrivalsWorld(11,
        "{innovationShare: 1.0, innovationEfficiency: 0.5, effortElasticity: 0.8, knowledgeWeight: 0.0, imitationEfficiency: 0.0}");
    Firm firm = arrivalsFirm(model, 4);
    int steps = 4000;
    double sum = 0;
    double sumOfSquares = 0;
    int severalInAStep = 0;
    for (int t = 0; t < steps; t++) {
      int before = firm.getInnovationsTotal();
      new FirmResearch().step(model);
      int count = firm.getInnovationsTotal() - before;
      sum += count;
      sumOfSquares += (double) count * count;
      severalInAStep += count > 1 ? 1 : 0;
    }
    double lambda = 0.5 * Math.pow(4, 0.8);
    double mean = sum / steps;
    double variance = sumOfSquares / steps - mean * mean;
    assertThat(mean).isCloseTo(lambda, within(4 * Math.sqrt(lambda / steps)));
    // Poisson: the variance equals the mean (dispersion index 1 within sampling error).
    assertThat(variance / mean).isCloseTo(1.0, within(0.1));
    assertThat(severalInAStep).as("no cap of one a step").isGreaterThan(steps / 5);
  }

  @Test
  void intensityRisesWithEffortAndWithKnowledgeAndTendsToZetaEffortToTheBeta() {
    InnovationConfig ic = Worlds.scenario("innovation: {innovationEfficiency: 0.3, effortElasticity: 0.9, knowledgeWeight: 0.5, knowledgeDepreciation: 0.04}")
        .innovation();
    double[] efforts = {0.1, 0.5, 1, 2, 5, 20};
    double[] stocks = {1, 5, 25, 100, 500};
    for (int a = 0; a + 1 < efforts.length; a++) {
      for (double k : stocks) {
        assertThat(FirmResearch.intensity(ic, efforts[a + 1], k)).isGreaterThan(FirmResearch.intensity(ic, efforts[a], k));
      }
    }
    for (int b = 0; b + 1 < stocks.length; b++) {
      for (double e : efforts) {
        assertThat(FirmResearch.intensity(ic, e, stocks[b + 1])).isGreaterThan(FirmResearch.intensity(ic, e, stocks[b]));
      }
    }
    // In the steady state of a constant effort, delta K = e, and lambda = zeta1 e^beta.
    assertThat(FirmResearch.intensity(ic, 3, 3 / 0.04)).isCloseTo(0.3 * Math.pow(3, 0.9), within(1e-12));
    assertThat(FirmResearch.intensity(ic, 0, 0)).isZero();
  }

  /**
   * Arrivals counted against the limit from Math's functions are the Poisson draws the intensity
   * defines (StrictMath's), draw for draw: over efforts and stocks from none to a λ above the normal
   * approximation's 500, and with a product that lands on the fast limit itself.
   */
  @Test
  void arrivalsFromTheFastLimitAreTheExactPoissonDraws() {
    InnovationConfig ic = Worlds.scenario("innovation: {innovationEfficiency: 0.3, effortElasticity: 0.9, knowledgeWeight: 0.5, knowledgeDepreciation: 0.04}")
        .innovation();
    EcosystemModel fast = Worlds.empty(Worlds.scenario("seed: 11"));
    EcosystemModel exact = Worlds.empty(Worlds.scenario("seed: 11"));
    ec.util.MersenneTwisterFast values = new ec.util.MersenneTwisterFast(12);
    long total = 0;
    for (int i = 0; i < 100_000; i++) {
      double effort = i % 10 == 0 ? 0 : StrictMath.exp(-6 + 14 * values.nextDouble());
      double knowledge = i % 7 == 0 ? 0 : effort / 0.04 * StrictMath.exp(-2 + 4 * values.nextDouble());
      int count = FirmResearch.arrivalsOf(fast, ic, effort, knowledge);
      assertThat(count).as("effort %s, knowledge %s", effort, knowledge)
          .isEqualTo(exact.poisson(FirmResearch.intensity(ic, effort, knowledge)));
      total += count;
    }
    assertThat(total).isPositive();
    double effort = 2;
    double knowledge = 60;
    double first = ((ec.util.MersenneTwisterFast) fast.random.clone()).nextDouble();
    assertThat(FirmResearch.arrivalsBelow(fast.random, first, ic, effort, knowledge))
        .isEqualTo(exact.poisson(FirmResearch.intensity(ic, effort, knowledge)));
    assertThat(fast.random.nextLong()).as("the generators' next words").isEqualTo(exact.random.nextLong());
  }

  @Test
  void theKnowledgeStockAccumulatesEffortAndDepreciatesToEffortOverDelta() {
    EcosystemModel model = arrivalsWorld(5, "{innovationShare: 1.0, knowledgeDepreciation: 0.1, imitationEfficiency: 0.0}");
    Firm firm = arrivalsFirm(model, 2);
    new FirmResearch().step(model);
    assertThat(firm.getKnowledge()).isCloseTo(2, within(1e-9));
    new FirmResearch().step(model);
    assertThat(firm.getKnowledge()).isCloseTo(0.9 * 2 + 2, within(1e-9));
    for (int t = 0; t < 300; t++) {
      new FirmResearch().step(model);
    }
    assertThat(firm.getKnowledge()).isCloseTo(2 / 0.1, within(1e-6));
  }

  @Test
  void everyArrivalImprovesByItsOwnSizeWithinTheTruncatedPareto() {
    EcosystemModel model = arrivalsWorld(7, "{innovationShare: 1.0, innovationEfficiency: 2.0, knowledgeWeight: 0.0, imitationEfficiency: 0.0,"
        + " sizeMinimum: 0.001, sizeTailIndex: 1.2, sizeMaximum: 0.5, radicalLow: 0.05}");
    Firm firm = arrivalsFirm(model, 3);
    java.util.List<Double> sizes = new java.util.ArrayList<>();
    int[] radical = new int[1];
    model.setInnovationListener((f, type, before, after, step) -> {
      sizes.add(Math.log(after / before));
      radical[0] += type == InnovationType.RADICAL ? 1 : 0;
      assertThat(type == InnovationType.RADICAL).isEqualTo(Math.log(after / before) >= 0.05 - 1e-12);
    });
    for (int t = 0; t < 1000; t++) {
      new FirmResearch().step(model);
      firm.setTechnology(1.0);
    }
    assertThat(sizes).hasSizeGreaterThan(4000).allSatisfy(x -> assertThat(x).isBetween(0.001 - 1e-12, 0.5 + 1e-12));
    // Kolmogorov–Smirnov against the truncated Pareto's CDF.
    double ratio = Math.pow(0.001 / 0.5, 1.2);
    double[] xs = sizes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double d = 0;
    for (int k = 0; k < xs.length; k++) {
      double cdf = (1 - Math.pow(0.001 / xs[k], 1.2)) / (1 - ratio);
      d = Math.max(d, Math.max(Math.abs(cdf - (double) k / xs.length), Math.abs(cdf - (double) (k + 1) / xs.length)));
    }
    assertThat(d).as("KS distance, 1%% critical value 1.63/sqrt(n)").isLessThan(1.63 / Math.sqrt(xs.length));
    // Heavy-tailed by itself: the top tenth of sizes holds the share the truncated Pareto implies,
    // (x_q^(1-a) - x_max^(1-a)) / (x_min^(1-a) - x_max^(1-a)) at its 90th percentile x_q, over half.
    double quantile = 0.001 * Math.pow(1 - 0.9 * (1 - ratio), -1 / 1.2);
    double implied = (Math.pow(quantile, -0.2) - Math.pow(0.5, -0.2)) / (Math.pow(0.001, -0.2) - Math.pow(0.5, -0.2));
    assertThat(implied).isGreaterThan(0.5);
    double total = java.util.Arrays.stream(xs).sum();
    double top = java.util.Arrays.stream(xs, xs.length - xs.length / 10, xs.length).sum();
    assertThat(top / total).isCloseTo(implied, within(0.06));
    assertThat(radical[0]).isPositive();
  }

  @Test
  void paretoInversionHitsBothEndsOfTheTruncation() {
    InnovationConfig ic = Worlds.scenario("innovation: {sizeMinimum: 0.002, sizeTailIndex: 1.3, sizeMaximum: 0.5}").innovation();
    assertThat(FirmResearch.paretoSize(ic, 0.0)).isCloseTo(0.002, within(1e-15));
    assertThat(FirmResearch.paretoSize(ic, 1.0)).isCloseTo(0.5, within(1e-12));
    assertThat(FirmResearch.paretoSize(ic, 0.5)).isBetween(0.002, 0.5);
  }

  /** A firm's distance to another, from the coordinates it keeps, is its location's distance, bit for bit. */
  @Test
  void aFirmsDistanceToAnotherIsItsLocationsDistance() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 15"));
    ec.util.MersenneTwisterFast values = new ec.util.MersenneTwisterFast(16);
    for (int i = 0; i < 200; i++) {
      Firm a = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL,
          new Double2D(100 * values.nextDouble(), 100 * values.nextDouble()), 1.0, 0.01, 10, 10);
      Firm b = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL,
          new Double2D(100 * values.nextDouble(), 100 * values.nextDouble()), 1.0, 0.01, 10, 10);
      assertThat(a.distanceTo(b)).isEqualTo(a.getLocation().distance(b.getLocation()));
      assertThat(b.distanceTo(a)).isEqualTo(b.getLocation().distance(a.getLocation()));
    }
  }
}
