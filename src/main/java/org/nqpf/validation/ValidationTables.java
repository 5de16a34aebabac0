package org.nqpf.validation;

import org.nqpf.model.SizeClass;
import org.nqpf.report.TimeSeriesCsv;
import org.nqpf.stats.ExitHazard;
import org.nqpf.stats.LognormalFit;
import org.nqpf.stats.PowerLawFit;
import org.nqpf.stats.TransitionMatrix;

/**
 * The text of a validation's CSV files (docs/VALIDATION.md; {@link ValidationOutput} names and
 * writes them): numbers in the project's CSV form
 * (shortest round-trip, locale-free; empty for NaN), text quoted when it holds a comma, a quote
 * or a line break; LF line endings.
 */
public final class ValidationTables {
  private ValidationTables() {}

  /** {@value ValidationOutput#TABLE}: one row per target. */
  public static String table(ValidationResult result) {
    StringBuilder sb = new StringBuilder("id,target,statistic,origin,target_value,model_value,ci_low,ci_high,verdict,note\n");
    for (ValidationResult.Row row : result.rows()) {
      Target t = row.target();
      sb.append(t.id()).append(',').append(text(t.item())).append(',').append(text(t.statistic())).append(',')
          .append(t.origin().label()).append(',').append(text(t.targetText())).append(',').append(num(row.stats().mean())).append(',')
          .append(num(row.stats().ciLow())).append(',').append(num(row.stats().ciHigh())).append(',')
          .append(row.verdict()).append(',').append(text(row.note())).append('\n');
    }
    return sb.toString();
  }

