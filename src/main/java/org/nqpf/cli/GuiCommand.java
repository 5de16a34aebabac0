package org.nqpf.cli;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;
import org.nqpf.config.Assignments;
import org.nqpf.config.ConfigException;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.experiment.Checkpoint;
import org.nqpf.gui.EcosystemWithUI;
import org.nqpf.model.EcosystemModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sim.display.Console;

/**
 * {@code gui [scenario] [--set KEY=VALUE]...}: the MASON Console with the region display and live
 * charts (needs a desktop or Xvfb); {@code --checkpoint} opens a checkpoint instead of a fresh run,
 * and {@code --measure} plays a number of steps with every window open and prints the speed.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
    description = "Opens the MASON Console with the region display and live charts (needs a desktop or Xvfb).")
public final class GuiCommand implements Callable<Integer> {
  /** Steps played before the speed measurement starts (class loading, first paints). */
  static final int WARM_UP_STEPS = 10;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "Scenario file (YAML, or JSON by the .json extension). Default: the built-in baseline.")
  Path scenarioFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set a scenario key over the scenario file (or the baseline): a dotted key and a YAML value,"
          + " e.g. --set mechanisms.ai=DECISION. Repeatable, applied in order, the last wins (docs/CONFIG.md).")
  List<String> set = new ArrayList<>();

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "Open this checkpoint (from run --checkpoint-every, or the Console's Save As) paused at its step;"
          + " Play continues the run.")
  Path checkpoint;

  @Option(names = "--measure", paramLabel = "STEPS",
      description = "Play STEPS steps with the display and every chart open, print steps per second and paints, and exit.")
  Integer measure;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (checkpoint != null && scenarioFile != null) {
      throw new ConfigException("--checkpoint", "value " + checkpoint + " cannot be combined with a scenario file ("
          + scenarioFile + "); the checkpoint carries its own scenario");
    }
    if (checkpoint != null && !set.isEmpty()) {
      throw new ConfigException("--checkpoint", "value " + checkpoint + " cannot be combined with " + Assignments.OPTION
          + " " + set.get(0) + "; the checkpoint carries its own scenario");
    }
    // The scenario is checked before the display is looked for: a refusal needs no window to say so.
    Scenario resolved = checkpoint == null ? ScenarioLoader.load(scenarioFile, Assignments.parse(set)) : null;
    String noDisplay = noDisplay();
    if (noDisplay != null) {
      spec.commandLine().getErr().println("gui: " + noDisplay + ". Run on a desktop, or under Xvfb: xvfb-run -a java -jar target/nqpf.jar gui");
      return Main.EXIT_BAD_INPUT;
    }
    EcosystemModel loaded = checkpoint == null ? null : Checkpoint.read(checkpoint);
    Scenario scenario = loaded != null ? loaded.scenario() : resolved;
    if (measure != null && (measure <= WARM_UP_STEPS || measure > scenario.totalSteps())) {
      throw new ConfigException("--measure", "value " + measure + " is outside [" + (WARM_UP_STEPS + 1) + ", "
          + scenario.totalSteps() + "] (more than the warm-up, at most the scenario's steps)");
    }
    EcosystemWithUI gui = new EcosystemWithUI(scenario);
    Console[] console = new Console[1];
    SwingUtilities.invokeAndWait(() -> {
      console[0] = (Console) gui.createController();
      // Keep the scenario's seed on every restart, so that the GUI shows the same run as `run`.
      console[0].setIncrementSeedOnStop(false);
      if (loaded != null) {
        console[0].pressPause();
        gui.show(loaded);
      }
    });
    if (measure != null) {
      return measure(gui, console[0]);
    }
    // The Console's frames keep the JVM alive; it exits when the Console is closed.
    Thread.currentThread().join();
    return 0;
  }

  /** Why no window can open, or null if one can: no display at all, or one that does not answer. */
  static String noDisplay() {
    if (GraphicsEnvironment.isHeadless()) {
      String display = System.getenv("DISPLAY");
      return display == null || display.isEmpty() ? "no display (DISPLAY is not set)"
          : "no display (java.awt.headless=" + System.getProperty("java.awt.headless") + ")";
    }
    try {
      GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
      return null;
    } catch (AWTError | HeadlessException e) {
      return "cannot open the display (" + e.getMessage() + ")";
    } catch (LinkageError e) {
      // Debian's and Ubuntu's openjdk-17-jre-headless lack AWT's X11 library (it is in openjdk-17-jre)
      return "this Java has no desktop support (" + e.getMessage() + "); install a full JRE, e.g. apt-get install openjdk-17-jre";
    }
  }

  /** Plays with every frame shown and times the steps after the warm-up, by the wall clock (a measurement, not a result). */
  private int measure(EcosystemWithUI gui, Console console) throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      console.showAllFrames();
      console.pressPlay();
    });
    long startNanos = 0;
    long startPaints = 0;
    while (steps(gui) < measure) {
      if (startNanos == 0 && steps(gui) >= WARM_UP_STEPS) {
        startNanos = System.nanoTime();
        startPaints = gui.displayPaints();
      }
      if (console.getPlayState() == Console.PS_STOPPED && steps(gui) < measure) {
        spec.commandLine().getErr().printf(Locale.ROOT, "gui: the Console stopped at step %d, before step %d%n", steps(gui),
            measure);
        return 1;
      }
      Thread.sleep(5);
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long paints = gui.displayPaints() - startPaints;
    long stepsTimed = measure - WARM_UP_STEPS;
    SwingUtilities.invokeAndWait(console::pressStop);
    spec.commandLine().getOut().printf(Locale.ROOT,
        "gui: %d steps of '%s' with the display and %d charts open: %.1f steps/s (%d display paints, %.1f per second)%n",
        stepsTimed, gui.model().scenario().name(), gui.chartGenerators().size(), stepsTimed / seconds, paints,
        paints / seconds);
    return 0;
  }

  private static long steps(EcosystemWithUI gui) {
    synchronized (gui.state.schedule) {
      return gui.state.schedule.getSteps();
    }
  }
}
