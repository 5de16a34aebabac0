package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsTest {

  @TempDir
  Path dir;

  /** The grid fixture with three replications and a metric that never moves and one that is all noise. */
  private static ExperimentFixture grid() {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.replications = 3;
    fixture.metrics = List.of("output", "smeRationedShare", "specialLoans");
    return fixture;
  }

  /** The row of findings.csv for a parameter and a metric. */
  private static int row(CsvTable findings, String parameter, String metric) {
    for (int r = 0; r < findings.size(); r++) {
      if (findings.text(r, findings.require("parameter")).equals(parameter)
          && findings.text(r, findings.require("metric")).equals(metric)) {
        return r;
      }
    }
    throw new AssertionError("no finding for " + parameter + " and " + metric);
  }

  /**
   * From runs.csv by hand: per replication, the mean of {@code metric}_mean over the runs whose
   * parameter {@code column} equals {@code value} (whatever the other parameter).
   */
  private static double[] byReplication(Path runs, String parameter, double value, String metric, int replications)
      throws IOException {
    List<String> lines = Files.readAllLines(runs, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    double[] sums = new double[replications];
    int[] counts = new int[replications];
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (Double.parseDouble(cells[header.indexOf(parameter)]) == value) {
        int r = Integer.parseInt(cells[header.indexOf("replication")]);
        sums[r] += Double.parseDouble(cells[header.indexOf(metric + "_mean")]);
        counts[r]++;
      }
    }
    double[] means = new double[replications];
    for (int r = 0; r < replications; r++) {
      assertThat(counts[r]).as("runs of replication " + r + " at " + parameter + " = " + value).isEqualTo(3);
      means[r] = sums[r] / counts[r];
    }
    return means;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  @Test
  void aGridEffectIsTheDifferenceOfTheExtremeLevelsAveragedWithinReplicationsWithWelchsInterval() throws IOException {
    Path results = grid().writeTo(dir.resolve("grid"));
    Path file = Findings.write(results);
    CsvTable findings = CsvTable.read(file);
    assertThat(findings.header()).containsExactly("rank", "parameter", "metric", "low", "high", "effect", "lo95", "hi95",
        "n", "method", "score", "sentence");
    assertThat(findings.size()).isEqualTo(2 * 3);

    double[] low = byReplication(results.resolve("runs.csv"), "policy.iprProtection", 0.0, "output", 3);
    double[] high = byReplication(results.resolve("runs.csv"), "policy.iprProtection", 0.8, "output", 3);
    double effect = mean(high) - mean(low);
    double a = Math.pow(new StandardDeviation().evaluate(low), 2) / 3;
    double b = Math.pow(new StandardDeviation().evaluate(high), 2) / 3;
    double df = (a + b) * (a + b) / (a * a / 2 + b * b / 2);
    double half = new TDistribution(null, df).inverseCumulativeProbability(0.975) * Math.sqrt(a + b);

    int r = row(findings, "policy.iprProtection", "output");
    assertThat(findings.number(r, findings.require("effect"))).isCloseTo(effect, within(1e-9));
    assertThat(findings.number(r, findings.require("lo95"))).isCloseTo(effect - half, within(1e-6));
    assertThat(findings.number(r, findings.require("hi95"))).isCloseTo(effect + half, within(1e-6));
    assertThat(findings.number(r, findings.require("low"))).isZero();
    assertThat(findings.number(r, findings.require("high"))).isEqualTo(0.8);
    assertThat(findings.integer(r, findings.require("n"))).isEqualTo(3);
    assertThat(findings.text(r, findings.require("method"))).isEqualTo("welch");
    // output = 1000 + 400 · iprProtection + …: about 320 over the range
    assertThat(effect).isBetween(300.0, 340.0);
    assertThat(findings.text(r, findings.require("sentence")))
        .startsWith("iprProtection 0 \u2192 0.8 raises output by ")
        .endsWith(" (money/quarter, averaged over guaranteeCoverage)");
  }

  @Test
  void findingsAreRankedByEffectOverIntervalWidthAndAnIntervalHoldingZeroIsNotSignificant() throws IOException {
    ExperimentResults results = ExperimentFolder.read(grid().writeTo(dir.resolve("grid")));
    List<Findings.Finding> findings = Findings.of(results);
    for (int i = 1; i < findings.size(); i++) {
      assertThat(findings.get(i).score()).isLessThanOrEqualTo(findings.get(i - 1).score());
    }
    Findings.Finding first = findings.get(0);
    assertThat(first.score()).isEqualTo(Math.abs(first.effect()) / (first.hi95() - first.lo95()));
    assertThat(first.significant()).isTrue();

    // smeRationedShare alternates between replications whatever the point: the same at both ends.
    Findings.Finding noise = findings.stream().filter(f -> f.metric().equals("smeRationedShare")
        && f.parameter().equals("policy.guaranteeCoverage")).findFirst().orElseThrow();
    assertThat(noise.effect()).isCloseTo(0.0, within(1e-12));
    assertThat(noise.lo95()).isNegative();
    assertThat(noise.hi95()).isPositive();
    assertThat(noise.significant()).isFalse();
    assertThat(noise.sentence()).isEqualTo("guaranteeCoverage 0 \u2192 0.4 does not significantly change"
        + " smeRationedShare (0.0 [-1.1, 1.1]; share, averaged over iprProtection)");

    Findings.Finding constant = findings.stream().filter(f -> f.metric().equals("specialLoans")).findFirst()
        .orElseThrow();
    assertThat(constant.sentence()).endsWith("does not change specialLoans (count, the same in every replication)");
    assertThat(constant.score()).isZero();
  }

  @Test
  void oneReplicationGivesEffectsWithoutIntervals() throws IOException {
    ExperimentFixture fixture = grid();
    fixture.replications = 1;
    CsvTable findings = CsvTable.read(Findings.write(fixture.writeTo(dir.resolve("one"))));
    int r = row(findings, "policy.iprProtection", "output");
    assertThat(findings.text(r, findings.require("lo95"))).isEmpty();
    assertThat(findings.text(r, findings.require("hi95"))).isEmpty();
    assertThat(findings.text(r, findings.require("score"))).isEmpty();
    assertThat(findings.text(r, findings.require("sentence"))).startsWith("iprProtection 0 \u2192 0.8 raises output by ")
        .endsWith("(money/quarter, one replication, no interval)");
  }

  @Test
  void aSampledDesignGivesTheLinearEffectFromTheSrcRankedBySensitivity() throws IOException {
    ExperimentFixture fixture = ExperimentFixture.sampled();
    ExperimentResults results = ExperimentFolder.read(fixture.writeTo(dir.resolve("lhs")));
    List<Findings.Finding> findings = Findings.of(results);
    assertThat(findings).hasSize(3 * 2);
    for (int i = 1; i < findings.size(); i++) {
      assertThat(findings.get(i).score()).isLessThanOrEqualTo(findings.get(i - 1).score());
    }
    Findings.Finding finding = findings.stream().filter(f -> f.metric().equals("innovations")
        && f.parameter().equals("policy.aiInfrastructure")).findFirst().orElseThrow();
    double[] x = new double[6];
    double[] y = new double[6];
    for (int p = 0; p < 6; p++) {
      x[p] = fixture.points.get(p)[2];
      y[p] = results.summaryValue(p, "innovations", "_mean");
    }
    double src = (1 * 0.37 + 2 * -0.41) % 1.0; // the fixture's made-up SRC of (innovations, aiInfrastructure)
    double scale = new StandardDeviation().evaluate(y) / new StandardDeviation().evaluate(x) * (1.0 - 0.0);
    assertThat(finding.effect()).isCloseTo(src * scale, within(1e-9));
    assertThat(finding.lo95()).isCloseTo((src - 0.15) * scale, within(1e-9));
    assertThat(finding.hi95()).isCloseTo((src + 0.1) * scale, within(1e-9));
    assertThat(finding.score()).isEqualTo(Math.abs(src));
    assertThat(finding.n()).isEqualTo(6);
    assertThat(finding.method()).isEqualTo(Findings.Method.LINEAR);
    assertThat(finding.sentence()).startsWith("aiInfrastructure 0 \u2192 1 lowers innovations by ")
        .contains("linear fit over 6 design points, the other parameters varying; SRC -0.45");
  }

  @Test
  void aSobolDesignRanksByTheTotalIndexAndFitsOnTheRowsAAndB() throws IOException {
    ExperimentFixture fixture = ExperimentFixture.sampled();
    fixture.design = "SOBOL";
    fixture.parameters = List.of("policy.iprProtection", "policy.guaranteeCoverage");
    fixture.points = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      fixture.points.add(new double[] {(p * 0.37) % 1.0, (p * 0.61) % 1.0});
    }
    fixture.sensitivityMethods = List.of("SRC", "PRCC", "SOBOL_FIRST", "SOBOL_TOTAL");
    fixture.experimentText = fixture.experimentYaml().replace("samples: 8", "samples: 2");
    List<Findings.Finding> findings = Findings.of(ExperimentFolder.read(fixture.writeTo(dir.resolve("sobol"))));
    assertThat(findings).hasSize(2 * 2).allSatisfy(f -> assertThat(f.n()).isEqualTo(4));
    Findings.Finding first = findings.get(0);
    // The made-up SOBOL_TOTAL (method 3) of each metric and parameter; the largest comes first.
    double best = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < 2; m++) {
      for (int k = 0; k < 2; k++) {
        best = Math.max(best, ((m + 1) * 0.37 + k * -0.41 + 3 * 0.13) % 1.0);
      }
    }
    assertThat(first.score()).isEqualTo(best);
    assertThat(first.sentence()).contains("total Sobol index");
  }

  @Test
  void numbersInSentencesShowTwoSignificantDigitsOfTheIntervalsHalfWidth() {
    assertThat(FindingSentences.rounded(0.21134, 0.041)).isEqualTo("0.211");
    assertThat(FindingSentences.rounded(38213.4, 3100)).isEqualTo("38200");
    assertThat(FindingSentences.rounded(-0.0004, 0.5)).isEqualTo("0.00");
    assertThat(FindingSentences.rounded(1.8965e-7, 6e-7)).isEqualTo("1.9e-7");
    assertThat(FindingSentences.rounded(4.25, 0.0)).isEqualTo("4.25");
    assertThat(FindingSentences.sentence("coverage", "0", "0.7", "smeRationedShare", -0.21, -0.25, -0.17, ""))
        .isEqualTo("coverage 0 \u2192 0.7 lowers smeRationedShare by 0.210 [0.170, 0.250] (share)");
  }

  @Test
  void aDesignWithoutParametersOrWithoutRunsHasNoFindings() throws IOException {
    ExperimentFixture none = ExperimentFixture.grid();
    none.parameters = List.of();
    none.points = new ArrayList<>(List.of(new double[0]));
    assertThat(Findings.text(none.writeTo(dir.resolve("none")))).isEqualTo(Findings.HEADER + "\n");
    Path noRuns = ExperimentFixture.grid().writeTo(dir.resolve("no-runs"));
    Files.delete(noRuns.resolve("runs.csv"));
    assertThat(Findings.text(noRuns)).isEqualTo(Findings.HEADER + "\n");
  }
}
