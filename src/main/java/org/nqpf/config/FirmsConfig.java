package org.nqpf.config;

/**
 * The initial population of firms. SOEs are fewer but larger and more capital-intensive; private
 * firms are mostly micro and small (lognormal employment). See MODEL.md §6.
 */
public record FirmsConfig(
    int count,
    double soeShare,
    SectorWeights privateSectors,
    SectorWeights soeSectors,
    double privateMeanEmployment,
    double employmentLogSd,
    double soeSizeMultiplier,
    double productivityLogSd,
    double soeLabourProductivity,
    double capitalPerOutput,
    double soeCapitalPerOutput,
    double initialCashToSales,
    double nearCampusShare,
    double rdIntensity,
    double soeRdIntensity,
    double dividendPayout) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final FirmsConfig DEFAULT = new FirmsConfig(
      1000, 0.04,
      new SectorWeights(0.6, 0.3, 0.1),
      new SectorWeights(0.6, 0.4, 0.0),
      40, 1.0, 5, 0.15, 2.7, 2.0, 14.0, 0.1, 0.15,
      0.04, 0.03, 0.6);

  public FirmsConfig {
    Check.count("count", count, 1, Check.MAX_AGENTS);
    Check.probability("soeShare", soeShare);
    Check.present("privateSectors", privateSectors);
    Check.present("soeSectors", soeSectors);
    Check.between("privateMeanEmployment", privateMeanEmployment, 1, 1e6);
    Check.between("employmentLogSd", employmentLogSd, 0, 5);
    Check.between("soeSizeMultiplier", soeSizeMultiplier, 0.01, 1e4);
    Check.between("productivityLogSd", productivityLogSd, 0, 3);
    Check.between("soeLabourProductivity", soeLabourProductivity, 0.01, 100);
    Check.between("capitalPerOutput", capitalPerOutput, 0, 100);
    Check.between("soeCapitalPerOutput", soeCapitalPerOutput, 0, 100);
    Check.between("initialCashToSales", initialCashToSales, 0, 100);
    Check.probability("nearCampusShare", nearCampusShare);
    Check.probability("rdIntensity", rdIntensity);
    Check.probability("soeRdIntensity", soeRdIntensity);
    Check.probability("dividendPayout", dividendPayout);
  }
}
