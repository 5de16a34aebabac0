package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

class TimeSeriesCsvTest {

  @TempDir
  Path dir;

  private static void assertSameBits(TimeSeries expected, TimeSeries actual) {
    assertThat(actual.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      double[] e = expected.row(i);
      double[] a = actual.row(i);
      for (Metric m : Metric.values()) {
        assertThat(Double.doubleToRawLongBits(a[m.ordinal()]))
            .as("row %d, %s: %s vs %s", i, m.column(), a[m.ordinal()], e[m.ordinal()])
            .isEqualTo(Double.doubleToRawLongBits(e[m.ordinal()]));
      }
    }
  }

  @Test
  void writeThenReadGivesTheSameSeries() {
    Random random = new Random(20240601L);
    double[] awkward = {0.1, 1.0 / 3, 1e-7, 1e22, 123456789.125, -0.0, 0.0, Double.MIN_VALUE,
        Double.MAX_VALUE, -2.5e-300, 2e23, 5e-324, 9007199254740993.0};
    TimeSeries series = new TimeSeries();
    for (int i = 0; i < 60; i++) {
      double[] row = TestSeries.row();
      for (Metric m : Metric.values()) {
        row[m.ordinal()] = m.integer()
            ? random.nextInt(2_000_001) - 1_000_000
            : (i < awkward.length ? awkward[(i + m.ordinal()) % awkward.length]
                : Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (random.nextBoolean() ? 1 : -1));
      }
      series.add(row);
    }
    Path file = dir.resolve("timeseries.csv");
    TimeSeriesCsv.write(series, file);
    TimeSeries back = TimeSeriesCsv.read(file);
    assertSameBits(series, back);
    assertThat(TimeSeriesCsv.format(back)).isEqualTo(TimeSeriesCsv.format(series));
  }

