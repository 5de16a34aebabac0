package org.nqpf.report;

import java.util.function.BiFunction;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/** Builds small, fully deterministic time series for the report tests. */
final class TestSeries {

  private TestSeries() {}

  /** A fresh all-zero row. */
  static double[] row() {
    return new double[Metric.values().length];
  }

  /**
   * {@code rows} rows with STEP = index, BURN_IN = 1 for the first {@code burnIn} rows, and every
   * other metric from {@code value.apply(rowIndex, metric)}.
   */
  static TimeSeries of(int rows, int burnIn, BiFunction<Integer, Metric, Double> value) {
    TimeSeries series = new TimeSeries();
    for (int i = 0; i < rows; i++) {
      double[] row = row();
      for (Metric metric : Metric.values()) {
        row[metric.ordinal()] = value.apply(i, metric);
      }
      row[Metric.STEP.ordinal()] = i;
      row[Metric.BURN_IN.ordinal()] = i < burnIn ? 1 : 0;
      series.add(row);
    }
    return series;
  }

  /** A plausible-looking run: counts are whole numbers, other metrics have fractions. */
  static TimeSeries sample(int rows, int burnIn) {
    return of(rows, burnIn, (i, m) -> m.integer()
        ? (double) ((i * 7 + m.ordinal() * 3) % 11)
        : 1000.0 * (1 + m.ordinal()) * Math.pow(1.01, i) / 3.0);
  }
}
