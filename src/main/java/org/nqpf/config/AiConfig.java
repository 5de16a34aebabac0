package org.nqpf.config;

/**
 * AI adoption (产业AI化): a Bass-type hazard of adoption, p + q × (adopter share among neighbours
 * and partners), p raised by government AI infrastructure and cut when the cost is large against
 * net worth; adoption deepens over time; at full adoption the R&D cycle is
 * {@code rdCycleReduction} shorter and production efficiency {@code productionGain} higher (the
 * article: −20%, +35%). Used when {@code mechanisms.ai} is {@code DIFFUSION}; under {@code DECISION}
 * the hazard and the contacts are replaced by a decision: a firm reviews its choice at
 * {@code reviewRate} a quarter and adopts when the present value over {@code decisionHorizon}
 * quarters of its wage saving, times a firm-specific draw of spread {@code gainDispersion}, beats
 * the cost, which adds {@code complementaryInvestment} times the AI cost in intangible investment
 * (Brynjolfsson, Hitt and Yang 2002); adopters' efficiency dips by {@code jCurveDip}, fading over
 * {@code jCurveSteps}.
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
    int neighbourSample,
    double reviewRate,
    int decisionHorizon,
    double gainDispersion,
    double jCurveDip,
    int jCurveSteps,
    double complementaryInvestment) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final AiConfig DEFAULT = new AiConfig(
      0.003, 0.05, 10, 0.2, 0.3, 0.05, 0.003, 0.2, 0.35, 0.5, 2.0, 5, 8, 0.25, 20, 0.5, 0.1, 8, 9);

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
    Check.probability("reviewRate", reviewRate);
    Check.count("decisionHorizon", decisionHorizon, 1, 400);
    Check.between("gainDispersion", gainDispersion, 0, 5);
    Check.between("jCurveDip", jCurveDip, 0, 0.9);
    Check.count("jCurveSteps", jCurveSteps, 0, 400);
    Check.between("complementaryInvestment", complementaryInvestment, 0, 100);
  }
}
