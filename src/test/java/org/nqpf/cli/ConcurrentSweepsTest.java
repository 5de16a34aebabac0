package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.cli.RunCommandTest.Outcome;

/**
 * Two sweeps on one results folder, as two users (or a user and a resubmitted job) would start
 * them: separate processes, the second 0-2 s after the first, half the time with {@code --resume}
 * (which the old refusal advised although the first was still running). One completes and its
 * folder verifies; the other is refused at once, saying another sweep is writing it; a neighbour's
 * file is untouched and no {@code .partial} is left.
 *
 * <p>Two tries by default, to keep the build short; {@code -Dnqpf.concurrentTries=20} runs the
 * twenty of issue 23 (docs/SECURITY.md gives the result).
 */
class ConcurrentSweepsTest {
  /** About 5 s of runs on one thread: longer than the 2 s between the starts. */
  private static final String EXPERIMENT = """
      name: busy
      scenario: {firms: {count: 200}, universities: {count: 2}}
      steps: 40
      burnIn: 5
      replications: 4
      masterSeed: 7
      parameters:
        - {key: policy.iprProtection, values: [0.0, 0.8]}
      metrics: [innovations, output, firms]
      """;

  @TempDir
  Path dir;

  private Process start(Path experiment, Path out, Path log, boolean resume) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.nqpf.cli.Main",
        "sweep", experiment.toString(), "--out", out.toString(), "--threads", "1", "--quiet"));
    if (resume) {
      command.add("--resume");
    }
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void oneOfTwoSweepsOnOneFolderCompletesAndTheOtherIsRefused() throws Exception {
    int tries = Integer.getInteger("nqpf.concurrentTries", 2);
    Path experiment = Files.writeString(dir.resolve("busy.yaml"), EXPERIMENT, StandardCharsets.UTF_8);
    Path neighbour = Files.writeString(dir.resolve("thesis.tex"), "\\chapter{One}", StandardCharsets.UTF_8);
    Random random = new Random(23);
    int firstWon = 0;
    for (int t = 0; t < tries; t++) {
      Path out = dir.resolve("Y" + t);
      long delayMillis = random.nextInt(2001);
      boolean resume = t % 2 == 1;
      Process first = start(experiment, out, dir.resolve("first-" + t + ".log"), false);
      Thread.sleep(delayMillis);
      Process second = start(experiment, out, dir.resolve("second-" + t + ".log"), resume);
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String firstLog = Files.readString(dir.resolve("first-" + t + ".log"));
      String secondLog = Files.readString(dir.resolve("second-" + t + ".log"));
      String what = "try " + t + ", second started " + delayMillis + " ms later" + (resume ? " with --resume" : "")
          + "; first: " + firstLog + "; second: " + secondLog;
      List<Integer> codes = List.of(first.exitValue(), second.exitValue());
      assertThat(codes).as(what).containsExactlyInAnyOrder(0, 2);
      String refusal = first.exitValue() == 2 ? firstLog : secondLog;
      assertThat(refusal).as(what).startsWith("error: cannot write results to " + out + ": another sweep is writing it (pid ");
      firstWon += first.exitValue() == 0 ? 1 : 0;
      Outcome verified = RunCommandTest.execute("verify", out.toString(), "--sample", "1");
      assertThat(verified.exitCode()).as(what + "; verify: " + verified.out() + verified.err()).isZero();
      assertThat(dir.resolve("Y" + t + ".partial")).as(what).doesNotExist();
      assertThat(neighbour).hasContent("\\chapter{One}");
    }
    System.out.printf("ConcurrentSweepsTest: %d tries, each one sweep completed and verified and one refused; the first"
        + " started won %d%n", tries, firstWon);
  }
}
