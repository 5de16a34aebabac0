package org.nqpf.report;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/**
 * The per-step time series as tidy CSV: one header row of {@link Metric#column()} names in
 * {@link Metric} order, then one row per step. This is the file analysts load, so the format is
 * fixed and locale-independent: whole-number metrics print without a decimal point, the others in
 * the shortest form that reads back to the same {@code double}, in {@link Double#toString(double)}
 * notation (computed by Jackson's Schubfach writer, so the digits are the same on every JDK, unlike
 * JDK 17's own {@code Double.toString}), commas between fields, LF line endings, no quoting (no field can contain a comma). NaN and
 * infinities are refused rather than written. {@link #read(Path)} parses the same format back.
 */
public final class TimeSeriesCsv {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");
  /** Largest magnitude a whole-number metric may have and still be exact in a double. */
  private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992.0;

  private TimeSeriesCsv() {}

  /** The header row (without line ending): the metric columns in order, comma-separated. */
  public static String header() {
    StringBuilder sb = new StringBuilder();
    for (Metric metric : Metric.values()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(metric.column());
    }
    return sb.toString();
  }

  /**
   * The CSV text of {@code series}.
   *
   * @throws IllegalStateException if a value is NaN or infinite, or a whole-number metric holds a
   *     fraction
   */
  public static String format(TimeSeries series) {
    Objects.requireNonNull(series, "series");
    Metric[] metrics = Metric.values();
    StringBuilder sb = new StringBuilder((series.size() + 1) * metrics.length * 8);
    sb.append(header()).append('\n');
    for (int i = 0; i < series.size(); i++) {
      double[] row = series.row(i);
      for (Metric metric : metrics) {
        if (metric.ordinal() > 0) {
          sb.append(',');
        }
        sb.append(formatValue(metric, row[metric.ordinal()], i));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** {@link #format(TimeSeries)} as UTF-8 bytes. */
  public static byte[] toBytes(TimeSeries series) {
    return format(series).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code series} to {@code file} atomically.
   *
   * @throws IllegalStateException if a value cannot be written (see {@link #format(TimeSeries)});
   *     nothing is written then
   * @throws OutputException if the file cannot be written
   */
  public static void write(TimeSeries series, Path file) {
    ResultsFolder.writeAtomically(file, toBytes(series));
  }

  /**
   * Reads a CSV written by {@link #write(TimeSeries, Path)}.
   *
   * @throws IllegalArgumentException if the header does not list exactly the {@link Metric}
   *     columns in order, or a row is malformed (the message gives the line number)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static TimeSeries read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses CSV text in the format of {@link #format(TimeSeries)} (CRLF is tolerated). */
  public static TimeSeries parse(String text) {
    Objects.requireNonNull(text, "text");
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("line 1: empty file, expected the header " + header());
    }
    String headerLine = stripCr(lines.get(0));
    if (!headerLine.equals(header())) {
      throw new IllegalArgumentException("line 1: header does not match the metric columns; expected\n  "
          + header() + "\nbut found\n  " + headerLine + describeHeaderDifference(headerLine));
    }
    Metric[] metrics = Metric.values();
    TimeSeries series = new TimeSeries();
    for (int l = 1; l < lines.size(); l++) {
      int lineNumber = l + 1;
      String line = stripCr(lines.get(l));
      String[] fields = line.split(",", -1);
      if (fields.length != metrics.length) {
        throw new IllegalArgumentException("line " + lineNumber + ": " + fields.length + " fields, expected " + metrics.length);
      }
      double[] row = new double[metrics.length];
      for (Metric metric : metrics) {
        row[metric.ordinal()] = parseValue(metric, fields[metric.ordinal()], lineNumber);
      }
      series.add(row);
    }
    return series;
  }

  /** One value in its CSV form. */
  /**
   * A number as every CSV file of the project writes it: a whole number without a decimal point
   * when {@code integer}, else the shortest form that reads back to the same double.
   */
  public static String formatNumber(double value, boolean integer) {
    if (integer) {
      return Long.toString((long) value);
    }
    return NumberOutput.toString(value, true);
  }

  static String formatValue(Metric metric, double value, int rowIndex) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException("row " + rowIndex + ", column " + metric.column() + ": value " + value
          + " is not finite and cannot be written");
    }
    if (metric.integer()) {
      if (value != Math.rint(value) || Math.abs(value) > MAX_EXACT_INTEGER) {
        throw new IllegalStateException("row " + rowIndex + ", column " + metric.column() + ": value " + value
            + " is not a whole number, but the metric is a count");
      }
      return Long.toString((long) value);
    }
    return NumberOutput.toString(value, true);
  }

  private static double parseValue(Metric metric, String field, int lineNumber) {
    Pattern pattern = metric.integer() ? INTEGER : DECIMAL;
    if (!pattern.matcher(field).matches()) {
      throw new IllegalArgumentException("line " + lineNumber + ", column " + metric.column() + ": '" + field
          + "' is not " + (metric.integer() ? "a whole number" : "a finite decimal number"));
    }
    double value = Double.parseDouble(field);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("line " + lineNumber + ", column " + metric.column() + ": '" + field
          + "' is out of range");
    }
    return value;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String describeHeaderDifference(String found) {
    String[] names = found.split(",", -1);
    Metric[] metrics = Metric.values();
    for (int i = 0; i < Math.min(names.length, metrics.length); i++) {
      if (!names[i].equals(metrics[i].column())) {
        return "\n(column " + (i + 1) + " is '" + names[i] + "', expected '" + metrics[i].column() + "')";
      }
    }
    return "\n(" + names.length + " columns, expected " + metrics.length + ")";
  }
}
