package org.nqpf.report;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.nqpf.model.Matrices;
import org.nqpf.model.Matrices.Account;
import org.nqpf.model.Matrices.Flow;
import org.nqpf.model.Matrices.Stock;

/**
 * The stock-flow matrices of every step as tidy CSV ({@code matrices.csv}, written by
 * {@code run --matrices}; docs/OUTPUTS.md): one row per step, matrix and row of the matrix, with
 * the step, the matrix ({@code flows} or {@code balances}), the row's id, one column per
 * {@link Account} and the row's sum. Numbers in the shortest form that reads back to the same
 * double (as {@code timeseries.csv}), LF line endings.
 */
public final class MatricesCsv {
  /** The file's name in a results folder. */
  public static final String FILE_NAME = "matrices.csv";

  private MatricesCsv() {}

  /** The CSV text of {@code matrices}. */
  public static String format(List<Matrices> matrices) {
    StringBuilder sb = new StringBuilder();
    sb.append("step,matrix,row");
    for (Account a : Account.values()) {
      sb.append(',').append(a.id());
    }
    sb.append(",sum\n");
    for (Matrices m : matrices) {
      for (Flow row : Flow.values()) {
        line(sb, m.step(), "flows", row.id(), m.flows()[row.ordinal()]);
      }
      for (Stock row : Stock.values()) {
        line(sb, m.step(), "balances", row.id(), m.balances()[row.ordinal()]);
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, long step, String matrix, String row, double[] values) {
    sb.append(step).append(',').append(matrix).append(',').append(row);
    double sum = 0;
    for (double v : values) {
      sb.append(',').append(number(v));
      sum += v;
    }
    sb.append(',').append(number(sum)).append('\n');
  }

  private static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException("a matrix entry is " + value);
    }
    return value == 0 ? "0" : NumberOutput.toString(value, true);
  }

  /** Writes {@code matrices} to {@code file} atomically. */
  public static void write(List<Matrices> matrices, Path file) {
    ResultsFolder.writeAtomically(file, format(matrices).getBytes(StandardCharsets.UTF_8));
  }
}
