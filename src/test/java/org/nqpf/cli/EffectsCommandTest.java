package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.cli.RunCommandTest.Outcome;
import org.nqpf.config.EffectsConfig;
import org.nqpf.experiment.EffectsOutput;

/** The {@code effects} verb end to end on a small economy. */
class EffectsCommandTest {
  /**
   * Two policies: R&D subsidies, and a fund top-up under MARKET replenishment, which only FIXED
   * replenishment reads: its two scenarios differ in the file but not in what the model does.
   */
  private static final String TABLE = """
      name: small-effects
      scenario: {firms: {count: 150}, universities: {count: 3}}
      steps: 30
      burnIn: 10
      replications: 3
      masterSeed: 11
      policies:
        - name: rdSubsidy
          label: R&D subsidy
          from: {policy: {rdSubsidyRate: 0.0}}
          to: {policy: {rdSubsidyRate: 0.4}}
          expected: {privateInnovation: "+", governmentNetCost: "+"}
          source: Bloom, Griffith and Van Reenen 2002
        - name: idleTopUp
          label: Fund top-up under MARKET replenishment
          from: {policy: {fundReplenishment: MARKET, fundTopUp: 0.0}}
          to: {policy: {fundReplenishment: MARKET, fundTopUp: 0.004}}
      """;

  @TempDir
  Path dir;

  private Path file(String text) throws IOException {
    Path file = dir.resolve("effects.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void writesEveryFileTheSameWithOneOrTwoThreadsAndVerifyRerunsIt() throws IOException {
    Path table = file(TABLE);
    Path one = dir.resolve("results/one");
    Path two = dir.resolve("results/two");
    Outcome a = RunCommandTest.execute("effects", table.toString(), "--threads", "1", "--out", one.toString(), "--quiet");
    assertThat(a.exitCode()).as(a.err()).isZero();
    Outcome b = RunCommandTest.execute("effects", table.toString(), "--threads", "2", "--out", two.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();
    // Three distinct scenarios (the top-up's two differ in the file), each run under three seeds.
    assertThat(b.out()).contains("small-effects: 2 policies, 12 runs (3 replications, master seed 11) on 2 threads");
    for (String name : List.of(EffectsOutput.FILE, EffectsOutput.EFFECTS, EffectsOutput.TABLE, EffectsOutput.RUNS,
        EffectsOutput.CHART)) {
      assertThat(Files.readAllBytes(one.resolve(name))).as(name).isEqualTo(Files.readAllBytes(two.resolve(name)));
    }
    String csv = Files.readString(one.resolve(EffectsOutput.EFFECTS));
    assertThat(csv.lines().count()).isEqualTo(1 + 2L * EffectsConfig.Outcome.values().length);
    // More subsidy, more private innovations in every pair: the interval lies above zero.
    String innovation = csv.lines().filter(l -> l.startsWith("rdSubsidy,") && l.contains(",privateInnovation,"))
        .findFirst().orElseThrow();
    String[] cells = innovation.split(",");
    assertThat(Double.parseDouble(cells[8])).as(innovation).isGreaterThan(0);
    assertThat(innovation).endsWith(",3,+,+,yes,\"Bloom, Griffith and Van Reenen 2002\"");
    assertThat(Files.readString(one.resolve(EffectsOutput.TABLE))).contains("| R&D subsidy | policy.rdSubsidyRate 0.0 → 0.4 |");

    Outcome verified = RunCommandTest.execute("verify", one.toString());
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).contains("ok       effects.csv").contains("verified");
    Path runs = one.resolve(EffectsOutput.RUNS);
    Files.writeString(runs, Files.readString(runs).replace("rdSubsidy,from,0,", "rdSubsidy,from,1,"));
    Outcome tampered = RunCommandTest.execute("verify", one.toString());
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.out()).contains("MISMATCH runs.csv");
  }

  /** The two runs of a pair share their seed: a change the model does not read gives differences of exactly zero. */
  @Test
  void pairsShareTheirSeedsSoAChangeWithoutEffectDiffersByNothing() throws IOException {
    Path out = dir.resolve("results/paired");
    Outcome made = RunCommandTest.execute("effects", file(TABLE).toString(), "--out", out.toString(), "--quiet");
    assertThat(made.exitCode()).as(made.err()).isZero();
    List<String> idle = Files.readString(out.resolve(EffectsOutput.EFFECTS)).lines()
        .filter(l -> l.startsWith("idleTopUp,")).toList();
    assertThat(idle).hasSize(EffectsConfig.Outcome.values().length);
    for (String line : idle) {
      String[] cells = line.split(",", -1);
      int n = cells.length;
      // difference, low95, high95 (the label has no comma), then 3 replications, no expectation, model sign 0
      assertThat(cells[7]).as(line).isEqualTo("0.0");
      assertThat(cells[8]).as(line).isEqualTo("0.0");
      assertThat(cells[9]).as(line).isEqualTo("0.0");
      assertThat(cells[n - 3]).as(line).isEqualTo("0");
    }
  }

  @Test
  void aBadFileIsRefusedWithTheKeyPathAndNothingIsWritten() throws IOException {
    Path out = dir.resolve("results/bad");
    Outcome refused = RunCommandTest.execute("effects",
        file(TABLE.replace("privateInnovation: \"+\"", "privateInovation: \"+\"")).toString(), "--out", out.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("policies[0].expected.privateInovation").contains("did you mean 'privateInnovation'?");
    assertThat(out).doesNotExist();
    Outcome badValue = RunCommandTest.execute("effects",
        file(TABLE.replace("rdSubsidyRate: 0.4", "rdSubsidyRate: 1.4")).toString(), "--out", out.toString());
    assertThat(badValue.exitCode()).isEqualTo(2);
    assertThat(badValue.err()).contains("policies[0].to.policy.rdSubsidyRate").contains("1.4").contains("[0, 0.9]");
    assertThat(out).doesNotExist();
  }
}
