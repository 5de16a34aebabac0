package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqpf.report.ParquetOutput;

/**
 * {@code --format csv,parquet} end to end: each Parquet file, read back by DuckDB's Parquet reader,
 * holds the CSV file's columns and rows, value for value (a sweep's with the parameter values as
 * columns); the bytes are the same whatever the threads; a bad value is refused.
 */
class ParquetFormatTest {
  private static final String SCENARIO = """
      name: parquet
      seed: 5
      steps: 12
      burnIn: 3
      firms: {count: 100}
      universities: {count: 2}
      """;
  private static final String EXPERIMENT = """
      name: parquet-sweep
      scenario: {firms: {count: 80}, universities: {count: 2}}
      steps: 6
      burnIn: 2
      replications: 2
      masterSeed: 7
      parameters:
        - {key: policy.iprProtection, values: [0.0, 0.8]}
        - {key: firms.count, values: [60, 80]}
      metrics: [firms, output, smeRationedShare]
      firmPanel: 2
      formats: [csv, parquet]
      """;

  private static final List<String> PARAMETER_KEYS = List.of("policy.iprProtection", "firms.count");

  @TempDir
  Path dir;

  @Test
  void aRunsParquetFilesHoldTheCsvFilesValues() throws Exception {
    Path scenario = Files.writeString(dir.resolve("parquet.yaml"), SCENARIO);
    Path out = dir.resolve("out");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("run", scenario.toString(), "--out", out.toString(), "--quiet",
        "--firm-panel", "2", "--format", "csv,parquet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertEqualToCsv(out.resolve("timeseries.parquet"), out.resolve("timeseries.csv"), Map.of());
    assertEqualToCsv(out.resolve("firm-panel.parquet"), out.resolve("firm-panel.csv"), Map.of());
    assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"timeseries.parquet\"", "\"firm-panel.parquet\"");
    assertThat(RunCommandTest.execute("verify", out.toString()).out()).contains("timeseries.parquet: identical",
        "firm-panel.parquet: identical");
  }

  @Test
  void aSweepsParquetFilesAddTheParametersAndAreTheSameWithOneAndTwoThreads() throws Exception {
    Path file = Files.writeString(dir.resolve("parquet-sweep.yaml"), EXPERIMENT);
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--threads", "1", "--out", one.toString(), "--quiet").exitCode())
        .isZero();
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--threads", "2", "--out", two.toString(), "--quiet").exitCode())
        .isZero();
    for (String name : List.of("runs.parquet", "timeseries.parquet", "firm-panel.parquet")) {
      assertThat(Files.readAllBytes(two.resolve(name))).as(name).isEqualTo(Files.readAllBytes(one.resolve(name)));
    }
    Map<String, Map<String, String>> parameters = new HashMap<>();
    List<String> points = Files.readAllLines(one.resolve("points.csv"));
    String[] keys = points.get(0).split(",");
    for (String line : points.subList(1, points.size())) {
      String[] fields = line.split(",");
      Map<String, String> values = new HashMap<>();
      for (int k = 1; k < keys.length; k++) {
        values.put(keys[k], fields[k]);
      }
      parameters.put(fields[0], values);
    }
    assertThat(keys).containsExactly("point", "policy.iprProtection", "firms.count");
    assertEqualToCsv(one.resolve("runs.parquet"), one.resolve("runs.csv"), parameters);
    assertEqualToCsv(one.resolve("timeseries.parquet"), one.resolve("timeseries.csv"), parameters);
    assertEqualToCsv(one.resolve("firm-panel.parquet"), one.resolve("firm-panel.csv"), parameters);
    assertThat(RunCommandTest.execute("verify", one.toString()).out()).contains("firm-panel.parquet: identical");
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "csv,xml", "csv,parquet,parquet"})
  void aBadFormatIsRefusedNamingTheOptionTheValueAndWhatIsAllowed(String value) throws IOException {
    Path scenario = Files.writeString(dir.resolve("parquet.yaml"), SCENARIO);
    Path out = dir.resolve("out");
    RunCommandTest.Outcome run = RunCommandTest.execute("run", scenario.toString(), "--out", out.toString(), "--format", value);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format", "\"" + value + "\"", "expected csv (the default) or csv,parquet");
    Path file = Files.writeString(dir.resolve("parquet-sweep.yaml"), EXPERIMENT);
    RunCommandTest.Outcome sweep = RunCommandTest.execute("sweep", file.toString(), "--out", out.toString(), "--format", value);
    assertThat(sweep.exitCode()).isEqualTo(2);
    assertThat(sweep.err()).contains("--format", "\"" + value + "\"", "expected csv (the default) or csv,parquet");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("out.partial")).doesNotExist();
  }

  /**
   * The Parquet file's columns are the CSV's (with the parameter columns after {@code replication}
   * when {@code parameters}, by point, is not empty) and its rows, in order, hold the same values:
   * whole numbers and text as written, doubles exactly (the CSV's shortest round-trip form parsed).
   */
  private static void assertEqualToCsv(Path parquet, Path csv, Map<String, Map<String, String>> parameters)
      throws IOException, SQLException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = new ArrayList<>(List.of(lines.get(0).split(",", -1)));
    List<String> expectedColumns = new ArrayList<>(header);
    List<String> parameterKeys = parameters.isEmpty() ? List.of() : PARAMETER_KEYS;
    if (!parameters.isEmpty() && !header.contains(PARAMETER_KEYS.get(0))) {
      // The parameter columns come in points.csv's order, after replication.
      expectedColumns.addAll(expectedColumns.indexOf("replication") + 1, PARAMETER_KEYS);
    }
    try (Connection connection = ParquetOutput.open(); Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT * FROM read_parquet('" + parquet.toAbsolutePath() + "')")) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        columns.add(meta.getColumnName(c));
      }
      assertThat(columns).as(parquet + " columns").isEqualTo(expectedColumns);
      int line = 1;
      while (rows.next()) {
        assertThat(line).as("%s has more rows than %s", parquet, csv).isLessThan(lines.size());
        String[] fields = lines.get(line).split(",", -1);
        for (int c = 0; c < header.size(); c++) {
          Object value = rows.getObject(header.get(c));
          String cell = fields[c];
          if (cell.isEmpty()) {
            assertThat(value).as("%s row %d %s", parquet, line, header.get(c)).isNull();
          } else if (value instanceof Double d) {
            assertThat(d).as("%s row %d %s", parquet, line, header.get(c)).isEqualTo(Double.parseDouble(cell));
          } else {
            assertThat(String.valueOf(value)).as("%s row %d %s", parquet, line, header.get(c)).isEqualTo(cell);
          }
        }
        if (!parameters.isEmpty()) {
          Map<String, String> values = parameters.get(String.valueOf(rows.getObject("point")));
          for (String key : parameterKeys) {
            Object value = rows.getObject(key);
            assertThat(value instanceof Double d ? d : Double.valueOf(String.valueOf(value))).as(key)
                .isEqualTo(Double.parseDouble(values.get(key)));
          }
        }
        line++;
      }
      assertThat(line).as("rows of %s", parquet).isEqualTo(lines.size());
    }
  }
}
