package org.nqpf.config;

/**
 * Universities: upstairs research (楼上创新) that creates inventions, and downstairs pilot
 * conversion (楼下创业) that turns them into partner firms' productivity or spin-off start-ups.
 */
public record UniversitiesConfig(
    int count,
    int upstairsResearchers,
    double facilityFactor,
    double inventionRate,
    double inventionValueLogMean,
    double inventionValueLogSd,
    SectorWeights inventionSectors,
    int downstairsEngineers,
    double conversionHalfCapacity,
    double conversionProbability,
    double conversionDistanceScale,
    double conversionSearchRadius,
    double spinOffProbability,
    double inventionDecay,
    int inventionMaxAge,
    int initialPartners,
    double pilotCost) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final UniversitiesConfig DEFAULT = new UniversitiesConfig(
      10, 60, 1.0, 0.01, -3.5, 0.7,
      new SectorWeights(0.3, 0.5, 0.2),
      20, 20, 0.3, 5, 15, 0.05, 0.05, 16, 5, 0);

  public UniversitiesConfig {
    Check.count("count", count, 0, 100_000);
    Check.count("upstairsResearchers", upstairsResearchers, 0, 1_000_000);
    Check.nonNegative("facilityFactor", facilityFactor);
    Check.between("inventionRate", inventionRate, 0, 10);
    Check.between("inventionValueLogMean", inventionValueLogMean, -20, 2);
    Check.between("inventionValueLogSd", inventionValueLogSd, 0, 5);
    Check.present("inventionSectors", inventionSectors);
    Check.count("downstairsEngineers", downstairsEngineers, 0, 1_000_000);
    Check.positive("conversionHalfCapacity", conversionHalfCapacity);
    Check.probability("conversionProbability", conversionProbability);
    Check.positive("conversionDistanceScale", conversionDistanceScale);
    Check.nonNegative("conversionSearchRadius", conversionSearchRadius);
    Check.probability("spinOffProbability", spinOffProbability);
    Check.probability("inventionDecay", inventionDecay);
    Check.count("inventionMaxAge", inventionMaxAge, 1, 10_000);
    Check.count("initialPartners", initialPartners, 0, 10_000);
    Check.between("pilotCost", pilotCost, 0, 1_000);
  }
}
