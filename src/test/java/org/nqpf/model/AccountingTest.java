package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stock-flow identities that must hold after every step of a full run. */
class AccountingTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void moneyIsConservedEveryStep(long seed) {
    EcosystemModel model = new EcosystemModel(Worlds.small(seed, 60));
    model.start();
    double initial = Worlds.money(model);
    assertThat(initial).isPositive();
    for (int step = 0; step < model.scenario().totalSteps(); step++) {
      model.schedule.step(model);
      assertThat(Worlds.money(model)).as("money after step %d", step).isCloseTo(initial, within(1e-9 * Math.abs(initial) * (step + 1) * 100));
      // Between markets the goods market's clearing account holds exactly the firms' advance
      // payments for capital goods ordered for the next market (demand from incomes).
      double advancePayments = model.firms().stream().mapToDouble(Firm::getInvestmentOrder).sum();
      assertThat(model.books().goodsMarket()).as("clearing account after step %d", step)
          .isCloseTo(advancePayments, within(1e-9 * Math.abs(initial)));
      TimeSeries series = model.series();
      double[] row = series.row(series.size() - 1);
      double recorded = row[Metric.FIRM_CASH.ordinal()] + row[Metric.HOUSEHOLD_BALANCE.ordinal()]
          + row[Metric.GOVERNMENT_BALANCE.ordinal()] + row[Metric.BANK_CASH.ordinal()] + row[Metric.FUND_CAPITAL.ordinal()];
      assertThat(recorded + advancePayments).as("recorded money after step %d", step)
          .isCloseTo(initial, within(1e-6 * Math.abs(initial)));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void theGovernmentsBudgetBalancesInTheBooksEveryStep(long seed) {
    EcosystemModel model = new EcosystemModel(Worlds.small(seed, 60));
    model.start();
    model.keepMatrices();
    double balance = model.books().government();
    int government = Matrices.Account.GOVERNMENT.ordinal();
    for (int step = 0; step < model.scenario().totalSteps(); step++) {
      model.schedule.step(model);
      TimeSeries s = model.series();
      // The flows the series has no column for are read from the government's column of the
      // step's transactions-flow matrix: its purchases net of refunds, the equity of the SOEs it
      // founds, and the capital guarantee funds return (the fund row less the recorded top-ups).
      double[][] flows = model.matrices().get(step).flows();
      double purchases = flows[Matrices.Flow.GOVERNMENT_PURCHASES.ordinal()][government];
      double equity = flows[Matrices.Flow.EQUITY.ordinal()][government];
      double fundReturns = flows[Matrices.Flow.FUND_TOP_UPS.ordinal()][government] + s.get(step, Metric.FUND_TOP_UPS);
      assertThat(purchases).as("government purchases paid at step %d", step)
          .isLessThanOrEqualTo(0).isGreaterThanOrEqualTo(-s.get(step, Metric.GOVERNMENT_PURCHASES) * (1 + 1e-12));
      assertThat(equity).as("state equity at step %d", step).isLessThanOrEqualTo(0);
      assertThat(fundReturns).as("funds' returns at step %d", step).isGreaterThanOrEqualTo(-1e-9 * (1 + Math.abs(balance)));
      double expected = balance + s.get(step, Metric.TAX) + s.get(step, Metric.INCOME_TAX) + s.get(step, Metric.SPECIAL_REPAYMENTS)
          - s.get(step, Metric.SUBSIDIES) - s.get(step, Metric.SPECIAL_LENDING) - s.get(step, Metric.FUND_TOP_UPS)
          - s.get(step, Metric.INCUBATION_GRANTS) - s.get(step, Metric.SOE_BAILOUTS) - s.get(step, Metric.TALENT_GRANTS)
          + purchases + equity + fundReturns;
      balance = s.get(step, Metric.GOVERNMENT_BALANCE);
      assertThat(balance).as("government balance after step %d", step)
          .isCloseTo(expected, within(1e-9 * (1 + Math.abs(balance))));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {23, 24})
  void headcountsAreConservedEveryStepWithEveryMechanismOn(long seed) {
    EcosystemModel model = new EcosystemModel(Worlds.small(seed, 60));
    model.start();
    int before = people(model);
    for (int step = 0; step < model.scenario().totalSteps(); step++) {
      model.schedule.step(model);
      TimeSeries s = model.series();
      int expected = before + (int) s.get(step, Metric.GRADUATES) + (int) s.get(step, Metric.TALENT_IMPORTS)
          - (int) s.get(step, Metric.TALENT_ATTRITION);
      int now = people(model);
      assertThat(now).as("people after step %d", step).isEqualTo(expected);
      before = now;
    }
  }

  /** Everyone in the talent system: the pool, firms' and universities' staff. */
  private static int people(EcosystemModel model) {
    int total = model.talentPool().total();
    for (Firm f : model.firms()) {
      total += f.getCoreResearchers() + f.getTechnicians() + f.getLeadingScientists();
    }
    for (University u : model.universities()) {
      total += u.getCoreResearchers() + u.getLeadingScientists() + u.getDownstairsEngineers();
    }
    return total;
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void firmCountsAddUpEveryStep(long seed) {
    EcosystemModel model = new EcosystemModel(Worlds.small(seed, 80));
    model.start();
    int before = model.firms().size();
    int soesBefore = (int) model.firms().stream().filter(f -> !f.isPrivate()).count();
    int totalEntries = 0;
    int totalExits = 0;
    for (int step = 0; step < model.scenario().totalSteps(); step++) {
      model.schedule.step(model);
      TimeSeries series = model.series();
      int firms = (int) series.get(step, Metric.FIRMS);
      int entries = (int) series.get(step, Metric.ENTRIES);
      int exits = (int) series.get(step, Metric.EXITS);
      assertThat(firms).as("firms at step %d", step).isEqualTo(before + entries - exits);
      int foundings = (int) series.get(step, Metric.SOE_FOUNDINGS);
      assertThat(entries).isEqualTo((int) (series.get(step, Metric.STARTUPS) + series.get(step, Metric.SPIN_OFFS)) + foundings);
      assertThat(firms).isEqualTo((int) (series.get(step, Metric.FIRMS_PRIVATE) + series.get(step, Metric.FIRMS_SOE)));
      // SOEs enter only when the state founds them and leave by exit or privatisation.
      assertThat((int) series.get(step, Metric.FIRMS_SOE)).as("SOEs at step %d", step)
          .isLessThanOrEqualTo(soesBefore + foundings - (int) series.get(step, Metric.PRIVATISATIONS));
      soesBefore = (int) series.get(step, Metric.FIRMS_SOE);
      assertThat(model.space().getAllObjects().numObjs).isEqualTo(firms + model.universities().size());
      before = firms;
      totalEntries += entries;
      totalExits += exits;
    }
    assertThat(totalEntries).as("entries over the run").isPositive();
    assertThat(totalExits).as("exits over the run").isPositive();
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7})
  void sharesSumToOneAndInventionsAreAccountedFor(long seed) {
    EcosystemModel model = new EcosystemModel(Worlds.small(seed, 60));
    model.start();
    int queue = 0;
    for (int step = 0; step < model.scenario().totalSteps(); step++) {
      model.schedule.step(model);
      for (Sector sector : Sector.values()) {
        double sum = model.firms(sector).stream().mapToDouble(Firm::getMarketShare).sum();
        if (!model.firms(sector).isEmpty()) {
          assertThat(sum).as("shares of %s at step %d", sector, step).isCloseTo(1.0, within(1e-9));
        }
      }
      TimeSeries s = model.series();
      int expected = queue + (int) s.get(step, Metric.INVENTIONS_CREATED) - (int) s.get(step, Metric.INNOVATIONS_CONVERTED)
          - (int) s.get(step, Metric.SPIN_OFFS) - (int) s.get(step, Metric.INVENTIONS_DECAYED);
      queue = (int) s.get(step, Metric.INVENTION_QUEUE);
      assertThat(queue).as("invention queue at step %d", step).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {8})
  void innovationCountsAddUpByTypeOwnershipAndSector(long seed) {
    TimeSeries s = new EcosystemModel(Worlds.small(seed, 40)).runToEnd();
    for (int step = 0; step < s.size(); step++) {
      double total = s.get(step, Metric.INNOVATIONS);
      assertThat(s.get(step, Metric.INNOVATIONS_INCREMENTAL) + s.get(step, Metric.INNOVATIONS_RADICAL)
          + s.get(step, Metric.INNOVATIONS_CONVERTED) + s.get(step, Metric.INNOVATIONS_IMITATED)).isEqualTo(total);
      assertThat(s.get(step, Metric.INNOVATIONS_PRIVATE) + s.get(step, Metric.INNOVATIONS_SOE)).isEqualTo(total);
      assertThat(s.get(step, Metric.INNOVATIONS_TRADITIONAL) + s.get(step, Metric.INNOVATIONS_STRATEGIC)
          + s.get(step, Metric.INNOVATIONS_FUTURE)).isEqualTo(total);
    }
  }
}
