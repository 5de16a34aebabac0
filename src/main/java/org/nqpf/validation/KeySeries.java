package org.nqpf.validation;

import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/**
 * The key aggregate series whose warm-up, stationarity and ergodicity the validation measures
 * (docs/VALIDATION.md, "Warm-up, stationarity and ergodicity"), each read from a run's time
 * series over every step, burn-in included.
 */
public enum KeySeries {
  PRIVATE_SHARE_FIRMS("private share of firms"),
  PRIVATE_SHARE_EMPLOYMENT("private share of employment"),
  PRIVATE_SHARE_INNOVATION("private share of innovation"),
  PRIVATE_SHARE_OUTPUT("private share of output"),
  PRIVATE_SHARE_TAX("private share of tax"),
  FIRMS("number of firms"),
  OUTPUT_GROWTH("output growth, ln Y(t) − ln Y(t−1)"),
  CREDIT_TO_OUTPUT("loans outstanding / quarterly output"),
  CONCENTRATION("mean Herfindahl index of the three sectors");

  private final String label;

  KeySeries(String label) {
    this.label = label;
  }

  /** The series in words, for tables. */
  public String label() {
    return label;
  }

  /**
   * The series at every step of {@code series} (output growth from the second step on, so one value
   * shorter); a step where a ratio is undefined (no output) gives NaN.
   */
  public double[] of(TimeSeries series) {
    int n = series.size();
    switch (this) {
      case OUTPUT_GROWTH -> {
        double[] g = new double[Math.max(0, n - 1)];
        for (int t = 1; t < n; t++) {
          g[t - 1] = StrictMath.log(series.get(t, Metric.OUTPUT) / series.get(t - 1, Metric.OUTPUT));
        }
        return g;
      }
      case CREDIT_TO_OUTPUT -> {
        double[] c = new double[n];
        for (int t = 0; t < n; t++) {
          c[t] = series.get(t, Metric.DEBT) / series.get(t, Metric.OUTPUT);
        }
        return c;
      }
      case CONCENTRATION -> {
        double[] h = new double[n];
        for (int t = 0; t < n; t++) {
          h[t] = (series.get(t, Metric.HHI_TRADITIONAL) + series.get(t, Metric.HHI_STRATEGIC)
              + series.get(t, Metric.HHI_FUTURE)) / 3;
        }
        return h;
      }
      default -> {
        return series.column(metric());
      }
    }
  }

  /** The step of {@code series}'s first value: 1 for output growth, else 0. */
  public int firstStep() {
    return this == OUTPUT_GROWTH ? 1 : 0;
  }

  private Metric metric() {
    return switch (this) {
      case PRIVATE_SHARE_FIRMS -> Metric.PRIVATE_SHARE_FIRMS;
      case PRIVATE_SHARE_EMPLOYMENT -> Metric.PRIVATE_SHARE_EMPLOYMENT;
      case PRIVATE_SHARE_INNOVATION -> Metric.PRIVATE_SHARE_INNOVATION;
      case PRIVATE_SHARE_OUTPUT -> Metric.PRIVATE_SHARE_OUTPUT;
      case PRIVATE_SHARE_TAX -> Metric.PRIVATE_SHARE_TAX;
      case FIRMS -> Metric.FIRMS;
      default -> throw new IllegalStateException(name() + " is not one metric");
    };
  }
}
