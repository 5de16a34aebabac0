package org.nqpf.model;

/** Run-level outcomes that several lever tests measure. */
final class Outcomes {
  private Outcomes() {}

  /** The sum of a metric over all steps of a run. */
  static double total(TimeSeries series, Metric metric) {
    double sum = 0;
    for (double v : series.column(metric)) {
      sum += v;
    }
    return sum;
  }

  /** SME applicants rationed over SME applicants, over the whole run (0 when none applied). */
  static double rationedShare(TimeSeries series) {
    double rationed = 0;
    double applicants = 0;
    for (int i = 0; i < series.size(); i++) {
      double smes = series.get(i, Metric.SME_APPLICANTS);
      applicants += smes;
      rationed += smes * series.get(i, Metric.SME_RATIONED_SHARE);
    }
    return applicants > 0 ? rationed / applicants : 0;
  }
}
