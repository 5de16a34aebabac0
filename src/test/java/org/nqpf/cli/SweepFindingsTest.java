package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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

/**
 * The guarantees experiment, small and seeded, end to end: its report opens with findings whose
 * effect sizes are those a hand computation from runs.csv gives.
 */
class SweepFindingsTest {

  /** experiments/guarantees.yaml made small: two levels of each lever, 80 firms, 12 recorded steps. */
  private static final String GUARANTEES = """
      name: guarantees-small
      scenario:
        mechanisms: {market: REPLICATOR, demand: EXOGENOUS, innovation: DRAW}
        firms: {count: 80}
        universities: {count: 2}
      steps: 12
      burnIn: 3
      replications: 3
      masterSeed: 101
      design: {type: GRID}
      parameters:
        - {key: policy.guaranteeCoverage, values: [0.0, 0.7]}
        - {key: policy.fundLeverage, values: [2, 10]}
      metrics: [smeRationedShare, loansGuaranteed, output]
      """;

  @TempDir
  Path dir;

  /** A CSV file as rows of cells, the header first (the sentences of findings.csv are quoted). */
  private static List<String[]> read(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (var it = new CsvMapper().readerFor(String[].class).with(CsvSchema.emptySchema())
        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      while (it.hasNextValue()) {
        rows.add((String[]) it.nextValue());
      }
    }
    return rows;
  }

  @Test
  void theReportOpensWithFindingsWhoseEffectsAreTheHandComputedOnes() throws IOException {
    Path file = Files.writeString(dir.resolve("guarantees-small.yaml"), GUARANTEES, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    RunCommandTest.Outcome sweep = RunCommandTest.execute("sweep", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(sweep.exitCode()).as(sweep.err()).isZero();

    // By hand from runs.csv: within each replication, the mean of smeRationedShare_mean over the two
    // fund leverages at coverage 0 and at coverage 0.7; the effect is the difference of their means
    // over the replications, its interval Welch's.
    List<String[]> runs = read(out.resolve("runs.csv"));
    List<String> header = List.of(runs.get(0));
    double[][] sums = new double[2][3];
    for (String[] run : runs.subList(1, runs.size())) {
      int side = Double.parseDouble(run[header.indexOf("policy.guaranteeCoverage")]) == 0.7 ? 1 : 0;
      sums[side][Integer.parseInt(run[header.indexOf("replication")])] +=
          Double.parseDouble(run[header.indexOf("smeRationedShare_mean")]) / 2;
    }
    double effect = (sums[1][0] + sums[1][1] + sums[1][2]) / 3 - (sums[0][0] + sums[0][1] + sums[0][2]) / 3;
    double a = Math.pow(new StandardDeviation().evaluate(sums[0]), 2) / 3;
    double b = Math.pow(new StandardDeviation().evaluate(sums[1]), 2) / 3;
    double df = (a + b) * (a + b) / (a * a / 2 + b * b / 2);
    double half = new TDistribution(null, df).inverseCumulativeProbability(0.975) * Math.sqrt(a + b);

    List<String[]> findings = read(out.resolve("findings.csv"));
    List<String> columns = List.of(findings.get(0));
    assertThat(columns).containsExactly("rank", "parameter", "metric", "low", "high", "effect", "lo95", "hi95", "n",
        "method", "score", "sentence");
    assertThat(findings).hasSize(1 + 2 * 3);
    String[] row = findings.stream().filter(f -> f[1].equals("policy.guaranteeCoverage")
        && f[2].equals("smeRationedShare")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(row[columns.indexOf("effect")])).isCloseTo(effect, within(1e-12));
    assertThat(Double.parseDouble(row[columns.indexOf("lo95")])).isCloseTo(effect - half, within(1e-9));
    assertThat(Double.parseDouble(row[columns.indexOf("hi95")])).isCloseTo(effect + half, within(1e-9));
    assertThat(row[columns.indexOf("low")]).isEqualTo("0.0");
    assertThat(row[columns.indexOf("high")]).isEqualTo("0.7");
    assertThat(row[columns.indexOf("n")]).isEqualTo("3");
    assertThat(row[columns.indexOf("sentence")]).startsWith("guaranteeCoverage 0 \u2192 0.7 ")
        .contains(" smeRationedShare ").endsWith("averaged over fundLeverage)");

    // The report: the findings come first, in findings.csv's order, before the overview and every chart.
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    int top = html.indexOf("<h2 id=\"findings\">Findings</h2>");
    assertThat(top).isPositive().isLessThan(html.indexOf("<h2 id=\"overview\">")).isLessThan(html.indexOf("<figure"));
    int first = html.indexOf("<li", html.indexOf("<ol class=\"findings\">"));
    assertThat(html.substring(first, html.indexOf("</li>", first)))
        .endsWith(">" + findings.get(1)[columns.indexOf("sentence")].replace("&", "&amp;"));

    // findings.csv is part of the folder's record.
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<String> listed = new ArrayList<>();
    ((ArrayNode) manifest.path("files")).forEach(f -> listed.add(f.path("name").asText()));
    assertThat(listed).contains("findings.csv");
  }
}
