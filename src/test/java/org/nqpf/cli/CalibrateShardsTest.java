package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * calibrate --shards: each batch of evaluations run as shards in separate JVMs, launched as the
 * user launches them, gives the files of a calibration on local threads, byte for byte.
 */
class CalibrateShardsTest {
  /** A tiny calibration, the one CI runs on SLURM: two stages (bootstrap weights), a batch of a single run and batches of many. */
  static final Path TINY = Path.of("experiments", "calibrate-smoke.yaml");

  @TempDir
  Path dir;

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
    }
  }

  /** The same files, byte for byte, but the manifest (which records the command line). */
  static void assertSameFiles(Path local, Path sharded) throws IOException {
    assertThat(files(sharded)).isEqualTo(files(local));
    for (String name : files(local)) {
      if (!name.equals("manifest.json")) {
        assertThat(Files.readAllBytes(sharded.resolve(name))).as(name).isEqualTo(Files.readAllBytes(local.resolve(name)));
      }
    }
  }

  private Path local(Path file) {
    Path out = dir.resolve("local");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("calibrate", file.toString(), "--threads", "2", "--out",
        out.toString(), "--quiet");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    return out;
  }

  @Test
  void shardsInChildProcessesGiveTheLocalFiles() throws IOException {
    Path file = Files.copy(TINY, dir.resolve("tiny.yaml"));
    Path local = local(file);
    Path sharded = dir.resolve("sharded");
    RunCommandTest.Outcome outcome = RunCommandTest.execute("calibrate", file.toString(), "--shards", "2", "--launcher",
        "processes", "--threads", "1", "--out", sharded.toString());
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("16 evaluations × 3 replications on up to 2 shards (processes)");
    assertSameFiles(local, sharded);
    assertThat(dir.resolve("sharded.partial")).doesNotExist();
  }

  /**
   * The srun launcher, in a driver started as a SLURM batch script starts it (SLURM_JOB_ID,
   * SLURM_NTASKS, SLURM_CPUS_PER_TASK set), with a stand-in srun on the PATH that starts
   * --ntasks copies of its command, each with its SLURM_PROCID, as srun does; and a driver killed
   * in mid-calibration resumed on local threads ends with the same files.
   */
  @Test
  void shardsThroughSrunGiveTheLocalFilesAndResumeAfterAKill() throws Exception {
    Path file = Files.copy(TINY, dir.resolve("tiny.yaml"));
    Path local = local(file);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path srun = Files.writeString(bin.resolve("srun"), """
        #!/usr/bin/env bash
        # A stand-in for srun: --ntasks=N copies of the command, task i with SLURM_PROCID=i.
        n=1
        while [ $# -gt 0 ]; do
          case "$1" in
            --ntasks=*) n=${1#--ntasks=}; shift ;;
            --*) echo "$1" >>"$(dirname "$0")/srun-options"; shift ;;
            *) break ;;
          esac
        done
        pids=()
        for ((i = 0; i < n; i++)); do SLURM_PROCID=$i "$@" & pids+=($!); done
        rc=0
        for p in "${pids[@]}"; do wait "$p" || rc=$?; done
        exit $rc
        """);
    Files.setPosixFilePermissions(srun, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path sharded = dir.resolve("srun");
    Process driver = driver(bin, file, sharded, dir.resolve("driver.log"));
    assertThat(driver.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(driver.exitValue()).as(Files.readString(dir.resolve("driver.log"))).isZero();
    assertSameFiles(local, sharded);
    assertThat(Files.readAllLines(bin.resolve("srun-options"))).contains("--kill-on-bad-exit=1", "--cpus-per-task=1");

    // Killed while its shards run (a batch's JSON is there), then resumed without shards.
    Path killed = dir.resolve("killed");
    Path shards = dir.resolve("killed.partial").resolve("shards");
    Process second = driver(bin, file, killed, dir.resolve("killed.log"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && !(Files.exists(dir.resolve("killed.partial/trace.csv"))
        && Files.readAllLines(dir.resolve("killed.partial/trace.csv")).size() > 6 && batchIn(shards))) {
      Thread.sleep(5);
    }
    assertThat(second.isAlive()).as(Files.readString(dir.resolve("killed.log"))).isTrue();
    // As scancel does: the driver and its job steps (here, the stand-in srun and its workers).
    second.descendants().forEach(ProcessHandle::destroyForcibly);
    second.destroyForcibly();
    second.waitFor(10, TimeUnit.SECONDS);
    assertThat(killed).doesNotExist();
    RunCommandTest.Outcome resumed = RunCommandTest.execute("calibrate", file.toString(), "--out", killed.toString(),
        "--resume", "--quiet");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertSameFiles(local, killed);
  }

  private static boolean batchIn(Path shards) throws IOException {
    if (!Files.isDirectory(shards)) {
      return false;
    }
    try (Stream<Path> files = Files.list(shards)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
    }
  }

  private Process driver(Path bin, Path file, Path out, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.nqpf.cli.Main",
        "calibrate", file.toString(), "--shards", "3", "--out", out.toString(), "--quiet"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("SLURM_JOB_ID", "4711");
    env.put("SLURM_NTASKS", "3");
    env.put("SLURM_CPUS_PER_TASK", "1");
    return builder.start();
  }

  @Test
  void badShardOptionsAreRefusedWithExitTwoNamingTheOptionAndNothingWritten() throws IOException {
    Path file = Files.copy(TINY, dir.resolve("tiny.yaml"));
    Path out = dir.resolve("bad");
    String[][] cases = {
        {"--shards 0", "--shards: value 0 is out of range"},
        {"--shards 2 --launcher slurm", "--launcher: value \"slurm\" is not allowed; expected srun or processes"},
        {"--launcher processes", "--launcher: needs --shards N"},
        {"--shard 0/2", "--shard: calibrate takes no --shard"},
        {"--shards two", "--shards"},
    };
    for (String[] c : cases) {
      List<String> args = new ArrayList<>(List.of("calibrate", file.toString(), "--out", out.toString()));
      args.addAll(List.of(c[0].split(" ")));
      RunCommandTest.Outcome outcome = RunCommandTest.execute(args.toArray(new String[0]));
      assertThat(outcome.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(outcome.err().lines().findFirst().orElse("")).as(c[0]).contains(c[1]);
      assertThat(out).doesNotExist();
      assertThat(dir.resolve("bad.partial")).doesNotExist();
    }
    // srun outside a SLURM job would wait in the queue for every generation: refused (this test runs in no job).
    if (System.getenv("SLURM_JOB_ID") == null) {
      RunCommandTest.Outcome outcome = RunCommandTest.execute("calibrate", file.toString(), "--out", out.toString(), "--shards", "2");
      assertThat(outcome.exitCode()).isEqualTo(2);
      assertThat(outcome.err().strip()).startsWith("error: invalid configuration: --launcher: value \"srun\" runs the shards"
          + " in this job's SLURM allocation, but this is not a SLURM job").doesNotContain("\n");
      assertThat(dir.resolve("bad.partial")).doesNotExist();
    }
  }
}
