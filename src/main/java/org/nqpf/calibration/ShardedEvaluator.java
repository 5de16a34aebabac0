package org.nqpf.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.ConfigException;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;

/**
 * Runs each batch of evaluations (a CMA-ES generation, a stage's starting point, the profile, the
 * fit table) as N shards in separate JVMs, on a SLURM allocation or on this machine, and merges
 * their moments in run order (docs/CALIBRATION.md, "On a SLURM cluster").
 *
 * <p>A batch is a list of runs, candidate × replication, numbered c·R + r; shard I of N runs those
 * whose number is I mod N, as {@code sweep --shard I/N} does. The driver writes the batch to
 * {@code <out>.partial/shards/batch-NNNNNN.json} (the calibration's SHA-256, the number of shards,
 * the seeds, the candidates' values), launches the shards, each running
 * {@code calibrate <out>.partial/calibration.yaml --evaluate BATCH --shard I/N}, which writes the
 * moments of its runs, with every digit of each double, to {@code batch-NNNNNN.shard-I.csv}; the
 * driver reads the N files in shard order, checks that each names the batch's SHA-256 and holds
 * exactly its runs, and puts the moments back in run order. A run depends only on its parameter
 * values and seed, and the moments cross the files exactly, so the calibration's files are those
 * of a calibration on local threads, byte for byte.
 */
public final class ShardedEvaluator implements Calibrator.Evaluator {
  /** The folder of the batches and their shards' files, inside the calibration's working folder. */
  public static final String FOLDER = "shards";
  /** The environment variable through which srun tells each task its number. */
  static final String PROCID = "SLURM_PROCID";

  private static final JsonMapper JSON = new JsonMapper();

  /** How the shards of a batch are started. */
  public enum Launcher {
    /** One {@code srun --ntasks=N} job step per batch, in the SLURM allocation the driver runs in. */
    SRUN("srun"),
    /** N child JVMs on this machine. */
    PROCESSES("processes");

    private final String label;

    Launcher(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The launcher named {@code text}; a refusal names {@code --launcher} and the allowed values. */
    public static Launcher parse(String text) {
      for (Launcher launcher : values()) {
        if (launcher.label.equals(text)) {
          return launcher;
        }
      }
      throw new ConfigException("--launcher", "value \"" + text + "\" is not allowed; expected srun or processes");
    }
  }

  /**
   * How a calibration spreads its batches.
   *
   * @param shards N, the most shards a batch is split into (a batch of fewer runs gets one per run)
   * @param threads each shard's worker threads, or null: srun's tasks use SLURM_CPUS_PER_TASK (else
   *     the CPUs they see), child processes the cores divided among them
   */
  public record Sharding(int shards, Launcher launcher, Integer threads) {}

  private final CalibrationConfig config;
  private final Path calibration;
  private final Path folder;
  private final Sharding sharding;
  private final String calibrationSha;
  private int batches;
  private boolean failed;

