package org.nqpf.config;

/**
 * One entry of the policy timeline: at the start of {@code step}, set {@code lever} to
 * {@code value}. The value is checked at load against the lever's own range.
 */
public record PolicyChange(int step, Lever lever, double value) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public PolicyChange {
    Check.count("step", step, 0, 1_000_000);
    Check.present("lever", lever);
    Check.finite("value", value);
    try {
      lever.check(value);
    } catch (ConfigException e) {
      throw new ConfigException("value", "for lever " + lever + ", " + e.getMessage().substring(e.keyPath().length() + 2));
    }
  }
}
