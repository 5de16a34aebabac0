package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqpf.report.FirmPanel;

/** {@code run --firm-panel K} and a sweep's firm panel, end to end as a user types them. */
class FirmPanelCommandTest {
  private static final String SCENARIO = """
      name: panel
      seed: 3
      steps: 30
      burnIn: 5
      firms: {count: 120}
      universities: {count: 2}
      """;
  private static final String EXPERIMENT = """
      name: panel-sweep
      scenario: {firms: {count: 80}, universities: {count: 2}}
      steps: 8
      burnIn: 2
      replications: 2
      masterSeed: 99
      parameters:
        - {key: policy.iprProtection, values: [0.0, 0.8]}
      metrics: [firms, output, employment]
      firmPanel: 3
      """;

  @TempDir
  Path dir;

  private static List<Map<String, String>> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      assertThat(fields).as(line).hasSize(header.length);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], fields[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> documentedColumns() {
    return FirmPanel.COLUMNS.stream().map(FirmPanel.Column::name).toList();
  }

  @Test
  void aRunsPanelHoldsTheLivingFirmsOfEveryKthRecordedStepAndAddsUpToTheTimeSeries() throws IOException {
    Path scenario = Files.writeString(dir.resolve("panel.yaml"), SCENARIO);
    Path out = dir.resolve("out");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("run", scenario.toString(), "--out", out.toString(), "--quiet",
        "--firm-panel", "4");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(Files.readAllLines(out.resolve(FirmPanel.FILE)).get(0)).isEqualTo(String.join(",", documentedColumns()));

    List<Map<String, String>> panel = read(out.resolve(FirmPanel.FILE));
    List<Map<String, String>> series = read(out.resolve("timeseries.csv"));
    int expectedRows = 0;
    for (int step = 5; step < 35; step += 4) {
      Map<String, String> at = series.get(step);
      expectedRows += Integer.parseInt(at.get("firms"));
      String s = Integer.toString(step);
      List<Map<String, String>> rows = panel.stream().filter(r -> r.get("step").equals(s)).toList();
      assertThat(rows).as("step %d", step).hasSize(Integer.parseInt(at.get("firms")));
      assertThat(sum(rows, "sales")).as("sales at %d", step).isCloseTo(Double.parseDouble(at.get("output")), within(1e-6));
      assertThat(sum(rows, "employment")).isCloseTo(Double.parseDouble(at.get("employment")), within(1e-6));
      assertThat(sum(rows, "rdSpending")).isCloseTo(Double.parseDouble(at.get("rdSpending")), within(1e-6));
      assertThat(sum(rows, "debt")).isCloseTo(Double.parseDouble(at.get("debt")), within(1e-6));
      assertThat(rows.stream().filter(r -> r.get("ownership").equals("PRIVATE")).count())
          .isEqualTo(Long.parseLong(at.get("firmsPrivate")));
    }
    assertThat(panel).hasSize(expectedRows);
    for (Map<String, String> row : panel) {
      if (!row.get("exitStep").isEmpty()) {
        assertThat(Long.parseLong(row.get("exitStep"))).isGreaterThan(Long.parseLong(row.get("step")));
      }
    }
    assertThat(panel).anyMatch(r -> !r.get("exitStep").isEmpty());
    assertThat(RunCommandTest.execute("verify", out.toString()).out()).contains("firm-panel.csv: identical");
  }

  @Test
  void aSweepsPanelIsTheSameWithOneAndTwoThreadsAndHasEachRunsLivingFirms() throws IOException {
    Path file = Files.writeString(dir.resolve("panel-sweep.yaml"), EXPERIMENT);
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--threads", "1", "--out", one.toString(), "--quiet").exitCode())
        .isZero();
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--threads", "2", "--out", two.toString(), "--quiet").exitCode())
        .isZero();
    assertThat(Files.readAllBytes(two.resolve(FirmPanel.FILE))).isEqualTo(Files.readAllBytes(one.resolve(FirmPanel.FILE)));
    assertThat(Files.readAllLines(one.resolve(FirmPanel.FILE)).get(0))
        .isEqualTo("run,point,replication," + String.join(",", documentedColumns()));

    List<Map<String, String>> panel = read(one.resolve(FirmPanel.FILE));
    long expected = 0;
    for (Map<String, String> row : read(one.resolve("timeseries.csv"))) {
      int step = Integer.parseInt(row.get("step"));
      if (step >= 2 && (step - 2) % 3 == 0) {
        expected += Long.parseLong(row.get("firms"));
        String run = row.get("run");
        String s = row.get("step");
        List<Map<String, String>> rows = panel.stream().filter(r -> r.get("run").equals(run) && r.get("step").equals(s)).toList();
        assertThat(sum(rows, "sales")).isCloseTo(Double.parseDouble(row.get("output")), within(1e-6));
      }
    }
    assertThat(panel).hasSize((int) expected);
    assertThat(panel.stream().map(r -> r.get("run")).distinct()).containsExactly("0", "1", "2", "3");
    assertThat(RunCommandTest.execute("verify", one.toString()).out()).contains("firm-panel.csv: identical");
  }

  @Test
  void theSweepOptionOverridesTheFileAndIsRecordedInTheExperiment() throws IOException {
    Path file = Files.writeString(dir.resolve("panel-sweep.yaml"), EXPERIMENT.replace("firmPanel: 3\n", ""));
    Path out = dir.resolve("out");
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--out", out.toString(), "--quiet", "--firm-panel", "8")
        .exitCode()).isZero();
    assertThat(Files.readString(out.resolve("experiment.yaml"))).contains("firmPanel: 8");
    assertThat(read(out.resolve(FirmPanel.FILE))).allMatch(r -> r.get("step").equals("2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3"})
  void aBadValueIsRefusedNamingTheOptionTheValueAndWhatIsAllowed(String value) throws IOException {
    Path scenario = Files.writeString(dir.resolve("panel.yaml"), SCENARIO);
    Path out = dir.resolve("out");
    RunCommandTest.Outcome run = RunCommandTest.execute("run", scenario.toString(), "--out", out.toString(), "--firm-panel", value);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--firm-panel", "value " + value, "K >= 1");
    Path file = Files.writeString(dir.resolve("panel-sweep.yaml"), EXPERIMENT);
    RunCommandTest.Outcome sweep = RunCommandTest.execute("sweep", file.toString(), "--out", out.toString(), "--firm-panel", value);
    assertThat(sweep.exitCode()).isEqualTo(2);
    assertThat(sweep.err()).contains("--firm-panel", "value " + value, "K >= 1");
    Path inFile = Files.writeString(dir.resolve("bad.yaml"), EXPERIMENT.replace("firmPanel: 3", "firmPanel: " + value));
    RunCommandTest.Outcome key = RunCommandTest.execute("sweep", inFile.toString(), "--out", out.toString());
    assertThat(key.exitCode()).isEqualTo(2);
    assertThat(key.err()).contains("firmPanel", "value " + value, "[1, 1000000]");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("out.partial")).doesNotExist();
  }

  @Test
  void everyColumnIsDocumentedWithItsUnit() throws IOException {
    String docs = Files.readString(Path.of("docs/OUTPUTS.md"), StandardCharsets.UTF_8);
    for (FirmPanel.Column column : FirmPanel.COLUMNS) {
      assertThat(docs).as("docs/OUTPUTS.md documents %s", column.name()).contains("| `" + column.name() + "` |");
    }
  }

  private static double sum(List<Map<String, String>> rows, String column) {
    double sum = 0;
    for (Map<String, String> row : rows) {
      sum += Double.parseDouble(row.get(column));
    }
    return sum;
  }
}
