package org.nqpf.config;

/**
 * Firm R&D after Dosi, Fagiolo and Roventini's K+S model (MODEL.md §7): an R&D budget split into
 * innovation and imitation, success probabilities 1 - exp(-zeta * effective R&D), Beta-distributed
 * incremental jumps and rare radical ones; or, under {@code mechanisms.innovation: ARRIVALS},
 * Poisson arrivals with intensity zeta * (effort^(1 - theta) * (delta K)^theta)^beta and sizes from
 * a truncated Pareto (docs/MODEL.md, "Innovation as arrivals").
 */
public record InnovationConfig(
    double innovationShare,
    double innovationEfficiency,
    double imitationEfficiency,
    double drawAlpha,
    double drawBeta,
    double drawLow,
    double drawHigh,
    double radicalProbability,
    double radicalLow,
    double radicalHigh,
    int imitationCandidates,
    double imitationDistanceScale,
    double effortElasticity,
    double knowledgeWeight,
    double knowledgeDepreciation,
    double sizeMinimum,
    double sizeTailIndex,
    double sizeMaximum) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final InnovationConfig DEFAULT = new InnovationConfig(
      0.5, 0.3, 0.3, 3, 3, -0.03, 0.03, 0.01, 0.05, 0.2, 5, 20, 0.894, 0.5, 0.04, 0.000077, 1.3, 0.5);

  public InnovationConfig {
    Check.probability("innovationShare", innovationShare);
    Check.between("innovationEfficiency", innovationEfficiency, 0, 100);
    Check.between("imitationEfficiency", imitationEfficiency, 0, 100);
    Check.between("drawAlpha", drawAlpha, 0.01, 1000);
    Check.between("drawBeta", drawBeta, 0.01, 1000);
    Check.between("drawLow", drawLow, -0.99, 10);
    Check.between("drawHigh", drawHigh, -0.99, 10);
    if (drawHigh < drawLow) {
      throw new ConfigException("drawHigh", "value " + Check.format(drawHigh) + " is below drawLow ("
          + Check.format(drawLow) + "); expected drawHigh >= drawLow");
    }
    Check.probability("radicalProbability", radicalProbability);
    Check.between("radicalLow", radicalLow, 0, 100);
    Check.between("radicalHigh", radicalHigh, 0, 100);
    if (radicalHigh < radicalLow) {
      throw new ConfigException("radicalHigh", "value " + Check.format(radicalHigh) + " is below radicalLow ("
          + Check.format(radicalLow) + "); expected radicalHigh >= radicalLow");
    }
    Check.count("imitationCandidates", imitationCandidates, 0, 1000);
    Check.positive("imitationDistanceScale", imitationDistanceScale);
    Check.between("effortElasticity", effortElasticity, 0, 2);
    Check.probability("knowledgeWeight", knowledgeWeight);
    Check.between("knowledgeDepreciation", knowledgeDepreciation, 0.001, 1);
    Check.between("sizeMinimum", sizeMinimum, 1e-6, 1);
    Check.between("sizeTailIndex", sizeTailIndex, 0.1, 10);
    Check.between("sizeMaximum", sizeMaximum, 1e-6, 5);
    if (sizeMaximum <= sizeMinimum) {
      throw new ConfigException("sizeMaximum", "value " + Check.format(sizeMaximum) + " is not above sizeMinimum ("
          + Check.format(sizeMinimum) + "); expected sizeMaximum > sizeMinimum");
    }
  }
}
