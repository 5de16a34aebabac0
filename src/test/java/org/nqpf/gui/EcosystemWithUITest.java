package org.nqpf.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import sim.display.Console;
import sim.display.Display2D;

/**
 * Starts the GUI without the Console (GUIState, start(), a Display2D built programmatically),
 * steps the baseline 50 times, and saves and checks PNGs of the display and of one chart. Needs a
 * display: run under Xvfb with -Djava.awt.headless=false (see docs/GUI.md); skipped when headless.
 */
@EnabledIf("displayAvailable")
class EcosystemWithUITest {
  static boolean displayAvailable() {
    return !GraphicsEnvironment.isHeadless();
  }

  @Test
  void displayAndChartAfterFiftyStepsAreNotBlank() throws Exception {
    EcosystemWithUI gui = new EcosystemWithUI(Scenario.DEFAULT);
    Display2D[] display = new Display2D[1];
    JFrame[] frame = new JFrame[1];
    SwingUtilities.invokeAndWait(() -> {
      display[0] = gui.createDisplay();
      gui.display = display[0];
      frame[0] = new JFrame("test");
      frame[0].getContentPane().add(display[0]);
      frame[0].pack();
      frame[0].setVisible(true);
    });
    gui.start();
    for (int i = 0; i < 50; i++) {
      gui.step();
    }
    EcosystemModel model = gui.model();
    assertThat(model.currentStep()).isGreaterThanOrEqualTo(49);

    Path out = Path.of(System.getProperty("gui.snapshots", "target-gui/gui-snapshots"));
    Files.createDirectories(out);
    BufferedImage[] shot = new BufferedImage[1];
    SwingUtilities.invokeAndWait(() -> {
      display[0].insideDisplay.revalidate();
      int w = display[0].insideDisplay.getWidth();
      int h = display[0].insideDisplay.getHeight();
      BufferedImage img = new BufferedImage(Math.max(w, 1), Math.max(h, 1), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      display[0].insideDisplay.paintComponent(g, false);
      g.dispose();
      shot[0] = img;
    });
    ImageIO.write(shot[0], "png", out.resolve("gui-display.png").toFile());

    gui.updateChartsNow();
    JFreeChart chart = gui.chartGenerators().get(0).getChart();
    BufferedImage chartImage = chart.createBufferedImage(720, 420);
    ImageIO.write(chartImage, "png", out.resolve("gui-chart.png").toFile());
    BufferedImage sharesImage = gui.chartGenerators().get(1).getChart().createBufferedImage(720, 420);
    ImageIO.write(sharesImage, "png", out.resolve("gui-chart-shares.png").toFile());

    // the display: many colours, and many pixels of the private and the SOE colours
    assertThat(distinctColours(shot[0])).isGreaterThan(20);
    // the legend panel is left of the region: firms are drawn in the region only
    BufferedImage panel = shot[0].getSubimage(0, 0, EcosystemWithUI.PANEL_WIDTH, shot[0].getHeight());
    BufferedImage region = shot[0].getSubimage(EcosystemWithUI.PANEL_WIDTH, 0,
        shot[0].getWidth() - EcosystemWithUI.PANEL_WIDTH, shot[0].getHeight());
    assertThat(near(panel, Palette.PRIVATE, 60)).isLessThan(150);
    assertThat(near(region, Palette.PRIVATE, 60)).isGreaterThan(500);
    // births and exits of the last steps are marked, and the government is drawn
    assertThat(near(region, Palette.STARTUP, 40)).isGreaterThan(20);
    assertThat(gui.recentExits()).isNotEmpty();
    assertThat(gui.recentTalentMoves()).isNotEmpty()
        .allSatisfy(m -> assertThat(m.step()).isGreaterThan(model.currentStep() - 1 - TalentMovesPortrayal.SHOWN_STEPS));
    assertThat(near(region, Palette.GOVERNMENT, 20)).isGreaterThan(200);
    assertThat(near(shot[0], Palette.PRIVATE, 60)).isGreaterThan(500);
    assertThat(near(shot[0], Palette.SOE, 60)).isGreaterThan(20);
    assertThat(near(shot[0], Palette.UPSTAIRS, 30)).isGreaterThan(100);
    assertThat(near(shot[0], Palette.DOWNSTAIRS, 30)).isGreaterThan(100);
    // the chart: not blank, with data for 50 steps
    assertThat(distinctColours(chartImage)).isGreaterThan(5);
    assertThat(chart.getXYPlot().getDataset().getItemCount(0)).isEqualTo(model.series().size());
    assertThat(model.series().size()).isGreaterThanOrEqualTo(50);
    assertThat(model.series().get(model.series().size() - 1, Metric.FIRMS)).isPositive();

    SwingUtilities.invokeAndWait(() -> frame[0].dispose());
    gui.finish();
  }

  @Test
  void theGuiDoesNotChangeTheRun() throws Exception {
    Scenario scenario = Scenario.DEFAULT.withSteps(10);
    EcosystemModel plain = new EcosystemModel(scenario);
    plain.start();
    for (int i = 0; i < 30; i++) {
      plain.schedule.step(plain);
    }
    EcosystemWithUI gui = new EcosystemWithUI(scenario);
    SwingUtilities.invokeAndWait(() -> gui.display = gui.createDisplay());
    gui.start();
    for (int i = 0; i < 30; i++) {
      gui.step();
    }
    SwingUtilities.invokeAndWait(() -> {
      BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
      gui.display.insideDisplay.setSize(300, 300);
      gui.display.insideDisplay.paintComponent(img.createGraphics(), false);
    });
    for (int row = 0; row < plain.series().size(); row++) {
      assertThat(gui.model().series().row(row)).containsExactly(plain.series().row(row));
    }
  }

  @Test
  void theConsoleStopsAtTheScenariosLastStep() throws Exception {
    Scenario scenario = Scenario.DEFAULT.withSteps(3);
    EcosystemWithUI gui = new EcosystemWithUI(scenario);
    Console[] console = new Console[1];
    SwingUtilities.invokeAndWait(() -> {
      console[0] = (Console) gui.createController();
      console[0].setIncrementSeedOnStop(false);
    });
    assertThat(console[0].getWhenShouldEnd()).isEqualTo(scenario.totalSteps());
    SwingUtilities.invokeAndWait(console[0]::pressPlay);
    long deadline = System.nanoTime() + 120_000_000_000L; // a time-out, not a speed requirement
    while (console[0].getPlayState() != Console.PS_STOPPED && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(console[0].getPlayState()).isEqualTo(Console.PS_STOPPED);
    assertThat(gui.model().series().size()).isEqualTo(scenario.totalSteps());
    // not doClose(): closing MASON's last Console exits the JVM
    SwingUtilities.invokeAndWait(() -> {
      gui.quit();
      console[0].dispose();
    });
  }

  /** A checkpoint opened in the GUI shows the picture of the run it was saved from, and continues it. */
  @Test
  void aCheckpointOpensToTheSamePicture(@TempDir Path dir) throws Exception {
    Scenario scenario = Scenario.DEFAULT.withSteps(20);
    EcosystemWithUI original = new EcosystemWithUI(scenario);
    SwingUtilities.invokeAndWait(() -> original.display = original.createDisplay());
    original.start();
    for (int i = 0; i < 30; i++) {
      original.step();
    }
    java.io.File file = dir.resolve("checkpoint-30.ckpt").toFile();
    original.model().writeToCheckpoint(file);
    original.setRecentExitsShown(false);
    BufferedImage before = paint(original);

    EcosystemWithUI opened = new EcosystemWithUI(Scenario.DEFAULT.withSeed(7));
    SwingUtilities.invokeAndWait(() -> opened.display = opened.createDisplay());
    opened.start();
    assertThat(opened.readNewStateFromCheckpoint(file)).isTrue();
    opened.setRecentExitsShown(false);
    BufferedImage after = paint(opened);
    assertThat(opened.model().currentStep()).isEqualTo(30);
    assertThat(pixelsDiffering(before, after)).isZero();
    opened.updateChartsNow();
    assertThat(opened.chartGenerators().get(0).getChart().getXYPlot().getDataset().getItemCount(0)).isEqualTo(30);

    // and the opened run continues exactly as the original
    for (int i = 0; i < 5; i++) {
      original.step();
      opened.step();
    }
    for (int row = 0; row < original.model().series().size(); row++) {
      assertThat(opened.model().series().row(row)).containsExactly(original.model().series().row(row));
    }
  }

  private static BufferedImage paint(EcosystemWithUI gui) throws Exception {
    BufferedImage[] img = new BufferedImage[1];
    SwingUtilities.invokeAndWait(() -> {
      int w = EcosystemWithUI.PANEL_WIDTH + EcosystemWithUI.REGION_SIZE;
      int h = EcosystemWithUI.REGION_SIZE;
      gui.display.insideDisplay.setSize(w, h);
      img[0] = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img[0].createGraphics();
      gui.display.insideDisplay.paintComponent(g, false);
      g.dispose();
    });
    return img[0];
  }

  private static int pixelsDiffering(BufferedImage a, BufferedImage b) {
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    assertThat(b.getHeight()).isEqualTo(a.getHeight());
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          n++;
        }
      }
    }
    return n;
  }

  static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        colours.add(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }

  static int near(BufferedImage img, Color c, int tolerance) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue()) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }

}
