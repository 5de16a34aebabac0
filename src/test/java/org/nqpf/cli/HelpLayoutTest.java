package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Help texts are wrapped at spaces: no line longer than 80 columns, no file name cut in two. */
class HelpLayoutTest {

  /** A file name cut after its dot: "config." at a line's end, "yaml" at the next one's start. */
  private static final Pattern CUT = Pattern.compile(
      "[\\w>)]\\.\\R\\s*(yaml|yml|json|csv|png|svg|html|ckpt|md|checkpoints|partial)\\b");

  private static List<String> helps() {
    List<String> helps = new ArrayList<>();
    helps.add(RunCommandTest.execute("--help").out());
    for (String verb : Main.VERBS) {
      if (!verb.equals("help")) {
        RunCommandTest.Outcome outcome = RunCommandTest.execute(verb, "--help");
        assertThat(outcome.exitCode()).isZero();
        helps.add(outcome.out());
      }
    }
    return helps;
  }

  @Test
  void noHelpLineIsWiderThan80ColumnsOrEndsInsideAFileName() {
    for (String help : helps()) {
      assertThat(CUT.matcher(help).find()).as("a file name is cut across lines in:%n%s", help).isFalse();
      for (String line : help.split("\\R")) {
        if (line.strip().contains(" ")) {
          assertThat(line.length()).as("line '%s'", line).isLessThanOrEqualTo(HelpLayout.WIDTH);
        }
      }
    }
  }

  @Test
  void theFileNamesOfTheHelpTextsStayWhole() {
    String all = String.join("\n", helps());
    assertThat(all).contains("(config.yaml,", "timeseries.csv", "innovations.png", "manifest.json).",
        "<out>.checkpoints/checkpoint-<step>.ckpt.", "report.html", "experiments/bench-sweep.yaml).", "experiment.yaml,",
        "(docs/EXPERIMENTS.md).", "<out>.partial");
  }

  @Test
  void verifyHelpNamesTheFoldersItVerifies() {
    assertThat(RunCommandTest.execute("verify", "--help").out()).contains("run, sweep (or merge)").contains("validate");
  }

  @Test
  void aLongLineBreaksAtTheSpaceBeforeAFileNameAndContinuesUnderItsColumn() {
    String row = "      --out=DIR     " + "x".repeat(45) + " writes config.yaml and more";
    String wrapped = HelpLayout.wrap(row + "\n");
    assertThat(wrapped).isEqualTo("      --out=DIR     " + "x".repeat(45) + " writes" + System.lineSeparator()
        + "                      config.yaml and more\n");
    String paragraph = "a".repeat(70) + " results (config.yaml, timeseries.csv)";
    assertThat(HelpLayout.wrap(paragraph)).isEqualTo("a".repeat(70) + " results" + System.lineSeparator()
        + "(config.yaml, timeseries.csv)");
    assertThat(HelpLayout.synopsis("nqpf run [-hV] [--quiet] [--checkpoint-every=N] [--out=DIR]\n[--resume-from=FILE]"
        + " [--seed=N] [--steps=N] [SCENARIO]\n", "Usage: ".length())).isEqualTo(
        "nqpf run [-hV] [--quiet] [--checkpoint-every=N] [--out=DIR]" + System.lineSeparator()
            + "                [--resume-from=FILE] [--seed=N] [--steps=N] [SCENARIO]" + System.lineSeparator());
  }
}
