package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The national accounts: the chained Fisher price index, GDP from both sides, productivity by ownership and its decomposition. */
class NationalAccountsTest {

  /**
   * Two goods. Prices p and quantities q:
   *
   * <pre>
   *        p0   q0   p1   q1   p2   q2
   *   a    1    10   1.5  8    1.5  8
   *   b    2    5    2    6    3    4
   * </pre>
   *
   * Link 0→1: Laspeyres Σp1q0/Σp0q0 = (15 + 10)/(10 + 10) = 1.25, Paasche Σp1q1/Σp0q1 =
   * (12 + 12)/(8 + 12) = 1.2, Fisher √(1.25 × 1.2) = √1.5. Link 1→2: Laspeyres (12 + 18)/(12 + 12)
   * = 1.25, Paasche (12 + 12)/(12 + 8) = 1.2, Fisher √1.5 again; the chain index at 2 is 1.5.
   */
  @Test
  void theFisherChainOnTwoGoods() {
    double[] p0 = {1, 2};
    double[] q0 = {10, 5};
    double[] p1 = {1.5, 2};
    double[] q1 = {8, 6};
    double[] p2 = {1.5, 3};
    double[] q2 = {8, 4};
    double link1 = NationalAccounts.fisherLink(p0, q0, p1, q1);
    double link2 = NationalAccounts.fisherLink(p1, q1, p2, q2);
    assertThat(link1).isCloseTo(Math.sqrt(1.5), within(1e-15));
    assertThat(link2).isCloseTo(Math.sqrt(1.5), within(1e-15));
    assertThat(link1 * link2).isCloseTo(1.5, within(1e-14));
    // Reversed in time, a Fisher link is the reciprocal (time reversal; Laspeyres and Paasche alone are not).
    assertThat(NationalAccounts.fisherLink(p1, q1, p0, q0) * link1).isCloseTo(1, within(1e-15));
  }

  @Test
  void aGoodWithoutOutputInEitherPeriodIsLeftOutOfTheLink() {
    // Good c is new at t: the link is the one of a and b alone; nothing sold in both periods: 1.
    double link = NationalAccounts.fisherLink(new double[] {1, 2, 0}, new double[] {10, 5, 0},
        new double[] {1.5, 2, 7}, new double[] {8, 6, 3});
    assertThat(link).isCloseTo(Math.sqrt(1.5), within(1e-15));
    assertThat(NationalAccounts.fisherLink(new double[] {1, 0}, new double[] {1, 0}, new double[] {0, 1},
        new double[] {0, 1})).isEqualTo(1);
  }

  /** Demand from incomes: GDP by production equals GDP by expenditure every step; productivity and its terms add up. */
  @Test
  void gdpFromBothSidesAgreesAndProductivityAddsUpUnderDemandFromIncomes() {
    TimeSeries s = run("""
        seed: 17
        steps: 40
        burnIn: 0
        firms: {count: 200}
        universities: {count: 2}
        mechanisms: {market: LINES, demand: INCOMES}
        """);
    for (int t = 0; t < s.size(); t++) {
      double gdp = s.get(t, Metric.GDP);
      assertThat(gdp).as("gdp at %d", t).isPositive();
      assertThat(s.get(t, Metric.GDP_EXPENDITURE)).as("gdpExpenditure at %d", t).isCloseTo(gdp, within(1e-9 * gdp));
    }
    checkProductivity(s);
  }

  /**
   * Exogenous demand (with the replicator, the default before product lines and demand from
   * incomes): no expenditure side is reported, the rest holds as under demand from incomes.
   */
  @Test
  void productivityAddsUpUnderExogenousDemand() {
    TimeSeries s = run("""
        seed: 18
        steps: 40
        burnIn: 0
        firms: {count: 200}
        universities: {count: 2}
        mechanisms: {market: REPLICATOR, demand: EXOGENOUS}
        """);
    assertThat(s.column(Metric.GDP_EXPENDITURE)).containsOnly(0);
    checkProductivity(s);
  }

  private static TimeSeries run(String yaml) {
    EcosystemModel model = new EcosystemModel(Worlds.scenario(yaml));
    model.start();
    for (int step = 0; step < model.scenario().totalSteps(); step++) {
      model.schedule.step(model);
    }
    return model.series();
  }

  /**
   * Every step: real GDP × index = GDP; GDP covers the living firms' sales and more only when firms
   * left; aggregate productivity lies between the private firms' and the SOEs'; from step 1 the
   * five terms sum to its change. Entry and exit happen in the run, so those terms are exercised.
   */
  private static void checkProductivity(TimeSeries s) {
    assertThat(s.get(0, Metric.PRICE_INDEX)).isEqualTo(1);
    int both = 0;
    double entryTerms = 0;
    double exitTerms = 0;
    for (int t = 0; t < s.size(); t++) {
      double gdp = s.get(t, Metric.GDP);
      assertThat(s.get(t, Metric.REAL_GDP) * s.get(t, Metric.PRICE_INDEX)).isCloseTo(gdp, within(1e-9 * gdp));
      if (s.get(t, Metric.EXITS) == 0) {
        assertThat(gdp).as("gdp at %d", t).isCloseTo(s.get(t, Metric.OUTPUT), within(1e-9 * gdp));
      } else {
        assertThat(gdp).as("gdp at %d", t).isGreaterThanOrEqualTo(s.get(t, Metric.OUTPUT) * (1 - 1e-12));
      }
      double all = s.get(t, Metric.LABOUR_PRODUCTIVITY);
      double privateFirms = s.get(t, Metric.LABOUR_PRODUCTIVITY_PRIVATE);
      double soes = s.get(t, Metric.LABOUR_PRODUCTIVITY_SOE);
      assertThat(all).isPositive();
      if (privateFirms > 0 && soes > 0) {
        both++;
        double slack = 1e-12 * all;
        assertThat(all).as("productivity at %d", t).isBetween(Math.min(privateFirms, soes) - slack,
            Math.max(privateFirms, soes) + slack);
      }
      double change = s.get(t, Metric.PRODUCTIVITY_CHANGE);
      double terms = s.get(t, Metric.PRODUCTIVITY_WITHIN) + s.get(t, Metric.PRODUCTIVITY_BETWEEN)
          + s.get(t, Metric.PRODUCTIVITY_CROSS) + s.get(t, Metric.PRODUCTIVITY_ENTRY) + s.get(t, Metric.PRODUCTIVITY_EXIT);
      assertThat(terms).isCloseTo(change, within(1e-12 * all));
      double expected = t == 0 ? 0 : all - s.get(t - 1, Metric.LABOUR_PRODUCTIVITY);
      assertThat(change).as("productivity change at %d", t).isCloseTo(expected, within(1e-9 * all));
      entryTerms += Math.abs(s.get(t, Metric.PRODUCTIVITY_ENTRY));
      exitTerms += Math.abs(s.get(t, Metric.PRODUCTIVITY_EXIT));
    }
    assertThat(both).as("steps with private firms and SOEs").isPositive();
    assertThat(entryTerms).as("entry terms").isPositive();
    assertThat(exitTerms).as("exit terms").isPositive();
  }
}
