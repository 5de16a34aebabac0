package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;
import org.nqpf.model.Metric;
import org.nqpf.stats.Replications;
import org.nqpf.stats.Sensitivity;

/**
 * An experiment's results folder (docs/EXPERIMENTS.md, docs/OUTPUTS.md): its file names, declared
 * here once, and every write and read of its data files (its charts are written by
 * {@link ExperimentCharts}, its report by {@link ExperimentReport}; {@link #read} hands the time
 * series and runs files it found to the charts and the findings, which stream them). {@code sweep} and {@code merge} write it
 * ({@link org.nqpf.experiment}'s runner and finisher, and {@link ShardFolder#merge}, call the write
 * methods),
 * {@code chart} and the report read it ({@link #read}, into {@link ExperimentResults}), and
 * {@code verify} compares its {@link #rerunFiles}; a shard's folder ({@link ShardFolder}) holds its
 * first files. The text of its rows is {@link ExperimentRows}'s. Its {@code manifest.json} and {@code report.html} are {@link Manifest#FILE_NAME} and
 * {@link Manifest#REPORT}; its firm panel, a run's {@link FirmPanel#FILE} with three columns in front.
 */
public final class ExperimentFolder {
  /** The resolved experiment. */
  public static final String EXPERIMENT = "experiment.yaml";
  /** One row per design point: its parameters' values. */
  public static final String POINTS = "points.csv";
  /** One row per run: its point, replication, seed and metrics. */
  public static final String RUNS = "runs.csv";
  /** The kept metrics' time series ({@code timeSeries: WIDE} or {@code LONG}). */
  public static final String TIME_SERIES = "timeseries.csv";
  /** One row per design point: each metric's mean, sd and 95% interval over the replications. */
  public static final String SUMMARY = "summary.csv";
  /** The sensitivity indices of a sampled design. */
  public static final String SENSITIVITY = "sensitivity.csv";
  /** The ranked findings ({@link Findings}). */
  public static final String FINDINGS = "findings.csv";
  /** The charts, PNG and SVG (also the folder of validation's and calibration's charts). */
  public static final String CHARTS = "charts";

  private ExperimentFolder() {}

  /** The sizes in bytes of the files a sweep appends its runs to (0 for a file it does not write). */
  public record Sizes(long runs, long series, long panel) {}

  /**
   * Starts a sweep's folder: the resolved experiment, the design points, and the headers of the
   * files its runs are appended to; returns their sizes.
   */
  public static Sizes create(Path work, ExperimentConfig experiment, List<double[]> points, List<Metric> metrics)
      throws IOException {
    Files.createDirectories(work);
    Files.writeString(work.resolve(EXPERIMENT), ExperimentRows.resolvedYaml(experiment), StandardCharsets.UTF_8);
    StringBuilder pointsCsv = new StringBuilder(ExperimentRows.pointsHeader(experiment));
    for (int p = 0; p < points.size(); p++) {
      pointsCsv.append(ExperimentRows.pointRow(experiment, p, points.get(p)));
    }
    Files.writeString(work.resolve(POINTS), pointsCsv, StandardCharsets.UTF_8);
    byte[] runsHeader = ExperimentRows.runsHeader(experiment, metrics).getBytes(StandardCharsets.UTF_8);
    Files.write(work.resolve(RUNS), runsHeader);
    long seriesBytes = 0;
    if (experiment.timeSeries() != ExperimentConfig.TimeSeriesFormat.NONE) {
      byte[] header = ExperimentRows.timeSeriesHeader(experiment, metrics).getBytes(StandardCharsets.UTF_8);
      Files.write(work.resolve(TIME_SERIES), header);
      seriesBytes = header.length;
    }
    long panelBytes = 0;
    if (experiment.firmPanel() > 0) {
      byte[] header = FirmPanel.header(ExperimentRows.FIRM_PANEL_PREFIX).getBytes(StandardCharsets.UTF_8);
      Files.write(work.resolve(FirmPanel.FILE), header);
      panelBytes = header.length;
    }
    return new Sizes(runsHeader.length, seriesBytes, panelBytes);
  }

  /** The folder's experiment.yaml as written. */
  public static String experimentText(Path dir) throws IOException {
    return Files.readString(dir.resolve(EXPERIMENT), StandardCharsets.UTF_8);
  }

  /**
   * The folder's experiment, loaded and checked as an experiment file.
   *
   * @throws org.nqpf.config.ConfigException if it cannot be read or is not a valid experiment
   */
  public static ExperimentConfig readExperiment(Path dir) {
    return ExperimentLoader.load(dir.resolve(EXPERIMENT));
  }

