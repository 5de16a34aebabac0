package org.nqpf.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The recorded per-step values of every {@link Metric}, one row per step, in step order. */
public final class TimeSeries implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final List<double[]> rows = new ArrayList<>();

  /** Appends a row; it must hold one value per metric, indexed by {@link Metric#ordinal()}. */
  public void add(double[] row) {
    if (row.length != Metric.values().length) {
      throw new IllegalArgumentException("row has " + row.length + " values, expected " + Metric.values().length);
    }
    rows.add(row.clone());
  }

  public int size() {
    return rows.size();
  }

  /** A copy of row {@code index}. */
  public double[] row(int index) {
    return rows.get(index).clone();
  }

  public double get(int index, Metric metric) {
    return rows.get(index)[metric.ordinal()];
  }

  /** The values of one metric over all rows. */
  public double[] column(Metric metric) {
    double[] values = new double[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.get(i)[metric.ordinal()];
    }
    return values;
  }

  /** The values of one metric over the rows from {@code from} (inclusive) to the end. */
  public double[] column(Metric metric, int from) {
    double[] all = column(metric);
    return Arrays.copyOfRange(all, Math.min(from, all.length), all.length);
  }
}
