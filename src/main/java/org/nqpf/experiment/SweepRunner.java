package org.nqpf.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.config.Scenario;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.ExperimentRows;
import org.nqpf.report.FirmPanel;
import org.nqpf.report.Manifest;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;
import org.nqpf.report.ResultsLock;

/**
 * Runs an experiment's runs (or one shard's) on a pool of threads, one MASON instance per run,
 * and streams the results to disk in run order as they finish: at most a small window of finished
 * runs waits in memory, whatever the number of runs. The working folder is {@code <out>.partial}
 * until the end; after each run a state file records how far the files are complete, so that an
 * interrupted sweep (Ctrl-C, kill -9) resumes where it stopped and ends with the same bytes.
 */
public final class SweepRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExperimentConfig experiment;
  private final List<Metric> metrics;
  private final List<double[]> points;
  private final int threads;
  private final Shard shard;

  /** A deterministic slice of the runs: those whose index modulo {@code count} is {@code index}. */
  public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
      if (count < 1 || index < 0 || index >= count) {
        throw new ConfigException("--shard", "value " + index + "/" + count + " is not allowed; expected I/N with 0 <= I < N");
      }
    }

    public boolean isAll() {
      return count == 1;
    }

    /** How many of {@code total} runs belong to this shard. */
    public long runs(long total) {
      return total <= index ? 0 : (total - 1 - index) / count + 1;
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }

  public SweepRunner(ExperimentConfig experiment, int threads, Shard shard) {
    this.experiment = experiment;
    this.metrics = ExperimentRows.keptMetrics(experiment);
    this.points = Design.points(experiment);
    this.threads = threads;
    this.shard = shard;
  }

  public List<double[]> points() {
    return points;
  }

  public long totalRuns() {
    return (long) points.size() * experiment.replications();
  }

  /**
   * Runs the runs of this shard into {@code <out>.partial}, resuming from its state file if
   * {@code resume}; returns the working folder, complete, for the caller to finish and move into
   * place. The caller holds the folder's lock ({@link ResultsLock}) for the whole command.
   *
   * @param progress called with the number of runs done so far (resumed runs included)
   */
  public Path run(Path out, boolean resume, LongConsumer progress) {
    Path work = workingFolder(out);
    long total = totalRuns();
    long mine = shard.runs(total);
    checkMemory((int) Math.max(1, Math.min(threads, mine)));
    State state = prepare(work, resume);
    progress.accept(state.next);
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "nqpf-sweep");
      t.setDaemon(true);
      return t;
    });
    try (OutputStream runs = ExperimentFolder.appendRuns(work, state.runsBytes);
        OutputStream series = ExperimentFolder.appendTimeSeries(work, experiment, state.seriesBytes);
        OutputStream panel = ExperimentFolder.appendPanel(work, experiment, state.panelBytes)) {
      ArrayDeque<Future<RunOutput>> window = new ArrayDeque<>();
      long submitted = state.next;
      long written = state.next;
      int windowSize = Math.max(2, threads * 4);
      while (written < mine) {
        while (submitted < mine && window.size() < windowSize) {
          long index = shard.index() + submitted * shard.count();
          window.add(pool.submit(() -> runOne(index)));
          submitted++;
        }
        RunOutput output = Futures.take(window.poll(), "the sweep");
        byte[] row = output.runsRow.getBytes(StandardCharsets.UTF_8);
        runs.write(row);
        runs.flush();
        state.runsBytes += row.length;
        if (series != null) {
          byte[] chunk = output.series.getBytes(StandardCharsets.UTF_8);
          series.write(chunk);
          series.flush();
          state.seriesBytes += chunk.length;
        }
        if (panel != null) {
          byte[] chunk = output.panel.getBytes(StandardCharsets.UTF_8);
          panel.write(chunk);
          panel.flush();
          state.panelBytes += chunk.length;
        }
        written++;
        state.next = written;
        saveState(work, state);
        progress.accept(written);
      }
    } catch (IOException e) {
      throw new OutputException("cannot write the sweep's results in " + work + ": " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    return work;
  }

  /**
   * Moves a finished working folder into place, removing its state file last, so that a sweep
   * stopped while it was being finished can still be resumed (and is finished again).
   */
  public static Path complete(Path work, Path out) {
    try {
      Files.deleteIfExists(work.resolve(Manifest.SWEEP_STATE));
    } catch (IOException e) {
      throw new OutputException("cannot remove the sweep's state file in " + work + ": " + e.getMessage(), e);
    }
    return ResultsFolder.replace(work, out);
  }

  /** The folder a sweep works in before it is complete (where its lock is, {@link ResultsLock}). */
  public static Path workingFolder(Path out) {
    return ResultsLock.workingFolder(out);
  }

  private State prepare(Path work, boolean resume) {
    Path stateFile = work.resolve(Manifest.SWEEP_STATE);
    try {
      if (holdsWork(work)) {
        if (Files.exists(work.resolve(Manifest.CALIBRATION_CONFIG))) {
          throw new OutputException("an interrupted calibration is in " + work + " (no process is writing it: its lock is"
              + " free); continue it with calibrate --resume, or remove the folder to start again");
        }
        if (!resume) {
          throw new OutputException("an interrupted sweep is in " + work + " (no process is writing it: its lock is free);"
              + " continue it with --resume, or remove the folder to start again");
        }
        if (!Files.exists(stateFile)) {
          throw new OutputException(work + " has no sweep state (" + Manifest.SWEEP_STATE + "); it cannot be resumed;"
              + " remove the folder to start again");
        }
        String expected = ExperimentRows.resolvedYaml(experiment);
        String found = ExperimentFolder.experimentText(work);
        if (!expected.equals(found)) {
          throw new OutputException("the interrupted sweep in " + work + " ran another experiment (its "
              + ExperimentFolder.EXPERIMENT + " differs); expected the same experiment file and --set assignments to"
              + " resume it");
        }
        ObjectNode node = (ObjectNode) JSON.readTree(Files.readString(stateFile, StandardCharsets.UTF_8));
        if (!shard.toString().equals(node.path("shard").asText())) {
          throw new OutputException("the interrupted sweep in " + work + " ran shard " + node.path("shard").asText()
              + "; expected --shard " + node.path("shard").asText() + " to resume it");
        }
        State state = new State(node.path("next").asLong(), node.path("runsBytes").asLong(), node.path("seriesBytes").asLong(),
            node.path("panelBytes").asLong());
        removeLeftovers(work);
        ExperimentFolder.truncate(work, experiment, new ExperimentFolder.Sizes(state.runsBytes, state.seriesBytes, state.panelBytes));
        return state;
      }
      ExperimentFolder.Sizes sizes = ExperimentFolder.create(work, experiment, points, metrics);
      State state = new State(0, sizes.runs(), sizes.series(), sizes.panel());
      saveState(work, state);
      return state;
    } catch (IOException e) {
      throw new OutputException("cannot prepare the sweep's folder " + work + ": " + e.getMessage(), e);
    }
  }

  /** Whether the working folder holds anything but its lock file: an earlier sweep's files. */
  private static boolean holdsWork(Path work) throws IOException {
    if (!Files.isDirectory(work)) {
      return false;
    }
    try (var entries = Files.list(work)) {
      return entries.anyMatch(entry -> !entry.getFileName().toString().equals(ResultsLock.FILE));
    }
  }

  /** Removes the temporary files of atomic writes that an interruption left behind (also for calibrate's resume). */
  public static void removeLeftovers(Path work) throws IOException {
    try (var files = Files.list(work)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().matches(".*\\.tmp-[0-9]+")) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private void saveState(Path work, State state) {
    ObjectNode node = JSON.createObjectNode();
    node.put("shard", shard.toString());
    node.put("next", state.next);
    node.put("runsBytes", state.runsBytes);
    node.put("seriesBytes", state.seriesBytes);
    if (experiment.firmPanel() > 0) {
      node.put("panelBytes", state.panelBytes);
    }
    ResultsFolder.writeAtomically(work.resolve(Manifest.SWEEP_STATE), (node.toString() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Refuses the sweep before it starts if its largest design point, run on every thread at once,
   * would need more heap than this JVM may use (see {@link MemoryEstimate}).
   */
  private void checkMemory(int concurrentRuns) {
    Scenario largest = null;
    double most = -1;
    for (int point = 0; point < points.size(); point++) {
      Scenario scenario;
      try {
        scenario = ExperimentLoader.withValues(experiment.baseScenario(), experiment.parameters(), points.get(point));
      } catch (ConfigException e) {
        throw new ConfigException("parameters", "design point " + point + " gives a scenario the model refuses: " + e.getMessage());
      }
      double need = MemoryEstimate.of(scenario).total();
      if (need > most) {
        most = need;
        largest = scenario;
      }
    }
    if (largest != null) {
      MemoryEstimate.check(largest, concurrentRuns, MemoryEstimate.available());
    }
  }

  /** Runs one run and formats its rows (in the worker thread, so formatting is parallel too). */
  public RunOutput runOne(long index) {
    int replications = experiment.replications();
    int point = (int) (index / replications);
    int replication = (int) (index % replications);
    long seed = Seeds.of(experiment.masterSeed(), point, replication);
    double[] values = points.get(point);
    Scenario scenario;
    try {
      scenario = ExperimentLoader.withValues(experiment.baseScenario(), experiment.parameters(), values).withSeed(seed);
    } catch (ConfigException e) {
      throw new ConfigException("parameters", "design point " + point + " gives a scenario the model refuses: " + e.getMessage());
    }
    FirmPanel panel = experiment.firmPanel() > 0 ? new FirmPanel(experiment.firmPanel(), scenario.burnIn()) : null;
    TimeSeries series = Simulation.run(scenario, false, panel).series();
    String panelRows = "";
    if (panel != null) {
      StringBuilder sb = new StringBuilder();
      panel.appendRows(sb, index + "," + point + "," + replication + ",");
      panelRows = sb.toString();
    }
    return new RunOutput(runsRow(index, point, replication, seed, values, series, scenario.burnIn()),
        seriesRows(index, point, replication, series), panelRows);
  }

  private String runsRow(long index, int point, int replication, long seed, double[] values, TimeSeries series, int burnIn) {
    StringBuilder sb = new StringBuilder().append(index).append(',').append(point).append(',').append(replication)
        .append(',').append(seed);
    ExperimentRows.appendValues(sb, experiment, values);
    int from = Math.min(burnIn, series.size() - 1);
    for (Metric m : metrics) {
      double[] column = series.column(m, from);
      double sum = 0;
      for (double v : column) {
        sum += v;
      }
      sb.append(',').append(ExperimentRows.number(sum / column.length, false));
      sb.append(',').append(ExperimentRows.number(series.get(series.size() - 1, m), m.integer()));
    }
    return sb.append('\n').toString();
  }

  private String seriesRows(long index, int point, int replication, TimeSeries series) {
    if (experiment.timeSeries() == ExperimentConfig.TimeSeriesFormat.NONE) {
      return "";
    }
    boolean wide = experiment.timeSeries() == ExperimentConfig.TimeSeriesFormat.WIDE;
    StringBuilder sb = new StringBuilder();
    String prefix = index + "," + point + "," + replication + ",";
    for (int step = 0; step < series.size(); step++) {
      String rowPrefix = prefix + step + "," + (int) series.get(step, Metric.BURN_IN);
      if (wide) {
        sb.append(rowPrefix);
        for (Metric m : metrics) {
          sb.append(',').append(ExperimentRows.number(series.get(step, m), m.integer()));
        }
        sb.append('\n');
      } else {
        for (Metric m : metrics) {
          sb.append(rowPrefix).append(',').append(m.column()).append(',')
              .append(ExperimentRows.number(series.get(step, m), m.integer())).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** A run's row of runs.csv, its rows of timeseries.csv and of firm-panel.csv (each empty when not written). */
  public record RunOutput(String runsRow, String series, String panel) {}

  private static final class State {
    long next;
    long runsBytes;
    long seriesBytes;
    long panelBytes;

    State(long next, long runsBytes, long seriesBytes, long panelBytes) {
      this.next = next;
      this.runsBytes = runsBytes;
      this.seriesBytes = seriesBytes;
      this.panelBytes = panelBytes;
    }
  }
}
