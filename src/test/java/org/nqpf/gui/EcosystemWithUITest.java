package org.nqpf.gui;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import sim.display.Console;
import sim.display.Display2D;

/**
 * The GUI under a display (a desktop, or Xvfb with DISPLAY set). First what a user does: launch
 * README's command, {@code java -jar target/nqpf.jar gui}, as typed (no JVM flag or property),
 * press Play, and after 30 steps look at the screen: the Console and the display are open and no
 * window covers the display. Then the GUI state without the Console: a display built
 * programmatically, stepped and painted into images.
 *
 * <p>Failsafe runs this class after {@code package} (the jar must exist), in a JVM that is not
 * made headless. Without a display, or without xdotool for the first test, the tests are skipped
 * with the reason, unless the environment variable {@code NQPF_GUI_TESTS=required} (set by CI,
 * which runs them under xvfb-run) turns the skip into a failure.
 */
class EcosystemWithUITest {
  /** The Console's window title (MASON names it after {@link EcosystemWithUI#getName()}). */
  private static final String CONSOLE_TITLE = EcosystemWithUI.getName();
  /** A time-out for the launched GUI, not a speed requirement. */
  private static final long PATIENCE_NANOS = 240_000_000_000L;

  @BeforeEach
  void needsADisplay() {
    requireOrSkip(GraphicsEnvironment.isHeadless() ? "no display (DISPLAY is not set)" : null);
  }

  /** Skips the test with {@code reason}, or fails it when CI requires the GUI tests; nothing if {@code reason} is null. */
  private static void requireOrSkip(String reason) {
    if (reason == null) {
      return;
    }
    if ("required".equals(System.getenv("NQPF_GUI_TESTS"))) {
      fail("NQPF_GUI_TESTS=required, but " + reason);
    }
    String message = "skipped: " + reason + "; run under a display, e.g. xvfb-run -a mvn -B verify";
    System.err.println("EcosystemWithUITest " + message);
    abort(message);
  }

