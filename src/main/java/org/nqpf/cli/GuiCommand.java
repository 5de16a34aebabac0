package org.nqpf.cli;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.gui.EcosystemWithUI;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gui [scenario]}: the MASON Console with the region display and live charts (needs a desktop). */
@Command(name = "gui", mixinStandardHelpOptions = true,
    description = "Opens the MASON Console with the region display and live charts (needs a desktop or Xvfb).")
public final class GuiCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "Scenario file (YAML, or JSON by the .json extension). Default: the built-in baseline.")
  Path scenarioFile;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (GraphicsEnvironment.isHeadless()) {
      spec.commandLine().getErr().println("gui: no display (headless). Run on a desktop, or under Xvfb: xvfb-run -a java -jar target/nqpf.jar gui");
      return 2;
    }
    Scenario scenario = scenarioFile == null ? Scenario.DEFAULT : ScenarioLoader.load(scenarioFile);
    SwingUtilities.invokeAndWait(() -> {
      sim.display.Console console = (sim.display.Console) new EcosystemWithUI(scenario).createController();
      // Keep the scenario's seed on every restart, so that the GUI shows the same run as `run`.
      console.setIncrementSeedOnStop(false);
    });
    // The Console's frames keep the JVM alive; it exits when the Console is closed.
    Thread.currentThread().join();
    return 0;
  }
}
