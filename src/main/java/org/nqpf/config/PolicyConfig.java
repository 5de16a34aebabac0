package org.nqpf.config;

import java.util.List;

/**
 * The government's levers and their timeline. Amounts of money are shares of the economy's initial
 * quarterly sales per step (so that they scale with the economy), paid at the current wage index.
 *
 * @param taxRate profit tax rate
 * @param rdSubsidyRate share of firms' R&D refunded by the government, in [0, 0.9]
 * @param iprProtection IPR protection strength; imitation success scales by 1 − this
 * @param marketUnification national market unification (全国统一大市场); the replicator speed
 *     scales by 0.5 + 0.5 × this and the entry rate by 0.5 + 0.5 × this
 * @param specialLoanQuota special innovation loans (自主创新专项贷款) the government lends per step
 * @param specialLoanDiscount interest-rate discount of special loans against the bank rate
 * @param fundReplenishment how the government tops up the guarantee funds' capital
 * @param fundTopUp per-step top-up of each fund under {@code FIXED}
 * @param fundTargetRatio capital / exposure ratio that {@code MARKET} top-ups restore
 * @param talentImportQuota leading scientists imported per step (each with a team)
 * @param incubationBudget grants per step to young future-industry start-ups
 * @param aiInfrastructure public AI infrastructure (算力) in [0, 1]
 * @param guaranteeCoverage share of a guaranteed SME loan the fund covers (融资担保)
 * @param fundLeverage a fund guarantees while its exposure stays within this × its capital
 * @param guaranteeFee fee paid once for a guarantee, share of the covered amount
 * @param timeline changes of single levers at given steps
 */
public record PolicyConfig(
    @Lever.Spec(min = 0, max = 1, slider = 0.6, group = "Fiscal", label = "tax rate", help = "profit tax rate")
    double taxRate,
    @Lever.Spec(min = 0, max = 0.9, slider = 0.9, group = "Fiscal", label = "R&D subsidy rate",
        help = "share of firms' R&D the government refunds")
    double rdSubsidyRate,
    @Lever.Spec(min = 0, max = 1, slider = 1, group = "Innovation", label = "IPR protection",
        help = "imitation success scales by 1 − this")
    double iprProtection,
    @Lever.Spec(min = 0, max = 1, slider = 1, group = "Innovation", label = "market unification",
        help = "national unified market: replicator speed and entry scale by 0.5 + 0.5 × this")
    double marketUnification,
    @Lever.Spec(min = 0, max = 10, slider = 0.02, group = "Credit", label = "special loan quota",
        help = "special innovation loans lent per step, share of initial sales")
    double specialLoanQuota,
    @Lever.Spec(min = 0, max = 1, slider = 0.02, group = "Credit", label = "special loan discount",
        help = "interest-rate discount of special loans against the bank rate")
    double specialLoanDiscount,
    Replenishment fundReplenishment,
    @Lever.Spec(min = 0, max = 10, slider = 0.005, group = "Credit", label = "guarantee fund top-up",
        help = "per-step top-up of each fund under FIXED replenishment, share of initial sales")
    double fundTopUp,
    @Lever.Spec(min = 0, max = 10, slider = 1, group = "Credit", label = "guarantee fund target ratio",
        help = "capital / exposure that MARKET replenishment restores")
    double fundTargetRatio,
    @Lever.Spec(min = 0, max = 1e6, slider = 20, group = "Talent", label = "talent import quota",
        help = "leading scientists imported per step, each with a team")
    double talentImportQuota,
    @Lever.Spec(min = 0, max = 10, slider = 0.005, group = "Innovation", label = "incubation budget",
        help = "grants per step to young future-industry start-ups, share of initial sales")
    double incubationBudget,
    @Lever.Spec(min = 0, max = 1, slider = 1, group = "AI", label = "AI infrastructure",
        help = "public AI infrastructure (computing power); raises the adoption hazard")
    double aiInfrastructure,
    @Lever.Spec(min = 0, max = 1, slider = 1, group = "Credit", label = "guarantee coverage",
        help = "share of a guaranteed SME loan that the fund covers (and pays on default)")
    double guaranteeCoverage,
    @Lever.Spec(min = 0, max = 1000, slider = 20, group = "Credit", label = "guarantee fund leverage",
        help = "a fund guarantees while its exposure stays within this × its capital")
    double fundLeverage,
    @Lever.Spec(min = 0, max = 1, slider = 0.05, group = "Credit", label = "guarantee fee",
        help = "fee paid once to the fund when a guarantee is given, share of the covered amount")
    double guaranteeFee,
    List<PolicyChange> timeline) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** How the government replenishes the guarantee funds (资本金市场化、常态化补充机制). */
  public enum Replenishment {
    /** Never. */
    NONE,
    /** A fixed top-up every step. */
    FIXED,
    /** Enough to restore the target capital / exposure ratio, when below it. */
    MARKET
  }

  public static final PolicyConfig DEFAULT = new PolicyConfig(
      0.25, 0.0, 0.3, 0.5, 0.002, 0.005, Replenishment.MARKET, 0.0005, 0.3, 2, 0.0005, 0.3, 0.6, 5, 0.01, List.of()).checkLevers();

  /**
   * Checks what does not concern a single lever (the replenishment rule, the timeline's order; each
   * entry's value is checked against its lever's range by {@link PolicyChange}). The levers' own
   * values are checked by {@link Scenario}'s constructor ({@link #checkLevers}), since a record's
   * constructor cannot read its components by their lever.
   */
  public PolicyConfig {
    Check.present("fundReplenishment", fundReplenishment);
    Check.present("timeline", timeline);
    for (int i = 0; i < timeline.size(); i++) {
      Check.present("timeline[" + i + "]", timeline.get(i));
    }
    timeline = List.copyOf(timeline);
    int previous = -1;
    for (int i = 0; i < timeline.size(); i++) {
      PolicyChange change = timeline.get(i);
      if (change.step() < previous) {
        throw new ConfigException("timeline[" + i + "].step", "value " + change.step()
            + " is earlier than the entry before it (" + previous + "); expected the timeline in step order");
      }
      previous = change.step();
    }
  }

  /**
   * Checks every lever's value against its range ({@link Lever.Spec}).
   *
   * @throws ConfigException naming the first lever out of range
   */
  public PolicyConfig checkLevers() {
    Lever.checkAll(this);
    return this;
  }

  /** This policy with one lever set to {@code value} and no timeline (checked like a config value). */
  public PolicyConfig with(Lever lever, double value) {
    return lever.set(this, value);
  }
}