  @Test
  void headerListsTheMetricColumnsAndRowsUseLfOnly() throws IOException {
    Path file = dir.resolve("ts.csv");
    TimeSeriesCsv.write(TestSeries.sample(5, 2), file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r").endsWith("\n");
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(6);
    // The header is the metric catalogue's columns in declaration order, nothing more or less.
    String[] expected = java.util.Arrays.stream(Metric.values()).map(Metric::column).toArray(String[]::new);
    assertThat(lines[0].split(",", -1)).containsExactly(expected);
    assertThat(TimeSeriesCsv.header()).isEqualTo(lines[0]);
    // Spot checks that do not depend on the catalogue: the identifiers lead, every column is named once.
    assertThat(lines[0]).startsWith("step,burnIn,firms,firmsPrivate,firmsSoe,entries,");
    assertThat(new java.util.HashSet<>(List.of(expected))).hasSize(expected.length);
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i].split(",", -1)).as("fields of row %d", i).hasSize(expected.length);
    }
  }

  @Test
  void countsPrintAsWholeNumbersAndOthersAsShortestDecimals() {
    double[] row = TestSeries.row();
    row[Metric.STEP.ordinal()] = 7;
    row[Metric.BURN_IN.ordinal()] = 1;
    row[Metric.FIRMS.ordinal()] = 120;
    row[Metric.INNOVATIONS.ordinal()] = -0.0;
    row[Metric.OUTPUT.ordinal()] = 2.5;
    row[Metric.PRODUCTIVITY.ordinal()] = 0.1;
    row[Metric.TAX.ordinal()] = 1e-5;
    row[Metric.FIRM_CASH.ordinal()] = 12_345_678_901.0;
    TimeSeries series = new TimeSeries();
    series.add(row);
    String[] fields = TimeSeriesCsv.format(series).split("\n")[1].split(",");
    assertThat(fields[Metric.STEP.ordinal()]).isEqualTo("7");
    assertThat(fields[Metric.BURN_IN.ordinal()]).isEqualTo("1");
    assertThat(fields[Metric.FIRMS.ordinal()]).isEqualTo("120");
    assertThat(fields[Metric.INNOVATIONS.ordinal()]).isEqualTo("0");
    assertThat(fields[Metric.ALLIANCES.ordinal()]).isEqualTo("0");
    assertThat(fields[Metric.OUTPUT.ordinal()]).isEqualTo("2.5");
    assertThat(fields[Metric.PRODUCTIVITY.ordinal()]).isEqualTo("0.1");
    assertThat(fields[Metric.TAX.ordinal()]).isEqualTo("1.0E-5");
    assertThat(fields[Metric.FIRM_CASH.ordinal()]).isEqualTo("1.2345678901E10");
    assertThat(fields[Metric.SUBSIDIES.ordinal()]).isEqualTo("0.0");
  }

  @Test
  void outputDoesNotDependOnTheDefaultLocale() {
    TimeSeries series = TestSeries.sample(30, 5);
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      String us = TimeSeriesCsv.format(series);
      Locale.setDefault(Locale.GERMANY);
      String de = TimeSeriesCsv.format(series);
      Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
      String ar = TimeSeriesCsv.format(series);
      assertThat(de).isEqualTo(us);
      assertThat(ar).isEqualTo(us);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void nanAndInfinityAreRefusedAndNothingIsWritten() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[] row = TestSeries.row();
      row[Metric.PRODUCTIVITY.ordinal()] = bad;
      TimeSeries series = new TimeSeries();
      series.add(TestSeries.row());
      series.add(row);
      Path file = dir.resolve("bad.csv");
      assertThatThrownBy(() -> TimeSeriesCsv.write(series, file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("productivity")
          .hasMessageContaining("row 1");
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void aFractionInACountIsRefused() {
    double[] row = TestSeries.row();
    row[Metric.ENTRIES.ordinal()] = 1.5;
    TimeSeries series = new TimeSeries();
    series.add(row);
    assertThatThrownBy(() -> TimeSeriesCsv.format(series))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("entries");
  }

  @Test
  void readRejectsAHeaderThatDoesNotMatchTheMetrics() throws IOException {
    String good = TimeSeriesCsv.format(TestSeries.sample(3, 1));
    Path renamed = dir.resolve("renamed.csv");
    Files.writeString(renamed, good.replaceFirst("firmsSoe", "firmsState"));
    assertThatThrownBy(() -> TimeSeriesCsv.read(renamed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header")
        .hasMessageContaining("firmsState");
    Path shortHeader = dir.resolve("short.csv");
    String lastColumn = Metric.values()[Metric.values().length - 1].column();
    assertThat(good).contains("," + lastColumn + "\n");
    Files.writeString(shortHeader, good.replaceFirst("," + lastColumn + "\n", "\n"));
    assertThatThrownBy(() -> TimeSeriesCsv.read(shortHeader))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> TimeSeriesCsv.read(empty)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readRejectsMalformedRowsWithTheLineNumber() {
    String header = TimeSeriesCsv.header() + "\n";
    String[] zeros = new String[Metric.values().length];
    java.util.Arrays.fill(zeros, "0");
    String goodRow = String.join(",", zeros);
    assertThat(TimeSeriesCsv.parse(header + goodRow + "\n").size()).isEqualTo(1);
    assertThat(TimeSeriesCsv.parse(header.replace("\n", "\r\n") + goodRow + "\r\n").size()).isEqualTo(1);
    assertThat(TimeSeriesCsv.parse(header).size()).isZero();

    assertThatThrownBy(() -> TimeSeriesCsv.parse(header + goodRow + "\n" + goodRow + ",0\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
    String[] nan = zeros.clone();
    nan[Metric.OUTPUT.ordinal()] = "NaN";
    assertThatThrownBy(() -> TimeSeriesCsv.parse(header + String.join(",", nan) + "\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output");
    String[] fraction = zeros.clone();
    fraction[Metric.FIRMS.ordinal()] = "2.0";
    assertThatThrownBy(() -> TimeSeriesCsv.parse(header + String.join(",", fraction) + "\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firms");
  }

  @Test
  void sameSeriesGivesIdenticalBytes() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    TimeSeriesCsv.write(TestSeries.sample(40, 10), a);
    TimeSeriesCsv.write(TestSeries.sample(40, 10), b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }
}
