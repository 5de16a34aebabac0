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
  HOUSEHOLD_BALANCE("householdBalance", "money", false, "Households' account (the demand side and the owners of firms)."),
  GOVERNMENT_BALANCE("governmentBalance", "money", false, "The government's account: tax in, subsidies out."),
  FIRM_CASH("firmCash", "money", false, "Cash held by all firms.");

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
