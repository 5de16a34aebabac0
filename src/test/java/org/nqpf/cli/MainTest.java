package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top-level command builds only the sub-command it is asked for, and all of them otherwise. */
class MainTest {

  @Test
  void aNamedVerbBuildsOnlyItsOwnCommand() {
    for (String verb : Main.VERBS) {
      if (!verb.equals("help")) {
        assertThat(Main.commandLine(new String[] {verb, "--help"}).getSubcommands().keySet()).containsExactly(verb);
      }
    }
  }

  @Test
  void helpNoArgumentsAndUnknownVerbsBuildEveryCommand() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "run"}, {"runn"}, {"-V"}}) {
      assertThat(Main.commandLine(args).getSubcommands().keySet()).containsExactly(Main.VERBS);
    }
  }

  @Test
  void helpForAVerbAndSuggestionsStillWork() {
    RunCommandTest.Outcome help = RunCommandTest.execute("help", "sweep");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: nqpf sweep");
    RunCommandTest.Outcome typo = RunCommandTest.execute("sweeep");
    assertThat(typo.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(typo.err()).contains("Did you mean: nqpf sweep?");
  }

  @Test
  void pathOptionsStillConvertWithoutTheDateAndJdbcConverters() {
    CommandLine cli = Main.commandLine("run", "--out", "some/dir");
    cli.parseArgs("run", "--out", "some/dir");
    assertThat(System.getProperty(Main.CONVERTER_EXCLUDES)).contains("java\\.time").contains("java\\.sql");
    assertThat(((RunCommand) cli.getSubcommands().get("run").getCommand()).out).isEqualTo(Path.of("some/dir"));
  }

  @Test
  void onlyGuiIsLeftToAwtToDecideWhetherThereIsADisplay() {
    assertThat(Main.needsDisplay("gui")).isTrue();
    assertThat(Main.needsDisplay("gui", "--measure", "200")).isTrue();
    for (String[] args : new String[][] {{}, {"run"}, {"chart", "x"}, {"help", "gui"}, {"--help"}, {"guii"}}) {
      assertThat(Main.needsDisplay(args)).as(String.join(" ", args)).isFalse();
    }
  }

  /** The tests run headless (surefire's argLine), as a server without a display does. */
  @Test
  void guiWithoutADisplaySaysWhatToDoAndExitsWithTwo() {
    RunCommandTest.Outcome gui = RunCommandTest.execute("gui");
    assertThat(gui.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(gui.err()).startsWith("gui: no display").contains("xvfb-run -a java -jar target/nqpf.jar gui");
  }
}
