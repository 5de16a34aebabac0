package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.cli.ParquetFormatTest.Table;

/**
 * The Parquet files of {@code run} and {@code sweep --format csv,parquet --firm-panel K}, read back by
 * a reader other than the one that wrote them: parquet-java's ({@code ParquetReader} with
 * {@code GroupReadSupport}, on a local file, without Hadoop's file systems), not DuckDB's. Each holds
 * its CSV file's columns and rows, value for value: whole numbers and text as written, doubles
 * exactly, an empty CSV cell null, and a sweep's parameter values as columns (the comparison is
 * {@link ParquetFormatTest}'s). Seeded like ParquetFormatTest: the same scenario and experiment.
 */
class ParquetIndependentReadTest {
  @TempDir
  Path dir;

  @Test
  void aRunsParquetFilesReadByParquetJavaHoldTheCsvFilesValues() throws Exception {
    Path scenario = Files.writeString(dir.resolve("parquet.yaml"), ParquetFormatTest.SCENARIO);
    Path out = dir.resolve("out");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("run", scenario.toString(), "--out", out.toString(), "--quiet",
        "--firm-panel", "2", "--format", "csv,parquet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    for (String name : List.of("timeseries", "firm-panel")) {
      Path parquet = out.resolve(name + ".parquet");
      ParquetFormatTest.assertEqualToCsv(readWithParquetJava(parquet), parquet, out.resolve(name + ".csv"), Map.of());
    }
  }

  @Test
  void aSweepsParquetFilesReadByParquetJavaHoldTheCsvFilesValuesAndTheParameters() throws Exception {
    // The experiment without its firmPanel and formats: given on the command line instead.
    String experiment = ParquetFormatTest.EXPERIMENT.replace("firmPanel: 2\n", "").replace("formats: [csv, parquet]\n", "");
    assertThat(experiment).doesNotContain("firmPanel", "formats");
    Path file = Files.writeString(dir.resolve("parquet-sweep.yaml"), experiment);
    Path out = dir.resolve("out");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("sweep", file.toString(), "--out", out.toString(), "--quiet",
        "--threads", "1", "--firm-panel", "2", "--format", "csv,parquet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Map<String, Map<String, String>> parameters = ParquetFormatTest.parameters(out.resolve("points.csv"));
    for (String name : List.of("runs", "timeseries", "firm-panel")) {
      Path parquet = out.resolve(name + ".parquet");
      ParquetFormatTest.assertEqualToCsv(readWithParquetJava(parquet), parquet, out.resolve(name + ".csv"), parameters);
    }
  }

  /**
   * {@code parquet} read by parquet-java: the schema's top-level fields as the columns, each row's
   * values as Long (INT64, INT32), Double (DOUBLE), String (BINARY) or null (an absent optional value).
   */
  static Table readWithParquetJava(Path parquet) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    List<String> columns = null;
    ParquetReader.Builder<Group> builder = new ParquetReader.Builder<Group>(new LocalInputFile(parquet),
        new PlainParquetConfiguration()) {
      @Override
      protected ReadSupport<Group> getReadSupport() {
        return new GroupReadSupport();
      }
    };
    try (ParquetReader<Group> reader = builder.build()) {
      for (Group group = reader.read(); group != null; group = reader.read()) {
        GroupType schema = group.getType();
        if (columns == null) {
          columns = new ArrayList<>();
          for (Type field : schema.getFields()) {
            assertThat(field.isPrimitive()).as("%s: %s is a flat column", parquet, field.getName()).isTrue();
            assertThat(field.isRepetition(Type.Repetition.REPEATED)).as("%s: %s repeats", parquet, field.getName()).isFalse();
            columns.add(field.getName());
          }
        }
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
          row.add(group.getFieldRepetitionCount(i) == 0 ? null : switch (schema.getType(i).asPrimitiveType().getPrimitiveTypeName()) {
            case INT64 -> group.getLong(i, 0);
            case INT32 -> (long) group.getInteger(i, 0);
            case DOUBLE -> group.getDouble(i, 0);
            case BINARY -> group.getString(i, 0);
            default -> fail("%s: column %s has the unexpected type %s", parquet, schema.getFieldName(i), schema.getType(i));
          });
        }
        rows.add(row);
      }
    }
    assertThat(columns).as("%s has rows", parquet).isNotNull();
    return new Table(columns, rows);
  }
}
