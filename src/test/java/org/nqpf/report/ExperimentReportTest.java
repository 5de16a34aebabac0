package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.config.Scenario;
import org.nqpf.stats.Replications;

class ExperimentReportTest {

  @TempDir
  Path dir;

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  @Test
  void theGridReportHoldsTheExperimentEveryChartTheSummaryAndTheManifest() throws IOException {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    List<Path> written = ExperimentReport.writeAll(results);
    Path report = results.resolve("report.html");
    assertThat(written).endsWith(report.toAbsolutePath());
    String html = Files.readString(report, StandardCharsets.UTF_8);

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).contains("<title>Experiment grid-fixture</title>");
    assertThat(html).contains("masterSeed: 20261127").contains("values: [0.0, 0.4, 0.8]");
    int charts = ExperimentChartsTest.GRID_CHARTS.size();
    assertThat(count(html, "<img ")).isEqualTo(charts);
    assertThat(count(html, "src=\"data:image/png;base64,")).isEqualTo(charts);
    for (String chart : ExperimentChartsTest.GRID_CHARTS) {
      assertThat(html).contains("<figure id=\"" + chart + "\">");
    }
    // the summary: one narrow table per metric (a row per point), folded away
    assertThat(html).contains("<h2 id=\"summary\">");
    for (String metric : List.of("output", "outputPrivate")) {
      assertThat(html).contains("<details>\n<summary><code>" + metric + "</code> (money/quarter)</summary>");
    }
    assertThat(html).contains("<thead><tr><th>point</th><th title=\"policy.iprProtection\">iprProtection</th>"
        + "<th title=\"policy.guaranteeCoverage\">guaranteeCoverage</th><th>replications</th><th>mean</th><th>sd</th>"
        + "<th>ciLow</th><th>ciHigh</th></tr></thead>");
    String summaryMean = Files.readAllLines(results.resolve("summary.csv")).get(5).split(",")[4];
    assertThat(html).contains("<tr><td class=\"n\">4</td><td class=\"n\">0.4</td><td class=\"n\">0.2</td>"
        + "<td class=\"n\">2</td><td class=\"n\" title=\"" + summaryMean + "\">");
    assertThat(html).doesNotContain("id=\"sensitivity-table\"");
    // the manifest verbatim, escaped
    assertThat(html).contains("&quot;masterSeed&quot;: 20261127").contains("&lt;b&gt;not markup&lt;/b&gt;")
        .doesNotContain("<b>not markup</b>");
    // units and meanings of the kept metrics
    assertThat(html).contains("<td>money/quarter</td>").contains("Nominal sales of private firms.");
    assertSelfContained(html);
  }

  @Test
  void theReportOpensWithContentsAndFindingsAndFoldsTheExperimentFileAndManifestAway() throws IOException {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    ExperimentReport.writeAll(results);
    String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
    int contents = html.indexOf("<p class=\"toc\">Contents</p>");
    int findings = html.indexOf("<h2 id=\"findings\">Findings</h2>");
    assertThat(contents).isPositive().isLessThan(findings);
    assertThat(findings).isLessThan(html.indexOf("<h2 id=\"overview\">")).isLessThan(html.indexOf("<figure"));
    assertThat(html.indexOf("<li><a href=\"#findings\">")).isLessThan(html.indexOf("<li><a href=\"#overview\">"));
    // the first finding is findings.csv's first sentence, the strongest effect
    List<Findings.Finding> ranked = Findings.of(ExperimentFolder.read(results));
    assertThat(html).contains("<ol class=\"findings\">\n<li>" + Html.esc(ranked.get(0).sentence())
        + "</li>\n");
    assertThat(ranked.get(0).sentence()).startsWith("iprProtection 0 \u2192 0.8 raises output");
    // the experiment file and the manifest are folded away, after the charts
    assertThat(html).containsPattern("<h2 id=\"experiment\">Experiment file</h2>\n<details>\n<summary>[^\n]*</summary>\n"
        + "<pre>name: grid-fixture");
    assertThat(html).containsPattern("<h2 id=\"manifest\">Manifest</h2>\n<details>\n<summary>");
    assertThat(html.lastIndexOf("<figure")).isLessThan(html.indexOf("<h2 id=\"experiment\">"));
    // no table wider than the point, the parameters, the replications and the four statistics
    Matcher header = Pattern.compile("<thead><tr>(.*?)</tr></thead>").matcher(html);
    while (header.find()) {
      assertThat(count(header.group(1), "<th")).isLessThanOrEqualTo(1 + ExperimentTables.MAX_PARAMETER_COLUMNS + 5);
    }
  }

  @Test
  void theSampledReportHasTheSensitivityTable() throws IOException {
    Path results = ExperimentFixture.sampled().writeTo(dir.resolve("lhs"));
    ExperimentReport.writeAll(results);
    String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<h2 id=\"sensitivity-table\">");
    for (String column : List.of("metric", "parameter", "method", "value", "ciLow", "ciHigh")) {
      assertThat(html).contains("<th>" + column + "</th>");
    }
    assertThat(html).contains("<td>PRCC</td>").contains("<td>policy.aiInfrastructure</td>");
    assertThat(count(html, "<img ")).isEqualTo(ExperimentChartsTest.SAMPLED_CHARTS.size());
    // numbers rounded for display, full value as tooltip: the fixture's PRCC of innovations and
    // aiInfrastructure, 0.37 − 2 · 0.41 + 0.13 = -0.31999999999999995
    assertThat(html).contains("title=\"-0.31999999999999995\">-0.32<");
    assertSelfContained(html);
  }

  @Test
  void theReportIsByteIdenticalWhenWrittenAgainAndMatchesTheReportOnlyWriter() throws IOException {
    Path results = ExperimentFixture.sampled().writeTo(dir.resolve("lhs"));
    ExperimentReport.writeAll(results);
    byte[] first = Files.readAllBytes(results.resolve("report.html"));
    ExperimentReport.writeAll(results);
    assertThat(Files.readAllBytes(results.resolve("report.html"))).isEqualTo(first);
    Files.delete(results.resolve("report.html"));
    assertThat(ExperimentReport.write(results)).isEqualTo(results.resolve("report.html").toAbsolutePath());
    assertThat(Files.readAllBytes(results.resolve("report.html"))).isEqualTo(first);

    Path copy = ExperimentFixture.sampled().writeTo(dir.resolve("elsewhere/other-name"));
    ExperimentReport.writeAll(copy);
    assertThat(Files.readAllBytes(copy.resolve("report.html"))).as("no path in the report").isEqualTo(first);
  }

  @Test
  void theImagesInTheReportAreTheChartFiles() throws IOException {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    ExperimentReport.writeAll(results);
    String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<figure id=\"([^\"]+)\">\n<img [^>]*src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
    int found = 0;
    while (m.find()) {
      found++;
      byte[] png = java.util.Base64.getDecoder().decode(m.group(2));
      assertThat(png).isEqualTo(Files.readAllBytes(results.resolve("charts/" + m.group(1) + ".png")));
    }
    assertThat(found).isEqualTo(ExperimentChartsTest.GRID_CHARTS.size());
  }

  /** The text of the Overview row {@code name}. */
  private static String overview(String html, String name) {
    Matcher row = Pattern.compile("<tr><th>" + Pattern.quote(name) + "</th><td>([^<]*)</td></tr>").matcher(html);
    assertThat(row.find()).as("the Overview has a row " + name).isTrue();
    return row.group(1);
  }

  @Test
  void theOverviewShowsStepsBurnInAndTheBaseScenario() throws IOException {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    ExperimentReport.writeAll(results);
    String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(overview(html, "Steps (recorded)")).isEqualTo("5");
    assertThat(overview(html, "Burn-in steps")).isEqualTo("2");
    assertThat(overview(html, "Base scenario")).isEqualTo("the built-in baseline with firms.count: 200");
    assertThat(overview(html, "Master seed")).isEqualTo("20261127");
  }

  /** Every experiment in experiments/, its experiment.yaml written as sweep writes it: no blank in the Overview. */
  @Test
  void theOverviewIsFilledForEveryExperimentInTheRepository() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of("experiments"))) {
      files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    int experiments = 0;
    for (Path file : files) {
      ExperimentConfig experiment;
      try {
        experiment = ExperimentLoader.load(file);
      } catch (ConfigException e) {
        assertThat(e.getMessage()).as(file.toString()).matches("this is a (scenario|calibration|policy-effects) file.*");
        continue; // baseline.yaml, for run; calibrate-shares.yaml, for calibrate; policy-effects.yaml, for effects
      }
      experiments++;
      ExperimentFixture fixture = ExperimentFixture.grid();
      fixture.experimentText = ExperimentRows.resolvedYaml(experiment);
      Path results = fixture.writeTo(dir.resolve(experiment.name()));
      ExperimentReport.writeAll(results);
      String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
      Scenario base = experiment.baseScenario();
      assertThat(overview(html, "Steps (recorded)")).as(file.toString()).isEqualTo(Integer.toString(base.steps()));
      assertThat(overview(html, "Burn-in steps")).as(file.toString()).isEqualTo(Integer.toString(base.burnIn()));
      assertThat(overview(html, "Master seed")).as(file.toString()).isEqualTo(Long.toString(experiment.masterSeed()));
      assertThat(overview(html, "Replications per point")).as(file.toString())
          .isEqualTo(Integer.toString(experiment.replications()));
      // A few changed keys are listed, more are counted (the earlier model's sweeps pin a dozen).
      assertThat(overview(html, "Base scenario")).as(file.toString())
          .matches("the built-in baseline with (firms\\.count: " + base.firms().count() + ".*|\\d+ keys changed .*)");
      assertThat(html).as(file.toString()).doesNotContain("<td>\u2014</td>");
    }
    assertThat(experiments).as("experiment files in experiments/").isGreaterThanOrEqualTo(10);
  }

  @Test
  void aFolderWithoutManifestOrRunsStillGetsAReport() throws IOException {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.manifest = false;
    fixture.timeSeries = "NONE";
    Path results = fixture.writeTo(dir.resolve("bare"));
    Files.delete(results.resolve("runs.csv"));
    ExperimentReport.writeAll(results);
    String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("has no <code>manifest.json</code>").contains("no runs.csv");
    assertThat(count(html, "<img ")).isEqualTo(6);
  }

  @Test
  void aBrokenFolderLeavesTheExistingReportAndChartsAlone() throws IOException {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    ExperimentReport.writeAll(results);
    byte[] report = Files.readAllBytes(results.resolve("report.html"));
    byte[] chart = Files.readAllBytes(results.resolve("charts/heatmap_output.png"));
    Files.writeString(results.resolve("points.csv"), "point,policy.iprProtection\n0,zero\n");
    assertThatThrownBy(() -> ExperimentReport.writeAll(results)).isInstanceOf(ResultsReadException.class)
        .hasMessageContaining("points.csv").hasMessageContaining("'zero'");
    assertThat(Files.readAllBytes(results.resolve("report.html"))).isEqualTo(report);
    assertThat(Files.readAllBytes(results.resolve("charts/heatmap_output.png"))).isEqualTo(chart);
  }

  @Test
  void textFromTheFolderIsEscaped() throws IOException {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.name = "a<b>&\"c\"";
    fixture.timeSeries = "NONE";
    Path results = fixture.writeTo(dir.resolve("esc"));
    Files.writeString(results.resolve("experiment.yaml"),
        Files.readString(results.resolve("experiment.yaml")).replace("name: a<b>&\"c\"", "name: 'a<b>&\"c\"'"));
    ExperimentReport.writeAll(results);
    String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<title>Experiment a&lt;b&gt;&amp;&quot;c&quot;</title>").doesNotContain("a<b>");
  }

  @Test
  void displayNumbersAreRoundedToFourSignificantDigitsWithoutLocale() {
    assertThat(DisplayNumbers.format(0.0)).isEqualTo("0");
    assertThat(DisplayNumbers.format(-0.0)).isEqualTo("0");
    assertThat(DisplayNumbers.format(1234.0)).isEqualTo("1234");
    assertThat(DisplayNumbers.format(12345.678)).isEqualTo("12350");
    assertThat(DisplayNumbers.format(0.123456)).isEqualTo("0.1235");
    assertThat(DisplayNumbers.format(0.5)).isEqualTo("0.5");
    assertThat(DisplayNumbers.format(-2.5e-7)).isEqualTo("-2.5e-7");
    assertThat(DisplayNumbers.format(3.14159e12)).isEqualTo("3.142e12");
    assertThat(DisplayNumbers.format(Double.NaN)).isEmpty();
    assertThat(DisplayNumbers.format(0.10400000000000001, 6)).isEqualTo("0.104");
  }

  /** No reference to anything outside the file: no http(s) source, link, script or style sheet. */
  static void assertSelfContained(String html) {
    assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<script")
        .doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
    Matcher sources = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
    while (sources.find()) {
      assertThat(sources.group(1)).as("reference").matches("data:image/png;base64,.*|#.*");
    }
  }
}
