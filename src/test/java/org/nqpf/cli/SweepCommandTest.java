package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep and merge end to end: the same files whatever the threads, the shards or an interruption. */
class SweepCommandTest {
  private static final List<String> DATA = List.of("experiment.yaml", "points.csv", "runs.csv", "timeseries.csv", "summary.csv",
      "findings.csv", "report.html");
  private static final String EXPERIMENT = """
      name: tiny
      scenario: {firms: {count: 80}, universities: {count: 2}}
      steps: 8
      burnIn: 2
      replications: 3
      masterSeed: 99
      parameters:
        - {key: policy.iprProtection, values: [0.0, 0.8]}
        - {key: demography.entryRate, values: [0.01, 0.05]}
      metrics: [innovations, output, firms]
      """;

  @TempDir
  Path dir;

  private Path experiment() throws IOException {
    return Files.writeString(dir.resolve("tiny.yaml"), EXPERIMENT, StandardCharsets.UTF_8);
  }

  private static void assertSameData(Path a, Path b) throws IOException {
    for (String name : DATA) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
    try (Stream<Path> charts = Files.list(a.resolve("charts"))) {
      List<Path> files = charts.sorted().toList();
      assertThat(files).isNotEmpty();
      for (Path chart : files) {
        Path other = b.resolve("charts").resolve(chart.getFileName().toString());
        assertThat(Files.readAllBytes(other)).as(chart.getFileName().toString()).isEqualTo(Files.readAllBytes(chart));
      }
    }
  }

