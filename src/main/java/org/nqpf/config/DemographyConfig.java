package org.nqpf.config;

/**
 * Entry of new private firms (a Poisson number per step), the age up to which a future-industry
 * start-up is eligible for incubation grants, and whether SOEs face a soft budget constraint
 * (Kornai): the government covers an SOE's negative cash and SOEs do not leave for a negligible
 * market share.
 */
public record DemographyConfig(
    double entryRate,
    double entrantProductivityRatio,
    double entrantProductivityLogSd,
    double entrantRelativeShare,
    double entrantCash,
    double nearCampusEntryShare,
    int incubationAge,
    boolean soeSoftBudget) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final DemographyConfig DEFAULT = new DemographyConfig(0.03, 0.95, 0.1, 0.5, 20, 0.2, 8, true);

  public DemographyConfig {
    Check.between("entryRate", entryRate, 0, 1);
    Check.between("entrantProductivityRatio", entrantProductivityRatio, 0.01, 100);
    Check.between("entrantProductivityLogSd", entrantProductivityLogSd, 0, 3);
    Check.between("entrantRelativeShare", entrantRelativeShare, 0, 100);
    Check.between("entrantCash", entrantCash, 0, 1e9);
    Check.probability("nearCampusEntryShare", nearCampusEntryShare);
    Check.count("incubationAge", incubationAge, 0, 10_000);
  }
}
