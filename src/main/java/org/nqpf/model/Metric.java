package org.nqpf.model;

/**
 * The per-step observables of MODEL.md §5 that the model records, one column each in the time
 * series. The order of the constants is the order of the columns.
 */
public enum Metric {
  STEP("step", "step", true, "Step index (one step is one quarter), starting at 0."),
  BURN_IN("burnIn", "0/1", true, "1 while the step belongs to the burn-in, 0 after."),
  FIRMS("firms", "firms", true, "Firms alive at the end of the step."),
  FIRMS_PRIVATE("firmsPrivate", "firms", true, "Private firms alive at the end of the step."),
  FIRMS_SOE("firmsSoe", "firms", true, "State-owned firms alive at the end of the step."),
  ENTRIES("entries", "firms", true, "Firms born this step: start-ups plus spin-offs."),
  EXITS("exits", "firms", true, "Firms that left this step (insolvent or negligible market share)."),
  STARTUPS("startups", "firms", true, "New private firms from the base entry rate."),
  SPIN_OFFS("spinOffs", "firms", true, "New private firms founded on a university invention (downstairs)."),
  INNOVATIONS("innovations", "count", true, "Innovations adopted this step: incremental + radical + converted + imitated."),
  INNOVATIONS_INCREMENTAL("innovationsIncremental", "count", true, "Own-R&D innovations that raised productivity (Beta draw)."),
  INNOVATIONS_RADICAL("innovationsRadical", "count", true, "Own-R&D radical innovations adopted."),
  INNOVATIONS_CONVERTED("innovationsConverted", "count", true, "University inventions converted by a partner firm in pilot conversion."),
  INNOVATIONS_IMITATED("innovationsImitated", "count", true, "Successful imitations adopted."),
  INNOVATIONS_PRIVATE("innovationsPrivate", "count", true, "Innovations adopted by private firms."),
  INNOVATIONS_SOE("innovationsSoe", "count", true, "Innovations adopted by SOEs."),
  INNOVATIONS_TRADITIONAL("innovationsTraditional", "count", true, "Innovations in the traditional sector."),
  INNOVATIONS_STRATEGIC("innovationsStrategicEmerging", "count", true, "Innovations in strategic emerging industries."),
  INNOVATIONS_FUTURE("innovationsFuture", "count", true, "Innovations in future industries."),
  INVENTIONS_CREATED("inventionsCreated", "count", true, "Inventions made upstairs at universities this step."),
  INVENTIONS_DECAYED("inventionsDecayed", "count", true, "Inventions dropped unconverted this step (too old or worthless)."),
  INVENTION_QUEUE("inventionQueue", "count", true, "Inventions waiting for conversion at the end of the step."),
  OUTPUT("output", "money/quarter", false, "Nominal sales of all firms (the GDP proxy)."),
  OUTPUT_PRIVATE("outputPrivate", "money/quarter", false, "Nominal sales of private firms."),
  REAL_OUTPUT("realOutput", "units/quarter", false, "Output in physical units, summed over firms."),
  PRODUCTIVITY("productivity", "units/worker", false, "Real output per production worker."),
  EMPLOYMENT("employment", "workers", false, "Workers employed: production workers plus researchers."),
  EMPLOYMENT_PRIVATE("employmentPrivate", "workers", false, "Workers employed by private firms."),
  RD_SPENDING("rdSpending", "money/quarter", false, "R&D spent by all firms."),
  TAX("tax", "money/quarter", false, "Profit tax paid by all firms."),
  TAX_PRIVATE("taxPrivate", "money/quarter", false, "Profit tax paid by private firms."),
  SUBSIDIES("subsidies", "money/quarter", false, "R&D subsidies paid by the government."),
  PRIVATE_SHARE_FIRMS("privateShareFirms", "share", false, "Private firms / all firms."),
  PRIVATE_SHARE_OUTPUT("privateShareOutput", "share", false, "Private sales / all sales."),
  PRIVATE_SHARE_EMPLOYMENT("privateShareEmployment", "share", false, "Private employment / all employment."),
  PRIVATE_SHARE_INNOVATION("privateShareInnovation", "share", false, "Private innovations / all innovations this step (0 when none)."),
  PRIVATE_SHARE_TAX("privateShareTax", "share", false, "Private tax / all tax this step (0 when none)."),
  HHI_TRADITIONAL("hhiTraditional", "index", false, "Herfindahl index of market shares in the traditional sector."),
  HHI_STRATEGIC("hhiStrategicEmerging", "index", false, "Herfindahl index in strategic emerging industries."),
  HHI_FUTURE("hhiFuture", "index", false, "Herfindahl index in future industries."),
  MEAN_PRODUCTIVITY_PRIVATE("meanProductivityPrivate", "units/worker", false, "Sales-weighted mean labour productivity of private firms."),
  MEAN_PRODUCTIVITY_SOE("meanProductivitySoe", "units/worker", false, "Sales-weighted mean labour productivity of SOEs."),
  ALLIANCES("alliances", "edges", true, "University–firm and firm–firm collaboration edges in the network."),
  LOANS_APPLIED("loansApplied", "count", true, "Loan applications (firms whose planned R&D and investment plus a liquidity buffer exceed their cash)."),
  LOANS_GRANTED("loansGranted", "count", true, "Bank loans and special loans granted (in full or in part)."),
  LOANS_GUARANTEED("loansGuaranteed", "count", true, "Bank loans granted with a guarantee fund's cover."),
  SPECIAL_LOANS("specialLoans", "count", true, "Special innovation loans granted by the government."),
  CREDIT_GRANTED("creditGranted", "money/quarter", false, "New credit granted this step (bank and special loans)."),
  SME_APPLICANTS("smeApplicants", "count", true, "SMEs that applied for a loan."),
  SME_CREDIT_GRANTED("smeCreditGranted", "money/quarter", false, "New credit granted to SMEs this step."),
  SOE_CREDIT_SHARE("soeCreditShare", "share", false, "SOEs' share of new credit this step (0 when none)."),
  SME_RATIONED_SHARE("smeRationedShare", "share", false, "Share of SME applicants that got less than they applied for (0 when none applied)."),
  DEBT("debt", "money", false, "Loans outstanding, all firms."),
  DEFAULTS("defaults", "count", true, "Exiting firms that left loans unpaid."),
  BANK_LOSSES("bankLosses", "money/quarter", false, "Loan losses booked by banks this step, before guarantee payments."),
  FUND_CAPITAL("fundCapital", "money", false, "Guarantee funds' capital."),
  FUND_EXPOSURE("fundExposure", "money", false, "Guaranteed principal outstanding."),
  FUND_LOSS_RATIO("fundLossRatio", "share", false, "Losses paid by the funds over guarantees given, since the start."),
  FUND_TOP_UPS("fundTopUps", "money/quarter", false, "Government replenishment of guarantee funds this step."),
  POOL_RESERVE("poolReserve", "people", true, "Graduates (reserve talent) in the national pool."),
  POOL_CORE("poolCore", "people", true, "Core researchers in the national pool."),
  POOL_SKILLED("poolSkilled", "people", true, "Skilled technicians in the national pool."),
  POOL_LEADING("poolLeading", "people", true, "Leading scientists in the national pool."),
  FIRM_CORE("firmCore", "people", true, "Core researchers employed by firms."),
  FIRM_SKILLED("firmSkilled", "people", true, "Technicians employed by firms."),
  FIRM_LEADING("firmLeading", "people", true, "Leading scientists employed by firms."),
  UNIVERSITY_CORE("universityCore", "people", true, "Core researchers at universities (upstairs)."),
  UNIVERSITY_SKILLED("universitySkilled", "people", true, "Engineers at universities (downstairs)."),
  UNIVERSITY_LEADING("universityLeading", "people", true, "Leading scientists at universities."),
  RESEARCHERS_TRADITIONAL("researchersTraditional", "people", true, "Core researchers and leading scientists at firms of the traditional sector."),
  RESEARCHERS_STRATEGIC("researchersStrategicEmerging", "people", true, "The same in strategic emerging industries."),
  RESEARCHERS_FUTURE("researchersFuture", "people", true, "The same in future industries."),
  GRADUATES("graduates", "people", true, "Graduates trained by universities this step."),
  HIRES("hires", "people", true, "Hires from the pool and job-to-job moves this step."),
  MOVES("moves", "people", true, "Job-to-job moves between organisations this step."),
  SEPARATIONS("separations", "people", true, "People who left a firm or university for the pool this step."),
  TALENT_IMPORTS("talentImports", "people", true, "Leading scientists and their teams imported this step."),
  TALENT_ATTRITION("talentAttrition", "people", true, "People who left the national pool this step (retirement, emigration, other occupations)."),
  DUAL_APPOINTMENTS("dualAppointments", "people", true, "University researchers holding a dual appointment at a partner firm."),
  AI_ADOPTIONS("aiAdoptions", "firms", true, "Firms that adopted AI this step."),
  AI_ADOPTION_SHARE("aiAdoptionShare", "share", false, "Share of firms that have adopted AI."),
  AI_MEAN_LEVEL("aiMeanLevel", "level", false, "Mean AI adoption level over all firms."),
  SOE_BAILOUTS("soeBailouts", "money/quarter", false, "Government payments covering SOEs' negative cash this step (soft budget)."),
  INCUBATION_GRANTS("incubationGrants", "money/quarter", false, "Incubation grants to young future-industry start-ups this step."),
  SPECIAL_REPAYMENTS("specialRepayments", "money/quarter", false, "Principal and interest of special loans repaid to the government this step."),
  SPECIAL_LENDING("specialLending", "money/quarter", false, "Special innovation loans paid out by the government this step."),
  HOUSEHOLD_BALANCE("householdBalance", "money", false, "Households' account (the demand side and the owners of firms)."),
  GOVERNMENT_BALANCE("governmentBalance", "money", false, "The government's account: tax and special-loan repayments in; subsidies, special loans, fund capital and top-ups, incubation grants and SOE bail-outs out."),
  FIRM_CASH("firmCash", "money", false, "Cash held by all firms."),
  BANK_CASH("bankCash", "money", false, "Cash held by banks."),
  WAGE_INDEX("wageIndex", "index", false, "Nominal wages relative to step 0 (total nominal demand over its initial level).");

  private final String column;
  private final String unit;
  private final boolean integer;
  private final String description;

  Metric(String column, String unit, boolean integer, String description) {
    this.column = column;
    this.unit = unit;
    this.integer = integer;
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

  public String description() {
    return description;
  }
}
