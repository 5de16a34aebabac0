package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nqpf.cli.RunCommandTest.Outcome;
import org.nqpf.validation.Targets;
import org.nqpf.validation.ValidationCharts;
import org.nqpf.validation.ValidationOutput;

/** The {@code validate} verb end to end on a small scenario. */
class ValidateCommandTest {
  private static final String SMALL = """
      name: small
      seed: 1
      steps: 48
      burnIn: 8
      firms: {count: 150}
      universities: {count: 3}
      """;

  @TempDir
  Path dir;

  private Path scenario() throws IOException {
    Path file = dir.resolve("small.yaml");
    Files.writeString(file, SMALL, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  /** verify reruns a validation folder from its manifest, and names a tampered table. */
  @Test
  void verifyRerunsAValidationAndNamesATamperedFile() throws IOException {
    Path out = dir.resolve("results/checked");
    Outcome made = RunCommandTest.execute("validate", scenario().toString(), "--replications", "2", "--seed", "3", "--out",
        out.toString(), "--quiet");
    assertThat(made.exitCode()).as(made.err()).isZero();
    Outcome checked = RunCommandTest.execute("verify", out.toString());
    assertThat(checked.exitCode()).as(checked.out() + checked.err()).isZero();
    assertThat(checked.out()).contains("ok       validation.csv").contains("ok       charts/").contains("verified");

    Path table = out.resolve("validation.csv");
    String text = Files.readString(table);
    Files.writeString(table, text.replaceFirst("\n1a,", "\n1b,"));
    assertThat(Files.readString(table)).isNotEqualTo(text);
    Outcome tampered = RunCommandTest.execute("verify", out.toString());
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.out()).contains("MISMATCH validation.csv");
  }

  @Test
  void writesEveryFileAndTheSameBytesWithOneOrTwoThreads() throws IOException {
    Path file = scenario();
    Path one = dir.resolve("results/one");
    Path two = dir.resolve("results/two");
    Outcome a = RunCommandTest.execute("validate", file.toString(), "--replications", "2", "--seed", "7", "--threads", "1",
        "--out", one.toString(), "--quiet");
    assertThat(a.exitCode()).as(a.err()).isZero();
    Outcome b = RunCommandTest.execute("validate", file.toString(), "--replications", "2", "--seed", "7", "--threads", "2",
        "--out", two.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.out()).contains("2 replications").contains("targets pass");
    assertThat(b.out()).containsPattern("(?m)^10a +Warm-up: private share of firms +outcome ")
        .containsPattern("(?m)^11f +Stationary: number of firms +outcome ")
        .containsPattern("(?m)^12d +Ergodic: private share of output +outcome ")
        .containsPattern("(?m)^2a +AI adopters' production efficiency +input .* INFO$")
        .containsPattern("(?m)^1a +Private share of firms +calibrated ")
        .containsPattern("(?m)^1d +Private share of output \\(GDP\\) +outcome ");

    List<String> files = listing(one);
    for (String name : ValidationOutput.FILES) {
      assertThat(one.resolve(name)).isNotEmptyFile();
    }
    assertThat(files).contains("config.yaml", "manifest.json", "report.html", "charts/rank_size_employment.png",
        "charts/rank_size_employment.svg", "charts/growth_density.png", "charts/lorenz_innovation_value.png",
        "charts/exit_hazard_by_age.svg", "charts/degree_distribution.png");
    for (String chart : ValidationCharts.NAMES) {
      if (files.contains("charts/" + chart + ".png")) {
        assertThat(files).contains("charts/" + chart + ".svg");
      }
    }
    assertThat(listing(two)).isEqualTo(files);
    for (String name : files) {
      if (!name.equals("manifest.json")) {
        assertThat(Files.readAllBytes(two.resolve(name))).as(name).isEqualTo(Files.readAllBytes(one.resolve(name)));
      }
    }
    try (Stream<Path> siblings = Files.list(one.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()).sorted()).containsExactly("one", "two");
    }

    List<String> table = Files.readAllLines(one.resolve(ValidationOutput.TABLE));
    assertThat(table.get(0)).isEqualTo("id,target,statistic,origin,target_value,model_value,ci_low,ci_high,verdict,note");
    assertThat(table).hasSize(1 + Targets.ALL.size());
    for (String row : table.subList(1, table.size())) {
      assertThat(row).containsAnyOf(",PASS,", ",MISS,", ",INFO,");
    }
    String manifest = Files.readString(one.resolve("manifest.json"));
    assertThat(manifest).contains("\"masterSeed\": 7").contains("\"replications\": 2").contains("\"threads\": 1")
        .contains("validation.csv").contains("charts/growth_density.png");
    assertThat(Files.readString(one.resolve("report.html"))).contains("<table>").contains("data:image/png;base64,")
        .doesNotContain("--threads");
  }

  @ParameterizedTest
  @CsvSource({
      "--replications, 1, --replications",
      "--replications, 5000, --replications",
      "--threads, 0, --threads",
      "--seed, -3, --seed"})
  void refusesBadOptionsWithExitCodeTwo(String option, String value, String named) throws IOException {
    Path out = dir.resolve("results/bad");
    Outcome outcome = RunCommandTest.execute("validate", scenario().toString(), option, value, "--out", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains(named).contains(value);
    assertThat(out).doesNotExist();
  }

  @Test
  void refusesABadScenarioAndAnUnknownOption() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "firms: {count: -4}\n", StandardCharsets.UTF_8);
    Outcome outcome = RunCommandTest.execute("validate", bad.toString(), "--out", dir.resolve("x").toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("firms.count");
    Outcome unknown = RunCommandTest.execute("validate", "--replicatoins", "3");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--replicatoins");
  }
}
