package org.nqpf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.report.ChartStyle;
import org.nqpf.stats.PowerLawFit;

/** The validation's charts and report on a small scenario: complete, well-formed, reproducible. */
class ValidationChartsTest {
  private static ValidationResult result;

  @BeforeAll
  static void validate() {
    Scenario small = ScenarioLoader.parse("""
        name: small
        steps: 48
        burnIn: 8
        firms: {count: 150}
        universities: {count: 3}
        """, false);
    result = ValidationRunner.run(small, 2, 3, 2, 20, null);
  }

  @Test
  void everyChartIsRenderedAsPngAndSvgOfTheProjectSize() throws IOException {
    List<ValidationCharts.Chart> charts = ValidationCharts.render(result);
    assertThat(charts).extracting(ValidationCharts.Chart::baseName).containsExactlyElementsOf(ValidationCharts.NAMES);
    for (ValidationCharts.Chart chart : charts) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
      assertThat(image.getWidth()).as(chart.baseName()).isEqualTo(ChartStyle.WIDTH);
      assertThat(image.getHeight()).as(chart.baseName()).isEqualTo(ChartStyle.HEIGHT);
      String svg = new String(chart.svg(), StandardCharsets.UTF_8);
      assertThat(svg).startsWith("<?xml").contains("<svg").doesNotContain("DOCTYPE");
      assertThat(chart.title()).isNotBlank();
      assertThat(chart.caption()).isNotBlank();
    }
    List<ValidationCharts.Chart> again = ValidationCharts.render(result);
    for (int i = 0; i < charts.size(); i++) {
      assertThat(again.get(i).png()).isEqualTo(charts.get(i).png());
      assertThat(again.get(i).svg()).isEqualTo(charts.get(i).svg());
    }
  }

  @Test
  void reportHoldsTheTableAndTheChartsAndNothingFromElsewhere() {
    List<ValidationCharts.Chart> charts = ValidationCharts.render(result);
    String html = ValidationReport.html(result, charts, "name: small\n", "{\"command\": \"validate --threads 2\", \"x\": 1}");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("Validation of <code>small</code>");
    for (var target : Targets.ALL) {
      assertThat(html).contains("<td>" + target.id() + "</td>");
    }
    assertThat(html).contains("data:image/png;base64,").doesNotContain("http://").doesNotContain("https://")
        .doesNotContain("<script").doesNotContain("--threads");
    assertThat(html.split("<figure", -1)).hasSize(charts.size() + 1);
    assertThat(ValidationReport.html(result, charts, "name: small\n", null)).isEqualTo(
        ValidationReport.html(result, charts, "name: small\n", null));
    assertThat(PowerLawFit.DEFAULT_MIN_TAIL).isPositive();
  }
}
