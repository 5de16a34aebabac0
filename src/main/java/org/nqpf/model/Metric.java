package org.nqpf.model;

/**
 * The per-step observables of MODEL.md §5 that the model records, one column each in the time
 * series. The order of the constants is the order of the columns.
 */
public enum Metric {
  STEP("step", "step", true, Domain.NON_NEGATIVE, "Step index (one step is one quarter), starting at 0."),
  BURN_IN("burnIn", "0/1", true, Domain.SHARE, "1 while the step belongs to the burn-in, 0 after."),
  FIRMS("firms", "firms", true, Domain.NON_NEGATIVE, "Firms alive at the end of the step."),
  FIRMS_PRIVATE("firmsPrivate", "firms", true, Domain.NON_NEGATIVE, "Private firms alive at the end of the step."),
  FIRMS_SOE("firmsSoe", "firms", true, Domain.NON_NEGATIVE, "State-owned firms alive at the end of the step."),
  ENTRIES("entries", "firms", true, Domain.NON_NEGATIVE, "Firms born this step: start-ups, spin-offs and SOEs the state founds (mechanisms.market LINES)."),
  EXITS("exits", "firms", true, Domain.NON_NEGATIVE, "Firms that left this step (insolvent or negligible market share)."),
  STARTUPS("startups", "firms", true, Domain.NON_NEGATIVE, "New private firms from the base entry rate."),
  SPIN_OFFS("spinOffs", "firms", true, Domain.NON_NEGATIVE, "New private firms founded on a university invention (downstairs)."),
  INNOVATIONS("innovations", "count", true, Domain.NON_NEGATIVE, "Innovations adopted this step: incremental + radical + converted + imitated."),
  INNOVATIONS_INCREMENTAL("innovationsIncremental", "count", true, Domain.NON_NEGATIVE, "Own-R&D innovations that raised productivity (Beta draw)."),
  INNOVATIONS_RADICAL("innovationsRadical", "count", true, Domain.NON_NEGATIVE, "Own-R&D radical innovations adopted."),
  INNOVATIONS_CONVERTED("innovationsConverted", "count", true, Domain.NON_NEGATIVE, "University inventions converted by a partner firm in pilot conversion."),
  INNOVATIONS_IMITATED("innovationsImitated", "count", true, Domain.NON_NEGATIVE, "Successful imitations adopted."),
  INNOVATIONS_PRIVATE("innovationsPrivate", "count", true, Domain.NON_NEGATIVE, "Innovations adopted by private firms."),
  INNOVATIONS_SOE("innovationsSoe", "count", true, Domain.NON_NEGATIVE, "Innovations adopted by SOEs."),
  INNOVATIONS_TRADITIONAL("innovationsTraditional", "count", true, Domain.NON_NEGATIVE, "Innovations in the traditional sector."),
  INNOVATIONS_STRATEGIC("innovationsStrategicEmerging", "count", true, Domain.NON_NEGATIVE, "Innovations in strategic emerging industries."),
  INNOVATIONS_FUTURE("innovationsFuture", "count", true, Domain.NON_NEGATIVE, "Innovations in future industries."),
  INVENTIONS_CREATED("inventionsCreated", "count", true, Domain.NON_NEGATIVE, "Inventions made upstairs at universities this step."),
  INVENTIONS_DECAYED("inventionsDecayed", "count", true, Domain.NON_NEGATIVE, "Inventions dropped unconverted this step (too old or worthless)."),
  INVENTION_QUEUE("inventionQueue", "count", true, Domain.NON_NEGATIVE, "Inventions waiting for conversion at the end of the step."),
  OUTPUT("output", "money/quarter", false, Domain.NON_NEGATIVE, "Nominal sales of the firms alive at the end of the step (gdp adds those that left after producing)."),
  OUTPUT_PRIVATE("outputPrivate", "money/quarter", false, Domain.NON_NEGATIVE, "Nominal sales of private firms."),
  REAL_OUTPUT("realOutput", "units/quarter", false, Domain.NON_NEGATIVE, "Output in physical units, summed over firms."),
  PRODUCTIVITY("productivity", "units/worker", false, Domain.NON_NEGATIVE, "Real output per production worker."),
  EMPLOYMENT("employment", "workers", false, Domain.NON_NEGATIVE, "Workers employed: production workers plus researchers."),
  EMPLOYMENT_PRIVATE("employmentPrivate", "workers", false, Domain.NON_NEGATIVE, "Workers employed by private firms."),
  RD_SPENDING("rdSpending", "money/quarter", false, Domain.NON_NEGATIVE, "R&D spent by all firms."),
  TAX("tax", "money/quarter", false, Domain.NON_NEGATIVE, "Profit tax paid by all firms."),
  TAX_PRIVATE("taxPrivate", "money/quarter", false, Domain.NON_NEGATIVE, "Profit tax paid by private firms."),
  SUBSIDIES("subsidies", "money/quarter", false, Domain.NON_NEGATIVE, "R&D subsidies paid by the government."),
  PRIVATE_SHARE_FIRMS("privateShareFirms", "share", false, Domain.SHARE, "Private firms / all firms."),
  PRIVATE_SHARE_OUTPUT("privateShareOutput", "share", false, Domain.SHARE, "Private sales / all sales."),
  PRIVATE_SHARE_EMPLOYMENT("privateShareEmployment", "share", false, Domain.SHARE, "Private employment / all employment."),
  PRIVATE_SHARE_INNOVATION("privateShareInnovation", "share", false, Domain.SHARE, "Private innovations / all innovations this step (0 when none)."),
  PRIVATE_SHARE_TAX("privateShareTax", "share", false, Domain.SHARE, "Private tax / all tax this step (0 when none)."),
  HHI_TRADITIONAL("hhiTraditional", "index", false, Domain.SHARE, "Herfindahl index of market shares in the traditional sector."),
  HHI_STRATEGIC("hhiStrategicEmerging", "index", false, Domain.SHARE, "Herfindahl index in strategic emerging industries."),
  HHI_FUTURE("hhiFuture", "index", false, Domain.SHARE, "Herfindahl index in future industries."),
  MEAN_PRODUCTIVITY_PRIVATE("meanProductivityPrivate", "units/worker", false, Domain.NON_NEGATIVE, "Sales-weighted mean labour productivity of private firms."),
  MEAN_PRODUCTIVITY_SOE("meanProductivitySoe", "units/worker", false, Domain.NON_NEGATIVE, "Sales-weighted mean labour productivity of SOEs."),
  ALLIANCES("alliances", "edges", true, Domain.NON_NEGATIVE, "University–firm and firm–firm collaboration edges in the network."),
  LOANS_APPLIED("loansApplied", "count", true, Domain.NON_NEGATIVE, "Loan applications (firms whose planned R&D and investment plus a liquidity buffer exceed their cash)."),
  LOANS_GRANTED("loansGranted", "count", true, Domain.NON_NEGATIVE, "Bank loans and special loans granted (in full or in part)."),
  LOANS_GUARANTEED("loansGuaranteed", "count", true, Domain.NON_NEGATIVE, "Bank loans granted with a guarantee fund's cover."),
  SPECIAL_LOANS("specialLoans", "count", true, Domain.NON_NEGATIVE, "Special innovation loans granted by the government."),
  CREDIT_GRANTED("creditGranted", "money/quarter", false, Domain.NON_NEGATIVE, "New credit granted this step (bank and special loans)."),
  SME_APPLICANTS("smeApplicants", "count", true, Domain.NON_NEGATIVE, "SMEs that applied for a loan."),
  SME_CREDIT_GRANTED("smeCreditGranted", "money/quarter", false, Domain.NON_NEGATIVE, "New credit granted to SMEs this step."),
  SOE_CREDIT_SHARE("soeCreditShare", "share", false, Domain.SHARE, "SOEs' share of new credit this step (0 when none)."),
  SME_RATIONED_SHARE("smeRationedShare", "share", false, Domain.SHARE, "Share of SME applicants that got less than they applied for (0 when none applied)."),
  DEBT("debt", "money", false, Domain.NON_NEGATIVE, "Loans outstanding, all firms."),
  DEFAULTS("defaults", "count", true, Domain.NON_NEGATIVE, "Exiting firms that left loans unpaid."),
  BANK_LOSSES("bankLosses", "money/quarter", false, Domain.NON_NEGATIVE, "Loan losses booked by banks this step, before guarantee payments."),
  FUND_CAPITAL("fundCapital", "money", false, Domain.NON_NEGATIVE, "Guarantee funds' capital."),
  FUND_EXPOSURE("fundExposure", "money", false, Domain.NON_NEGATIVE, "Guaranteed principal outstanding."),
  FUND_LOSS_RATIO("fundLossRatio", "share", false, Domain.SHARE, "Losses paid by the funds over guarantees given, since the start."),
  FUND_TOP_UPS("fundTopUps", "money/quarter", false, Domain.NON_NEGATIVE, "Government replenishment of guarantee funds this step."),
  POOL_RESERVE("poolReserve", "people", true, Domain.NON_NEGATIVE, "Graduates (reserve talent) in the national pool."),
  POOL_CORE("poolCore", "people", true, Domain.NON_NEGATIVE, "Core researchers in the national pool."),
  POOL_SKILLED("poolSkilled", "people", true, Domain.NON_NEGATIVE, "Skilled technicians in the national pool."),
  POOL_LEADING("poolLeading", "people", true, Domain.NON_NEGATIVE, "Leading scientists in the national pool."),
  FIRM_CORE("firmCore", "people", true, Domain.NON_NEGATIVE, "Core researchers employed by firms."),
  FIRM_SKILLED("firmSkilled", "people", true, Domain.NON_NEGATIVE, "Technicians employed by firms."),
  FIRM_LEADING("firmLeading", "people", true, Domain.NON_NEGATIVE, "Leading scientists employed by firms."),
  UNIVERSITY_CORE("universityCore", "people", true, Domain.NON_NEGATIVE, "Core researchers at universities (upstairs)."),
  UNIVERSITY_SKILLED("universitySkilled", "people", true, Domain.NON_NEGATIVE, "Engineers at universities (downstairs)."),
  UNIVERSITY_LEADING("universityLeading", "people", true, Domain.NON_NEGATIVE, "Leading scientists at universities."),
  RESEARCHERS_TRADITIONAL("researchersTraditional", "people", true, Domain.NON_NEGATIVE, "Core researchers and leading scientists at firms of the traditional sector."),
  RESEARCHERS_STRATEGIC("researchersStrategicEmerging", "people", true, Domain.NON_NEGATIVE, "The same in strategic emerging industries."),
  RESEARCHERS_FUTURE("researchersFuture", "people", true, Domain.NON_NEGATIVE, "The same in future industries."),
  GRADUATES("graduates", "people", true, Domain.NON_NEGATIVE, "Graduates trained by universities this step."),
  HIRES("hires", "people", true, Domain.NON_NEGATIVE, "Hires from the pool and job-to-job moves this step."),
  MOVES("moves", "people", true, Domain.NON_NEGATIVE, "Job-to-job moves between organisations this step."),
  SEPARATIONS("separations", "people", true, Domain.NON_NEGATIVE, "People who left a firm or university for the pool this step."),
  TALENT_IMPORTS("talentImports", "people", true, Domain.NON_NEGATIVE, "Leading scientists and their teams imported this step."),
  TALENT_ATTRITION("talentAttrition", "people", true, Domain.NON_NEGATIVE, "People who left the talent system this step: the national pool's attrition (retirement, emigration, other occupations) and the employed who retired."),
  DUAL_APPOINTMENTS("dualAppointments", "people", true, Domain.NON_NEGATIVE, "University researchers holding a dual appointment at a partner firm."),
  AI_ADOPTIONS("aiAdoptions", "firms", true, Domain.NON_NEGATIVE, "Firms that adopted AI this step."),
  AI_ADOPTION_SHARE("aiAdoptionShare", "share", false, Domain.SHARE, "Share of firms that have adopted AI."),
  AI_MEAN_LEVEL("aiMeanLevel", "level", false, Domain.SHARE, "Mean AI adoption level over all firms."),
  SOE_BAILOUTS("soeBailouts", "money/quarter", false, Domain.NON_NEGATIVE, "Government payments covering SOEs' negative cash this step (soft budget)."),
  INCUBATION_GRANTS("incubationGrants", "money/quarter", false, Domain.NON_NEGATIVE, "Incubation grants to young future-industry start-ups this step."),
  SPECIAL_REPAYMENTS("specialRepayments", "money/quarter", false, Domain.NON_NEGATIVE, "Principal and interest of special loans repaid to the government this step."),
  SPECIAL_LENDING("specialLending", "money/quarter", false, Domain.NON_NEGATIVE, "Special innovation loans paid out by the government this step."),
  HOUSEHOLD_BALANCE("householdBalance", "money", false, Domain.ANY, "Households' account (the demand side and the owners of firms)."),
  GOVERNMENT_BALANCE("governmentBalance", "money", false, Domain.ANY, "The government's account: tax and special-loan repayments in; subsidies, special loans, fund capital and top-ups, incubation grants and SOE bail-outs out."),
  FIRM_CASH("firmCash", "money", false, Domain.ANY, "Cash held by all firms."),
  BANK_CASH("bankCash", "money", false, Domain.ANY, "Cash held by banks."),
  WAGE_INDEX("wageIndex", "index", false, Domain.NON_NEGATIVE, "Nominal wages relative to step 0 (total nominal demand over its initial level)."),
  CAPTURES_PRIVATE("capturesPrivate", "lines", true, Domain.NON_NEGATIVE, "Product lines private innovators took from other firms this step (mechanisms.market LINES; 0 otherwise)."),
  CAPTURES_SOE("capturesSoe", "lines", true, Domain.NON_NEGATIVE, "Product lines SOE innovators took from other firms this step (LINES; 0 otherwise)."),
  PRIVATISATIONS("privatisations", "firms", true, Domain.NON_NEGATIVE, "SOEs privatised this step (抓大放小, LINES; 0 otherwise)."),
  SOE_FOUNDINGS("soeFoundings", "firms", true, Domain.NON_NEGATIVE, "SOEs founded by the state this step (LINES; 0 otherwise)."),
  CONSUMPTION("consumption", "money/quarter", false, Domain.NON_NEGATIVE, "Households' spending on goods this step, before refunds of what found no goods (mechanisms.demand INCOMES; 0 otherwise)."),
  GOVERNMENT_PURCHASES("governmentPurchases", "money/quarter", false, Domain.NON_NEGATIVE, "The government's spending on goods this step, before refunds (INCOMES; 0 otherwise)."),
  INVESTMENT("investment", "money/quarter", false, Domain.NON_NEGATIVE, "Firms' spending on capital goods this step, before refunds (INCOMES; 0 otherwise)."),
  UNSERVED_DEMAND("unservedDemand", "share", false, Domain.SHARE, "Demand that found no goods after spill-over, over all demand this step (INCOMES; 0 otherwise)."),
  INCOME_TAX("incomeTax", "money/quarter", false, Domain.NON_NEGATIVE, "Income tax households paid this step (INCOMES; 0 otherwise; not in the tax column, which is firms' profit tax)."),
  GDP("gdp", "money/quarter", false, Domain.NON_NEGATIVE, "GDP by production: value added of the firms that produced this step, those that left after producing included; with no intermediate inputs, their sales."),
  GDP_EXPENDITURE("gdpExpenditure", "money/quarter", false, Domain.NON_NEGATIVE, "GDP by expenditure: consumption, government purchases and investment that found goods this step, equal to gdp (INCOMES; 0 otherwise, where exogenous demand is all households' consumption and gdp by construction)."),
  PRICE_INDEX("priceIndex", "index", false, Domain.NON_NEGATIVE, "Chained Fisher price index of the three sectors' unit values (sales over quantity), 1 at step 0."),
  REAL_GDP("realGdp", "money of step 0/quarter", false, Domain.NON_NEGATIVE, "Real GDP: gdp over priceIndex."),
  LABOUR_PRODUCTIVITY("labourProductivity", "money of step 0/worker", false, Domain.NON_NEGATIVE, "Real value added per employee (production workers and R&D staff) of the firms that produced this step: realGdp over their employment."),
  LABOUR_PRODUCTIVITY_PRIVATE("labourProductivityPrivate", "money of step 0/worker", false, Domain.NON_NEGATIVE, "The same for private firms (0 without any)."),
  LABOUR_PRODUCTIVITY_SOE("labourProductivitySoe", "money of step 0/worker", false, Domain.NON_NEGATIVE, "The same for SOEs (0 without any)."),
  PRODUCTIVITY_CHANGE("productivityChange", "money of step 0/worker", false, Domain.ANY, "Change of labourProductivity since the last step (0 at step 0), the sum of the five terms that follow (Foster, Haltiwanger and Krizan 2001; employment weights)."),
  PRODUCTIVITY_WITHIN("productivityWithin", "money of step 0/worker", false, Domain.ANY, "Within-firm term: continuing firms' change of productivity at last step's employment shares."),
  PRODUCTIVITY_BETWEEN("productivityBetween", "money of step 0/worker", false, Domain.ANY, "Between-firm (reallocation) term: continuing firms' change of employment share times their last productivity's gap to last step's aggregate."),
  PRODUCTIVITY_CROSS("productivityCross", "money of step 0/worker", false, Domain.ANY, "Cross term: continuing firms' change of employment share times their change of productivity."),
  PRODUCTIVITY_ENTRY("productivityEntry", "money of step 0/worker", false, Domain.ANY, "Entry term: entrants' employment shares times their productivity's gap to last step's aggregate."),
  PRODUCTIVITY_EXIT("productivityExit", "money of step 0/worker", false, Domain.ANY, "Exit term: minus the exiters' last employment shares times their productivity's gap to the aggregate then (positive when firms below it leave)."),
  PRIVATE_SME_CREDIT_GRANTED("privateSmeCreditGranted", "money/quarter", false, Domain.NON_NEGATIVE, "New credit granted to private SMEs this step."),
  RD_SPENDING_PRIVATE_SME("rdSpendingPrivateSme", "money/quarter", false, Domain.NON_NEGATIVE, "R&D spent by private SMEs."),
  TALENT_GRANTS("talentGrants", "money/quarter", false, Domain.NON_NEGATIVE, "The government's one-off grants to the leading scientists imported this step (talent.importGrant quarters of the researcher wage each)."),
  RESEARCHER_WAGE("researcherWage", "money/quarter", false, Domain.NON_NEGATIVE, "Pay of a core researcher this step: market.researcherWage × the wage index × the factor the talent market's excess demand sets (1 while talent.wageAdjustment is 0)."),
  ENTRANTS_DETERRED("entrantsDeterred", "firms", true, Domain.NON_NEGATIVE, "Would-be founders of private firms who did not start for want of finance (STARTUP_CREDIT with credit.startupMinimumFunding > 0; 0 otherwise)."),
  CONVERSIONS_UNFUNDED("conversionsUnfunded", "inventions", true, Domain.NON_NEGATIVE, "Conversions a partner would have made this step but could not pay the pilot for from its own funds and a bank loan (universities.pilotCost > 0; 0 otherwise)."),
  PILOT_SPENDING("pilotSpending", "money/quarter", false, Domain.NON_NEGATIVE, "What converting firms paid for pilot conversions (universities.pilotCost > 0; 0 otherwise), counted in their R&D spending.");

