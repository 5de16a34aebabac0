package org.nqpf.config;

/**
 * Entry of new private firms (a Poisson number per step), the age up to which a future-industry
 * start-up is eligible for incubation grants, and whether SOEs face a soft budget constraint
 * (Kornai): the government covers an SOE's negative cash and SOEs do not leave for a negligible
 * market share. Under {@code mechanisms.market: LINES}, the state's ownership follows 抓大放小
 * ("grasp the large, let go of the small"; Hsieh and Song 2015): an SOE holding at most
 * {@code soeSmallLines} product lines (or, when {@code soeLargeEmployment} > 0, one employing fewer
 * than that: not a large enterprise) is privatised with probability {@code soePrivatisationHazard}
 * per step (one with no line at once), and the state founds Poisson({@code soeFoundingRate} × the
 * initial number of firms) SOEs per step, each with {@code soeFoundingLines} lines. Under
 * {@code mechanisms.innovation: ARRIVALS} with {@code entrantAbilitySd} > 0, entrants learn their
 * innovation ability (Jovanovic 1982) and leave when its posterior mean falls below
 * {@code exitBelief}.
 */
public record DemographyConfig(
    double entryRate,
    double entrantProductivityRatio,
    double entrantProductivityLogSd,
    double entrantRelativeShare,
    double entrantCash,
    double nearCampusEntryShare,
    int incubationAge,
    boolean soeSoftBudget,
    int soeSmallLines,
    double soeLargeEmployment,
    double soePrivatisationHazard,
    double soeFoundingRate,
    int soeFoundingLines,
    double entrantAbilitySd,
    double exitBelief) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final DemographyConfig DEFAULT = new DemographyConfig(0.03, 0.95, 0.1, 0.5, 20, 0.2, 8, true,
      10, 1000, 0.025, 0.00236, 10, 0, 0.5);

  public DemographyConfig {
    Check.between("entryRate", entryRate, 0, 1);
    Check.between("entrantProductivityRatio", entrantProductivityRatio, 0.01, 100);
    Check.between("entrantProductivityLogSd", entrantProductivityLogSd, 0, 3);
    Check.between("entrantRelativeShare", entrantRelativeShare, 0, 100);
    Check.between("entrantCash", entrantCash, 0, 1e9);
    Check.probability("nearCampusEntryShare", nearCampusEntryShare);
    Check.count("incubationAge", incubationAge, 0, 10_000);
    Check.count("soeSmallLines", soeSmallLines, 0, 1_000_000);
    Check.between("soeLargeEmployment", soeLargeEmployment, 0, 1e9);
    Check.probability("soePrivatisationHazard", soePrivatisationHazard);
    Check.between("soeFoundingRate", soeFoundingRate, 0, 1);
    Check.count("soeFoundingLines", soeFoundingLines, 1, 1_000_000);
    Check.between("entrantAbilitySd", entrantAbilitySd, 0, 5);
    Check.probability("exitBelief", exitBelief);
  }
}