  /**
   * The table as {@code validate} prints it: one line per target with its id, what it is, its
   * origin (input, calibrated, outcome), the model's mean and 95% interval, the target and the verdict.
   */
  public static String console(ValidationResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(java.util.Locale.ROOT, "%-4s %-52s %-10s %10s  %-22s %-12s %s%n", "id", "target", "origin",
        "model", "95% CI", "target", "verdict"));
    for (ValidationResult.Row row : result.rows()) {
      Target t = row.target();
      String ci = Double.isFinite(row.stats().ciLow())
          ? "[" + shortNum(row.stats().ciLow()) + ", " + shortNum(row.stats().ciHigh()) + "]" : "";
      sb.append(String.format(java.util.Locale.ROOT, "%-4s %-52s %-10s %10s  %-22s %-12s %s%n", t.id(),
          t.item().length() > 52 ? t.item().substring(0, 51) + "…" : t.item(), t.origin().label(),
          shortNum(row.stats().mean()), ci, t.targetText(), row.verdict()));
    }
    return sb.toString();
  }

  private static String shortNum(double v) {
    return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.4g", v) : "—";
  }

  /** {@value ValidationOutput#REPLICATIONS}: each replication's seed and value of every target. */
  public static String replications(ValidationResult result) {
    StringBuilder sb = new StringBuilder("replication,seed");
    for (Target t : Targets.ALL) {
      sb.append(',').append(t.id());
    }
    sb.append('\n');
    for (int r = 0; r < result.replications(); r++) {
      sb.append(r).append(',').append(result.runs().get(r).seed());
      for (double v : result.statistics().get(r).values()) {
        sb.append(',').append(num(v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** {@value ValidationOutput#FITS}: the power-law and lognormal fits of each replication's size distributions. */
  public static String fits(ValidationResult result) {
    StringBuilder sb = new StringBuilder("replication,variable,n,xmin,tail,alpha,alpha_se,ks,lognormal_mu,lognormal_sigma,"
        + "vuong_R,vuong_normalised,vuong_p,favoured\n");
    for (int r = 0; r < result.replications(); r++) {
      RunStatistics s = result.statistics().get(r);
      fitRow(sb, r, "employment", s.employmentFit(), s.employmentLognormal(), s.employmentVuong());
      fitRow(sb, r, "output", s.outputFit(), s.outputLognormal(), s.outputVuong());
    }
    return sb.toString();
  }

  private static void fitRow(StringBuilder sb, int r, String variable, PowerLawFit.Result fit, LognormalFit.Result ln,
      LognormalFit.Comparison vuong) {
    sb.append(r).append(',').append(variable).append(',');
    if (fit == null) {
      sb.append(",,,,,,,,,,,\n");
      return;
    }
    sb.append(fit.n()).append(',').append(num(fit.xmin())).append(',').append(fit.tail()).append(',')
        .append(num(fit.alpha())).append(',').append(num(fit.standardError())).append(',').append(num(fit.ks()))
        .append(',').append(ln == null ? "" : num(ln.mu())).append(',').append(ln == null ? "" : num(ln.sigma()))
        .append(',').append(vuong == null ? "" : num(vuong.logLikelihoodRatio())).append(',')
        .append(vuong == null ? "" : num(vuong.normalisedRatio())).append(',').append(vuong == null ? "" : num(vuong.p()))
        .append(',').append(vuong == null ? "" : text(vuong.favoured())).append('\n');
  }

  /** {@value ValidationOutput#TRANSITIONS}: the pooled transition counts and probabilities between innovation classes. */
  public static String transitions(ValidationResult result) {
    TransitionMatrix m = result.pooledPersistence();
    StringBuilder sb = new StringBuilder("from,to,count,probability\n");
    for (int i = 0; i < m.states(); i++) {
      for (int j = 0; j < m.states(); j++) {
        sb.append(FirmPanelCollector.CLASSES.get(i)).append(',').append(FirmPanelCollector.CLASSES.get(j)).append(',')
            .append(m.counts()[i][j]).append(',').append(num(m.probability(i, j))).append('\n');
      }
    }
    return sb.toString();
  }

  /** {@value ValidationOutput#HAZARD}: the pooled life table by year of age. */
  public static String hazard(ValidationResult result) {
    ExitHazard h = result.pooledHazard();
    int year = FirmPanelCollector.STEPS_PER_YEAR;
    StringBuilder sb = new StringBuilder("age_years,at_risk,exits,hazard_per_quarter,survival\n");
    for (int y = 0; y * year <= h.maxAge(); y++) {
      long risk = 0;
      long exits = 0;
      for (int a = y * year; a < (y + 1) * year; a++) {
        risk += h.atRisk(a);
        exits += h.exits(a);
      }
      sb.append(y).append(',').append(risk).append(',').append(exits).append(',')
          .append(num(h.hazard(y * year, (y + 1) * year))).append(',').append(num(h.survival((y + 1) * year - 1)))
          .append('\n');
    }
    return sb.toString();
  }

  /** {@value ValidationOutput#DEGREES}: the pooled degree distributions of firms and universities. */
  public static String degrees(ValidationResult result) {
    StringBuilder sb = new StringBuilder("node,degree,count,share\n");
    degreeRows(sb, "firm", result.pooledFirmDegrees());
    degreeRows(sb, "university", result.pooledUniversityDegrees());
    return sb.toString();
  }

  private static void degreeRows(StringBuilder sb, String node, DegreeDistribution d) {
    for (int k = 0; k < d.counts().length; k++) {
      if (d.counts()[k] > 0) {
        sb.append(node).append(',').append(k).append(',').append(d.counts()[k]).append(',').append(num(d.share(k)))
            .append('\n');
      }
    }
  }

  /** {@value ValidationOutput#BY_SIZE}: pooled innovations and employment by size class. */
  public static String bySize(ValidationResult result) {
    long[] innovations = result.pooledInnovationsBySize();
    double[] employment = result.pooledEmploymentBySize();
    long allInnovations = 0;
    double allEmployment = 0;
    for (int c = 0; c < innovations.length; c++) {
      allInnovations += innovations[c];
      allEmployment += employment[c];
    }
    StringBuilder sb = new StringBuilder(
        "size_class,innovations,employee_quarters,innovations_per_1000_employee_quarters,share_of_innovations,share_of_employment\n");
    for (SizeClass c : SizeClass.values()) {
      int i = c.ordinal();
      sb.append(c.name().toLowerCase(java.util.Locale.ROOT)).append(',').append(innovations[i]).append(',')
          .append(num(employment[i])).append(',')
          .append(num(employment[i] > 0 ? 1000.0 * innovations[i] / employment[i] : Double.NaN)).append(',')
          .append(num(allInnovations > 0 ? (double) innovations[i] / allInnovations : Double.NaN)).append(',')
          .append(num(allEmployment > 0 ? employment[i] / allEmployment : Double.NaN)).append('\n');
    }
    return sb.toString();
  }

  static String num(double v) {
    return Double.isFinite(v) ? TimeSeriesCsv.formatNumber(v, false) : "";
  }

  static String text(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
