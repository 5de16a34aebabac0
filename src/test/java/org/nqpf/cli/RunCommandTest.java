package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nqpf.model.Matrices;
import org.nqpf.report.MatricesCsv;
import org.nqpf.report.RunWriter;
import picocli.CommandLine;

/** The {@code run} verb end to end: files written, refusals, determinism of the bytes. */
public class RunCommandTest {
  private static final String SMALL = """
      name: tiny
      seed: 3
      steps: 30
      burnIn: 5
      firms: {count: 120}
      universities: {count: 2}
      """;

  @TempDir
  Path dir;

  /** What a command printed and returned; other packages' tests use it too. */
  public record Outcome(int exitCode, String out, String err) {}

  public static Outcome execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // As main builds it: only the named sub-command when the first argument names one.
    CommandLine cli = Main.commandLine(args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private Path scenario(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void writesEveryOutputFile() throws IOException {
    Path out = dir.resolve("results/tiny");
    Outcome outcome = execute("run", scenario("tiny.yaml", SMALL).toString(), "--out", out.toString(), "--quiet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    for (String file : RunWriter.FILES) {
      assertThat(out.resolve(file)).isNotEmptyFile();
    }
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertThat(siblings).containsExactly(out);
    }
    assertThat(Files.readAllLines(out.resolve("timeseries.csv"))).hasSize(1 + 35);
    assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"seed\": 3").contains("--quiet");
  }