  /**
   * README's command, as a user types it: the Console and the display open, the display where no
   * other window covers it; Play, pressed with the mouse, runs the model; after 30 steps the
   * screen shows the region drawn, with no chart frame over it.
   */
  @Test
  void readmesCommandOpensTheGuiAndNothingCoversTheRegion() throws Exception {
    requireOrSkip(onPath("xdotool") ? null : "xdotool is not installed (apt-get install xdotool)");
    Path out = Path.of(System.getProperty("gui.snapshots", "target/gui-snapshots"));
    Files.createDirectories(out);
    Path log = out.resolve("gui-command.log");
    // java -jar target/nqpf.jar gui, from the project folder (the jar's path relative to it, as README writes it)
    ProcessBuilder command = new ProcessBuilder("java", "-jar", jarAsTyped(), "gui")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Process gui = command.start();
    try {
      String consoleId = awaitWindow("^" + CONSOLE_TITLE + "$", gui, log);
      String displayId = awaitWindow("^Region at step ", gui, log);
      Rectangle console = geometry(consoleId);
      Rectangle display = geometry(displayId);
      assertThat(console.intersects(display)).as("the Console %s over the display %s", console, display).isFalse();

      // press Play as a user does: the play button is the first of the Console's bottom row
      Robot robot = new Robot();
      click(robot, console.x + 14, console.y + console.height - 14);
      long deadline = System.nanoTime() + PATIENCE_NANOS;
      while (stepShown(displayId) < 30) {
        assertThat(gui.isAlive()).as("the GUI is running (log: %s)", Files.readString(log)).isTrue();
        assertThat(System.nanoTime()).as("the GUI reaches step 30 within the time-out").isLessThan(deadline);
        Thread.sleep(200);
      }
      // Pause, the second button, and let the display paint the step it stopped at
      click(robot, console.x + 42, console.y + console.height - 14);
      Thread.sleep(1500);
      long step = stepShown(displayId);
      assertThat(step).isGreaterThanOrEqualTo(30);
      BufferedImage screen = robot.createScreenCapture(
          new Rectangle(GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds()));
      ImageIO.write(screen, "png", out.resolve("gui-30-steps.png").toFile());

      // the windows: every chart window shown is off the display, and at least one is shown
      List<String> charts = new ArrayList<>();
      for (LiveCharts.Spec spec : LiveCharts.SPECS) {
        for (String id : visibleWindows("^" + literal(spec.title()) + "$")) {
          Rectangle chart = geometry(id);
          assertThat(chart.intersects(display)).as("chart '%s' %s over the display %s", spec.title(), chart, display)
              .isFalse();
          charts.add(id);
        }
      }
      assertThat(charts).as("chart windows shown at start").isNotEmpty();

      // the pixels: the region is drawn, and raising the display above every window changes none
      // of them (the run is paused, so the display is still): no window covered any part of it
      BufferedImage shown = screen.getSubimage(display.x, display.y, display.width, display.height);
      assertThat(near(shown, Palette.PRIVATE, 60)).as("private firms drawn on the display").isGreaterThan(500);
      assertThat(near(shown, Palette.SOE, 60)).as("SOEs drawn on the display").isGreaterThan(20);
      assertThat(near(shown, Palette.GOVERNMENT, 20)).as("the government drawn on the display").isGreaterThan(100);
      assertThat(pixelsDiffering(drawingArea(shown), drawingArea(raised(robot, displayId, display))))
          .as("pixels of the display that change when it is raised above the other windows").isZero();
      // and this check sees a chart window moved over the display
      xdotool("windowmove", charts.get(0), String.valueOf(display.x + 200), String.valueOf(display.y + 150));
      xdotool("windowraise", charts.get(0));
      Thread.sleep(1500);
      BufferedImage covered = robot.createScreenCapture(display);
      assertThat(pixelsDiffering(drawingArea(covered), drawingArea(raised(robot, displayId, display))))
          .as("pixels of the display that change when it is raised above a chart window moved over it")
          .isGreaterThan(10_000);

      String printed = Files.readString(log);
      assertThat(printed).doesNotContain("WARNING: Not all classes loaded").doesNotContain("Exception");
    } finally {
      gui.destroy();
      if (!gui.waitFor(10, TimeUnit.SECONDS)) {
        gui.destroyForcibly();
      }
    }
  }

