package org.nqpf.config;

/**
 * Firm R&D after Dosi, Fagiolo and Roventini's K+S model (MODEL.md §7): an R&D budget split into
 * innovation and imitation, success probabilities 1 - exp(-zeta * effective R&D), Beta-distributed
 * incremental jumps and rare radical ones.
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
    double imitationDistanceScale) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final InnovationConfig DEFAULT = new InnovationConfig(
      0.5, 0.3, 0.3, 3, 3, -0.03, 0.03, 0.01, 0.05, 0.2, 5, 20);

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
  }
}
