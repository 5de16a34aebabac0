package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.report.ExperimentFixture;

/** The {@code chart} verb: regenerates charts/ and report.html, refuses a bad folder with exit 2. */
class ChartCommandTest {

  @TempDir
  Path dir;

  private static RunCommandTest.Outcome execute(String... args) {
    return RunCommandTest.execute(args);
  }

  @Test
  void regeneratesTheChartsAndTheReport() throws IOException {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    RunCommandTest.Outcome outcome = execute("chart", results.toString());
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("9 charts").contains("report.html");
    assertThat(results.resolve("report.html")).isNotEmptyFile();
    assertThat(results.resolve("charts/heatmap_output.png")).isNotEmptyFile();
    assertThat(results.resolve("charts/heatmap_output.svg")).isNotEmptyFile();
    byte[] report = Files.readAllBytes(results.resolve("report.html"));

    assertThat(execute("chart", results.toString(), "--quiet").out()).isEmpty();
    assertThat(Files.readAllBytes(results.resolve("report.html"))).isEqualTo(report);
    try (Stream<Path> files = Files.list(results)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void aMissingFolderIsRefusedWithExitTwo() {
    Path missing = dir.resolve("no-such-results");
    RunCommandTest.Outcome outcome = execute("chart", missing.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("no-such-results").contains("does not exist")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(missing).doesNotExist();
  }

  @Test
  void aFileInsteadOfAFolderIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("results.txt"), "x");
    RunCommandTest.Outcome outcome = execute("chart", file.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("not a folder");
  }

  @Test
  void aRunFolderOrAMissingFileIsRefusedAndNothingIsWritten() throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("config.yaml"), "name: x\n");
    RunCommandTest.Outcome notAnExperiment = execute("chart", run.toString());
    assertThat(notAnExperiment.exitCode()).isEqualTo(2);
    assertThat(notAnExperiment.err()).contains("experiment.yaml").contains("single `run`");

    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    Files.delete(results.resolve("summary.csv"));
    RunCommandTest.Outcome outcome = execute("chart", results.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("summary.csv").doesNotContain("\tat ");
    assertThat(results.resolve("charts")).doesNotExist();
    assertThat(results.resolve("report.html")).doesNotExist();
  }

  @Test
  void aMalformedFileIsRefusedWithItsLine() throws IOException {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    Files.writeString(results.resolve("timeseries.csv"), "run,point,replication,step,burnIn,output\n0,0,0,x,0,1\n");
    RunCommandTest.Outcome outcome = execute("chart", results.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("timeseries.csv, line 2, column step");
  }

  @Test
  void noArgumentIsABadCommandLine() {
    RunCommandTest.Outcome outcome = execute("chart");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("RESULTS_DIR");
  }
}