  @Test
  void aSweepTooLargeForTheHeapIsRefusedBeforeItStarts() throws IOException {
    Path file = Files.writeString(dir.resolve("huge.yaml"), EXPERIMENT.replace(
        "- {key: demography.entryRate, values: [0.01, 0.05]}", "- {key: firms.count, values: [100, 9000000]}"));
    Path out = dir.resolve("huge");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("sweep", file.toString(), "--threads", "2", "--out", out.toString(),
        "--quiet");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("firms.count: value 9000000 would need about", "times 2 runs at once")
        .doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("huge.partial")).doesNotExist();
  }

  @Test
  void oneAndTwoThreadsGiveByteIdenticalFiles() throws IOException {
    Path file = experiment();
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--threads", "1", "--out", one.toString(), "--quiet").exitCode()).isZero();
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--threads", "2", "--out", two.toString(), "--quiet").exitCode()).isZero();
    assertSameData(one, two);
    assertThat(Files.readAllLines(one.resolve("runs.csv"))).hasSize(1 + 4 * 3);
    assertThat(Files.readAllLines(one.resolve("summary.csv"))).hasSize(1 + 4);
    assertThat(Files.readAllLines(one.resolve("timeseries.csv"))).hasSize(1 + 12 * 10);
    assertThat(one.resolve("manifest.json")).isNotEmptyFile();
    assertThat(dir.resolve("one.partial")).doesNotExist();
  }

  @Test
  void threeShardsMergedGiveTheFilesOfOneSweep() throws IOException {
    Path file = experiment();
    Path whole = dir.resolve("whole");
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--out", whole.toString(), "--quiet").exitCode()).isZero();
    for (int i = 0; i < 3; i++) {
      RunCommandTest.Outcome shard = RunCommandTest.execute("sweep", file.toString(), "--shard", i + "/3", "--out",
          dir.resolve("shard-" + i).toString(), "--quiet");
      assertThat(shard.exitCode()).as(shard.err()).isZero();
    }
    Path merged = dir.resolve("merged");
    RunCommandTest.Outcome merge = RunCommandTest.execute("merge", dir.resolve("shard-2").toString(),
        dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString(), "--out", merged.toString(), "--quiet");
    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertSameData(whole, merged);
  }

  @Test
  void mergeRefusesAnIncompleteSetOfShards() throws IOException {
    Path file = experiment();
    RunCommandTest.execute("sweep", file.toString(), "--shard", "0/2", "--out", dir.resolve("s0").toString(), "--quiet");
    RunCommandTest.Outcome merge = RunCommandTest.execute("merge", dir.resolve("s0").toString(), "--out", dir.resolve("m").toString());
    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err()).contains("shard 1/2 is missing");
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @Test
  void aSweepKilledWithSigkillResumesToTheSameFiles() throws Exception {
    Path file = Files.writeString(dir.resolve("longer.yaml"), EXPERIMENT.replace("replications: 3", "replications: 12"));
    Path reference = dir.resolve("reference");
    assertThat(RunCommandTest.execute("sweep", file.toString(), "--out", reference.toString(), "--quiet").exitCode()).isZero();

    Path out = dir.resolve("killed");
    Path state = dir.resolve("killed.partial").resolve(".sweep-state.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.nqpf.cli.Main", "sweep",
        file.toString(), "--out", out.toString(), "--threads", "1", "--quiet")
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && !(Files.exists(state) && Files.readString(state).matches("(?s).*\"next\":([3-9]|[1-9][0-9]),.*"))) {
      Thread.sleep(20);
    }
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    assertThat(out).as("the sweep was killed before it finished").doesNotExist();
    assertThat(dir.resolve("killed.partial")).isDirectory();
    // A half-written row beyond the recorded state, as a kill in mid-write would leave.
    Files.writeString(dir.resolve("killed.partial").resolve("runs.csv"), "999,half", StandardOpenOption.APPEND);

    RunCommandTest.Outcome refused = RunCommandTest.execute("sweep", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--resume");

    RunCommandTest.Outcome resumed = RunCommandTest.execute("sweep", file.toString(), "--out", out.toString(), "--resume", "--quiet");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).as("the killed sweep's stale lock is taken over").startsWith("note: ")
        .contains("killed.partial was left by pid " + process.pid() + " (sweep), which has ended; taking it over");
    assertSameData(reference, out);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).doesNotContain("killed.partial");
    }
  }

  @Test
  void badExperimentsAndOptionsAreRefusedWithExitTwoAndNothingWritten() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), EXPERIMENT.replace("innovations, output, firms", "innovations, outptu"));
    RunCommandTest.Outcome outcome = RunCommandTest.execute("sweep", bad.toString(), "--out", dir.resolve("x").toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("metrics[1]").contains("outptu");
    RunCommandTest.Outcome shard = RunCommandTest.execute("sweep", experiment().toString(), "--shard", "3/3", "--out", dir.resolve("y").toString());
    assertThat(shard.exitCode()).isEqualTo(2);
    assertThat(shard.err()).contains("--shard");
    assertThat(dir.resolve("x")).doesNotExist();
    assertThat(dir.resolve("x.partial")).doesNotExist();
    assertThat(dir.resolve("y.partial")).doesNotExist();
  }

  @Test
  void benchReportsThroughputAndSpeedUpWithoutAssertingTimes() throws IOException {
    RunCommandTest.Outcome bench = RunCommandTest.execute("bench", "--what", "sweep", "--experiment", experiment().toString(),
        "--rounds", "1", "--threads", "2");
    assertThat(bench.exitCode()).as(bench.err()).isZero();
    assertThat(bench.out()).contains("12 runs per sweep").contains("runs/s").contains("speed-up");
  }

  /**
   * A reviewer reads runs.csv into R, pandas or a spreadsheet, where every number is a double,
   * and reruns a row with `run --seed`: every seed survives that, and the rerun gives the row's run.
   */
  @Test
  void aSeedReadBackAsADoubleRerunsItsRow() throws IOException {
    Path out = dir.resolve("sweep");
    RunCommandTest.Outcome sweep = RunCommandTest.execute("sweep", experiment().toString(), "--out", out.toString(), "--quiet");
    assertThat(sweep.exitCode()).as(sweep.err()).isZero();
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(runs.get(0).split(","));
    int seedColumn = header.indexOf("seed");
    assertThat(runs).hasSize(1 + 12);
    for (String row : runs.subList(1, runs.size())) {
      String seed = row.split(",")[seedColumn];
      double asDouble = Double.parseDouble(seed);
      assertThat(new java.math.BigDecimal(asDouble).toBigIntegerExact().toString()).as("seed read as a double")
          .isEqualTo(seed);
    }

    // The last row, rerun from what a double-reading tool holds: its seed and its parameter values.
    String[] last = runs.get(runs.size() - 1).split(",");
    long seed = (long) Double.parseDouble(last[seedColumn]);
    double ipr = Double.parseDouble(last[header.indexOf("policy.iprProtection")]);
    double entry = Double.parseDouble(last[header.indexOf("demography.entryRate")]);
    Path scenario = Files.writeString(dir.resolve("row.yaml"), "name: row\nsteps: 8\nburnIn: 2\n"
        + "firms: {count: 80}\nuniversities: {count: 2}\npolicy: {iprProtection: " + ipr + "}\n"
        + "demography: {entryRate: " + entry + "}\n", StandardCharsets.UTF_8);
    Path rerun = dir.resolve("rerun");
    RunCommandTest.Outcome run = RunCommandTest.execute("run", scenario.toString(), "--seed", Long.toString(seed), "--out",
        rerun.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();

    String runIndex = last[0];
    List<String> sweepSeries = Files.readAllLines(out.resolve("timeseries.csv"), StandardCharsets.UTF_8);
    List<String> sweepColumns = List.of(sweepSeries.get(0).split(","));
    List<String> runSeries = Files.readAllLines(rerun.resolve("timeseries.csv"), StandardCharsets.UTF_8);
    List<String> runColumns = List.of(runSeries.get(0).split(","));
    List<String[]> rows = sweepSeries.stream().skip(1).map(r -> r.split(",")).filter(r -> r[0].equals(runIndex)).toList();
    assertThat(rows).hasSize(runSeries.size() - 1).hasSize(10);
    for (int step = 0; step < rows.size(); step++) {
      String[] rerunRow = runSeries.get(step + 1).split(",");
      for (String metric : List.of("innovations", "output", "firms")) {
        assertThat(Double.parseDouble(rerunRow[runColumns.indexOf(metric)])).as(metric + " at step " + step)
            .isEqualTo(Double.parseDouble(rows.get(step)[sweepColumns.indexOf(metric)]));
      }
    }
  }

  @Test
  void theSmokeExperimentRuns() {
    Path out = dir.resolve("smoke");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("sweep", "experiments/smoke.yaml", "--out", out.toString(), "--quiet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(out.resolve("summary.csv")).isNotEmptyFile();
    assertThat(new File(out.toFile(), "runs.csv")).isFile();
  }
}
