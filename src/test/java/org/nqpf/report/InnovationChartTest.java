package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

class InnovationChartTest {

  @TempDir
  Path dir;

  private static TimeSeries innovations(int rows, int burnIn) {
    return TestSeries.of(rows, burnIn, (i, m) -> switch (m) {
      case INNOVATIONS_PRIVATE -> (double) (3 + (i * 5) % 7);
      case INNOVATIONS_SOE -> (double) ((i * 3) % 4);
      default -> 0.0;
    });
  }

  @Test
  void writesADecodablePngOfTheRightSizeWithSeveralColours() throws IOException {
    Path png = dir.resolve("innovations.png");
    InnovationChart.write(innovations(80, 20), "baseline", 42, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(600);
    Set<Integer> colours = new HashSet<>();
    boolean privateLine = false;
    boolean soeLine = false;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        privateLine |= near(rgb, InnovationChart.PRIVATE_COLOR);
        soeLine |= near(rgb, InnovationChart.SOE_COLOR);
      }
    }
    assertThat(colours.size()).isGreaterThan(3);
    assertThat(colours).contains(InnovationChart.BURN_IN_SHADE.getRGB() & 0xFFFFFF);
    assertThat(privateLine).as("private-firm series drawn").isTrue();
    assertThat(soeLine).as("SOE series drawn").isTrue();
  }

  @Test
  void writingTwiceGivesIdenticalBytes() throws IOException {
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    InnovationChart.write(innovations(80, 20), "baseline", 42, a);
    InnovationChart.write(innovations(80, 20), "baseline", 42, b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void tickLabelsDoNotDependOnTheDefaultLocale() {
    // steps up to 3950 so tick labels need a grouping separator in some locales
    TimeSeries wide = new TimeSeries();
    TimeSeries base = innovations(80, 10);
    for (int i = 0; i < base.size(); i++) {
      double[] row = base.row(i);
      row[Metric.STEP.ordinal()] = i * 50.0;
      wide.add(row);
    }
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      byte[] us = InnovationChart.render(wide, "wide", 1);
      Locale.setDefault(Locale.GERMANY);
      byte[] de = InnovationChart.render(wide, "wide", 1);
      assertThat(de).isEqualTo(us);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void chartHasTheTitleAxesSeriesAndBurnInMarker() {
    JFreeChart chart = InnovationChart.createChart(innovations(30, 8), "baseline", 42);
    assertThat(chart.getTitle().getText()).isEqualTo("Innovations by ownership \u2014 baseline, seed 42");
    XYPlot plot = chart.getXYPlot();
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Step (quarter)");
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Innovations per step");
    assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
    assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("Private firms");
    assertThat(plot.getDataset().getSeriesKey(1)).isEqualTo("SOEs");
    assertThat(plot.getDataset().getItemCount(0)).isEqualTo(30);
    assertThat(chart.getLegend()).isNotNull();
    assertThat(plot.getDomainMarkers(org.jfree.ui.Layer.BACKGROUND)).hasSize(1);

    JFreeChart noBurnIn = InnovationChart.createChart(innovations(30, 0), "baseline", 42);
    assertThat(noBurnIn.getXYPlot().getDomainMarkers(org.jfree.ui.Layer.BACKGROUND)).isNull();
  }

  @Test
  void anEmptySeriesStillRenders() throws IOException {
    byte[] png = InnovationChart.render(new TimeSeries(), "empty", 0);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(1000);
  }

  private static boolean near(int rgb, Color colour) {
    int dr = ((rgb >> 16) & 0xFF) - colour.getRed();
    int dg = ((rgb >> 8) & 0xFF) - colour.getGreen();
    int db = (rgb & 0xFF) - colour.getBlue();
    return dr * dr + dg * dg + db * db < 20 * 20;
  }
}
