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
import org.nqpf.model.Matrices.Account;
import org.nqpf.model.Matrices.Flow;
import org.nqpf.model.Matrices.Stock;

/** The stock-flow matrices (Godley and Lavoie 2007): every row and column sums to zero at every step. */
class MatricesTest {

  /** Relative tolerance of a sum against the matrices' largest entry (rounding of sums of many doubles). */
  private static final double TOLERANCE = 1e-9;

  @Test
  void theBaselineWithDemandFromIncomesIsStockFlowConsistentEveryStep() {
    checkEveryStep(Worlds.scenario("""
        seed: 17
        steps: 120
        burnIn: 0
        mechanisms: {finance: CREDIT, talent: MARKET, ai: DIFFUSION, market: LINES, demand: INCOMES}
        """));
  }

  @Test
  void theReplicatorWithExogenousDemandIsStockFlowConsistentEveryStep() {
    checkEveryStep(Worlds.scenario("""
        seed: 18
        steps: 60
        burnIn: 0
        firms: {count: 300}
        """));
  }

  /** Whatever the scenario, with every mechanism on, both matrices close at every step. */
  @Property(tries = 12, seed = "20261203", shrinking = ShrinkingMode.OFF)
  void everyScenarioIsStockFlowConsistentEveryStep(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 0.02, max = 0.6) double soeShare,
      @ForAll @DoubleRange(min = 1, max = 25) double soeSizeMultiplier,
      @ForAll @IntRange(min = 0, max = 1) int lines,
      @ForAll @DoubleRange(min = 0, max = 0.5) double privatisationHazard,
      @ForAll @DoubleRange(min = 0, max = 0.02) double foundingRate,
      @ForAll @DoubleRange(min = 0.5, max = 0.95) double consumptionOutOfIncome,
      @ForAll @DoubleRange(min = 0, max = 2) double governmentSpending,
      @ForAll @IntRange(min = 0, max = 1) int softBudget) {
    checkEveryStep(Worlds.scenario("""
        seed: %d
        steps: 40
        burnIn: 0
        firms: {count: 150, soeShare: %s, soeSizeMultiplier: %s}
        universities: {count: 3}
        demography: {soePrivatisationHazard: %s, soeFoundingRate: %s, soeSoftBudget: %s}
        demand: {consumptionOutOfIncome: %s, governmentSpending: %s}
        mechanisms: {finance: CREDIT, talent: MARKET, ai: DIFFUSION, market: %s, demand: INCOMES}
        """.formatted(seed, soeShare, soeSizeMultiplier, privatisationHazard, foundingRate, softBudget == 1,
        consumptionOutOfIncome, governmentSpending, lines == 1 ? "LINES" : "REPLICATOR")));
  }

  private static void checkEveryStep(Scenario scenario) {
    EcosystemModel model = new EcosystemModel(scenario);
    model.start();
    model.keepMatrices();
    for (int step = 0; step < scenario.totalSteps(); step++) {
      model.schedule.step(model);
    }
    List<Matrices> all = model.matrices();
    assertThat(all).hasSize(scenario.totalSteps());
    for (Matrices m : all) {
      double tolerance = TOLERANCE * m.scale();
      for (Flow row : Flow.values()) {
        assertThat(m.flowRowSum(row)).as("flow row %s at step %d", row, m.step()).isCloseTo(0, within(tolerance));
      }
      for (Account column : Account.values()) {
        assertThat(m.flowColumnSum(column)).as("flow column %s at step %d", column, m.step()).isCloseTo(0, within(tolerance));
        assertThat(m.balanceColumnSum(column)).as("balance column %s at step %d", column, m.step())
            .isCloseTo(0, within(tolerance));
      }
      for (Stock row : List.of(Stock.MONEY, Stock.DEPOSITS, Stock.BANK_LOANS, Stock.SPECIAL_LOANS, Stock.ADVANCE_PAYMENTS)) {
        assertThat(m.balanceRowSum(row)).as("balance row %s at step %d", row, m.step()).isCloseTo(0, within(tolerance));
      }
      assertThat(m.balanceRowSum(Stock.CAPITAL) + m.balanceRowSum(Stock.NET_WORTH)).as("capital against net worth")
          .isCloseTo(0, within(tolerance));
      assertThat(m.balances()[Stock.NET_WORTH.ordinal()][Account.GOODS_MARKET.ordinal()])
          .as("clearing account less the advance payments it holds, at step %d", m.step()).isCloseTo(0, within(tolerance));
    }
    assertThat(all.get(all.size() - 1).flows()[Flow.CONSUMPTION.ordinal()][Account.HOUSEHOLDS.ordinal()])
        .as("households bought goods").isNegative();
  }

  /** A money change that bypasses the books is caught by its column (the check can fail). */
  @Test
  void aTransferOutsideTheBooksLeavesItsColumnOpen() {
    EcosystemModel model = new EcosystemModel(Worlds.scenario("seed: 3\nsteps: 3\nburnIn: 0\nfirms: {count: 100}"));
    model.start();
    model.keepMatrices();
    model.schedule.step(model);
    Firm firm = model.firms().get(0);
    firm.addCash(1_000);
    model.schedule.step(model);
    Matrices m = model.matrices().get(1);
    assertThat(Math.abs(m.flowColumnSum(Account.of(firm)))).isCloseTo(1_000, within(1e-6));
  }
}
