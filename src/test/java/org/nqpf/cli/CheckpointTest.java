package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nqpf.cli.RunCommandTest.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.cli.RunCommandTest.Outcome;

/** {@code run --checkpoint-every} and {@code run --resume-from}: a resumed run equals the uninterrupted one. */
class CheckpointTest {
  /**
   * Every mechanism on, and a policy change after the checkpoint resumed from; 5 burn-in + 30
   * recorded steps, so checkpoint-N counts simulated steps, burn-in included.
   */
  private static final String SMALL = """
      name: ckpt
      seed: 11
      steps: 30
      burnIn: 5
      firms: {count: 150}
      universities: {count: 2}
      mechanisms: {finance: CREDIT, talent: MARKET, ai: DIFFUSION}
      policy: {timeline: [{step: 25, lever: rdSubsidyRate, value: 0.3}]}
      """;
  private static final String[] COMPARED = {"config.yaml", "timeseries.csv", "summary.json", "innovations.png"};

  @TempDir
  Path dir;

  private Path scenario() throws IOException {
    return Files.writeString(dir.resolve("ckpt.yaml"), SMALL, StandardCharsets.UTF_8);
  }

  private static void assertOk(Outcome outcome) {
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
  }

  private static void assertSameResults(Path actual, Path expected) throws IOException {
    for (String name : COMPARED) {
      assertThat(Files.readAllBytes(actual.resolve(name))).as(name).isEqualTo(Files.readAllBytes(expected.resolve(name)));
    }
  }

  @Test
  void aResumedRunWritesTheSameFilesAsTheUninterruptedOne() throws IOException {
    Path file = scenario();
    Path plain = dir.resolve("plain");
    Path checkpointed = dir.resolve("checkpointed");
    Path resumed = dir.resolve("resumed");
    assertOk(execute("run", file.toString(), "--out", plain.toString(), "--quiet"));
    assertOk(execute("run", file.toString(), "--out", checkpointed.toString(), "--checkpoint-every", "10", "--quiet"));

    Path folder = dir.resolve("checkpointed.checkpoints");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("checkpoint-10.ckpt", "checkpoint-20.ckpt", "checkpoint-30.ckpt");
    }
    // Checkpointing does not disturb the run.
    assertSameResults(checkpointed, plain);

    Outcome outcome = execute("run", "--resume-from", folder.resolve("checkpoint-20.ckpt").toString(),
        "--out", resumed.toString());
    assertOk(outcome);
    assertThat(outcome.out()).contains("ckpt: 35 steps");
    assertSameResults(resumed, plain);
    assertThat(Files.readString(resumed.resolve("manifest.json"))).contains("--resume-from");

    // The scenario may be given again if it is the checkpoint's, and checkpoints go on after a resume.
    Path again = dir.resolve("again");
    assertOk(execute("run", file.toString(), "--resume-from", folder.resolve("checkpoint-10.ckpt").toString(),
        "--out", again.toString(), "--checkpoint-every", "15", "--quiet"));
    assertSameResults(again, plain);
    assertThat(dir.resolve("again.checkpoints/checkpoint-15.ckpt")).isNotEmptyFile();
    assertThat(dir.resolve("again.checkpoints/checkpoint-30.ckpt")).isNotEmptyFile();
    assertThat(dir.resolve("again.checkpoints/checkpoint-35.ckpt")).doesNotExist();
    assertThat(dir.resolve("again.checkpoints/checkpoint-10.ckpt")).doesNotExist();
  }

  @Test
  void aTruncatedOrGarbageCheckpointIsRefusedWithNothingWritten() throws IOException {
    Path file = scenario();
    assertOk(execute("run", file.toString(), "--out", dir.resolve("source").toString(), "--checkpoint-every", "20",
        "--quiet"));
    Path good = dir.resolve("source.checkpoints/checkpoint-20.ckpt");
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = Files.write(dir.resolve("truncated.ckpt"), Arrays.copyOf(bytes, bytes.length / 2));
    Path garbage = Files.writeString(dir.resolve("garbage.ckpt"), "this is not a checkpoint\n");
    Path absent = dir.resolve("absent.ckpt");
    for (Path bad : new Path[] {truncated, garbage, absent}) {
      Path out = dir.resolve("never");
      Outcome outcome = execute("run", "--resume-from", bad.toString(), "--out", out.toString(), "--checkpoint-every", "5");
      assertThat(outcome.exitCode()).as(bad + ": " + outcome.err()).isEqualTo(2);
      assertThat(outcome.err()).contains(bad.toString()).doesNotContain("\tat ");
      assertThat(out).doesNotExist();
      assertThat(dir.resolve("never.checkpoints")).doesNotExist();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
          "ckpt.yaml", "garbage.ckpt", "source", "source.checkpoints", "truncated.ckpt");
    }
  }

  @Test
  void aCheckpointOfAnotherScenarioAndABadIntervalAreRefused() throws IOException {
    Path file = scenario();
    assertOk(execute("run", file.toString(), "--out", dir.resolve("source").toString(), "--checkpoint-every", "20",
        "--quiet"));
    Path good = dir.resolve("source.checkpoints/checkpoint-20.ckpt");
    Outcome otherSeed = execute("run", "--resume-from", good.toString(), "--seed", "12", "--out",
        dir.resolve("never").toString());
    assertThat(otherSeed.exitCode()).isEqualTo(2);
    assertThat(otherSeed.err()).contains(good.toString()).contains("differs");
    Outcome zero = execute("run", file.toString(), "--checkpoint-every", "0", "--out", dir.resolve("never").toString());
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--checkpoint-every");
    assertThat(dir.resolve("never")).doesNotExist();
  }
}
