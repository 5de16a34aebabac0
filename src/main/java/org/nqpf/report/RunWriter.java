package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.model.Firm;
import org.nqpf.model.Matrices;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/**
 * The results folder of one run, written and read back here: the resolved config, the time
 * series, the summary, the innovation chart and, last, the manifest; all written into a temporary
 * folder that replaces the target in one rename, so a reader never sees a half-written folder.
 * {@code verify} reads a folder's run ({@link #read}) and compares its {@link #rerunFiles}.
 */
public final class RunWriter {
  /** The run's time series, one row per step. */
  public static final String TIME_SERIES = "timeseries.csv";

  /** The run's summary statistics. */
  public static final String SUMMARY = "summary.json";

  /** The run's innovation chart. */
  public static final String CHART = "innovations.png";

  /** The files of a run's results folder, in the order they are written (the manifest last; {@code matrices.csv} before it with {@code --matrices}). */
  public static final List<String> FILES = List.of(
      Manifest.CONFIG_FILE_NAME, TIME_SERIES, SUMMARY, CHART, Manifest.FILE_NAME);

  /** The Parquet copy of timeseries.csv ({@code run --format csv,parquet}). */
  public static final String TIME_SERIES_PARQUET = "timeseries.parquet";

  private RunWriter() {}

  /**
   * A run's folder as read back: its scenario (config.yaml), and the options it was written with,
   * {@code run --matrices}, {@code --format csv,parquet} and {@code --firm-panel K} (K, 0 without).
   */
  public record Contents(Scenario scenario, boolean matrices, boolean parquet, int firmPanel) {}

  /**
   * Reads a run's folder: its config.yaml, which optional files it holds, and its manifest's
   * (already parsed by the caller) firm-panel K.
   *
   * @throws org.nqpf.config.ConfigException if config.yaml cannot be read as a scenario
   */
  public static Contents read(Path folder, JsonNode manifest) {
    Scenario scenario = ScenarioLoader.load(folder.resolve(Manifest.CONFIG_FILE_NAME));
    return new Contents(scenario, Files.isRegularFile(folder.resolve(MatricesCsv.FILE_NAME)),
        Files.isRegularFile(folder.resolve(TIME_SERIES_PARQUET)), manifest.path("firmPanel").asInt(0));
  }

  /** The files a rerun of the same run writes byte for byte (all but the config and the manifest). */
  public static List<String> rerunFiles(Contents run) {
    List<String> names = new ArrayList<>(List.of(TIME_SERIES, SUMMARY, CHART));
    if (run.matrices()) {
      names.add(MatricesCsv.FILE_NAME);
    }
    if (run.firmPanel() > 0) {
      names.add(FirmPanel.FILE);
    }
    if (run.parquet()) {
      names.add(TIME_SERIES_PARQUET);
      if (run.firmPanel() > 0) {
        names.add(ParquetOutput.parquetName(FirmPanel.FILE));
      }
    }
    return names;
  }

  /**
   * Writes everything and moves it into {@code target}.
   *
   * @param finalFirms the firms alive at the end, for the size distribution
   * @param command the command line recorded in the manifest
   */
  public static Path write(Path target, Scenario scenario, TimeSeries series, List<Firm> finalFirms, String command) {
    try (ResultsFolder folder = ResultsFolder.create(target)) {
      return write(folder, scenario, series, finalFirms, command);
    }
  }

  /** Writes everything into {@code folder}, started (checked and locked) by the caller, and commits it. */
  public static Path write(ResultsFolder folder, Scenario scenario, TimeSeries series, List<Firm> finalFirms, String command) {
    return write(folder, scenario, series, finalFirms, List.of(), null, false, command, List.of());
  }

  /**
   * Writes everything into {@code folder} and commits it, with {@code matrices.csv} (before the
   * manifest) when {@code matrices} is not empty ({@code run --matrices}) and {@code firm-panel.csv}
   * when {@code panel} is not null ({@code run --firm-panel K}), and with {@code parquet}
   * ({@code run --format csv,parquet}) the Parquet copies of the time series and the panel; the
   * manifest records {@code sets}, the command line's {@code --set} assignments as typed, and the
   * panel's K.
   */
  public static Path write(ResultsFolder folder, Scenario scenario, TimeSeries series, List<Firm> finalFirms,
      List<Matrices> matrices, FirmPanel panel, boolean parquet, String command, List<String> sets) {
    // The chart is rendered on a second thread while this one writes the config, the series and
    // the summary: in a fresh JVM both are mostly class loading and interpretation (JFreeChart and
    // AWT there, Jackson here), so on two cores they overlap. Only the PNG bytes are made there;
    // every file is still written here, in the same order, so the folder is the same.
    FutureTask<byte[]> chart = new FutureTask<>(() -> InnovationChart.render(series, scenario.name(), scenario.seed()));
    Thread renderer = new Thread(chart, "nqpf-chart");
    renderer.setDaemon(true);
    renderer.start();
    try {
      Map<String, Object> extra = new LinkedHashMap<>(FirmDistribution.of(finalFirms));
      extra.putAll(AiObservations.block(finalFirms, scenario));
      try {
        Files.writeString(folder.file(Manifest.CONFIG_FILE_NAME), ScenarioLoader.toYaml(scenario), StandardCharsets.UTF_8);
        TimeSeriesCsv.write(series, folder.file(TIME_SERIES));
        RunSummary.compute(series, scenario, extra).write(folder.file(SUMMARY));
        ResultsFolder.writeAtomically(folder.file(CHART), renderedChart(chart));
        if (!matrices.isEmpty()) {
          MatricesCsv.write(matrices, folder.file(MatricesCsv.FILE_NAME));
        }
        if (panel != null) {
          Files.writeString(folder.file(FirmPanel.FILE), panel.csv(), StandardCharsets.UTF_8);
        }
        if (parquet) {
          ParquetOutput.write(folder.file(TIME_SERIES), timeSeriesTypes(), folder.file(TIME_SERIES_PARQUET));
          if (panel != null) {
            ParquetOutput.write(folder.file(FirmPanel.FILE), FirmPanel.parquetTypes(),
                folder.file(ParquetOutput.parquetName(FirmPanel.FILE)));
          }
        }
        Manifest.write(folder.directory(), scenario, command, sets, panel == null ? 0 : panel.every());
        return folder.commit();
      } catch (java.io.IOException e) {
        throw new OutputException("cannot write the results of " + scenario.name() + " to " + folder.target() + ": " + e.getMessage(), e);
      }
    } finally {
      // Never leave the renderer running past this call (it writes nothing, but holds the series).
      chart.cancel(true);
    }
  }

  /** The Parquet types of a run's timeseries.csv: whole-number metrics as integers, the others as doubles. */
  static Map<String, ParquetOutput.Type> timeSeriesTypes() {
    Map<String, ParquetOutput.Type> types = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      types.put(m.column(), m.integer() ? ParquetOutput.Type.BIGINT : ParquetOutput.Type.DOUBLE);
    }
    return types;
  }

  /** The chart's PNG bytes from the renderer thread; its exception, if any, is rethrown as it was thrown. */
  private static byte[] renderedChart(FutureTask<byte[]> chart) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return chart.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new OutputException("cannot render the innovation chart: " + cause, cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
