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
 * columns); the bytes are the same whatever the threads; a bad value is refused. The comparison with
 * the CSV is shared with {@link ParquetIndependentReadTest}, which reads the files with parquet-java.
 */
class ParquetFormatTest {
  static final String SCENARIO = """
      name: parquet
      seed: 5
      steps: 12
      burnIn: 3
      firms: {count: 100}
      universities: {count: 2}
      """;
  static final String EXPERIMENT = """
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
    for (String name : List.of("timeseries", "firm-panel")) {
      Path parquet = out.resolve(name + ".parquet");
      assertEqualToCsv(readWithDuckDb(parquet), parquet, out.resolve(name + ".csv"), Map.of());
    }
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
    Map<String, Map<String, String>> parameters = parameters(one.resolve("points.csv"));
    for (String name : List.of("runs", "timeseries", "firm-panel")) {
      Path parquet = one.resolve(name + ".parquet");
      assertEqualToCsv(readWithDuckDb(parquet), parquet, one.resolve(name + ".csv"), parameters);
    }
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

  /** A Parquet file as a reader gave it: its column names and its rows (Long, Double, String or null). */
  record Table(List<String> columns, List<List<Object>> rows) {}

  /** {@code parquet} read by DuckDB's Parquet reader. */
  static Table readWithDuckDb(Path parquet) throws SQLException {
    try (Connection connection = ParquetOutput.open(); Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT * FROM read_parquet('" + parquet.toAbsolutePath() + "')")) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        columns.add(meta.getColumnName(c));
      }
      List<List<Object>> values = new ArrayList<>();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= columns.size(); c++) {
          row.add(rows.getObject(c));
        }
        values.add(row);
      }
      return new Table(columns, values);
    }
  }

  /** A sweep's parameter values by point, as {@code points.csv} (its header checked) gives them. */
  static Map<String, Map<String, String>> parameters(Path points) throws IOException {
    Map<String, Map<String, String>> parameters = new HashMap<>();
    List<String> lines = Files.readAllLines(points, StandardCharsets.UTF_8);
    String[] keys = lines.get(0).split(",");
    assertThat(keys).containsExactly("point", "policy.iprProtection", "firms.count");
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      Map<String, String> values = new HashMap<>();
      for (int k = 1; k < keys.length; k++) {
        values.put(keys[k], fields[k]);
      }
      parameters.put(fields[0], values);
    }
    return parameters;
  }

  /**
   * {@code table}, read from {@code parquet}, has the CSV's columns (with the parameter columns after
   * {@code replication} when {@code parameters}, by point, is not empty) and its rows, in order, hold
   * the same values: whole numbers and text as written, doubles exactly (the CSV's shortest
   * round-trip form parsed), an empty CSV cell null.
   */
  static void assertEqualToCsv(Table table, Path parquet, Path csv, Map<String, Map<String, String>> parameters)
      throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = new ArrayList<>(List.of(lines.get(0).split(",", -1)));
    List<String> expectedColumns = new ArrayList<>(header);
    List<String> parameterKeys = parameters.isEmpty() ? List.of() : PARAMETER_KEYS;
    if (!parameters.isEmpty() && !header.contains(PARAMETER_KEYS.get(0))) {
      // The parameter columns come in points.csv's order, after replication.
      expectedColumns.addAll(expectedColumns.indexOf("replication") + 1, PARAMETER_KEYS);
    }
    assertThat(table.columns()).as(parquet + " columns").isEqualTo(expectedColumns);
    assertThat(table.rows()).as("rows of %s against %s", parquet, csv).hasSize(lines.size() - 1);
    for (int r = 0; r < table.rows().size(); r++) {
      int line = r + 1;
      List<Object> row = table.rows().get(r);
      String[] fields = lines.get(line).split(",", -1);
      assertThat(fields).as("%s line %d", csv, line).hasSize(header.size());
      for (int c = 0; c < header.size(); c++) {
        Object value = row.get(table.columns().indexOf(header.get(c)));
        String cell = fields[c];
        if (cell.isEmpty()) {
          assertThat(value).as("%s row %d %s", parquet, line, header.get(c)).isNull();
        } else if (value instanceof Double d) {
          assertThat(d).as("%s row %d %s", parquet, line, header.get(c)).isEqualTo(Double.parseDouble(cell));
        } else {
          assertThat(value).as("%s row %d %s", parquet, line, header.get(c)).isNotNull();
          assertThat(String.valueOf(value)).as("%s row %d %s", parquet, line, header.get(c)).isEqualTo(cell);
        }
      }
      if (!parameters.isEmpty()) {
        Map<String, String> values = parameters.get(String.valueOf(row.get(table.columns().indexOf("point"))));
        assertThat(values).as("%s row %d point", parquet, line).isNotNull();
        for (String key : parameterKeys) {
          Object value = row.get(table.columns().indexOf(key));
          assertThat(value).as("%s row %d %s", parquet, line, key).isNotNull();
          assertThat(value instanceof Double d ? d : Double.valueOf(String.valueOf(value))).as("%s row %d %s", parquet, line, key)
              .isEqualTo(Double.parseDouble(values.get(key)));
        }
      }
    }
  }
}
