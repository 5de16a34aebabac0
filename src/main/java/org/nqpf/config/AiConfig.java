package org.nqpf.config;

/**
 * AI adoption (产业AI化): a Bass-type hazard of adoption, p + q × (adopter share among neighbours
 * and partners), p raised by government AI infrastructure and cut when the cost is large against
 * net worth; adoption deepens over time; at full adoption the R&D cycle is
 * {@code rdCycleReduction} shorter and production efficiency {@code productionGain} higher (the
 * article: −20%, +35%). Used when {@code mechanisms.ai} is {@code DIFFUSION}.
 */
public record AiConfig(
    double baseHazard,
    double imitationHazard,
    double adoptionCost,
    double adoptionCostPerWorker,
    double initialLevel,
    double deepeningRate,
    double upkeepShare,
    double rdCycleReduction,
    double productionGain,
    double infrastructureCostReduction,
    double infrastructureHazardBoost,
    double neighbourRadius,
    int neighbourSample) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final AiConfig DEFAULT = new AiConfig(
      0.003, 0.05, 10, 0.2, 0.3, 0.05, 0.003, 0.2, 0.35, 0.5, 2.0, 5, 8);

  public AiConfig {
    Check.probability("baseHazard", baseHazard);
    Check.probability("imitationHazard", imitationHazard);
    Check.between("adoptionCost", adoptionCost, 0, 1e9);
    Check.between("adoptionCostPerWorker", adoptionCostPerWorker, 0, 1e6);
    Check.probability("initialLevel", initialLevel);
    Check.probability("deepeningRate", deepeningRate);
    Check.probability("upkeepShare", upkeepShare);
    Check.between("rdCycleReduction", rdCycleReduction, 0, 0.95);
    Check.between("productionGain", productionGain, 0, 10);
    Check.probability("infrastructureCostReduction", infrastructureCostReduction);
    Check.between("infrastructureHazardBoost", infrastructureHazardBoost, 0, 100);
    Check.positive("neighbourRadius", neighbourRadius);
    Check.count("neighbourSample", neighbourSample, 0, 1000);
  }
}
