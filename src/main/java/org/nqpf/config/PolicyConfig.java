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
 * @param timeline changes of single levers at given steps
 */
public record PolicyConfig(
    double taxRate,
    double rdSubsidyRate,
    double iprProtection,
    double marketUnification,
    double specialLoanQuota,
    double specialLoanDiscount,
    Replenishment fundReplenishment,
    double fundTopUp,
    double fundTargetRatio,
    double talentImportQuota,
    double incubationBudget,
    double aiInfrastructure,
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
      0.25, 0.0, 0.3, 0.5, 0.002, 0.005, Replenishment.MARKET, 0.0005, 0.3, 2, 0.0005, 0.3, List.of());

  public PolicyConfig {
    Check.probability("taxRate", taxRate);
    Check.between("rdSubsidyRate", rdSubsidyRate, 0, 0.9);
    Check.probability("iprProtection", iprProtection);
    Check.probability("marketUnification", marketUnification);
    Check.between("specialLoanQuota", specialLoanQuota, 0, 10);
    Check.between("specialLoanDiscount", specialLoanDiscount, 0, 1);
    Check.present("fundReplenishment", fundReplenishment);
    Check.between("fundTopUp", fundTopUp, 0, 10);
    Check.between("fundTargetRatio", fundTargetRatio, 0, 10);
    Check.between("talentImportQuota", talentImportQuota, 0, 1e6);
    Check.between("incubationBudget", incubationBudget, 0, 10);
    Check.probability("aiInfrastructure", aiInfrastructure);
    Check.present("timeline", timeline);
    for (int i = 0; i < timeline.size(); i++) {
      Check.present("timeline[" + i + "]", timeline.get(i));
    }
    timeline = List.copyOf(timeline);
    // The fields of this record are not assigned yet: check the timeline on a copy without it.
    PolicyConfig current = timeline.isEmpty() ? null : new PolicyConfig(taxRate, rdSubsidyRate, iprProtection,
        marketUnification, specialLoanQuota, specialLoanDiscount, fundReplenishment, fundTopUp, fundTargetRatio,
        talentImportQuota, incubationBudget, aiInfrastructure, List.of());
    int previous = -1;
    for (int i = 0; i < timeline.size(); i++) {
      PolicyChange change = Check.present("timeline[" + i + "]", timeline.get(i));
      if (change.step() < previous) {
        throw new ConfigException("timeline[" + i + "].step", "value " + change.step()
            + " is earlier than the entry before it (" + previous + "); expected the timeline in step order");
      }
      previous = change.step();
      try {
        current = current.with(change.lever(), change.value());
      } catch (ConfigException e) {
        throw new ConfigException("timeline[" + i + "].value", "for lever " + change.lever() + ", "
            + e.getMessage().substring(e.keyPath().length() + 2));
      }
    }
  }

  /** This policy with one lever set to {@code value} (checked like a config value). */
  public PolicyConfig with(PolicyChange.Lever lever, double value) {
    return new PolicyConfig(
        lever == PolicyChange.Lever.taxRate ? value : taxRate,
        lever == PolicyChange.Lever.rdSubsidyRate ? value : rdSubsidyRate,
        lever == PolicyChange.Lever.iprProtection ? value : iprProtection,
        lever == PolicyChange.Lever.marketUnification ? value : marketUnification,
        lever == PolicyChange.Lever.specialLoanQuota ? value : specialLoanQuota,
        lever == PolicyChange.Lever.specialLoanDiscount ? value : specialLoanDiscount,
        fundReplenishment,
        lever == PolicyChange.Lever.fundTopUp ? value : fundTopUp,
        lever == PolicyChange.Lever.fundTargetRatio ? value : fundTargetRatio,
        lever == PolicyChange.Lever.talentImportQuota ? value : talentImportQuota,
        lever == PolicyChange.Lever.incubationBudget ? value : incubationBudget,
        lever == PolicyChange.Lever.aiInfrastructure ? value : aiInfrastructure,
        List.of());
  }
}
