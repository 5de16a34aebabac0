package org.nqpf.config;

/**
 * The government's levers that the core model uses: tax on profits, R&D subsidy, IPR protection
 * (scales imitation success down) and market unification (scales the replicator speed up).
 */
public record PolicyConfig(
    double taxRate,
    double rdSubsidyRate,
    double iprProtection,
    double marketUnification) {

  public static final PolicyConfig DEFAULT = new PolicyConfig(0.25, 0.0, 0.3, 0.5);

  public PolicyConfig {
    Check.probability("taxRate", taxRate);
    Check.probability("rdSubsidyRate", rdSubsidyRate);
    Check.probability("iprProtection", iprProtection);
    Check.probability("marketUnification", marketUnification);
  }
}