  /**
   * @param work the calibration's working folder, holding its {@code calibration.yaml}
   */
  public ShardedEvaluator(CalibrationConfig config, Path work, Sharding sharding) {
    this.config = config;
    this.calibration = work.resolve(CalibrationRun.CALIBRATION).toAbsolutePath().normalize();
    this.folder = work.resolve(FOLDER).toAbsolutePath().normalize();
    this.sharding = sharding;
    this.calibrationSha = sha256(CalibrationRun.resolvedYaml(config).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Refuses, before anything is written, a launcher that cannot work here: srun outside a SLURM
   * job (each batch would wait in the queue for its own allocation), or with more shards than the
   * job has tasks, or without srun on the PATH.
   */
  public static void check(Sharding sharding, Map<String, String> environment) {
    if (sharding.shards() < 1 || sharding.shards() > 4096) {
      throw new ConfigException("--shards", "value " + sharding.shards() + " is out of range; expected a whole number in [1, 4096]");
    }
    if (sharding.launcher() != Launcher.SRUN) {
      return;
    }
    if (environment.get("SLURM_JOB_ID") == null) {
      throw new ConfigException("--launcher", "value \"srun\" runs the shards in this job's SLURM allocation, but this is"
          + " not a SLURM job (no SLURM_JOB_ID); submit it with sbatch experiments/slurm/calibrate.sbatch, or use"
          + " --launcher processes");
    }
    String tasks = environment.get("SLURM_NTASKS");
    if (tasks != null && tasks.matches("[0-9]+") && sharding.shards() > Integer.parseInt(tasks)) {
      throw new ConfigException("--shards", "value " + sharding.shards() + " is more than the " + tasks + " tasks of this"
          + " SLURM job (SLURM_NTASKS); expected at most " + tasks);
    }
    if (onPath("srun", environment.get("PATH")) == null) {
      throw new ConfigException("--launcher", "value \"srun\" needs the srun command, which is not on the PATH");
    }
  }

  private static Path onPath(String command, String path) {
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  @Override
  public List<double[][]> evaluate(List<double[]> points, long[] seeds) {
    int runs = points.size() * seeds.length;
    int shards = Math.min(sharding.shards(), runs);
    String name = String.format(Locale.ROOT, "batch-%06d", batches++);
    Path batch = folder.resolve(name + ".json");
    ObjectNode root = JSON.createObjectNode();
    root.put("calibration", calibrationSha);
    root.put("shards", shards);
    ArrayNode seedArray = root.putArray("seeds");
    for (long seed : seeds) {
      seedArray.add(seed);
    }
    ArrayNode pointArray = root.putArray("points");
    for (double[] values : points) {
      ArrayNode row = pointArray.addArray();
      for (double value : values) {
        row.add(value);
      }
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ResultsFolder.writeAtomically(batch, bytes);
    String batchSha = sha256(bytes);
    launch(name, batch, shards);
    double[][] moments = new double[runs][];
    List<Path> written = new ArrayList<>(List.of(batch));
    for (int shard = 0; shard < shards; shard++) {
      Path file = folder.resolve(resultName(name, shard));
      written.add(file);
      read(file, name, batchSha, shard, shards, moments);
    }
    for (Path file : written) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new OutputException("cannot remove " + file + ": " + e.getMessage(), e);
      }
    }
    List<double[][]> results = new ArrayList<>();
    for (int c = 0; c < points.size(); c++) {
      double[][] replications = new double[seeds.length][];
      for (int r = 0; r < seeds.length; r++) {
        replications[r] = moments[c * seeds.length + r];
      }
      results.add(replications);
    }
    return results;
  }

  private static String resultName(String batch, int shard) {
    return batch + ".shard-" + shard + ".csv";
  }

  /** The command that evaluates shard {@code shard} (or, when null, the shard srun names) of a batch. */
  private List<String> workerCommand(Path batch, Integer shard, int shards) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // The heap and other settings carry over; an agent or a debugger would clash in N copies.
      if (!option.startsWith("-javaagent") && !option.startsWith("-agentlib") && !option.startsWith("-agentpath")
          && !option.startsWith("-Xrunjdwp") && !option.equals("-Xdebug")) {
        command.add(option);
      }
    }
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(Path.of(entry).toAbsolutePath().normalize().toString());
    }
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), "org.nqpf.cli.Main", "calibrate",
        calibration.toString(), "--evaluate", batch.toString()));
    if (shard != null) {
      command.addAll(List.of("--shard", shard + "/" + shards));
    }
    Integer threads = sharding.threads();
    if (threads == null && sharding.launcher() == Launcher.PROCESSES) {
      threads = Math.max(1, Runtime.getRuntime().availableProcessors() / shards);
    }
    if (threads != null) {
      command.addAll(List.of("--threads", Integer.toString(threads)));
    }
    return command;
  }

  private void launch(String name, Path batch, int shards) {
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    try {
      if (sharding.launcher() == Launcher.SRUN) {
        List<String> command = new ArrayList<>(List.of("srun", "--ntasks=" + shards, "--kill-on-bad-exit=1"));
        String cpus = System.getenv("SLURM_CPUS_PER_TASK");
        if (cpus != null) {
          // srun does not take the job's --cpus-per-task over by itself (SLURM 22.05 and later).
          command.add("--cpus-per-task=" + cpus);
        }
        command.addAll(workerCommand(batch, null, shards));
        Path log = folder.resolve(name + ".log");
        logs.add(log);
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
      } else {
        for (int shard = 0; shard < shards; shard++) {
          Path log = folder.resolve(name + ".shard-" + shard + ".log");
          logs.add(log);
          processes.add(new ProcessBuilder(workerCommand(batch, shard, shards)).redirectErrorStream(true)
              .redirectOutput(log.toFile()).start());
        }
      }
      for (int i = 0; i < processes.size(); i++) {
        int exit = processes.get(i).waitFor();
        if (exit != 0) {
          failed = true;
          String what = sharding.launcher() == Launcher.SRUN ? "srun of the " + shards + " shards" : "shard " + i + "/" + shards;
          throw new ShardFailure("the calibration's " + what + " of " + name + " failed (exit " + exit + "); its output, in "
              + logs.get(i) + ":\n" + tail(logs.get(i)));
        }
      }
      for (Path log : logs) {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      failed = true;
      throw new ShardFailure("cannot start the calibration's shards of " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed = true;
      throw new ShardFailure("the calibration was interrupted while its shards of " + name + " ran", e);
    } finally {
      for (Process process : processes) {
        process.destroyForcibly();
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(cannot read it: " + e.getMessage() + ")";
    }
  }

  private void read(Path file, String name, String batchSha, int shard, int shards, double[][] moments) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      failed = true;
      throw new ShardFailure("shard " + shard + "/" + shards + " of " + name + " left no readable " + file + ": " + e.getMessage(), e);
    }
    int m = config.moments().size();
    String header = header(batchSha, shard, shards);
    int expected = (moments.length - 1 - shard) / shards + 1;
    boolean ok = !lines.isEmpty() && lines.get(0).equals(header) && lines.size() == expected + 1;
    for (int k = 0; ok && k < expected; k++) {
      String[] cells = lines.get(k + 1).split(",", -1);
      ok = cells.length == m + 1 && cells[0].equals(Integer.toString(shard + k * shards));
      if (ok) {
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
          values[i] = Double.parseDouble(cells[i + 1]);
        }
        moments[shard + k * shards] = values;
      }
    }
    if (!ok) {
      failed = true;
      throw new ShardFailure(file + " is not the moments of shard " + shard + "/" + shards + " of " + name
          + " (expected the line \"" + header + "\" and " + expected + " runs)");
    }
  }

  private static String header(String batchSha, int shard, int shards) {
    return "# batch " + batchSha + " shard " + shard + "/" + shards;
  }

  /**
   * Removes the batches' folder, unless a shard failed (its log and files are kept for a look;
   * {@code --resume} removes them).
   */
  @Override
  public void close() {
    if (!failed) {
      remove(folder);
    }
  }

  /** Removes {@code folder} and everything in it, if it exists. */
  static void remove(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new OutputException("cannot remove " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * A shard's work, in the worker JVM: runs the batch's runs whose number is {@code shard} mod N
   * on {@code threads} threads and writes their moments next to the batch. {@code shard} null: the
   * task number that srun gives (SLURM_PROCID).
   */
  public static Path evaluateShard(CalibrationConfig config, Path batch, Integer shard, Integer count, int threads) {
    JsonNode root;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(batch);
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new ConfigException("--evaluate", "cannot read the batch " + batch + ": " + e.getMessage());
    }
    String sha = sha256(CalibrationRun.resolvedYaml(config).getBytes(StandardCharsets.UTF_8));
    if (!sha.equals(root.path("calibration").asText())) {
      throw new ConfigException("--evaluate", "the batch " + batch + " belongs to another calibration than the one given");
    }
    int shards = root.path("shards").asInt();
    int index;
    if (shard != null) {
      if (count != shards) {
        throw new ConfigException("--shard", "value " + shard + "/" + count + " does not fit the batch " + batch
            + ", which has " + shards + " shards");
      }
      index = shard;
    } else {
      String procid = System.getenv(PROCID);
      if (procid == null || !procid.matches("[0-9]+") || Integer.parseInt(procid) >= shards) {
        throw new ConfigException("--shard", "not given, and " + PROCID + " (" + procid + ") names no shard of 0.."
            + (shards - 1) + "; expected --shard I/" + shards + " or a task of srun --ntasks=" + shards);
      }
      index = Integer.parseInt(procid);
    }
    long[] seeds = new long[root.path("seeds").size()];
    for (int r = 0; r < seeds.length; r++) {
      seeds[r] = root.path("seeds").get(r).asLong();
    }
    List<double[]> points = new ArrayList<>();
    for (JsonNode row : root.path("points")) {
      double[] values = new double[row.size()];
      for (int j = 0; j < values.length; j++) {
        values[j] = row.get(j).doubleValue();
      }
      points.add(values);
    }
    int runs = points.size() * seeds.length;
    List<double[]> values = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int run = index; run < runs; run += shards) {
      numbers.add(run);
      values.add(points.get(run / seeds.length));
    }
    long[] runSeeds = new long[numbers.size()];
    for (int k = 0; k < runSeeds.length; k++) {
      runSeeds[k] = seeds[numbers.get(k) % seeds.length];
    }
    CalibrationRun.checkMemory(config, Math.min(threads, Math.max(1, numbers.size())));
    List<double[]> moments;
    try (MomentSimulator simulator = new MomentSimulator(config, threads)) {
      moments = simulator.runs(values, runSeeds);
    }
    StringBuilder out = new StringBuilder(header(sha256(bytes), index, shards)).append('\n');
    for (int k = 0; k < numbers.size(); k++) {
      out.append(numbers.get(k));
      for (double value : moments.get(k)) {
        out.append(',').append(Double.toString(value));
      }
      out.append('\n');
    }
    String name = batch.getFileName().toString().replaceFirst("\\.json$", "");
    Path file = batch.resolveSibling(resultName(name, index));
    ResultsFolder.writeAtomically(file, out.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
