package org.nqpf.config;

/**
 * Which implementation of the mechanisms still to come (credit, talent, AI adoption) a run uses.
 * Each has one placeholder value for now, said out loud in the config so that no result is
 * mistaken for the full model; README lists them as coming.
 */
public record MechanismsConfig(Finance finance, Talent talent, Ai ai) {

  /** How firms fund R&D and investment. */
  public enum Finance {
    /** Placeholder: no banks or guarantees; spending is capped by the firm's own cash. */
    INTERNAL_FUNDS
  }

  /** How firms get researchers. */
  public enum Talent {
    /** Placeholder: researchers are hired at the researcher wage from an unlimited pool. */
    FREE_HIRING
  }

  /** Whether firms adopt AI. */
  public enum Ai {
    /** Placeholder: no AI adoption. */
    OFF
  }

  public static final MechanismsConfig DEFAULT = new MechanismsConfig(Finance.INTERNAL_FUNDS, Talent.FREE_HIRING, Ai.OFF);

  public MechanismsConfig {
    Check.present("finance", finance);
    Check.present("talent", talent);
    Check.present("ai", ai);
  }
}
