package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import sim.util.Double2D;

/** Banks, guarantee funds, special loans and defaults, on hand-built worlds and over seeds. */
class CreditMarketTest {
  private static final Double2D HERE = new Double2D(50, 50);
  private static final String CREDIT = "mechanisms: {finance: CREDIT}\n";

  /** A world with one bank and one fund, capitalised as at initialisation, and no firms. */
  private static EcosystemModel world(String yaml) {
    return world(CREDIT, yaml);
  }

  /** The same under {@code mechanisms.finance: STARTUP_CREDIT}. */
  private static EcosystemModel startupWorld(String yaml) {
    return world("mechanisms: {finance: STARTUP_CREDIT}\n", yaml);
  }

  private static EcosystemModel world(String mechanisms, String yaml) {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 4\n" + mechanisms + yaml));
    Worlds.demand(model, 10_000);
    CreditMarket.initialise(model);
    return model;
  }

  /** A firm with the given cash, capital and sales; large firms need more than 1,000 employees. */
  private static Firm firm(EcosystemModel model, Ownership ownership, double cash, double capital, double sales, double workers) {
    Firm firm = Worlds.firm(model, ownership, Sector.TRADITIONAL, HERE, 1.0, 0.1, cash, sales);
    firm.setCapital(capital);
    firm.recordProduction(sales / 1.3, 1.3, workers);
    firm.initialiseSales(sales);
    return firm;
  }

