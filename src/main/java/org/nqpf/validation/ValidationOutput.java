package org.nqpf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.JsonOutput;
import org.nqpf.report.Manifest;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;

/**
 * A validation's results folder (docs/VALIDATION.md), written and read back here. It is written in
 * a temporary folder renamed into place when complete ({@link ResultsFolder}): {@code config.yaml}, the CSV files of
 * {@link ValidationTables}, {@code charts/} (PNG and SVG), {@code manifest.json} (with the master
 * seed, the replications and the thread count) and, last, {@code report.html}. Every file but
 * the manifest is the same, byte for byte, for the same scenario and master seed whatever the
 * thread count. {@code verify} reads what to rerun ({@link #read}) and compares the
 * {@link #rerunFiles}.
 */
public final class ValidationOutput {
  /** The manifest's {@code kind} of a validation folder, by which {@code verify} knows how to rerun it. */
  public static final String KIND = "validation";

  /** The first of the folder's tables (their text: {@link ValidationTables}): one row per target. */
  public static final String TABLE = "validation.csv";
  public static final String REPLICATIONS = "replications.csv";
  public static final String FITS = "size_fits.csv";
  public static final String TRANSITIONS = "transitions.csv";
  public static final String HAZARD = "hazard.csv";
  public static final String DEGREES = "degrees.csv";
  public static final String BY_SIZE = "innovation_by_size.csv";

  /** The data files in the order they are written. */
  public static final List<String> FILES = List.of(TABLE, REPLICATIONS, FITS, TRANSITIONS, HAZARD, DEGREES, BY_SIZE);

  private ValidationOutput() {}

  /** A validation folder as read back: its scenario (config.yaml), replications and master seed. */
  public record Contents(Scenario scenario, int replications, long masterSeed) {}

  /** Whether a results folder's manifest (parsed by the caller) is a validation's. */
  public static boolean isValidation(JsonNode manifest) {
    return KIND.equals(manifest.path("kind").asText());
  }

  /**
   * Reads a validation folder: its config.yaml, and its manifest's (parsed by the caller)
   * replications and master seed.
   *
   * @throws org.nqpf.config.ConfigException if config.yaml cannot be read as a scenario
   */
  public static Contents read(Path folder, JsonNode manifest) {
    Scenario scenario = ScenarioLoader.load(folder.resolve(Manifest.CONFIG_FILE_NAME));
    return new Contents(scenario, manifest.path("replications").asInt(), manifest.path("masterSeed").asLong());
  }

  /**
   * The files of a validation folder that a rerun writes byte for byte, sorted: every file but the
   * manifest and report.html, which record times.
   */
  public static List<String> rerunFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      List<String> names = new ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (!name.equals(Manifest.FILE_NAME) && !name.equals(Manifest.REPORT)) {
          names.add(name);
        }
      }
      return names;
    } catch (IOException e) {
      throw new OutputException("cannot read the rerun validation in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Writes everything into {@code target} (replacing an existing folder whole) and returns it. */
  public static Path write(Path target, ValidationResult result, int threads, String command) {
    try (ResultsFolder folder = ResultsFolder.create(target)) {
      return write(folder, result, threads, command);
    }
  }

  /** Writes everything into {@code folder}, started (checked and locked) by the caller, and commits it. */
  public static Path write(ResultsFolder folder, ValidationResult result, int threads, String command) {
    List<ValidationCharts.Chart> charts = ValidationCharts.render(result);
    String yaml = ScenarioLoader.toYaml(result.base());
    try {
      write(folder.file(Manifest.CONFIG_FILE_NAME), yaml);
      write(folder.file(TABLE), ValidationTables.table(result));
      write(folder.file(REPLICATIONS), ValidationTables.replications(result));
      write(folder.file(FITS), ValidationTables.fits(result));
      write(folder.file(TRANSITIONS), ValidationTables.transitions(result));
      write(folder.file(HAZARD), ValidationTables.hazard(result));
      write(folder.file(DEGREES), ValidationTables.degrees(result));
      write(folder.file(BY_SIZE), ValidationTables.bySize(result));
      for (ValidationCharts.Chart chart : charts) {
        Files.write(folder.file(ExperimentFolder.CHARTS + "/" + chart.baseName() + ".png"), chart.png());
        Files.write(folder.file(ExperimentFolder.CHARTS + "/" + chart.baseName() + ".svg"), chart.svg());
      }
      ObjectNode manifest = Manifest.build(folder.directory(), result.base(), command, Manifest.CONFIG_FILE_NAME);
      manifest.remove("seed");
      manifest.put("kind", KIND);
      manifest.put("masterSeed", result.masterSeed());
      manifest.put("replications", result.replications());
      manifest.put("threads", threads);
      String manifestText = JsonOutput.pretty(manifest);
      write(folder.file(Manifest.FILE_NAME), manifestText);
      write(folder.file(Manifest.REPORT), ValidationReport.html(result, charts, yaml, manifestText));
      return folder.commit();
    } catch (IOException e) {
      throw new OutputException("cannot write the validation's results to " + folder.target() + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