  /** The rows of runs.csv after its header, split into cells. */
  public static List<String[]> readRuns(Path dir) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(dir.resolve(RUNS), StandardCharsets.UTF_8)) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  /** Cuts the appended files back to {@code sizes} (what a sweep's state says is complete). */
  public static void truncate(Path work, ExperimentConfig experiment, Sizes sizes) throws IOException {
    truncate(work.resolve(RUNS), sizes.runs());
    if (experiment.timeSeries() != ExperimentConfig.TimeSeriesFormat.NONE) {
      truncate(work.resolve(TIME_SERIES), sizes.series());
    }
    if (experiment.firmPanel() > 0) {
      truncate(work.resolve(FirmPanel.FILE), sizes.panel());
    }
  }

  /** Opens runs.csv to append to, checking that it has {@code size} bytes. */
  public static OutputStream appendRuns(Path work, long size) throws IOException {
    return append(work.resolve(RUNS), size);
  }

  /** Opens timeseries.csv to append to, or returns null if the experiment writes none. */
  public static OutputStream appendTimeSeries(Path work, ExperimentConfig experiment, long size) throws IOException {
    return experiment.timeSeries() == ExperimentConfig.TimeSeriesFormat.NONE ? null : append(work.resolve(TIME_SERIES), size);
  }

  /** Opens firm-panel.csv to append to, or returns null if the experiment writes none. */
  public static OutputStream appendPanel(Path work, ExperimentConfig experiment, long size) throws IOException {
    return experiment.firmPanel() == 0 ? null : append(work.resolve(FirmPanel.FILE), size);
  }

  private static void truncate(Path file, long bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (channel.size() < bytes) {
        throw new OutputException(file + " is shorter (" + channel.size() + " bytes) than the sweep state says (" + bytes
            + "); it cannot be resumed; remove the folder to start again");
      }
      channel.truncate(bytes);
    }
  }

  private static OutputStream append(Path file, long expectedSize) throws IOException {
    if (Files.size(file) != expectedSize) {
      throw new OutputException(file + " has " + Files.size(file) + " bytes, expected " + expectedSize);
    }
    return new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16);
  }

  /**
   * Writes summary.csv from runs.csv, whose runs come in index order, so a point's replications
   * are consecutive rows; returns the per-point means of each metric's run means.
   */
  public static double[][] writeSummary(Path folder, ExperimentConfig experiment, List<Metric> metrics, List<double[]> points) {
    int k = experiment.parameters().size();
    int replications = experiment.replications();
    double[][] means = new double[points.size()][metrics.size()];
    Path summary = folder.resolve(SUMMARY);
    try (BufferedReader runs = Files.newBufferedReader(folder.resolve(RUNS), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(summary, StandardCharsets.UTF_8)) {
      out.write(ExperimentRows.summaryHeader(experiment, metrics));
      runs.readLine();
      double[][] values = new double[metrics.size()][replications];
      for (int p = 0; p < points.size(); p++) {
        for (int r = 0; r < replications; r++) {
          String line = runs.readLine();
          if (line == null) {
            throw new OutputException(folder.resolve(RUNS) + " ends before point " + p + ", replication " + r
                + "; expected " + (long) points.size() * replications + " runs");
          }
          String[] fields = line.split(",", -1);
          for (int m = 0; m < metrics.size(); m++) {
            values[m][r] = Double.parseDouble(fields[4 + k + 2 * m]);
          }
        }
        Replications.Stats[] stats = new Replications.Stats[metrics.size()];
        for (int m = 0; m < metrics.size(); m++) {
          stats[m] = Replications.of(values[m]);
          means[p][m] = stats[m].mean();
        }
        out.write(ExperimentRows.summaryRow(experiment, p, points.get(p), stats));
      }
    } catch (IOException e) {
      throw new OutputException("cannot write " + summary + ": " + e.getMessage(), e);
    }
    return means;
  }

  /** Writes sensitivity.csv: for each metric, in order, its indices. */
  public static void writeSensitivity(Path folder, List<Metric> metrics, List<List<Sensitivity.Index>> indices) {
    Path file = folder.resolve(SENSITIVITY);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("metric,parameter,method,value,ciLow,ciHigh\n");
      for (int m = 0; m < metrics.size(); m++) {
        for (Sensitivity.Index index : indices.get(m)) {
          out.write(ExperimentRows.sensitivityRow(metrics.get(m), index));
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes findings.csv (atomically) and returns its path. */
  public static Path writeFindings(Path dir, String text) {
    Path file = dir.resolve(FINDINGS);
    ResultsFolder.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /**
   * Writes the Parquet copies of runs.csv, timeseries.csv and firm-panel.csv (those the folder has),
   * the time series and the panel with the design point's parameter values as columns after
   * {@code replication} (runs.csv has them already).
   */
  public static void writeParquet(Path folder, ExperimentConfig experiment) {
    List<Metric> metrics = ExperimentRows.keptMetrics(experiment);
    List<ParquetOutput.Parameter> parameters = ExperimentRows.parquetParameters(experiment);
    Path points = folder.resolve(POINTS);
    ParquetOutput.write(folder.resolve(RUNS), ExperimentRows.runsTypes(experiment, metrics),
        folder.resolve(ParquetOutput.parquetName(RUNS)));
    if (experiment.timeSeries() != ExperimentConfig.TimeSeriesFormat.NONE) {
      ParquetOutput.write(folder.resolve(TIME_SERIES), ExperimentRows.timeSeriesTypes(experiment, metrics), points, parameters,
          folder.resolve(ParquetOutput.parquetName(TIME_SERIES)));
    }
    if (experiment.firmPanel() > 0) {
      ParquetOutput.write(folder.resolve(FirmPanel.FILE), ExperimentRows.panelTypes(), points, parameters,
          folder.resolve(ParquetOutput.parquetName(FirmPanel.FILE)));
    }
  }

  /**
   * The files a rerun of {@code experiment} writes the same bytes of, in the order {@code verify}
   * compares them: the CSV files (those either folder has), the Parquet copies, the findings.
   */
  public static List<String> rerunFiles(ExperimentConfig experiment) {
    List<String> files = new ArrayList<>(List.of(POINTS, RUNS, TIME_SERIES, FirmPanel.FILE, SUMMARY, SENSITIVITY));
    if (experiment.formats().parquet()) {
      files.add(ParquetOutput.parquetName(RUNS));
      if (experiment.timeSeries() != ExperimentConfig.TimeSeriesFormat.NONE) {
        files.add(ParquetOutput.parquetName(TIME_SERIES));
      }
      if (experiment.firmPanel() > 0) {
        files.add(ParquetOutput.parquetName(FirmPanel.FILE));
      }
    }
    return files;
  }

  /**
   * Reads and checks the folder: the experiment file, the design points, the per-point summary,
   * and the optional sensitivity indices, time series, manifest and runs (only counted here).
   * Required: the folder, {@code experiment.yaml}, {@code points.csv}, {@code summary.csv};
   * {@code timeseries.csv} only when the experiment file says {@code timeSeries: WIDE} or {@code LONG}.
   *
   * @throws ResultsReadException if the folder or a required file is missing, unreadable or
   *     malformed (naming it)
   */
  static ExperimentResults read(Path resultsDir) {
    Path dir = resultsDir.toAbsolutePath().normalize();
    if (!Files.exists(dir)) {
      throw new ResultsReadException("results folder " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new ResultsReadException(dir + " is not a folder; expected an experiment's results folder");
    }
    if (!Files.isReadable(dir)) {
      throw new ResultsReadException("cannot read the results folder " + dir + ": permission denied");
    }
    Path experimentFile = dir.resolve(EXPERIMENT);
    if (!Files.exists(experimentFile)) {
      String hint = Files.exists(dir.resolve(Manifest.CONFIG_FILE_NAME)) ? " (it looks like the folder of a single `run`)" : "";
      throw new ResultsReadException(dir + " is not an experiment's results folder: " + EXPERIMENT + " is missing" + hint);
    }
    String experimentText = readText(experimentFile);
    JsonNode experiment = ExperimentResults.parseYaml(experimentFile, experimentText);
    CsvTable pointsTable = CsvTable.read(dir.resolve(POINTS));
    List<String> parameters = ExperimentResults.parameters(pointsTable);
    Map<Integer, ExperimentResults.Point> points = ExperimentResults.points(pointsTable, parameters);
    CsvTable summary = CsvTable.read(dir.resolve(SUMMARY));
    List<String> metrics = ExperimentResults.metrics(summary, parameters);
    Map<Integer, Integer> summaryRows = ExperimentResults.summaryRows(summary, points, metrics);
    CsvTable sensitivity = Files.exists(dir.resolve(SENSITIVITY))
        ? ExperimentResults.checkSensitivity(CsvTable.read(dir.resolve(SENSITIVITY))) : null;
    Path timeSeriesFile = dir.resolve(TIME_SERIES);
    String declared = experiment.path("timeSeries").asText("").toUpperCase(Locale.ROOT);
    if (!Files.exists(timeSeriesFile)) {
      if (declared.equals("WIDE") || declared.equals("LONG")) {
        throw new ResultsReadException("cannot read " + timeSeriesFile + ": the file does not exist, but "
            + EXPERIMENT + " says timeSeries: " + declared);
      }
      timeSeriesFile = null;
    } else if (!Files.isReadable(timeSeriesFile) || !Files.isRegularFile(timeSeriesFile)) {
      throw new ResultsReadException("cannot read " + timeSeriesFile + ": permission denied or not a regular file");
    }
    String manifestText = Files.exists(dir.resolve(Manifest.FILE_NAME)) ? readText(dir.resolve(Manifest.FILE_NAME)) : null;
    Path runsFile = dir.resolve(RUNS);
    int runCount = -1;
    if (Files.exists(runsFile)) {
      int[] count = {0};
      CsvTable.stream(runsFile, (cells, line) -> count[0]++);
      runCount = count[0];
    } else {
      runsFile = null;
    }
    return new ExperimentResults(dir, experimentText, experiment, parameters, List.copyOf(points.values()), summary,
        metrics, summaryRows, sensitivity, timeSeriesFile, manifestText, runsFile, runCount);
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (NoSuchFileException e) {
      throw new ResultsReadException("cannot read " + file + ": the file does not exist", e);
    } catch (AccessDeniedException e) {
      throw new ResultsReadException("cannot read " + file + ": permission denied", e);
    } catch (MalformedInputException e) {
      throw new ResultsReadException("cannot read " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new ResultsReadException("cannot read " + file + ": " + e, e);
    }
  }
}
