package org.nqpf.model;

import java.util.List;
import org.nqpf.model.Relation.Type;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.network.Edge;
import sim.util.Bag;

/**
 * The last phase of a step (MODEL.md §3 step 10): records one row of every {@link Metric} into
 * the model's time series, then resets the step's counters and flows.
 */
final class Observer implements Steppable {
  private static final long serialVersionUID = 1L;
  private static final int SECTORS = Sector.values().length;
  private static final TalentTier[] TIERS = TalentTier.values();

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    model.series().add(observe(model));
    model.recordMatrices();
    model.counters().reset();
    model.books().resetStep();
    model.advanceStep();
    model.snapshotMoney();
  }

  static double[] observe(EcosystemModel model) {
    double[] row = new double[Metric.values().length];
    StepCounters c = model.counters();
    Books books = model.books();
    long step = model.currentStep();
    // One pass over the firms for every metric that sums over them (credit, talent, AI and the
    // national accounts' sector sums too).
    NationalAccounts accounts = model.nationalAccounts();
    accounts.beginStep();
    FirmSums t = FirmSums.of(model.firms(), accounts, step);
    int firms = model.firms().size();
    int innovations = c.innovations();
    int queue = 0;
    int alliances = 0;
    for (University u : model.universities()) {
      queue += u.getQueueLength();
      Bag edges = model.network().getEdges(u, null);
      for (int i = 0; i < edges.numObjs; i++) {
        if (((Edge) edges.objs[i]).info instanceof Relation r && r.type() == Type.ALLIANCE) {
          alliances++;
        }
      }
    }
    set(row, Metric.STEP, step);
    set(row, Metric.BURN_IN, model.isBurnIn(step) ? 1 : 0);
    set(row, Metric.FIRMS, firms);
    set(row, Metric.FIRMS_PRIVATE, t.firmsPrivate);
    set(row, Metric.FIRMS_SOE, firms - t.firmsPrivate);
    set(row, Metric.ENTRIES, c.startups() + c.spinOffs() + c.soeFoundings());
    set(row, Metric.EXITS, c.exits());
    set(row, Metric.STARTUPS, c.startups());
    set(row, Metric.SPIN_OFFS, c.spinOffs());
    set(row, Metric.INNOVATIONS, innovations);
    set(row, Metric.INNOVATIONS_INCREMENTAL, c.innovations(InnovationType.INCREMENTAL));
    set(row, Metric.INNOVATIONS_RADICAL, c.innovations(InnovationType.RADICAL));
    set(row, Metric.INNOVATIONS_CONVERTED, c.innovations(InnovationType.CONVERTED));
    set(row, Metric.INNOVATIONS_IMITATED, c.innovations(InnovationType.IMITATED));
    set(row, Metric.INNOVATIONS_PRIVATE, c.innovations(Ownership.PRIVATE));
    set(row, Metric.INNOVATIONS_SOE, c.innovations(Ownership.SOE));
    set(row, Metric.INNOVATIONS_TRADITIONAL, c.innovations(Sector.TRADITIONAL));
    set(row, Metric.INNOVATIONS_STRATEGIC, c.innovations(Sector.STRATEGIC_EMERGING));
    set(row, Metric.INNOVATIONS_FUTURE, c.innovations(Sector.FUTURE));
    set(row, Metric.INVENTIONS_CREATED, c.inventionsCreated());
    set(row, Metric.INVENTIONS_DECAYED, c.inventionsDecayed());
    set(row, Metric.INVENTION_QUEUE, queue);
    set(row, Metric.OUTPUT, t.output);
    set(row, Metric.OUTPUT_PRIVATE, t.outputPrivate);
    set(row, Metric.REAL_OUTPUT, t.realOutput);
    set(row, Metric.PRODUCTIVITY, ratio(t.realOutput, t.workers));
    set(row, Metric.EMPLOYMENT, t.employment);
    set(row, Metric.EMPLOYMENT_PRIVATE, t.employmentPrivate);
    set(row, Metric.RD_SPENDING, t.rd);
    set(row, Metric.RD_SPENDING_PRIVATE_SME, t.rdPrivateSme);
    set(row, Metric.TALENT_GRANTS, books.stepTalentGrants());
    set(row, Metric.RESEARCHER_WAGE, model.researcherWage());
    set(row, Metric.ENTRANTS_DETERRED, c.entrantsDeterred());
    set(row, Metric.CONVERSIONS_UNFUNDED, c.conversionsUnfunded());
    set(row, Metric.PILOT_SPENDING, c.pilotSpending());
    set(row, Metric.TAX, books.stepTax());
    set(row, Metric.TAX_PRIVATE, books.stepTaxPrivate());
    set(row, Metric.SUBSIDIES, books.stepSubsidies());
    set(row, Metric.PRIVATE_SHARE_FIRMS, ratio(t.firmsPrivate, firms));
    set(row, Metric.PRIVATE_SHARE_OUTPUT, ratio(t.outputPrivate, t.output));
    set(row, Metric.PRIVATE_SHARE_EMPLOYMENT, ratio(t.employmentPrivate, t.employment));
    set(row, Metric.PRIVATE_SHARE_INNOVATION, ratio(c.innovations(Ownership.PRIVATE), innovations));
    set(row, Metric.PRIVATE_SHARE_TAX, ratio(books.stepTaxPrivate(), books.stepTax()));
    set(row, Metric.HHI_TRADITIONAL, ratio(t.sectorSquares[0], t.sectorSales[0] * t.sectorSales[0]));
    set(row, Metric.HHI_STRATEGIC, ratio(t.sectorSquares[1], t.sectorSales[1] * t.sectorSales[1]));
    set(row, Metric.HHI_FUTURE, ratio(t.sectorSquares[2], t.sectorSales[2] * t.sectorSales[2]));
    set(row, Metric.MEAN_PRODUCTIVITY_PRIVATE, ratio(t.productivityWeighted[0], t.salesByOwnership[0]));
    set(row, Metric.MEAN_PRODUCTIVITY_SOE, ratio(t.productivityWeighted[1], t.salesByOwnership[1]));
    set(row, Metric.ALLIANCES, alliances);
    observeCredit(model, row, t.debt);
    observeTalent(model, row, t.firmTier, t.researchersBySector);
    observeAi(model, row, t.adopters, t.levels);
    set(row, Metric.SOE_BAILOUTS, books.stepBailouts());
    set(row, Metric.INCUBATION_GRANTS, books.stepIncubation());
    set(row, Metric.SPECIAL_LENDING, books.stepSpecialLending());
    set(row, Metric.SPECIAL_REPAYMENTS, books.stepSpecialRepayments());
    set(row, Metric.HOUSEHOLD_BALANCE, books.households());
    set(row, Metric.GOVERNMENT_BALANCE, books.government());
    set(row, Metric.FIRM_CASH, t.cash);
    double bankCash = 0;
    for (Bank bank : model.banks()) {
      bankCash += bank.getCash();
    }
    set(row, Metric.BANK_CASH, bankCash);
    set(row, Metric.WAGE_INDEX, model.wageIndex());
    for (Metric metric : Metric.values()) {
      double value = row[metric.ordinal()];
      if (!Double.isFinite(value)) {
        throw new ModelDivergedException(step, metric.column(), value);
      }
    }
    return row;
  }

  private static void observeCredit(EcosystemModel model, double[] row, double debt) {
    StepCounters c = model.counters();
    double losses = 0;
    for (Bank bank : model.banks()) {
      losses += bank.stepLosses();
    }
    double capital = 0;
    double exposure = 0;
    double guaranteed = 0;
    double paid = 0;
    double topUps = 0;
    for (GuaranteeFund fund : model.funds()) {
      capital += fund.getCapital();
      exposure += fund.getExposure();
      guaranteed += fund.getCumulativeGuaranteed();
      paid += fund.getCumulativeLossesPaid();
      topUps += fund.stepTopUp();
    }
    set(row, Metric.LOANS_APPLIED, c.loansApplied());
    set(row, Metric.LOANS_GRANTED, c.loansGranted());
    set(row, Metric.LOANS_GUARANTEED, c.loansGuaranteed());
    set(row, Metric.SPECIAL_LOANS, c.specialLoans());
    set(row, Metric.CREDIT_GRANTED, c.creditGranted());
    set(row, Metric.SME_APPLICANTS, c.smeApplicants());
    set(row, Metric.SME_CREDIT_GRANTED, c.creditGrantedSme());
    set(row, Metric.PRIVATE_SME_CREDIT_GRANTED, c.creditGrantedPrivateSme());
    set(row, Metric.SOE_CREDIT_SHARE, ratio(c.creditGrantedSoe(), c.creditGranted()));
    set(row, Metric.SME_RATIONED_SHARE, ratio(c.smeRationed(), c.smeApplicants()));
    set(row, Metric.DEBT, debt);
    set(row, Metric.DEFAULTS, c.defaults());
    set(row, Metric.BANK_LOSSES, losses);
    set(row, Metric.FUND_CAPITAL, capital);
    set(row, Metric.FUND_EXPOSURE, exposure);
    set(row, Metric.FUND_LOSS_RATIO, ratio(paid, guaranteed));
    set(row, Metric.FUND_TOP_UPS, topUps);
  }

  private static void observeTalent(EcosystemModel model, double[] row, int[] firmTier, int[] researchersBySector) {
    StepCounters c = model.counters();
    TalentPool pool = model.talentPool();
    int[] universityTier = new int[TalentTier.values().length];
    int dual = 0;
    for (University u : model.universities()) {
      for (TalentTier tier : TalentTier.values()) {
        universityTier[tier.ordinal()] += u.getHeadcount(tier);
      }
      if (model.talentMarket()) {
        dual += TalentMarket.dualAppointees(model, u);
      }
    }
    set(row, Metric.POOL_RESERVE, pool.get(TalentTier.RESERVE));
    set(row, Metric.POOL_CORE, pool.get(TalentTier.CORE));
    set(row, Metric.POOL_SKILLED, pool.get(TalentTier.SKILLED));
    set(row, Metric.POOL_LEADING, pool.get(TalentTier.LEADING));
    set(row, Metric.FIRM_CORE, firmTier[TalentTier.CORE.ordinal()]);
    set(row, Metric.FIRM_SKILLED, firmTier[TalentTier.SKILLED.ordinal()]);
    set(row, Metric.FIRM_LEADING, firmTier[TalentTier.LEADING.ordinal()]);
    set(row, Metric.UNIVERSITY_CORE, universityTier[TalentTier.CORE.ordinal()]);
    set(row, Metric.UNIVERSITY_SKILLED, universityTier[TalentTier.SKILLED.ordinal()]);
    set(row, Metric.UNIVERSITY_LEADING, universityTier[TalentTier.LEADING.ordinal()]);
    set(row, Metric.RESEARCHERS_TRADITIONAL, researchersBySector[0]);
    set(row, Metric.RESEARCHERS_STRATEGIC, researchersBySector[1]);
    set(row, Metric.RESEARCHERS_FUTURE, researchersBySector[2]);
    set(row, Metric.GRADUATES, c.graduates());
    set(row, Metric.HIRES, c.hires());
    set(row, Metric.MOVES, c.moves());
    set(row, Metric.SEPARATIONS, c.separations());
    set(row, Metric.TALENT_IMPORTS, c.imports());
    set(row, Metric.TALENT_ATTRITION, c.attrition());
    set(row, Metric.DUAL_APPOINTMENTS, dual);
  }

  private static void observeAi(EcosystemModel model, double[] row, int adopters, double levels) {
    int n = model.firms().size();
    set(row, Metric.AI_ADOPTIONS, model.counters().aiAdoptions());
    set(row, Metric.CAPTURES_PRIVATE, model.counters().captures(Ownership.PRIVATE));
    set(row, Metric.CAPTURES_SOE, model.counters().captures(Ownership.SOE));
    set(row, Metric.PRIVATISATIONS, model.counters().privatisations());
    set(row, Metric.SOE_FOUNDINGS, model.counters().soeFoundings());
    double[] demand = model.demandComponents();
    set(row, Metric.CONSUMPTION, demand[0]);
    set(row, Metric.GOVERNMENT_PURCHASES, demand[1]);
    set(row, Metric.INVESTMENT, demand[2]);
    set(row, Metric.UNSERVED_DEMAND, model.unservedDemandShare());
    set(row, Metric.INCOME_TAX, model.books().stepIncomeTax());
    observeNationalAccounts(model, row);
    set(row, Metric.AI_ADOPTION_SHARE, ratio(adopters, n));
    set(row, Metric.AI_MEAN_LEVEL, ratio(levels, n));
  }

  private static void observeNationalAccounts(EcosystemModel model, double[] row) {
    NationalAccounts accounts = model.nationalAccounts();
    // The living firms were added in the observer's pass (FirmSums).
    accounts.finishStep(model.firms(), model.counters().exitedFirms(), model.currentStep());
    ProductivityDecomposition d = accounts.decomposition();
    set(row, Metric.GDP, accounts.gdp());
    set(row, Metric.GDP_EXPENDITURE, model.expenditureGdp());
    set(row, Metric.PRICE_INDEX, accounts.priceIndex());
    set(row, Metric.REAL_GDP, accounts.realGdp());
    set(row, Metric.LABOUR_PRODUCTIVITY, accounts.productivity());
    set(row, Metric.LABOUR_PRODUCTIVITY_PRIVATE, accounts.productivityPrivate());
    set(row, Metric.LABOUR_PRODUCTIVITY_SOE, accounts.productivitySoe());
    set(row, Metric.PRODUCTIVITY_CHANGE, d.total());
    set(row, Metric.PRODUCTIVITY_WITHIN, d.within());
    set(row, Metric.PRODUCTIVITY_BETWEEN, d.between());
    set(row, Metric.PRODUCTIVITY_CROSS, d.cross());
    set(row, Metric.PRODUCTIVITY_ENTRY, d.entry());
    set(row, Metric.PRODUCTIVITY_EXIT, d.exit());
  }

  private static void set(double[] row, Metric metric, double value) {
    row[metric.ordinal()] = value;
  }

  private static double ratio(double numerator, double denominator) {
    return denominator > 0 ? numerator / denominator : 0;
  }

  /** The sums over the firms that the metrics need, taken in the order of the firms. */
  private static final class FirmSums {
    int firmsPrivate;
    double output;
    double outputPrivate;
    double realOutput;
    double workers;
    double employment;
    double employmentPrivate;
    double rd;
    double rdPrivateSme;
    double cash;
    double debt;
    int adopters;
    double levels;
    final double[] productivityWeighted = new double[2];
    final double[] salesByOwnership = new double[2];
    final double[] sectorSales = new double[SECTORS];
    final double[] sectorSquares = new double[SECTORS];
    final int[] firmTier = new int[TIERS.length];
    final int[] researchersBySector = new int[SECTORS];

    /** The sums over {@code firms}; each firm is also given to the national accounts' step sums in the same visit. */
    static FirmSums of(List<Firm> firms, NationalAccounts accounts, long step) {
      FirmSums sums = new FirmSums();
      for (int i = 0, n = firms.size(); i < n; i++) {
        Firm f = firms.get(i);
        sums.add(f);
        accounts.addLiving(f, step);
      }
      return sums;
    }

    private void add(Firm f) {
      debt += f.getDebt();
      for (TalentTier tier : TIERS) {
        firmTier[tier.ordinal()] += f.getHeadcount(tier);
      }
      researchersBySector[f.getSector().ordinal()] += f.getCoreResearchers() + f.getLeadingScientists();
      if (f.isAiAdopter()) {
        adopters++;
      }
      levels += f.getAiLevel();
      double sales = f.getSales();
      output += sales;
      realOutput += f.getQuantity();
      workers += f.getWorkers();
      employment += f.getEmployment();
      rd += f.getRdSpending();
      cash += f.getCash();
      int o = f.getOwnership().ordinal();
      productivityWeighted[o] += sales * f.getProductivity();
      salesByOwnership[o] += sales;
      sectorSales[f.getSector().ordinal()] += sales;
      sectorSquares[f.getSector().ordinal()] += sales * sales;
      if (f.isPrivate()) {
        if (f.getSizeClass().isSme()) {
          rdPrivateSme += f.getRdSpending();
        }
        firmsPrivate++;
        outputPrivate += sales;
        employmentPrivate += f.getEmployment();
      }
    }
  }
}
