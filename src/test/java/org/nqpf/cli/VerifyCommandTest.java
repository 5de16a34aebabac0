package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify: reruns a results folder from its manifest; names what differs; exit 0, 1 or 2. */
class VerifyCommandTest {
  private static final String SCENARIO = "name: v\nseed: 5\nsteps: 12\nburnIn: 3\nfirms: {count: 80}\nuniversities: {count: 2}\n";
  private static final String EXPERIMENT = """
      name: vx
      scenario: {firms: {count: 60}, universities: {count: 2}}
      steps: 6
      burnIn: 1
      replications: 2
      masterSeed: 4
      parameters:
        - {key: policy.iprProtection, values: [0.0, 0.8]}
      metrics: [innovations, output]
      """;

  @TempDir
  Path dir;

  private Path run() throws IOException {
    Path scenario = Files.writeString(dir.resolve("v.yaml"), SCENARIO);
    Path out = dir.resolve("run");
    assertThat(RunCommandTest.execute("run", scenario.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    return out;
  }

  private Path sweep() throws IOException {
    Path experiment = Files.writeString(dir.resolve("vx.yaml"), EXPERIMENT);
    Path out = dir.resolve("sweep");
    assertThat(RunCommandTest.execute("sweep", experiment.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    return out;
  }

  @Test
  void anUntouchedRunFolderVerifies() throws IOException {
    RunCommandTest.Outcome outcome = RunCommandTest.execute("verify", run().toString());
    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("ok       timeseries.csv").contains("verified: every output matches");
  }

  @Test
  void oneChangedByteOfAnOutputIsNamed() throws IOException {
    Path out = run();
    Path series = out.resolve("timeseries.csv");
    byte[] bytes = Files.readAllBytes(series);
    int at = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
    bytes[at] = (byte) (bytes[at] == '0' ? '1' : '0');
    Files.write(series, bytes);
    RunCommandTest.Outcome outcome = RunCommandTest.execute("verify", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("MISMATCH timeseries.csv").contains("line 2, column 1").contains("NOT verified");
  }

  @Test
  void oneChangedValueOfTheConfigIsNamed() throws IOException {
    Path out = run();
    Path config = out.resolve("config.yaml");
    Files.writeString(config, Files.readString(config).replace("taxRate: 0.25", "taxRate: 0.26"));
    RunCommandTest.Outcome outcome = RunCommandTest.execute("verify", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("MISMATCH config.yaml");
  }

  @Test
  void aTamperedChecksumInTheManifestNamesItsFile() throws IOException {
    Path out = run();
    Path manifest = out.resolve("manifest.json");
    String text = Files.readString(manifest);
    int entry = text.indexOf("\"summary.json\"");
    int hash = text.indexOf("\"sha256\"", entry);
    int value = text.indexOf('"', text.indexOf(':', hash) + 1) + 1;
    char first = text.charAt(value);
    Files.writeString(manifest, text.substring(0, value) + (first == 'a' ? 'b' : 'a') + text.substring(value + 1));
    RunCommandTest.Outcome outcome = RunCommandTest.execute("verify", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("MISMATCH summary.json").contains("SHA-256 differs from the manifest's")
        .contains("ok       timeseries.csv");
  }

  @Test
  void aManifestThatIsNotJsonExitsTwoAndSaysSo() throws IOException {
    Path out = run();
    Files.writeString(out.resolve("manifest.json"), "{ not json");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("verify", out.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("manifest.json").doesNotContain("\tat ");
  }

  @Test
  void anUnusableFolderExitsTwo() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    RunCommandTest.Outcome outcome = RunCommandTest.execute("verify", empty.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("manifest.json");
    assertThat(RunCommandTest.execute("verify", dir.resolve("absent").toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void anExperimentFolderVerifiesWholeAndBySampleAndATamperedRowIsFound() throws IOException {
    Path out = sweep();
    RunCommandTest.Outcome whole = RunCommandTest.execute("verify", out.toString());
    assertThat(whole.exitCode()).as(whole.out()).isZero();
    assertThat(whole.out()).contains("ok       runs.csv").contains("ok       summary.csv").contains("ok       findings.csv");
    RunCommandTest.Outcome sample = RunCommandTest.execute("verify", out.toString(), "--sample", "2");
    assertThat(sample.exitCode()).as(sample.out()).isZero();
    assertThat(sample.out()).contains("2 sampled runs rerun");

    Path runs = out.resolve("runs.csv");
    String text = Files.readString(runs);
    int line = text.indexOf('\n') + 1;
    int comma = text.indexOf(',', text.indexOf(',', text.indexOf(',', text.indexOf(',', line) + 1) + 1) + 1);
    Files.writeString(runs, text.substring(0, comma + 1) + "9" + text.substring(comma + 2));
    RunCommandTest.Outcome tampered = RunCommandTest.execute("verify", out.toString());
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.out()).contains("MISMATCH runs.csv");
  }

  @Test
  void chartKeepsTheManifestTrue() throws IOException {
    Path out = sweep();
    assertThat(RunCommandTest.execute("chart", out.toString(), "--quiet").exitCode()).isZero();
    RunCommandTest.Outcome outcome = RunCommandTest.execute("verify", out.toString(), "--sample", "1");
    assertThat(outcome.exitCode()).as(outcome.out()).isZero();
  }
}