  /**
   * The values a metric can take, by its definition: a confidence interval of its mean is clipped
   * to it (the mean of replications cannot leave it, and a t interval of two runs easily does).
   */
  public enum Domain {
    /** Shares, indices and levels in [0, 1]. */
    SHARE(0.0, 1.0),
    /** Counts, people, money flows and stocks that cannot be negative. */
    NON_NEGATIVE(0.0, Double.POSITIVE_INFINITY),
    /** Account balances, which may be negative. */
    ANY(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final double lower;
    private final double upper;

    Domain(double lower, double upper) {
      this.lower = lower;
      this.upper = upper;
    }

    public double lower() {
      return lower;
    }

    public double upper() {
      return upper;
    }

    /** {@code value} moved into the domain (NaN stays NaN). */
    public double clip(double value) {
      return value < lower ? lower : value > upper ? upper : value;
    }

    /** Whether {@code value} lies in the domain. */
    public boolean contains(double value) {
      return value >= lower && value <= upper;
    }
  }

  private final String column;
  private final String unit;
  private final boolean integer;
  private final Domain domain;
  private final String description;

  Metric(String column, String unit, boolean integer, Domain domain, String description) {
    this.column = column;
    this.unit = unit;
    this.integer = integer;
    this.domain = domain;
    this.description = description;
  }

  /** The column name in the CSV and the key in the summary. */
  public String column() {
    return column;
  }

  public String unit() {
    return unit;
  }

  /** Whether the value is a whole-number count. */
  public boolean integer() {
    return integer;
  }

  /** The values the metric can take. */
  public Domain domain() {
    return domain;
  }

  public String description() {
    return description;
  }
}