  @Test
  void matricesAreWrittenOnlyWhenAskedCloseEveryStepAndVerify() throws IOException {
    Path file = scenario("incomes.yaml", SMALL + "mechanisms: {market: LINES, demand: INCOMES}\n");
    Path out = dir.resolve("with");
    Outcome outcome = execute("run", file.toString(), "--out", out.toString(), "--quiet", "--matrices");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    List<String> lines = Files.readAllLines(out.resolve(MatricesCsv.FILE_NAME));
    assertThat(lines.get(0)).isEqualTo(
        "step,matrix,row,households,privateFirms,soes,banks,guaranteeFunds,government,goodsMarket,centralBank,sum");
    assertThat(lines).hasSize(1 + 35 * (Matrices.Flow.values().length + Matrices.Stock.values().length));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      if (fields[2].equals("capital") || fields[2].equals("netWorth")) {
        continue;
      }
      double largest = 0;
      for (int i = 3; i < fields.length - 1; i++) {
        largest = Math.max(largest, Math.abs(Double.parseDouble(fields[i])));
      }
      assertThat(Math.abs(Double.parseDouble(fields[fields.length - 1]))).as(line).isLessThanOrEqualTo(1e-9 * largest + 1e-12);
    }
    Outcome verified = execute("verify", out.toString());
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).contains("matrices.csv: identical");

    Path plain = dir.resolve("without");
    assertThat(execute("run", file.toString(), "--out", plain.toString(), "--quiet").exitCode()).isZero();
    assertThat(plain.resolve(MatricesCsv.FILE_NAME)).doesNotExist();
    assertThat(Files.readAllBytes(plain.resolve("timeseries.csv"))).isEqualTo(Files.readAllBytes(out.resolve("timeseries.csv")));
  }

  /**
   * A run whose productivity compounds without bound (innovations 128 times the default's smallest
   * size, an efficiency ten times the default's, effort at constant returns) is refused at the step
   * it leaves the numbers, in one line naming it, exit code 1, and nothing is written.
   */
  @Test
  void aDivergedRunSaysWhereAndWritesNothing() {
    Path out = dir.resolve("results/diverged");
    Outcome outcome = execute("run", "--seed", "3", "--steps", "200", "--set", "burnIn=10", "--set", "firms.count=100",
        "--set", "universities.count=2", "--set", "innovation.innovationEfficiency=3", "--set",
        "innovation.effortElasticity=1.0", "--set", "innovation.sizeMinimum=0.05", "--out", out.toString(), "--quiet");
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.err()).startsWith("error: the model diverged at step ").doesNotContain("internal error").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(out.getParent()).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void matricesWithResumeFromAreRefused() {
    Outcome refused = execute("run", "--resume-from", dir.resolve("none.ckpt").toString(), "--matrices");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--matrices cannot be used with --resume-from");
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDifferentOnes() throws IOException {
    Path file = scenario("tiny.yaml", SMALL);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    assertThat(execute("run", file.toString(), "--out", a.toString(), "--quiet").exitCode()).isZero();
    assertThat(execute("run", file.toString(), "--out", b.toString(), "--quiet").exitCode()).isZero();
    assertThat(execute("run", file.toString(), "--seed", "4", "--out", c.toString(), "--quiet").exitCode()).isZero();
    for (String name : new String[] {"config.yaml", "timeseries.csv", "summary.json", "innovations.png"}) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
    for (String name : new String[] {"config.yaml", "timeseries.csv", "summary.json", "innovations.png"}) {
      assertThat(Files.readAllBytes(c.resolve(name))).as(name).isNotEqualTo(Files.readAllBytes(a.resolve(name)));
    }
  }

  @Test
  void rerunReplacesTheFolderWholeButNotAFileItsManifestDoesNotList() throws IOException {
    Path file = scenario("tiny.yaml", SMALL);
    Path out = dir.resolve("out");
    assertThat(execute("run", file.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    byte[] series = Files.readAllBytes(out.resolve("timeseries.csv"));
    Files.writeString(out.resolve("timeseries.csv"), "damaged");
    assertThat(execute("run", file.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    assertThat(out.resolve("timeseries.csv")).hasBinaryContent(series);
    Files.writeString(out.resolve("notes.txt"), "mine");
    Outcome refused = execute("run", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).startsWith("error: cannot write results to").contains("notes.txt");
    assertThat(out.resolve("notes.txt")).hasContent("mine");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "firms: {count: -5}                 | firms.count",
      "policy: {taxRate: 1.5}             | policy.taxRate",
      "firms: {soeShare: .nan}            | firms.soeShare",
      "firms: {cuont: 5}                  | firms.cuont",
      "steps: many                        | steps",
      "mechanisms: {finance: BANKS}       | mechanisms.finance",
      "firms: {count: 9000000}            | firms.count: value 9000000 would need about",
  })
  void aBadConfigIsRefusedWithExitTwoAndNothingWritten(String yaml, String key) throws IOException {
    Path out = dir.resolve("never");
    Outcome outcome = execute("run", scenario("bad.yaml", yaml).toString(), "--out", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains(key).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("bad.yaml"));
    }
  }

  @Test
  void badCommandLineValuesAreRefused() {
    Outcome negativeSteps = execute("run", "--steps", "-1", "--out", dir.resolve("x").toString());
    assertThat(negativeSteps.exitCode()).isEqualTo(2);
    assertThat(negativeSteps.err()).contains("--steps");
    Outcome notANumber = execute("run", "--seed", "abc");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err()).contains("--seed");
    // 2^53 is the first seed a double cannot tell from its neighbour: refused, as in a scenario file.
    Outcome tooLarge = execute("run", "--seed", "9007199254740993", "--out", dir.resolve("x").toString());
    assertThat(tooLarge.exitCode()).isEqualTo(2);
    assertThat(tooLarge.err()).contains("--seed: value 9007199254740993 is above 2^53 - 1")
        .contains("[0, 9007199254740991]");
    assertThat(execute("validate", "--seed", "9007199254740992", "--out", dir.resolve("x").toString()).err())
        .contains("--seed: value 9007199254740992 is above 2^53 - 1");
    Outcome missing = execute("run", dir.resolve("absent.yaml").toString(), "--out", dir.resolve("y").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    assertThat(dir.resolve("x")).doesNotExist();
    assertThat(dir.resolve("y")).doesNotExist();
  }

  @Test
  void anOutputPathThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("occupied"), "not a folder");
    Outcome outcome = execute("run", scenario("tiny.yaml", SMALL).toString(), "--out", file.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("occupied");
    assertThat(Files.readString(file)).isEqualTo("not a folder");
  }

  @Test
  void versionAndHelpWork() {
    assertThat(execute("--version").out()).contains("nqpf");
    assertThat(execute("run", "--help").out()).contains("--seed").contains("--steps").contains("--out");
  }
}
