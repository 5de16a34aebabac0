package org.nqpf.config;

/**
 * One entry of the policy timeline: at the start of {@code step}, set {@code lever} to
 * {@code value}. The value is checked at load against the lever's own range.
 */
public record PolicyChange(int step, Lever lever, double value) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The levers a timeline may move. The constants are spelt as the keys of {@code policy} so that
   * a scenario file names a lever exactly as it names the key.
   */
  @SuppressWarnings("checkstyle:ConstantName")
  public enum Lever {
    taxRate,
    rdSubsidyRate,
    iprProtection,
    marketUnification,
    specialLoanQuota,
    specialLoanDiscount,
    fundTopUp,
    fundTargetRatio,
    talentImportQuota,
    incubationBudget,
    aiInfrastructure
  }

  public PolicyChange {
    Check.count("step", step, 0, 1_000_000);
    Check.present("lever", lever);
    Check.finite("value", value);
  }
}
