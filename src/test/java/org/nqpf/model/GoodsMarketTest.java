package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sim.util.Double2D;

/**
 * Replicator dynamics, pricing and the settlement of a step's production, on two-firm worlds. The
 * replicator's tests pin {@code market: REPLICATOR} and {@code demand: EXOGENOUS}, the default
 * before product lines and demand from incomes, whose rule they test.
 */
class GoodsMarketTest {
  private static final Double2D HERE = new Double2D(50, 50);
  private static final String REPLICATOR = "mechanisms: {market: REPLICATOR, demand: EXOGENOUS}\n";

  private static EcosystemModel twoFirms(String yaml, double technologyA, double technologyB) {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 1\n" + yaml));
    Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, technologyA, 0.5, 100, 500);
    Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, technologyB, 0.5, 100, 500);
    Worlds.demand(model, 1000);
    return model;
  }

  @Test
  void theMoreProductiveFirmGainsShareAndSharesStayNormalised() {
    EcosystemModel model = twoFirms(REPLICATOR, 1.2, 1.0);
    new GoodsMarket().step(model);
    Firm better = model.firms().get(0);
    Firm worse = model.firms().get(1);
    assertThat(better.getMarketShare()).isGreaterThan(0.5);
    assertThat(better.getMarketShare() + worse.getMarketShare()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void replicatorStepFollowsTheFormula() {
    EcosystemModel model = twoFirms(REPLICATOR + "market: {replicatorSpeed: 0.4}\npolicy: {marketUnification: 1.0}", 1.2, 1.0);
    Firm a = model.firms().get(0);
    Firm b = model.firms().get(1);
    double ea = 1 / model.priceOf(a);
    double eb = 1 / model.priceOf(b);
    double mean = 0.5 * ea + 0.5 * eb;
    double expectedA = 0.5 * (1 + 0.4 * (ea - mean) / mean);
    new GoodsMarket().step(model);
    assertThat(a.getMarketShare()).isCloseTo(expectedA, within(1e-12));
  }

  @Test
  void noSelectionWithoutReplicatorSpeed() {
    EcosystemModel model = twoFirms(REPLICATOR + "market: {replicatorSpeed: 0.0}", 1.5, 1.0);
    new GoodsMarket().step(model);
    assertThat(model.firms().get(0).getMarketShare()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void marketUnificationSpeedsUpSelection() {
    EcosystemModel fragmented = twoFirms(REPLICATOR + "policy: {marketUnification: 0.0}", 1.2, 1.0);
    EcosystemModel unified = twoFirms(REPLICATOR + "policy: {marketUnification: 1.0}", 1.2, 1.0);
    new GoodsMarket().step(fragmented);
    new GoodsMarket().step(unified);
    assertThat(unified.firms().get(0).getMarketShare()).isGreaterThan(fragmented.firms().get(0).getMarketShare());
  }

  @Test
  void soeMarketAccessFavoursSoes() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 1\n" + REPLICATOR + "market: {soeMarketAccess: 2.0}"));
    Firm soe = Worlds.firm(model, Ownership.SOE, Sector.TRADITIONAL, HERE, 1.0, 0.5, 100, 500);
    Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 0.5, 100, 500);
    Worlds.demand(model, 1000);
    new GoodsMarket().step(model);
    assertThat(soe.getMarketShare()).isGreaterThan(0.5);
  }

  @Test
  void salesWagesTaxAndDividendsSettleAsDocumented() {
    EcosystemModel model = twoFirms("market: {replicatorSpeed: 0.0, demandGrowth: {traditional: 0.0, strategicEmerging: 0.0, future: 0.0}}", 1.0, 1.0);
    Firm firm = model.firms().get(0);
    double capitalBefore = firm.getCapital();
    double price = model.priceOf(firm);
    new GoodsMarket().step(model);
    var market = model.scenario().market();
    assertThat(firm.getSales()).isCloseTo(500, within(1e-9));
    assertThat(firm.getQuantity()).isCloseTo(500 / price, within(1e-9));
    assertThat(firm.getWorkers()).isCloseTo(firm.getQuantity() / firm.getProductivity(), within(1e-9));
    double wages = firm.getWorkers() * market.wage();
    double depreciation = market.depreciation() * capitalBefore;
    double profit = 500 - wages - market.fixedCost() - depreciation;
    assertThat(firm.getProfit()).isCloseTo(profit, within(1e-9));
    assertThat(firm.getTax()).isCloseTo(model.scenario().policy().taxRate() * profit, within(1e-9));
    assertThat(firm.getCapital()).as("depreciation replaced").isCloseTo(capitalBefore, within(1e-9));
    assertThat(model.books().stepTax()).isCloseTo(2 * firm.getTax(), within(1e-9));
  }

  @Test
  void outputIsCappedByCapacity() {
    EcosystemModel model = twoFirms("market: {replicatorSpeed: 0.0}", 1.0, 1.0);
    Firm firm = model.firms().get(0);
    firm.setCapital(firm.getCapitalPerOutput() * 100);
    new GoodsMarket().step(model);
    assertThat(firm.getSales()).isCloseTo(100, within(1e-9));
  }

  @Test
  void priceFallsWithProductivityAndRisesWithCapitalIntensity() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 1"));
    Firm low = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 0.5, 0, 10);
    Firm high = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 2.0, 0.5, 0, 10);
    assertThat(model.priceOf(high)).isLessThan(model.priceOf(low));
    var m = model.scenario().market();
    double expected = (1 + m.markup()) * m.wage() / 1.0 / (1 - (1 + m.markup()) * m.capitalCostRate() * low.getCapitalPerOutput());
    assertThat(model.priceOf(low)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void spillOverGoesToTheFirmsWithRoomInProportionToTheirSharesNotToTheirSpareCapacity() {
    // A capacity-bound firm (0) leaves 10 unserved; a large firm (share 0.9) and a small one (0.1)
    // have the same spare capacity, 50 each: the rationed customers search the sector's lines, so
    // nine tenths reach the large firm (serving in proportion to spare capacity gave 5 and 5).
    double[] served = {10, 100, 50};
    double[] capacities = {10, 150, 100};
    double left = GoodsMarket.spillOver(served, capacities, new double[] {0.5, 0.9, 0.1}, 3, 10);
    assertThat(left).isZero();
    assertThat(served[1]).isCloseTo(109, within(1e-12));
    assertThat(served[2]).isCloseTo(51, within(1e-12));
    assertThat(served[0]).isEqualTo(10);
  }

  @Test
  void whatAFullFirmCannotTakeGoesToTheOthersWithRoomAndTheRestIsLeft() {
    double[] served = {10, 0, 0};
    double[] capacities = {10, 3, 100};
    assertThat(GoodsMarket.spillOver(served, capacities, new double[] {0.5, 0.4, 0.1}, 3, 10)).isCloseTo(0, within(1e-9));
    assertThat(served[1]).as("full after the first pass").isCloseTo(3, within(1e-12));
    assertThat(served[2]).as("its share of the first pass, then all the rest").isCloseTo(7, within(1e-9));

    double[] tight = {10, 0, 0};
    assertThat(GoodsMarket.spillOver(tight, new double[] {10, 3, 4}, new double[] {0.5, 0.4, 0.1}, 3, 10))
        .as("more unserved than room: the rest is left (refunded)").isCloseTo(3, within(1e-9));
    assertThat(tight[1]).isCloseTo(3, within(1e-12));
    assertThat(tight[2]).isCloseTo(4, within(1e-9));
  }

  @Test
  void spillOverPlacesWhatFitsAndNeverFillsAFirmBeyondItsCapacity() {
    ec.util.MersenneTwisterFast random = new ec.util.MersenneTwisterFast(20261205L);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(30);
      double[] served = new double[n];
      double[] capacities = new double[n];
      double[] shares = new double[n];
      double room = 0;
      for (int i = 0; i < n; i++) {
        capacities[i] = random.nextDouble() * 100;
        served[i] = random.nextBoolean() ? capacities[i] : random.nextDouble() * capacities[i];
        shares[i] = random.nextDouble() < 0.1 ? 0 : random.nextDouble();
        room += shares[i] > 0 ? capacities[i] - served[i] : 0;
      }
      double before = java.util.Arrays.stream(served).sum();
      double unserved = random.nextDouble() * 200;
      double left = GoodsMarket.spillOver(served, capacities, shares, n, unserved);
      double placed = java.util.Arrays.stream(served).sum() - before;
      assertThat(placed + left).isCloseTo(unserved, within(1e-9 * (1 + unserved)));
      assertThat(left).as("only what no firm with a share has room for is left")
          .isCloseTo(Math.max(0, unserved - room), within(1e-6 * (1 + unserved)));
      for (int i = 0; i < n; i++) {
        assertThat(served[i]).isLessThanOrEqualTo(capacities[i] * (1 + 1e-12));
      }
    }
  }
}
