package org.nqpf.model;

import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.CreditConfig;
import org.nqpf.config.DemographyConfig;
import org.nqpf.config.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Exit and entry (MODEL.md §3 step 9). Under the SOE soft budget constraint
 * ({@code soeSoftBudget}), the government pays an SOE's negative cash back to zero and SOEs never
 * exit. Otherwise a firm exits when its cash or its net worth is negative (insolvent) or its
 * market share falls below {@code exitRelativeShare} / n of its sector; its loans are settled,
 * its staff return to the pool, and households take what it leaves (or bear its loss). Then
 * Poisson({@code entryRate} × (0.5 + 0.5 × market unification) × the initial number of firms)
 * private start-ups enter (a base rate that does not compound with the population, raised by
 * market unification's lower entry frictions), in a park or near a campus, with technology
 * {@code entrantProductivityRatio} × the sector's
 * share-weighted mean × a lognormal draw. Under {@code mechanisms.market: LINES} small SOEs are
 * privatised before the exits and the state founds SOEs after the entries (抓大放小, Hsieh and Song
 * 2015), and entrants take product lines ({@link ProductLines}).
 */
final class Demography implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    if (model.productLines()) {
      letGoOfTheSmall(model);
    }
    FirmPopulation.ShareSums sums = exits(model);
    entries(model, sums);
    if (model.productLines()) {
      graspTheLarge(model);
    }
  }

  /**
   * 抓大放小, "let go of the small" (Hsieh and Song 2015): an SOE without product lines is
   * privatised at once, and a small one with probability {@code soePrivatisationHazard}; in firm
   * order. Small is holding at most {@code soeSmallLines} lines, or, when {@code soeLargeEmployment}
   * is positive, employing fewer than that many (not a large enterprise by China's classification,
   * which starts at 1,000 employees in industry: NBS 2011).
   */
  static void letGoOfTheSmall(EcosystemModel model) {
    DemographyConfig dc = model.scenario().demography();
    double large = dc.soeLargeEmployment();
    List<Firm> soes = model.population().soes();
    for (int i = 0, n = soes.size(); i < n; i++) {
      Firm firm = soes.get(i);
      int lines = firm.getLines();
      boolean small = large > 0 ? firm.getEmployment() < large : lines <= dc.soeSmallLines();
      if (lines == 0 || (small && model.random.nextDouble() < dc.soePrivatisationHazard())) {
        model.population().privatise(firm);
        model.counters().privatisations++;
      }
    }
  }

  /**
   * 抓大放小, "grasp the large": the state founds Poisson({@code soeFoundingRate} × the initial
   * number of firms) SOEs, each in a sector drawn by {@code firms.soeSectors}, in a park or near a
   * campus, with the sector's mean technology at the step's founding, taking {@code soeFoundingLines} lines.
   */
  static void graspTheLarge(EcosystemModel model) {
    Scenario scenario = model.scenario();
    DemographyConfig dc = scenario.demography();
    int founded = model.poisson(dc.soeFoundingRate() * scenario.firms().count());
    if (founded == 0) {
      return;
    }
    double[] weights = scenario.firms().soeSectors().asArray();
    // One founding batch: the sectors' mean technologies are taken once, at its start (a pass over
    // the firms per founded SOE made the step quadratic in the number of firms).
    FirmPopulation population = model.population();
    population.beginFounding();
    try {
      for (int i = 0; i < founded; i++) {
        Sector sector = Sector.of(model.drawIndex(weights));
        var location = model.randomFirmLocation(scenario.firms().nearCampusShare());
        population.foundSoe(sector, location, population.meanTechnology(sector));
        model.counters().soeFoundings++;
      }
    } finally {
      population.endFounding();
    }
  }

  /**
   * Exits, then renormalises the shares; returns their sums for the entrants' founding batch. The
   * surviving firms' shares are summed in the same visit as the exit tests, in the sector list's
   * order: exits change no other firm's share.
   */
  static FirmPopulation.ShareSums exits(EcosystemModel model) {
    double threshold = model.scenario().market().exitRelativeShare();
    List<Firm> exited = new ArrayList<>();
    double[] totals = new double[Sector.values().length];
    for (Sector sector : Sector.values()) {
      List<Firm> firms = model.firms(sector);
      double minimumShare = threshold / Math.max(1, firms.size());
      model.work().shareUpdates += firms.size();
      double total = 0;
      for (int i = 0, n = firms.size(); i < n; i++) {
        Firm firm = firms.get(i);
        if (exitIfFailing(model, firm, minimumShare)) {
          exited.add(firm);
        } else {
          total += firm.getMarketShare();
        }
      }
      totals[sector.ordinal()] = total;
    }
    model.population().removeExited(exited);
    return model.population().normaliseAllShares(totals);
  }

  /**
   * A failing firm exits (an SOE with a soft budget is bailed out instead), and so does a learning
   * entrant whose belief about its ability has fallen below {@code exitBelief} (Jovanovic 1982: it
   * leaves when staying is worth less than leaving); returns whether it exited.
   */
  private static boolean exitIfFailing(EcosystemModel model, Firm firm, double minimumShare) {
    if (!firm.isPrivate() && model.scenario().demography().soeSoftBudget()) {
      if (firm.getCash() < 0) {
        model.books().bailOut(firm, -firm.getCash());
      }
      return false;
    }
    EntrantLearning learning = firm.learning();
    boolean learntItIsWeak = learning != null && learning.belief() < model.scenario().demography().exitBelief();
    if (firm.getCash() < 0 || firm.getNetWorth() < 0 || firm.getMarketShare() < minimumShare || learntItIsWeak) {
      if (model.incomes() != null) {
        model.incomes().cancel(model.books(), firm);
      }
      if (model.incomesDemand() && (!model.creditMarket() || firm.loanCount() == 0)) {
        // With demand from incomes a leaver's capital is sold too when it owes nothing (with loans,
        // settleExit sells it and pays the creditors first): at the recovery rate, to households.
        model.books().householdsToFirm(Matrices.Flow.LIQUIDATION, firm,
            model.scenario().credit().recoveryRate() * firm.getCapital());
        firm.setCapital(0);
      }
      if (model.creditMarket()) {
        CreditMarket.settleExit(model, firm);
      }
      if (model.talentMarket()) {
        TalentMarket.release(model, firm);
      }
      model.books().firmToHouseholds(Matrices.Flow.LIQUIDATION, firm, firm.getCash());
      if (model.lines() != null) {
        model.lines().leaving(firm);
      }
      firm.exit(model.currentStep());
      model.counters().exited(firm);
      return true;
    }
    return false;
  }

  /**
   * What a would-be founder can pay in, as a share of its start-up's cost: lognormal with mean
   * {@code startupEquityShare} and log-sd {@code founderEquitySd}, at most 1 (founders differ in
   * wealth; Evans and Jovanovic 1989).
   */
  static double founderEquityShare(EcosystemModel model, CreditConfig cc) {
    double sd = cc.founderEquitySd();
    return Math.min(1, cc.startupEquityShare() * model.lognormalFactor(sd));
  }

  /**
   * Entry; {@code sums} are the shares' sums since the last change to any share (null: taken anew).
   * Under {@code STARTUP_CREDIT} with {@code startupMinimumFunding} m > 0 the base rate counts
   * would-be founders, and one founds its firm only if what it can pay in and expects to borrow on
   * the public terms of credit ({@link CreditMarket#startupFundingPerEquity}) reach m of the firm's
   * cost; the others are deterred (liquidity constraints on entry: Evans and Jovanovic 1989; credit
   * supply and entry: Black and Strahan 2002, Kerr and Nanda 2009).
   */
  static void entries(EcosystemModel model, FirmPopulation.ShareSums sums) {
    Scenario scenario = model.scenario();
    DemographyConfig dc = scenario.demography();
    // Market unification lowers entry frictions: the base rate scales by 0.5 + 0.5 × unification.
    double unification = 0.5 + 0.5 * model.policy().marketUnification();
    int entrants = model.poisson(dc.entryRate() * unification * scenario.firms().count());
    double[] weights = scenario.firms().privateSectors().asArray();
    if (entrants == 0) {
      return;
    }
    FirmPopulation population = model.population();
    population.beginFounding(sums);
    try {
      CreditConfig cc = scenario.credit();
      boolean financeMargin = model.startupCredit() && model.incomes() != null && cc.startupMinimumFunding() > 0;
      double fundingPerEquity = financeMargin ? CreditMarket.startupFundingPerEquity(model) : 0;
      for (int i = 0; i < entrants; i++) {
        double equityShare = cc.startupEquityShare();
        if (financeMargin) {
          equityShare = founderEquityShare(model, cc);
          if (equityShare * fundingPerEquity < cc.startupMinimumFunding()) {
            model.counters().entrantsDeterred++;
            continue;
          }
        }
        Sector sector = Sector.of(model.drawIndex(weights));
        var location = model.randomFirmLocation(dc.nearCampusEntryShare());
        double technology = population.meanTechnology(sector) * dc.entrantProductivityRatio()
            * StrictMath.exp(dc.entrantProductivityLogSd() * model.random.nextGaussian());
        population.foundStartup(sector, location, technology, -1, equityShare);
        model.counters().startups++;
      }
    } finally {
      population.endFounding();
    }
  }
}