  /** On a machine without a display, README's command says what to do and exits with 2. */
  @Test
  void withoutADisplayReadmesCommandSaysWhatToDo() throws Exception {
    ProcessBuilder command = new ProcessBuilder("java", "-jar", jarAsTyped(), "gui").redirectErrorStream(true);
    command.environment().remove("DISPLAY");
    Process gui = command.start();
    String printed = new String(gui.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(gui.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(gui.exitValue()).isEqualTo(2);
    assertThat(printed).startsWith("gui: no display (DISPLAY is not set)")
        .contains("xvfb-run -a java -jar target/nqpf.jar gui");
  }

  /**
   * Every other command runs headless whatever DISPLAY says: {@code run} draws its chart with
   * DISPLAY naming an X server that does not exist.
   */
  @Test
  void otherCommandsNeverOpenTheDisplay(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("short.yaml");
    Files.writeString(scenario, "name: short\nsteps: 3\nburnIn: 0\n");
    ProcessBuilder command = new ProcessBuilder("java", "-jar", jarAsTyped(), "run", scenario.toString(), "--out",
        dir.resolve("out").toString()).redirectErrorStream(true);
    command.environment().put("DISPLAY", ":4095");
    Process run = command.start();
    String printed = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(printed).isZero();
    assertThat(dir.resolve("out/innovations.png")).isNotEmptyFile();
  }

  /** The jar's path as README types it: relative to the project folder, where the tests run. */
  private static String jarAsTyped() {
    Path jar = Path.of(System.getProperty("nqpf.jar", "target/nqpf.jar")).toAbsolutePath();
    assertThat(jar).as("the jar that `mvn package` builds").exists();
    return Path.of("").toAbsolutePath().relativize(jar).toString();
  }

  /** The screen's pixels of {@code bounds} after the window {@code windowId} is raised above all others and repainted. */
  private static BufferedImage raised(Robot robot, String windowId, Rectangle bounds) throws Exception {
    xdotool("windowraise", windowId);
    Thread.sleep(1500);
    return robot.createScreenCapture(bounds);
  }

  /** The display's drawing area: below its tool bar (with a text field whose caret may blink), inside its scroll bars. */
  private static BufferedImage drawingArea(BufferedImage display) {
    return display.getSubimage(0, 40, display.getWidth() - 20, display.getHeight() - 60);
  }

  private static void click(Robot robot, int x, int y) {
    robot.mouseMove(x, y);
    robot.delay(150);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.delay(80);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
  }

  /** The step in the display's title ("Region at step N: …"). */
  private static long stepShown(String windowId) throws Exception {
    String title = xdotool("getwindowname", windowId).trim();
    Matcher m = Pattern.compile("^Region at step (\\d+):").matcher(title);
    assertThat(m.find()).as("display title '%s'", title).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Waits for a visible window whose name matches {@code regex}; its id. */
  private static String awaitWindow(String regex, Process gui, Path log) throws Exception {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (true) {
      List<String> ids = visibleWindows(regex);
      if (!ids.isEmpty()) {
        return ids.get(0);
      }
      assertThat(gui.isAlive()).as("the GUI is running (log: %s)", Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("a window '%s' opens within the time-out", regex).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** {@code text} as a POSIX extended regular expression (xdotool's) that matches only it. */
  private static String literal(String text) {
    return text.replaceAll("([.\\[\\](){}*+?|^$\\\\])", "\\\\$1");
  }

  private static List<String> visibleWindows(String regex) throws Exception {
    return xdotool("search", "--onlyvisible", "--name", regex).lines().filter(l -> !l.isBlank()).toList();
  }

  /** A window's position on the screen and size, from xdotool. */
  private static Rectangle geometry(String windowId) throws Exception {
    Map<String, Integer> g = new HashMap<>();
    for (String line : xdotool("getwindowgeometry", "--shell", windowId).split("\n")) {
      String[] kv = line.split("=", 2);
      if (kv.length == 2 && kv[1].matches("-?\\d+")) {
        g.put(kv[0], Integer.parseInt(kv[1]));
      }
    }
    return new Rectangle(g.get("X"), g.get("Y"), g.get("WIDTH"), g.get("HEIGHT"));
  }

  private static String xdotool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("xdotool");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return output;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
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

    Path out = Path.of(System.getProperty("gui.snapshots", "target/gui-snapshots"));
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
    // the Model tab shows the run's last step, not the step 0 it was built at
    List<String> shown = new ArrayList<>();
    SwingUtilities.invokeAndWait(() -> {
      for (sim.util.gui.PropertyField field : propertyFields(console[0].getModelInspector(), new ArrayList<>())) {
        shown.add(field.getValue());
      }
    });
    int figures = Levers.SLIDERS.size();
    assertThat(shown).hasSizeGreaterThan(figures + 6);
    assertThat(shown.get(figures + 2)).as("Run: step").isEqualTo(String.valueOf(gui.model().currentStep()))
        .isNotEqualTo("0");
    assertThat(shown.get(figures + 5)).as("Now: firms").isEqualTo(String.valueOf(gui.model().firms().size()));
    assertThat(shown.get(figures + 7)).as("Now: private share of firms").endsWith("%");
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

  /** The property fields inside {@code c}, in the order the inspector lists them. */
  private static List<sim.util.gui.PropertyField> propertyFields(java.awt.Container c, List<sim.util.gui.PropertyField> found) {
    for (java.awt.Component child : c.getComponents()) {
      if (child instanceof sim.util.gui.PropertyField field) {
        found.add(field);
      } else if (child instanceof java.awt.Container inner) {
        propertyFields(inner, found);
      }
    }
    return found;
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