  /** The debt a firm keeps up to date as loans are added is the sum over its loans in their order, bit for bit. */
  @Test
  void aFirmsDebtExtendedAsLoansAreAddedIsTheSumOverItsLoans() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 5"));
    Firm firm = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, new Double2D(50, 50), 1.0, 0.01, 100, 100);
    ec.util.MersenneTwisterFast values = new ec.util.MersenneTwisterFast(6);
    for (int i = 0; i < 40; i++) {
      firm.getDebt();
      firm.addLoan(new Loan(null, null, 0, 1 + 100 * values.nextDouble(), 0.01 + 0.05 * values.nextDouble(),
          1 + values.nextInt(40), 0));
      double debt = 0;
      double due = 0;
      for (Loan loan : firm.getLoans()) {
        debt += loan.principal();
        due += loan.rate() * loan.principal() + loan.principalDue();
      }
      assertThat(firm.getDebt()).isEqualTo(debt);
      assertThat(firm.debtServiceDue()).isEqualTo(due);
    }
  }

  @Test
  void initialisationCapitalisesBanksAndFundsWithoutCreatingMoney() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 4\n" + CREDIT));
    Worlds.demand(model, 10_000);
    double before = Worlds.money(model);
    CreditMarket.initialise(model);
    var cc = model.scenario().credit();
    Bank bank = model.banks().get(0);
    assertThat(bank.getEquity()).isCloseTo(cc.bankEquityToSales() * 30_000, within(1e-6));
    assertThat(model.funds().get(0).getCapital()).isCloseTo(cc.fundCapitalToSales() * 30_000, within(1e-6));
    assertThat(Worlds.money(model)).isCloseTo(before, within(1e-6));
  }

  @Test
  void aFirmWithEnoughCashDoesNotApply() {
    EcosystemModel model = world("");
    firm(model, Ownership.PRIVATE, 1e6, 100, 100, 50);
    new CreditMarket().step(model);
    assertThat(model.counters().loansApplied()).isZero();
  }

  @Test
  void aCreditworthyFirmGetsItsRequestAndRepaysInInstalments() {
    EcosystemModel model = world("credit: {maxDebtToNetWorth: 10}\npolicy: {specialLoanQuota: 0}");
    Firm firm = firm(model, Ownership.PRIVATE, 0, 1000, 500, 2000);
    double planned = CreditMarket.plannedSpending(model, firm) + model.scenario().credit().liquidityBuffer() * 500;
    double money = Worlds.money(model);
    new CreditMarket().step(model);
    assertThat(firm.getDebt()).isCloseTo(planned, within(1e-9));
    assertThat(firm.getCash()).isCloseTo(planned, within(1e-9));
    assertThat(model.counters().loansGranted()).isEqualTo(1);
    assertThat(model.banks().get(0).getLoansOutstanding()).isCloseTo(planned, within(1e-9));
    assertThat(Worlds.money(model)).isCloseTo(money, within(1e-6));
    int maturity = model.scenario().credit().loanMaturity();
    double rate = model.scenario().credit().interestRate();
    firm.addCash(1e6);
    double cashBefore = firm.getCash();
    CreditMarket.serviceDebt(model);
    assertThat(firm.getDebt()).isCloseTo(planned * (maturity - 1) / maturity, within(1e-9));
    assertThat(cashBefore - firm.getCash()).isCloseTo(planned / maturity + rate * planned, within(1e-9));
    for (int i = 1; i < maturity; i++) {
      CreditMarket.serviceDebt(model);
    }
    assertThat(firm.getDebt()).isZero();
    assertThat(firm.getLoans()).isEmpty();
  }

  @Test
  void anOpaqueSmeIsRationedWithoutAGuaranteeAndServedWithOne() {
    String yaml = "policy: {specialLoanQuota: 0, guaranteeCoverage: %s, fundLeverage: 1000}";
    EcosystemModel without = world(yaml.formatted("0.0"));
    Firm sme = firm(without, Ownership.PRIVATE, 0, 500, 400, 50);
    new CreditMarket().step(without);
    assertThat(without.counters().smeRationed()).isEqualTo(1);
    assertThat(sme.getDebt()).isGreaterThan(0);

    EcosystemModel with = world(yaml.formatted("0.8"));
    Firm guaranteed = firm(with, Ownership.PRIVATE, 0, 500, 400, 50);
    double money = Worlds.money(with);
    new CreditMarket().step(with);
    assertThat(with.counters().loansGuaranteed()).isEqualTo(1);
    assertThat(with.counters().smeRationed()).isZero();
    assertThat(guaranteed.getDebt()).isGreaterThan(sme.getDebt());
    GuaranteeFund fund = with.funds().get(0);
    assertThat(fund.getExposure()).isCloseTo(0.8 * guaranteed.getDebt(), within(1e-9));
    assertThat(Worlds.money(with)).isCloseTo(money, within(1e-6));
  }

  /** The article's guarantees are for private SMEs: under STARTUP_CREDIT an SOE of an SME's size is rationed. */
  @Test
  void anSoeSmeGetsNoGuarantee() {
    EcosystemModel model = startupWorld("policy: {specialLoanQuota: 0, guaranteeCoverage: 0.8, fundLeverage: 1000}");
    Firm soe = firm(model, Ownership.SOE, 0, 500, 400, 50);
    new CreditMarket().step(model);
    assertThat(model.counters().loansGuaranteed()).isZero();
    assertThat(model.counters().smeRationed()).isEqualTo(1);
    assertThat(soe.getLoans()).allSatisfy(loan -> assertThat(loan.isGuaranteed()).isFalse());
  }

  /**
   * A guarantee at coverage c widens a private SME's room at its bank to room / (1 − c): net worth
   * 500, limit 0.5 × 0.5 × 500 = 125, so at c = 0.8 the bank lends min(request, 625), the fund
   * covers 0.8 of it, and the fee is 0.01 × 0.8 × the loan × its leverage over the limit.
   */
  @Test
  void aGuaranteeWidensAPrivateSmesRoomAndItsFeeRisesWithLeverage() {
    EcosystemModel model = startupWorld("policy: {specialLoanQuota: 0, guaranteeCoverage: 0.8, fundLeverage: 1000, guaranteeFee: 0.01}");
    Firm sme = firm(model, Ownership.PRIVATE, 0, 500, 4000, 50);
    double request = CreditMarket.plannedSpending(model, sme) + model.scenario().credit().liquidityBuffer() * 4000;
    assertThat(request).isGreaterThan(625);
    double room = 0.5 * 0.5 * 500;
    assertThat(CreditMarket.creditLine(model, sme)).isCloseTo(room / 0.2, within(1e-9));
    GuaranteeFund fund = model.funds().get(0);
    double capital = fund.getCapital();
    new CreditMarket().step(model);
    assertThat(sme.getDebt()).isCloseTo(room / 0.2, within(1e-9));
    assertThat(fund.getExposure()).isCloseTo(0.8 * room / 0.2, within(1e-9));
    assertThat(fund.getCapital() - capital).as("the fee").isCloseTo(0.01 * (625 / room) * 0.8 * 625, within(1e-9));
    assertThat(model.counters().smeRationed()).as("still short of its request").isEqualTo(1);
  }

  @Test
  void aGuaranteedShareWeighsTheFundsRiskWeightWhileTheFundHasCapital() {
    EcosystemModel model = startupWorld("");
    GuaranteeFund fund = model.funds().get(0);
    var cc = model.scenario().credit();
    assertThat(CreditMarket.riskWeight(model, fund, cc)).isEqualTo(cc.guaranteeRiskWeight());
    model.books().fundPaysBank(fund, model.banks().get(0), fund.getCapital());
    assertThat(CreditMarket.riskWeight(model, fund, cc)).as("a fund without capital").isEqualTo(1.0);
    assertThat(CreditMarket.riskWeight(world(""), fund, cc)).as("the earlier rule").isZero();
  }

  /**
   * A private start-up's founders pay in 0.4 of its cost and, its loan secured by their equity alone
   * ({@code startupCollateral} false), it borrows within 0.5 × 0.5 of that equity: 0.1 of the cost, so it starts with half its cash and capital; a guarantee covering 0.7
   * widens the loan to 0.25 / 0.3 of the equity, 1/3 of the cost (less the fund's fee).
   */
  @Test
  void aStartUpBorrowsWhatItsFoundersDoNotPayInWithinTheLimitOnTheirEquity() {
    for (double coverage : new double[] {0.0, 0.7}) {
      EcosystemModel model = new EcosystemModel(Worlds.scenario("""
          seed: 8
          firms: {count: 60}
          universities: {count: 1}
          mechanisms: {finance: STARTUP_CREDIT}
          credit: {startupCollateral: false}
          policy: {specialLoanQuota: 0, guaranteeCoverage: %s, fundLeverage: 1000}
          """.formatted(coverage)));
      model.start();
      double money = Worlds.money(model);
      Firm startup = model.population().foundStartup(Sector.TRADITIONAL, new Double2D(50, 50), 1.0, -1);
      double cash = model.scenario().demography().entrantCash() * model.wageIndex();
      double funded = 0.4 + (coverage == 0 ? 0.1 : 0.4 * 0.25 / 0.3);
      // The fund's fee, 0.01 of the covered amount × the leverage over the limit, 1 / 0.3.
      double fee = coverage == 0 ? 0 : 0.01 / 0.3 * 0.7 * startup.getDebt();
      assertThat(startup.getCash() + fee).as("coverage %s", coverage).isCloseTo(funded * cash, within(1e-9 * cash));
      assertThat(startup.getDebt() / (startup.getCash() + fee + startup.getInvestmentOrder()))
          .as("the loan's share of what the start-up got").isCloseTo((funded - 0.4) / funded, within(1e-9));
      assertThat(startup.getLoans()).allSatisfy(loan -> assertThat(loan.isGuaranteed()).isEqualTo(coverage > 0));
      assertThat(Worlds.money(model)).isCloseTo(money, within(1e-9 * Math.abs(money)));
    }
  }

  /**
   * With {@code credit.startupCollateral} the capital a start-up's loan buys secures it: a loan L
   * funds capital κL, worth 0.4 κL to the bank, so L ≤ 0.1 of the cost + 0.4 κL, and the start-up
   * raises 0.4 + 0.1 / (1 − 0.4 κ) of its cost, more than the half it raises on its founders'
   * equity alone.
   */
  @Test
  void aStartUpsLoanSecuredByTheCapitalItBuysRaisesMoreThanOnItsFoundersEquityAlone() {
    EcosystemModel model = new EcosystemModel(Worlds.scenario("""
        seed: 8
        firms: {count: 60}
        universities: {count: 1}
        mechanisms: {finance: STARTUP_CREDIT}
        credit: {startupCollateral: true}
        policy: {specialLoanQuota: 0, guaranteeCoverage: 0.0}
        """));
    model.start();
    double money = Worlds.money(model);
    Firm startup = model.population().foundStartup(Sector.TRADITIONAL, new Double2D(50, 50), 1.0, -1);
    double got = startup.getCash() + startup.getInvestmentOrder();
    double kappa = startup.getInvestmentOrder() / got;
    double funded = 0.4 + 0.1 / (1 - 0.4 * kappa);
    assertThat(kappa).as("the capital's share of the cost").isBetween(0.01, 0.99);
    assertThat(startup.getDebt() / got).as("the loan's share of what the start-up got")
        .isCloseTo((funded - 0.4) / funded, within(1e-9));
    assertThat(funded).isGreaterThan(0.5);
    assertThat(CreditMarket.securedRoom(0.1, 0.4, kappa)).isCloseTo(0.1 / (1 - 0.4 * kappa) - 0.1, within(1e-12));
    assertThat(Worlds.money(model)).isCloseTo(money, within(1e-9 * Math.abs(money)));
  }

  /**
   * A start-up's loan is repaid over {@code startupLoanMaturity} quarters (the life of the capital
   * it buys), a firm's later loans over {@code loanMaturity}: the first instalment is principal / 40.
   */
  @Test
  void aStartUpRepaysItsLoanOverTheLifeOfItsCapital() {
    EcosystemModel model = new EcosystemModel(Worlds.scenario("""
        seed: 8
        firms: {count: 60}
        universities: {count: 1}
        mechanisms: {finance: STARTUP_CREDIT}
        credit: {startupLoanMaturity: 40, loanMaturity: 8}
        policy: {specialLoanQuota: 0, guaranteeCoverage: 0.0}
        """));
    model.start();
    Firm startup = model.population().foundStartup(Sector.TRADITIONAL, new Double2D(50, 50), 1.0, -1);
    assertThat(startup.getLoans()).hasSize(1);
    Loan loan = startup.getLoans().get(0);
    assertThat(loan.principalDue()).isCloseTo(loan.principal() / 40, within(1e-12 * loan.principal()));
  }

  /**
   * What a would-be founder expects to raise per unit of equity: 1 + the SME limit 0.5 × (1 − 0.5)
   * without guarantees, 1 + 0.25 / (1 − 0.7) with coverage 0.7 while the fund has room, and 1.25
   * again when it has none.
   */
  @Test
  void aFounderExpectsTheBanksLimitWidenedByAGuaranteeWhileTheFundHasRoom() {
    assertThat(CreditMarket.startupFundingPerEquity(startupWorld("policy: {guaranteeCoverage: 0.0}"))).isCloseTo(1.25, within(1e-12));
    assertThat(CreditMarket.startupFundingPerEquity(startupWorld("policy: {guaranteeCoverage: 0.7}")))
        .isCloseTo(1 + 0.25 / 0.3, within(1e-12));
    assertThat(CreditMarket.startupFundingPerEquity(startupWorld("policy: {guaranteeCoverage: 0.7, fundLeverage: 0}")))
        .isCloseTo(1.25, within(1e-12));
  }

  /**
   * Under STARTUP_CREDIT a firm whose cash is only its reserve (0.1 of sales, no debt, no AI savings) hires R&D staff
   * for what its credit line funds (0.5 × 0.5 × net worth at a limit of 0.5), none without one, and
   * a firm with cash to spare its whole plan.
   */
  @Test
  void rAndDIsHiredForWhatCashAndExpectedCreditFund() {
    EcosystemModel model = startupWorld("credit: {maxDebtToNetWorth: 0.0}\npolicy: {specialLoanQuota: 0, guaranteeCoverage: 0.0}");
    Firm broke = firm(model, Ownership.PRIVATE, 40, 500, 400, 50);
    assertThat(model.plannedRd(broke)).isPositive();
    assertThat(model.fundedRd(broke)).isZero();
    EcosystemModel lending = startupWorld("credit: {maxDebtToNetWorth: 0.02}\npolicy: {specialLoanQuota: 0, guaranteeCoverage: 0.0}");
    Firm borrower = firm(lending, Ownership.PRIVATE, 40, 500, 400, 50);
    double line = 0.02 * 0.5 * borrower.getNetWorth();
    assertThat(line).isLessThan(lending.plannedRd(borrower));
    assertThat(lending.fundedRd(borrower)).isCloseTo(line, within(1e-9));
    Firm rich = firm(lending, Ownership.PRIVATE, 1e6, 500, 400, 50);
    assertThat(lending.fundedRd(rich)).isEqualTo(lending.plannedRd(rich));
  }

  @Test
  void theFundRefusesBeyondItsLeverageCap() {
    EcosystemModel model = world("policy: {specialLoanQuota: 0, guaranteeCoverage: 0.8, fundLeverage: 0.001}");
    firm(model, Ownership.PRIVATE, 0, 200, 400, 50);
    new CreditMarket().step(model);
    assertThat(model.counters().loansGuaranteed()).isZero();
    assertThat(model.counters().smeRationed()).isEqualTo(1);
  }

  @Test
  void soePreferenceSoftensTheLimit() {
    EcosystemModel model = world("credit: {soePreference: 1.0, maxDebtToNetWorth: 0.5}\npolicy: {specialLoanQuota: 0, guaranteeCoverage: 0.0}");
    Firm soe = firm(model, Ownership.SOE, 0, 2000, 4000, 2000);
    Firm twin = firm(model, Ownership.PRIVATE, 0, 2000, 4000, 2000);
    new CreditMarket().step(model);
    assertThat(soe.getDebt()).isGreaterThan(twin.getDebt());
    assertThat(soe.getDebt()).isCloseTo(2 * twin.getDebt(), within(1e-6));
  }

  @Test
  void specialLoansGoToPrivateSmesForResearchWithinTheQuota() {
    EcosystemModel model = world("credit: {maxDebtToNetWorth: 0.0}\npolicy: {specialLoanQuota: 0.001, specialLoanDiscount: 0.01, guaranteeCoverage: 0.0}");
    Firm sme = firm(model, Ownership.PRIVATE, 0, 200, 400, 50);
    Firm soe = firm(model, Ownership.SOE, 0, 200, 400, 50);
    double government = model.books().government();
    new CreditMarket().step(model);
    assertThat(model.counters().specialLoans()).isEqualTo(1);
    assertThat(sme.getLoans()).singleElement().satisfies(loan -> {
      assertThat(loan.isSpecial()).isTrue();
      assertThat(loan.rate()).isCloseTo(model.scenario().credit().interestRate() - 0.01, within(1e-12));
      assertThat(loan.principal()).isCloseTo(Math.min(sme.getRdIntensity() * 400, 0.001 * 30_000), within(1e-9));
    });
    assertThat(soe.getLoans()).isEmpty();
    assertThat(model.books().government()).isCloseTo(government - sme.getDebt(), within(1e-9));
  }

  @Test
  void aDefaultCostsTheBankTheUncoveredShareAndTheFundTheCoveredOne() {
    EcosystemModel model = world("credit: {recoveryRate: 0.0}\npolicy: {specialLoanQuota: 0, guaranteeCoverage: 0.75, fundLeverage: 1000}");
    Firm sme = firm(model, Ownership.PRIVATE, 0, 500, 400, 50);
    new CreditMarket().step(model);
    double debt = sme.getDebt();
    assertThat(model.counters().loansGuaranteed()).isEqualTo(1);
    GuaranteeFund fund = model.funds().get(0);
    Bank bank = model.banks().get(0);
    double fundBefore = fund.getCapital();
    double bankCashBefore = bank.getCash();
    double money = Worlds.money(model);
    model.books().firmToHouseholds(Matrices.Flow.LIQUIDATION, sme, sme.getCash());
    CreditMarket.settleExit(model, sme);
    assertThat(bank.getCumulativeLosses()).isCloseTo(debt, within(1e-9));
    assertThat(fundBefore - fund.getCapital()).isCloseTo(0.75 * debt, within(1e-9));
    assertThat(bank.getCash() - bankCashBefore).isCloseTo(0.75 * debt, within(1e-9));
    assertThat(fund.getExposure()).isCloseTo(0, within(1e-9));
    assertThat(bank.getLoansOutstanding()).isCloseTo(0, within(1e-9));
    assertThat(model.counters().defaults()).isEqualTo(1);
    assertThat(Worlds.money(model)).isCloseTo(money, within(1e-6));
  }

  @Test
  void marketReplenishmentRestoresTheTargetRatio() {
    EcosystemModel model = world("policy: {specialLoanQuota: 0, guaranteeCoverage: 0.8, fundLeverage: 1000, fundReplenishment: MARKET, fundTargetRatio: 0.5}");
    for (int i = 0; i < 5; i++) {
      firm(model, Ownership.PRIVATE, 0, 500, 400, 50);
    }
    new CreditMarket().step(model);
    GuaranteeFund fund = model.funds().get(0);
    assertThat(fund.getExposure()).isGreaterThan(2 * fund.getCapital());
    Government.replenishFunds(model);
    assertThat(fund.getCapital()).isCloseTo(0.5 * fund.getExposure(), within(1e-9));
  }

  // ---- levers across seeds: the direct outcome moves the way the mechanism says ----

  /**
   * A 200-firm world run from its start with the credit market on and the bank's limit on debt at
   * 0.2 × net worth ({@code credit} adds keys of the credit section): firms finance R&D and debt
   * service out of retained cash first (GoodsMarket), so at the baseline's 0.5 few of these young
   * firms meet the limit and a lever on it has little to act on.
   */
  private static Scenario leverScenario(long seed, String credit, String yaml) {
    return Worlds.scenario("""
        seed: %d
        burnIn: 0
        firms: {count: 200, initialCashToSales: 0.1, dividendPayout: 0.6}
        universities: {count: 3}
        mechanisms: {finance: CREDIT}
        credit: {maxDebtToNetWorth: 0.2, %s}
        """.formatted(seed, credit) + (yaml.contains("steps:") ? "" : "steps: 40\n") + yaml);
  }

  @Test
  void guaranteesRaiseTheNumberOfSmeLoansGrantedInFull() {
    Paired effect = Paired.compare(20, 100,
        seed -> smeLoansInFull(run("guaranteeCoverage: 0.0", seed)),
        seed -> smeLoansInFull(run("guaranteeCoverage: 0.7", seed)));
    System.out.println("guarantees -> SME loans granted in full: " + effect);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  /** SME applications granted in full over the run: applicants less those rationed. */
  private static double smeLoansInFull(TimeSeries series) {
    double granted = 0;
    for (int i = 0; i < series.size(); i++) {
      granted += series.get(i, Metric.SME_APPLICANTS) * (1 - series.get(i, Metric.SME_RATIONED_SHARE));
    }
    return granted;
  }

  @Test
  void guaranteesLowerTheShareOfSmesRationed() {
    Paired effect = Paired.compare(20, 150,
        seed -> Outcomes.rationedShare(run("guaranteeCoverage: 0.0", seed)),
        seed -> Outcomes.rationedShare(run("guaranteeCoverage: 0.7", seed)));
    System.out.println("guarantees -> share of SME applicants rationed: " + effect);
    assertThat(effect.high()).as(effect.toString()).isLessThan(0);
  }

  private static TimeSeries run(String credit, long seed) {
    return new EcosystemModel(leverScenario(seed, "", "policy: {specialLoanQuota: 0, " + credit + "}\n")).runToEnd();
  }


  @Test
  void soePreferenceRaisesTheSoeShareOfCredit() {
    // The bank's equity is small, so that its capital requirement rations the applicants and the
    // pecking order decides who borrows: SOEs borrow little (they finance R&D and debt service out
    // of retained cash, and the soft budget covers their losses), and with room for all the
    // preference has almost nothing to act on. The state lets no SOE go (in a 200-firm world every
    // SOE employs fewer than the 1,000 people of a large enterprise), so that the preference acts on
    // the same SOEs for the whole run.
    String keepTheSoes = "demography: {soePrivatisationHazard: 0}\n";
    Paired effect = Paired.compare(60, 200,
        seed -> soeShare(leverScenario(seed, "bankEquityToSales: 0.01, soePreference: 0.0", keepTheSoes)),
        seed -> soeShare(leverScenario(seed, "bankEquityToSales: 0.01, soePreference: 1.0", keepTheSoes)));
    System.out.println("SOE preference -> SOE share of credit: " + effect);
    assertThat(effect.low()).as(effect.toString()).isGreaterThan(0);
  }

  private static double soeShare(Scenario scenario) {
    EcosystemModel model = new EcosystemModel(scenario);
    model.start();
    double soe = 0;
    double all = 0;
    for (int i = 0; i < scenario.totalSteps(); i++) {
      model.schedule.step(model);
      TimeSeries s = model.series();
      double granted = s.get(i, Metric.CREDIT_GRANTED);
      all += granted;
      soe += granted * s.get(i, Metric.SOE_CREDIT_SHARE);
    }
    return all > 0 ? soe / all : 0;
  }

  /**
   * Through a run with guarantees and special loans, each living firm's cached bank exposure (kept
   * as loans are added and serviced) is the sum a walk over its bank loans gives, bit for bit, and
   * its loan edge exists exactly when it has bank loans and carries whether one is guaranteed.
   */
  @Test
  void aFirmsCachedBankExposureAndLoanEdgeFollowItsLoansThroughARun() {
    EcosystemModel model = new EcosystemModel(Worlds.scenario("""
        seed: 12
        firms: {count: 300}
        universities: {count: 3}
        policy: {guaranteeCoverage: 0.7, specialLoanQuota: 0.01}
        mechanisms: {finance: STARTUP_CREDIT, talent: MARKET, ai: DECISION}
        """));
    model.start();
    int guaranteedFirms = 0;
    int specialLoans = 0;
    int unguaranteedFirms = 0;
    for (int step = 0; step < 40; step++) {
      model.schedule.step(model);
      for (Firm firm : model.firms()) {
        double exposure = 0;
        boolean bank = false;
        boolean guaranteed = false;
        for (Loan loan : firm.getLoans()) {
          if (loan.isSpecial()) {
            specialLoans++;
          } else {
            exposure += loan.principal() * (1 - loan.guaranteedShare());
            bank = true;
            guaranteed |= loan.isGuaranteed();
          }
        }
        assertThat(firm.unguaranteedBankDebt()).isEqualTo(exposure);
        assertThat(firm.getLoanEdge() != null).isEqualTo(bank);
        if (bank) {
          assertThat(((Relation) firm.getLoanEdge().info).guaranteed()).isEqualTo(guaranteed);
          guaranteedFirms += guaranteed ? 1 : 0;
          unguaranteedFirms += guaranteed ? 0 : 1;
        }
      }
    }
    assertThat(guaranteedFirms).isPositive();
    assertThat(unguaranteedFirms).isPositive();
    assertThat(specialLoans).isPositive();
  }
}
