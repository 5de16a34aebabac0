package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sim.util.Double2D;

/**
 * {@code talent.indivisibleRd} (docs/MODEL.md, "R&D comes in whole researchers"): R&D staff are
 * whole people, the last, partly planned post is filled when cash above the reserve and the credit
 * a guarantee or a special loan adds pay it, and what is hired is borrowed and kept in cash.
 */
class IndivisibleRdTest {
  private static final Double2D HERE = new Double2D(50, 50);

  /** One bank and one fund under STARTUP_CREDIT and the talent market, no special loans, a seeded generator. */
  private static EcosystemModel world(double coverage, boolean indivisible) {
    return world(coverage, indivisible, 0);
  }

  private static EcosystemModel world(double coverage, boolean indivisible, double specialLoanQuota) {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 4\nmechanisms: {finance: STARTUP_CREDIT, talent: MARKET}\n"
        + "talent: {indivisibleRd: " + indivisible + "}\npolicy: {specialLoanQuota: " + specialLoanQuota
        + ", guaranteeCoverage: " + coverage + "}"));
    Worlds.demand(model, 10_000);
    CreditMarket.initialise(model);
    return model;
  }

  /**
   * A private SME (50 workers) whose plan buys 0.3 of a researcher, with capital 20 times its sales
   * (so room at the bank) and {@code spare} researcher wages of cash above its liquidity reserve.
   */
  private static Firm smallFirm(EcosystemModel model, double spare) {
    double wage = model.researcherWage();
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, HERE, 1.0, 0.1, 0, 1);
    double sales = 0.3 * wage / firm.getRdIntensity();
    firm.recordProduction(sales / 1.3, 1.3, 50);
    firm.initialiseSales(sales);
    firm.setCapital(20 * sales);
    firm.addCash(model.liquidityReserve(firm) + spare * wage);
    assertThat(model.plannedRd(firm) / wage).isCloseTo(0.3, within(1e-12));
    return firm;
  }

  @Test
  void theLastPostIsFilledWhenTheFundsPayItAndRoundsDownOtherwise() {
    assertThat(TalentMarket.indivisibleStaff(0.3, 1.0, 1.0)).isEqualTo(1);
    assertThat(TalentMarket.indivisibleStaff(0.3, 0.99, 1.0)).isZero();
    assertThat(TalentMarket.indivisibleStaff(2.3, 3.0, 1.0)).isEqualTo(3);
    assertThat(TalentMarket.indivisibleStaff(2.3, 2.9, 1.0)).isEqualTo(2);
    assertThat(TalentMarket.indivisibleStaff(2.3, 1.5, 1.0)).isEqualTo(1);
    assertThat(TalentMarket.indivisibleStaff(2.0, 5.0, 1.0)).isEqualTo(2);
    assertThat(TalentMarket.indivisibleStaff(0, 5.0, 1.0)).isZero();
    assertThat(TalentMarket.indivisibleStaff(0.3, -1.0, 1.0)).isZero();
  }

  @Test
  void aSmallFirmWithCashHiresAWholeResearcherAndOneWithoutNone() {
    EcosystemModel model = world(0.0, true);
    double wage = model.researcherWage();
    Firm rich = smallFirm(model, 1.2);
    assertThat(TalentMarket.wantedStaff(model, rich, wage)).isEqualTo(1);
    // Room at the bank, but unguaranteed bank credit does not fund R&D: no researcher.
    Firm poor = smallFirm(model, 0.5);
    assertThat(CreditMarket.creditLine(model, poor)).isGreaterThan(wage);
    assertThat(CreditMarket.rdCreditLine(model, poor)).isZero();
    assertThat(TalentMarket.wantedStaff(model, poor, wage)).isZero();
  }

  @Test
  void specialLoansAreNotCountedBeforeTheyAreGranted() {
    EcosystemModel model = world(0.0, true, 0.002);
    Firm poor = smallFirm(model, 0.5);
    assertThat(CreditMarket.creditLine(model, poor)).isGreaterThan(CreditMarket.creditLine(world(0.0, true), smallFirm(world(0.0, true), 0.5)));
    assertThat(CreditMarket.rdCreditLine(model, poor)).isZero();
    assertThat(TalentMarket.wantedStaff(model, poor, model.researcherWage())).isZero();
  }

  @Test
  void aGuaranteeFundsTheWholePostThatCashAloneDoesNot() {
    EcosystemModel model = world(0.7, true);
    double wage = model.researcherWage();
    Firm poor = smallFirm(model, 0.5);
    double room = CreditMarket.creditLine(model, poor) - CreditMarket.rdCreditLine(model, poor);
    assertThat(CreditMarket.rdCreditLine(model, poor)).isCloseTo(room * (1 / 0.3 - 1), within(1e-9 * room));
    assertThat(TalentMarket.wantedStaff(model, poor, wage)).isEqualTo(1);
    // The hired researcher's pay, not the plan, is what the firm borrows for and keeps in cash.
    poor.addHeadcount(TalentTier.CORE, 1);
    assertThat(model.rdCommitment(poor)).isCloseTo(wage, within(1e-12));
    assertThat(model.rdCommitment(poor)).isGreaterThan(model.plannedRd(poor));
  }

  @Test
  void offTheCommitmentIsThePlanAndOnTheRuleDrawsNothing() {
    EcosystemModel off = world(0.7, false);
    Firm staffed = smallFirm(off, 0.5);
    staffed.addHeadcount(TalentTier.CORE, 1);
    assertThat(off.rdCommitment(staffed)).isEqualTo(off.plannedRd(staffed));

    EcosystemModel on = world(0.7, true);
    EcosystemModel twin = world(0.7, true);
    TalentMarket.wantedStaff(on, smallFirm(on, 0.5), on.researcherWage());
    assertThat(on.random.nextLong()).isEqualTo(twin.random.nextLong());
  }

  /**
   * The staff a firm wants, which skips its credit line when its own funds pay every post of its
   * plan, is through a run the staff its own funds and credit together buy; both ways are taken.
   */
  @Test
  void theStaffWantedIsWhatOwnFundsAndCreditTogetherBuy() {
    EcosystemModel model = new EcosystemModel(Worlds.scenario("""
        seed: 14
        firms: {count: 300}
        universities: {count: 3}
        policy: {guaranteeCoverage: 0.7}
        mechanisms: {finance: STARTUP_CREDIT, talent: MARKET, ai: DECISION}
        """));
    model.start();
    int ownEnough = 0;
    int withCredit = 0;
    for (int step = 0; step < 30; step++) {
      model.schedule.step(model);
      double wage = model.researcherWage();
      for (Firm firm : model.firms()) {
        double plan = model.plannedRd(firm);
        double own = model.ownRdFunds(firm);
        int staff = TalentMarket.indivisibleStaff(plan, own + model.rdCredit(firm), wage);
        assertThat(TalentMarket.wantedStaff(model, firm, wage)).isEqualTo(staff);
        if (plan > 0 && TalentMarket.indivisibleStaff(plan, own, wage) == staff) {
          ownEnough++;
        } else if (staff > TalentMarket.indivisibleStaff(plan, own, wage)) {
          withCredit++;
        }
      }
    }
    assertThat(ownEnough).isPositive();
    assertThat(withCredit).isPositive();
  }
}
