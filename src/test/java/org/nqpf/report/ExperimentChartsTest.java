package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ExperimentChartsTest {

  @TempDir
  Path dir;

  static final List<String> GRID_CHARTS = List.of(
      "timeseries_output", "timeseries_outputPrivate",
      "ownership",
      "response_output_by_policy.iprProtection", "response_output_by_policy.guaranteeCoverage",
      "response_outputPrivate_by_policy.iprProtection", "response_outputPrivate_by_policy.guaranteeCoverage",
      "heatmap_output", "heatmap_outputPrivate");

  static final List<String> SAMPLED_CHARTS = List.of(
      "timeseries_innovations", "timeseries_privateShareOutput",
      "ownership",
      "response_innovations_by_policy.iprProtection", "response_innovations_by_policy.guaranteeCoverage",
      "response_innovations_by_policy.aiInfrastructure",
      "response_privateShareOutput_by_policy.iprProtection", "response_privateShareOutput_by_policy.guaranteeCoverage",
      "response_privateShareOutput_by_policy.aiInfrastructure",
      "sensitivity_innovations", "sensitivity_privateShareOutput");

  static List<String> files(List<String> baseNames) {
    List<String> names = new ArrayList<>();
    for (String base : baseNames) {
      names.add(base + ".png");
      names.add(base + ".svg");
    }
    return names;
  }

  static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
  }

  static Set<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void aGridGetsTimeSeriesOwnershipResponseAndHeatMapCharts() throws Exception {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    List<Path> written = ExperimentCharts.write(results);
    assertThat(names(written)).containsExactlyElementsOf(files(GRID_CHARTS));
    assertThat(listing(results.resolve("charts"))).containsExactlyInAnyOrderElementsOf(files(GRID_CHARTS));
    for (Path file : written) {
      assertThat(file).startsWith(results.toAbsolutePath()).isRegularFile();
      checkImage(file);
    }
    assertThat(listing(results)).allMatch(name -> !name.startsWith("."), "no temporary files left");
  }

  @Test
  void aSampledDesignGetsScatterAndSensitivityChartsButNoHeatMap() throws Exception {
    Path results = ExperimentFixture.sampled().writeTo(dir.resolve("lhs"));
    List<Path> written = ExperimentCharts.write(results);
    assertThat(names(written)).containsExactlyElementsOf(files(SAMPLED_CHARTS));
    for (Path file : written) {
      checkImage(file);
    }
  }

  @Test
  void writingTwiceGivesIdenticalBytesWhateverTheDefaultLocale() throws Exception {
    for (ExperimentFixture fixture : List.of(ExperimentFixture.grid(), ExperimentFixture.sampled())) {
      Path a = fixture.writeTo(dir.resolve(fixture.name + "-a"));
      Path b = fixture.writeTo(dir.resolve(fixture.name + "-b"));
      Locale saved = Locale.getDefault();
      List<Path> first;
      List<Path> second;
      try {
        Locale.setDefault(Locale.US);
        first = ExperimentCharts.write(a);
        Locale.setDefault(Locale.GERMANY);
        second = ExperimentCharts.write(b);
      } finally {
        Locale.setDefault(saved);
      }
      assertThat(second).hasSameSizeAs(first);
      for (int i = 0; i < first.size(); i++) {
        assertThat(Files.readAllBytes(second.get(i))).as(first.get(i).getFileName().toString())
            .isEqualTo(Files.readAllBytes(first.get(i)));
      }
      List<Path> again = ExperimentCharts.write(a);
      for (int i = 0; i < first.size(); i++) {
        assertThat(Files.readAllBytes(again.get(i))).isEqualTo(Files.readAllBytes(second.get(i)));
      }
    }
  }

  @Test
  void renderingInParallelGivesTheSameBytesAsOneAtATime() throws Exception {
    ExperimentResults results = ExperimentFolder.read(ExperimentFixture.sampled().writeTo(dir.resolve("lhs")));
    List<ChartFile> sequential = ExperimentCharts.renderAll(ExperimentCharts.pending(results), 1);
    List<ChartFile> parallel = ExperimentCharts.renderAll(ExperimentCharts.pending(results), 4);
    assertThat(parallel).hasSameSizeAs(sequential);
    for (int i = 0; i < sequential.size(); i++) {
      assertThat(parallel.get(i).baseName()).isEqualTo(sequential.get(i).baseName());
      assertThat(parallel.get(i).png()).as(sequential.get(i).baseName()).isEqualTo(sequential.get(i).png());
      assertThat(parallel.get(i).svg()).as(sequential.get(i).baseName()).isEqualTo(sequential.get(i).svg());
    }
  }

  @Test
  void svgUsesTheFixedDefsPrefixAndNoClockDerivedIds() throws Exception {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    String svg = Files.readString(ExperimentCharts.write(results).get(1), StandardCharsets.UTF_8);
    assertThat(svg).contains("<svg").contains("id='" + ChartFiles.SVG_DEFS_PREFIX + "clip-").doesNotContain("<!DOCTYPE");
    assertThat(svg).doesNotContainPattern("id=\"_[0-9]{6,}");
  }

  @Test
  void wideAndLongTimeSeriesGiveTheSameCharts() throws Exception {
    ExperimentFixture wide = ExperimentFixture.grid();
    ExperimentFixture longForm = ExperimentFixture.grid();
    longForm.timeSeries = "LONG";
    List<ChartFile> a = ExperimentCharts.render(wide.writeTo(dir.resolve("wide")));
    List<ChartFile> b = ExperimentCharts.render(longForm.writeTo(dir.resolve("long")));
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).section() == ChartFile.Section.TIME_SERIES || a.get(i).section() == ChartFile.Section.OWNERSHIP) {
        assertThat(b.get(i).png()).as(a.get(i).baseName()).isEqualTo(a.get(i).png());
      }
    }
  }

  @Test
  void fewPointsGetOneLinePerPointAndAnOwnershipPanelEach() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.parameters = List.of("policy.iprProtection");
    fixture.points = new ArrayList<>(List.of(new double[] {0.0}, new double[] {0.5}, new double[] {1.0}));
    fixture.metrics = List.of("output", "outputPrivate", "privateShareOutput");
    ExperimentResults results = ExperimentFolder.read(fixture.writeTo(dir.resolve("few")));
    List<ExperimentCharts.Pending> charts = ExperimentCharts.pending(results);
    assertThat(charts).extracting(ExperimentCharts.Pending::baseName).containsExactly(
        "timeseries_output", "timeseries_outputPrivate", "timeseries_privateShareOutput",
        "ownership",
        "response_output_by_policy.iprProtection", "response_outputPrivate_by_policy.iprProtection",
        "response_privateShareOutput_by_policy.iprProtection");
    assertThat(charts.get(0).caption()).contains("one line per point");
    assertThat(charts.get(3).caption()).contains("output − outputPrivate");
    PanelPlot ownership = (PanelPlot) charts.get(3).chart().getPlot();
    assertThat(ownership.panels()).extracting(PanelPlot.Panel::label)
        .containsExactly("p0: iprProtection=0", "p1: iprProtection=0.5", "p2: iprProtection=1");
    assertThat(charts.get(3).height()).isEqualTo(600);
  }

  @Test
  void aGridOfManyPointsGetsAPanelPerValueOfTheOtherParameterAndALinePerPoint() throws Exception {
    ExperimentResults results = ExperimentFolder.read(ExperimentFixture.grid().writeTo(dir.resolve("grid")));
    StepStatistics steps = StepStatistics.read(results.timeSeriesFile());
    List<ExperimentCharts.Pending> charts = TimeSeriesCharts.timeSeries(results, steps, "output");
    assertThat(charts).hasSize(1);
    PanelPlot plot = (PanelPlot) charts.get(0).chart().getPlot();
    assertThat(plot.panels()).extracting(PanelPlot.Panel::label)
        .containsExactly("guaranteeCoverage = 0", "guaranteeCoverage = 0.2", "guaranteeCoverage = 0.4");
    assertThat(plot.getLegendItems().getItemCount()).isEqualTo(3);
    assertThat(plot.getLegendItems().get(1).getLabel()).isEqualTo("iprProtection = 0.4");
    // Panel guaranteeCoverage = 0.2 holds points 1, 4 and 7, in the order of iprProtection; each line is
    // its point's mean over replications, step by step: nothing is averaged over points.
    org.jfree.data.xy.IntervalXYDataset middle = (org.jfree.data.xy.IntervalXYDataset) plot.panels().get(1).plot()
        .getDataset();
    assertThat(middle.getSeriesCount()).isEqualTo(3);
    int[] points = {1, 4, 7};
    for (int s = 0; s < 3; s++) {
      assertThat(middle.getSeriesKey(s)).isEqualTo("p" + points[s]);
      for (int i = 0; i < middle.getItemCount(s); i++) {
        int step = (int) middle.getXValue(s, i);
        assertThat(middle.getYValue(s, i)).isEqualTo(steps.cell("output", points[s], step).mean());
      }
    }
    // The panels share the vertical axis.
    assertThat(plot.panels()).extracting(p -> p.plot().getRangeAxis().getRange())
        .containsOnly(plot.panels().get(0).plot().getRangeAxis().getRange());
    assertThat(charts.get(0).caption()).contains("One line per design point").contains("No line averages");
  }

  @Test
  void anOwnershipPanelPerPointLaidOutByTheLastParametersValues() throws Exception {
    ExperimentResults results = ExperimentFolder.read(ExperimentFixture.grid().writeTo(dir.resolve("grid")));
    List<ExperimentCharts.Pending> ownership = OwnershipCharts.ownership(results,
        StepStatistics.read(results.timeSeriesFile()));
    assertThat(ownership).extracting(ExperimentCharts.Pending::baseName).containsExactly("ownership");
    PanelPlot plot = (PanelPlot) ownership.get(0).chart().getPlot();
    assertThat(plot.panels()).hasSize(9);
    assertThat(plot.panels().get(4).label()).isEqualTo("p4: iprProtection=0.4, guaranteeCoverage=0.2");
    assertThat(ownership.get(0).height()).isEqualTo(TimeSeriesCharts.panelHeight(3)).isGreaterThan(600);
    assertThat(ownership.get(0).caption()).contains("each column is one value of policy.guaranteeCoverage");
  }

  @Test
  void panelsBeyondTwelveGoIntoFurtherChartsAndManyPointsGetPrivateShareLines() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.points = new ArrayList<>();
    for (double a : new double[] {0.0, 0.8}) {
      for (int b = 0; b < 20; b++) {
        fixture.points.add(new double[] {a, b * 0.02});
      }
    }
    ExperimentResults results = ExperimentFolder.read(fixture.writeTo(dir.resolve("forty")));
    List<ChartFile> charts = ExperimentCharts.render(results);
    assertThat(charts).extracting(ChartFile::baseName).startsWith("timeseries_output_part1", "timeseries_output_part2",
        "timeseries_outputPrivate_part1", "timeseries_outputPrivate_part2", "ownership_part1", "ownership_part2");
    ChartFile ownership = charts.get(4);
    assertThat(ownership.section()).isEqualTo(ChartFile.Section.OWNERSHIP);
    assertThat(ownership.caption()).contains("With 40 design points").contains("one line per point");
    assertThat(ownership.title()).contains("Private share");
    assertThat(charts.get(0).title()).endsWith("(1 of 2)");
  }

  @Test
  void aSampledDesignOfManyPointsColoursOneLinePerPointByTheLeadingParameter() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.sampled();
    fixture.points = new ArrayList<>();
    for (int p = 0; p < 12; p++) {
      fixture.points.add(new double[] {(p * 0.37) % 1.0, (p * 0.61) % 1.0 * 0.8, (p * 0.23) % 1.0});
    }
    ExperimentResults results = ExperimentFolder.read(fixture.writeTo(dir.resolve("lhs12")));
    // The fixture's made-up indices of innovations: |SRC| is largest for the third parameter (0.45).
    assertThat(TimeSeriesCharts.leading(results, "innovations")).isEqualTo(2);
    ExperimentCharts.Pending chart = TimeSeriesCharts.timeSeries(results, StepStatistics.read(results.timeSeriesFile()),
        "innovations").get(0);
    PanelPlot plot = (PanelPlot) chart.chart().getPlot();
    assertThat(plot.panels()).hasSize(1);
    assertThat(plot.panels().get(0).plot().getDataset().getSeriesCount()).isEqualTo(12);
    assertThat(chart.caption()).contains("The colour gives aiInfrastructure");
    boolean colourBar = false;
    for (int i = 0; i < chart.chart().getSubtitleCount(); i++) {
      colourBar |= chart.chart().getSubtitle(i) instanceof org.jfree.chart.title.PaintScaleLegend;
    }
    assertThat(colourBar).isTrue();
  }

  @Test
  void aDesignWithoutParametersGetsTimeSeriesAndOwnershipOnly() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.parameters = List.of();
    fixture.points = new ArrayList<>(List.of(new double[0]));
    fixture.replications = 3;
    Path results = fixture.writeTo(dir.resolve("replications-only"));
    List<Path> written = ExperimentCharts.write(results);
    assertThat(names(written)).containsExactlyElementsOf(
        files(List.of("timeseries_output", "timeseries_outputPrivate", "ownership_p0")));
    for (Path file : written) {
      checkImage(file);
    }
  }

  @Test
  void aTimeSeriesWithoutRowsGivesNoTimeSeriesCharts() throws Exception {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("header-only"));
    Files.writeString(results.resolve("timeseries.csv"), "run,point,replication,step,burnIn,output,outputPrivate\n");
    assertThat(ExperimentCharts.render(results)).extracting(ChartFile::section)
        .doesNotContain(ChartFile.Section.TIME_SERIES, ChartFile.Section.OWNERSHIP).hasSize(6);
  }

  /** The lowest band edge and the highest of a chart's interval series. */
  private static double[] bandExtremes(ExperimentCharts.Pending chart) {
    org.jfree.data.xy.IntervalXYDataset data = (org.jfree.data.xy.IntervalXYDataset) chart.chart().getXYPlot().getDataset();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < data.getSeriesCount(); s++) {
      for (int i = 0; i < data.getItemCount(s); i++) {
        low = Math.min(low, data.getStartYValue(s, i));
        high = Math.max(high, data.getEndYValue(s, i));
      }
    }
    return new double[] {low, high};
  }

  private static String subtitles(ExperimentCharts.Pending chart) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chart.chart().getSubtitleCount(); i++) {
      if (chart.chart().getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
        text.append(t.getText()).append('\n');
      }
    }
    return text.toString();
  }

  private ExperimentFixture wideReplications(int replications) {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.parameters = List.of("policy.iprProtection");
    fixture.points = new ArrayList<>(List.of(new double[] {0.0}, new double[] {0.5}, new double[] {1.0}));
    fixture.metrics = List.of("smeRationedShare", "loansGuaranteed", "governmentBalance");
    fixture.replications = replications;
    return fixture;
  }

  @Test
  void bandsAreClippedToTheMetricsDomainAndTwoReplicationsAreFlagged() throws Exception {
    ExperimentResults results = ExperimentFolder.read(wideReplications(2).writeTo(dir.resolve("two")));
    StepStatistics steps = StepStatistics.read(results.timeSeriesFile());
    // Unclipped, the share's band would run from about −4.9 to 5.9 and the count's below −200.
    assertThat(steps.cell("smeRationedShare", 0, 3).halfWidth()).isGreaterThan(4.0);

    ExperimentCharts.Pending share = TimeSeriesCharts.timeSeries(results, steps, "smeRationedShare").get(0);
    assertThat(bandExtremes(share)).containsExactly(0.0, 1.0);
    assertThat(share.caption()).contains("cut to the values smeRationedShare can take (0 to 1)")
        .contains("2 replications: too few for a meaningful 95% interval");
    assertThat(subtitles(share)).contains("2 replications: too few for a meaningful 95% interval (t with 1 degree of"
        + " freedom); run at least 3");
    ExperimentCharts.Pending count = TimeSeriesCharts.timeSeries(results, steps, "loansGuaranteed").get(0);
    assertThat(bandExtremes(count)[0]).isZero();
    assertThat(bandExtremes(count)[1]).isGreaterThan(40.0);

    ExperimentCharts.Pending response = ResponseCharts.response(results, "smeRationedShare", 0);
    assertThat(bandExtremes(response)).containsExactly(0.0, 1.0);
    assertThat(subtitles(response)).contains("2 replications: too few");
    assertThat(bandExtremes(ResponseCharts.response(results, "loansGuaranteed", 0))[0]).isZero();
  }

  @Test
  void aBalanceThatMayBeNegativeKeepsItsBandAndThreeReplicationsAreNotFlagged() throws Exception {
    ExperimentResults results = ExperimentFolder.read(wideReplications(3).writeTo(dir.resolve("three")));
    StepStatistics steps = StepStatistics.read(results.timeSeriesFile());
    ExperimentCharts.Pending balance = TimeSeriesCharts.timeSeries(results, steps, "governmentBalance").get(0);
    StepStatistics.Cell cell = steps.cell("governmentBalance", 0, 0);
    assertThat(bandExtremes(balance)[0]).isLessThanOrEqualTo(cell.mean() - cell.halfWidth());
    assertThat(subtitles(balance)).doesNotContain("replications");
    assertThat(balance.caption()).contains("(any value)").doesNotContain("too few");
    assertThat(subtitles(ResponseCharts.response(results, "smeRationedShare", 0))).doesNotContain("too few");
  }

  @Test
  void aHeatMapOfAConstantMetricGetsAColourBarAroundItsValue() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.metrics = List.of("specialLoans", "output");
    ExperimentResults results = ExperimentFolder.read(fixture.writeTo(dir.resolve("constant")));
    ExperimentCharts.Pending heat = HeatMapCharts.heatMap(results, "specialLoans");
    org.jfree.chart.renderer.PaintScale scale = null;
    for (int i = 0; i < heat.chart().getSubtitleCount(); i++) {
      if (heat.chart().getSubtitle(i) instanceof org.jfree.chart.title.PaintScaleLegend legend) {
        scale = legend.getScale();
      }
    }
    assertThat(scale).isNotNull();
    assertThat(scale.getLowerBound()).isZero();
    assertThat(scale.getUpperBound()).isEqualTo(1.0);
    assertThat(heat.caption()).contains("Every cell has the same value, 0: specialLoans did not vary");
    assertThat(ChartParts.aroundConstant(0.0, org.nqpf.model.Metric.Domain.ANY)).containsExactly(-1.0, 1.0);
    assertThat(ChartParts.aroundConstant(1.0, org.nqpf.model.Metric.Domain.SHARE)).containsExactly(0.9, 1.0);
    assertThat(ChartParts.aroundConstant(50.0, org.nqpf.model.Metric.Domain.NON_NEGATIVE))
        .containsExactly(45.0, 55.0);
  }

  @Test
  void aGridWithThreeParametersDrawsMainEffectsAndNoHeatMap() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.parameters = List.of("a.x", "b.y", "c.z");
    fixture.points = new ArrayList<>();
    for (double x : new double[] {0, 1}) {
      for (double y : new double[] {0, 1}) {
        for (double z : new double[] {0, 1}) {
          fixture.points.add(new double[] {x, y, z});
        }
      }
    }
    fixture.metrics = List.of("innovations");
    fixture.timeSeries = "NONE";
    List<ChartFile> charts = ExperimentCharts.render(fixture.writeTo(dir.resolve("three")));
    assertThat(charts).extracting(ChartFile::baseName)
        .containsExactly("response_innovations_by_a.x", "response_innovations_by_b.y", "response_innovations_by_c.z");
    assertThat(charts.get(0).caption()).contains("Main effect");
  }

  @Test
  void oneReplicationLeavesEmptyCiCellsAndStillDraws() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.replications = 1;
    Path results = fixture.writeTo(dir.resolve("one"));
    assertThat(Files.readString(results.resolve("summary.csv"))).contains(",,,");
    List<Path> written = ExperimentCharts.write(results);
    assertThat(names(written)).containsExactlyElementsOf(files(GRID_CHARTS));
  }

  @Test
  void noTimeSeriesMeansNoTimeSeriesOrOwnershipCharts() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.grid();
    fixture.timeSeries = "NONE";
    List<ChartFile> charts = ExperimentCharts.render(fixture.writeTo(dir.resolve("none")));
    assertThat(charts).extracting(ChartFile::section)
        .doesNotContain(ChartFile.Section.TIME_SERIES, ChartFile.Section.OWNERSHIP);
    assertThat(charts).hasSize(6);
  }

  @Test
  void sensitivityBarsFollowTheMethodOrderOfTheDoc() throws Exception {
    ExperimentFixture fixture = ExperimentFixture.sampled();
    fixture.design = "SOBOL";
    fixture.sensitivityMethods = List.of("SOBOL_TOTAL", "SOBOL_FIRST");
    List<ChartFile> charts = ExperimentCharts.render(fixture.writeTo(dir.resolve("sobol")));
    assertThat(charts).filteredOn(c -> c.section() == ChartFile.Section.SENSITIVITY).hasSize(2)
        .allSatisfy(c -> assertThat(c.caption()).contains("bootstrap"));
  }

  @Test
  void rewritingReplacesTheChartsFolderWhole() throws Exception {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("grid"));
    ExperimentCharts.write(results);
    Files.writeString(results.resolve("charts/stale.png"), "old");
    ExperimentCharts.write(results);
    assertThat(results.resolve("charts/stale.png")).doesNotExist();
    assertThat(listing(results)).allMatch(name -> !name.startsWith("."));
  }

  @Test
  void aMissingRequiredFileIsRefusedAndNothingIsWritten() throws Exception {
    for (String missing : List.of("experiment.yaml", "points.csv", "summary.csv", "timeseries.csv")) {
      Path results = ExperimentFixture.grid().writeTo(dir.resolve("no-" + missing));
      Files.delete(results.resolve(missing));
      assertThatThrownBy(() -> ExperimentCharts.write(results)).isInstanceOf(ResultsReadException.class)
          .isInstanceOf(OutputException.class).hasMessageContaining(missing);
      assertThat(results.resolve("charts")).doesNotExist();
    }
    assertThatThrownBy(() -> ExperimentCharts.write(dir.resolve("nowhere"))).isInstanceOf(ResultsReadException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aMalformedCellIsRefusedWithFileLineAndColumn() throws Exception {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("bad"));
    List<String> lines = new ArrayList<>(Files.readAllLines(results.resolve("summary.csv")));
    lines.set(3, lines.get(3).replaceFirst(",[^,]+$", ",abc"));
    Files.write(results.resolve("summary.csv"), lines);
    assertThatThrownBy(() -> ExperimentCharts.write(results)).isInstanceOf(ResultsReadException.class)
        .hasMessageContaining("summary.csv").hasMessageContaining("line 4").hasMessageContaining("'abc'");

    Path ragged = ExperimentFixture.grid().writeTo(dir.resolve("ragged"));
    Files.writeString(ragged.resolve("timeseries.csv"), "run,point,replication,step,burnIn,output\n0,0,0,0,1\n");
    assertThatThrownBy(() -> ExperimentCharts.write(ragged)).isInstanceOf(ResultsReadException.class)
        .hasMessageContaining("timeseries.csv").hasMessageContaining("line 2");
  }

  @Test
  void emptyCellsAreMissingValues() throws Exception {
    Path results = ExperimentFixture.grid().writeTo(dir.resolve("gaps"));
    List<String> lines = new ArrayList<>(Files.readAllLines(results.resolve("timeseries.csv")));
    lines.set(5, lines.get(5).replaceFirst(",[^,]+$", ","));
    Files.write(results.resolve("timeseries.csv"), lines);
    assertThat(ExperimentCharts.write(results)).hasSize(2 * GRID_CHARTS.size());
  }

  /** A PNG decodes 1000 wide, at least 600 high, with several colours; an SVG parses as XML with an svg root. */
  static void checkImage(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    if (file.toString().endsWith(".png")) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(image).as(file.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(1000);
      assertThat(image.getHeight()).isGreaterThanOrEqualTo(600);
      Set<Integer> colours = new HashSet<>();
      for (int y = 0; y < image.getHeight(); y += 2) {
        for (int x = 0; x < image.getWidth(); x += 2) {
          colours.add(image.getRGB(x, y) & 0xFFFFFF);
        }
      }
      assertThat(colours.size()).as(file + " colours").isGreaterThan(8);
    } else {
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text).contains("<svg");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
      assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(text).contains("<text");
    }
  }
}
