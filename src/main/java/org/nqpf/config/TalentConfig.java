package org.nqpf.config;

/**
 * Talent flows (教育科技人才良性循环): headcounts by tier held by firms, universities and a national
 * pool, moved by binomial draws. Employed talent retires at {@code retirementRate} a step: a working
 * life of about 35 years, 140 quarters (graduation at about 25; retirement at 60 for men under
 * the State Council's 1978 rules (国发〔1978〕104号), raised step by step from 2025 by the NPC
 * Standing Committee's decision of 13 September 2024), so 1 / 140 ≈ 0.007. Used when
 * {@code mechanisms.talent} is {@code MARKET}. {@code indivisibleRd} makes R&D staff whole people
 * whose last, partly planned post is filled when the firm's cash and guaranteed credit pay it (Cohen and Klepper 1996;
 * docs/MODEL.md, "R&D comes in whole researchers"); false keeps the earlier rounding.
 */
public record TalentConfig(
    double graduatesPerResearcher,
    double skilledShareOfGraduates,
    int maturationSteps,
    double poolAttrition,
    double separationRate,
    double retirementRate,
    double directMoveShare,
    double technicianRatio,
    double leadingProductivity,
    double soeAttractiveness,
    double baseAcceptance,
    double acceptanceDistanceScale,
    double dualAppointmentShare,
    double dualTimeShare,
    double initialPoolShare,
    double universityLeadingShare,
    int importTeamSize,
    double leadingWagePremium,
    double importGrant,
    double wageAdjustment,
    boolean indivisibleRd) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final TalentConfig DEFAULT = new TalentConfig(
      0.103, 0.5, 8, 0.03, 0.03, 0.007, 0.3, 0.01, 3.0, 1.2, 0.7, 50, 0.1, 0.3, 0.1, 0.1, 3, 3.0, 20, 0.05, true);

  public TalentConfig {
    Check.between("graduatesPerResearcher", graduatesPerResearcher, 0, 10);
    Check.probability("skilledShareOfGraduates", skilledShareOfGraduates);
    Check.count("maturationSteps", maturationSteps, 1, 400);
    Check.probability("poolAttrition", poolAttrition);
    Check.probability("separationRate", separationRate);
    Check.probability("retirementRate", retirementRate);
    if (separationRate + retirementRate > 1) {
      throw new ConfigException("retirementRate", "value " + Check.format(retirementRate) + " with separationRate "
          + Check.format(separationRate) + " would take more than an employer's whole staff in a step; expected"
          + " separationRate + retirementRate at most 1");
    }
    Check.probability("directMoveShare", directMoveShare);
    Check.between("technicianRatio", technicianRatio, 0, 10);
    Check.between("leadingProductivity", leadingProductivity, 0, 100);
    Check.between("soeAttractiveness", soeAttractiveness, 0.01, 100);
    Check.probability("baseAcceptance", baseAcceptance);
    Check.positive("acceptanceDistanceScale", acceptanceDistanceScale);
    Check.probability("dualAppointmentShare", dualAppointmentShare);
    Check.probability("dualTimeShare", dualTimeShare);
    Check.between("initialPoolShare", initialPoolShare, 0, 10);
    Check.probability("universityLeadingShare", universityLeadingShare);
    Check.count("importTeamSize", importTeamSize, 0, 1000);
    Check.between("leadingWagePremium", leadingWagePremium, 1, 100);
    Check.between("importGrant", importGrant, 0, 1000);
    Check.between("wageAdjustment", wageAdjustment, 0, 1);
  }
}
