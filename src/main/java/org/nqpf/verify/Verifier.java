package org.nqpf.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.nqpf.calibration.CalibrationRun;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.CalibrationLoader;
import org.nqpf.config.ConfigException;
import org.nqpf.config.EffectsConfig;
import org.nqpf.config.EffectsLoader;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.experiment.EffectsOutput;
import org.nqpf.experiment.EffectsRunner;
import org.nqpf.experiment.ExperimentFinisher;
import org.nqpf.experiment.Simulation;
import org.nqpf.experiment.SweepRunner;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.FirmPanel;
import org.nqpf.report.Manifest;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;
import org.nqpf.report.ResultsTarget;
import org.nqpf.report.RunWriter;
import org.nqpf.stats.PowerLawFit;
import org.nqpf.validation.ValidationOutput;
import org.nqpf.validation.ValidationResult;
import org.nqpf.validation.ValidationRunner;

/**
 * Reruns what a results folder's manifest describes and compares the outputs byte for byte. A
 * {@code run} folder is rerun from its {@code config.yaml}; an experiment folder is rerun whole, or
 * only {@code sample} of its runs (chosen by seed order), whose rows are compared with those in
 * {@code runs.csv} and {@code timeseries.csv}. It also checks each file against the SHA-256 the
 * manifest lists, so a tampered file is named even when it is not rerun.
 */
public final class Verifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Verifier() {}

  /** One file's verdict. */
  public record Verdict(String file, boolean matches, String detail) {}

  /** The verdicts and the warnings (tool or Java version differing from the manifest's). */
  public record Report(List<Verdict> verdicts, List<String> warnings) {
    public boolean allMatch() {
      return verdicts.stream().allMatch(Verdict::matches);
    }
  }

  public static Report verify(Path folder, int sample) {
    if (!Files.isDirectory(folder)) {
      throw new ConfigException("RESULTS_DIR", folder + " is not a folder; expected a results folder written by run, sweep, validate, calibrate or effects");
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(Files.readString(folder.resolve(Manifest.FILE_NAME), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("RESULTS_DIR", folder.resolve(Manifest.FILE_NAME) + " cannot be read (" + e.getMessage()
          + "); expected the manifest.json of a results folder");
    }
    if (!manifest.has("files") || !manifest.has("config")) {
      throw new ConfigException("RESULTS_DIR", folder.resolve(Manifest.FILE_NAME) + " is not a manifest (no files or config)");
    }
    List<String> warnings = new ArrayList<>();
    String version = Manifest.buildInfo("version");
    if (!version.equals(manifest.path("tool").path("version").asText())) {
      warnings.add("the folder was made by nqpf " + manifest.path("tool").path("version").asText() + ", this is " + version);
    }
    String java = System.getProperty("java.version");
    if (!java.equals(manifest.path("java").path("version").asText())) {
      warnings.add("the folder was made with Java " + manifest.path("java").path("version").asText() + ", this is " + java);
    }
    List<Verdict> verdicts = new ArrayList<>(checksums(folder, manifest));
    String config = manifest.path("config").path("file").asText();
    Path scratch;
    try {
      scratch = Files.createTempDirectory("nqpf-verify");
    } catch (IOException e) {
      throw new OutputException("cannot create a scratch folder: " + e.getMessage(), e);
    }
    for (String extra : ResultsTarget.unlistedFiles(folder, manifest)) {
      warnings.add(folder.resolve(extra) + " is not listed in the manifest: it is not checked, and a command writing"
          + " to this folder will refuse to replace it while it is there");
    }
    if (!config.equals(Manifest.CONFIG_FILE_NAME) && !config.equals(ExperimentFolder.EXPERIMENT)
        && !config.equals(CalibrationRun.CALIBRATION) && !config.equals(EffectsOutput.FILE)) {
      delete(scratch);
      throw new ConfigException("RESULTS_DIR", "the manifest names " + config
          + "; expected config.yaml, experiment.yaml, calibration.yaml or effects.yaml");
    }
    try {
      if (config.equals(Manifest.CONFIG_FILE_NAME) && ValidationOutput.isValidation(manifest)) {
        verdicts.addAll(rerunValidation(folder, manifest, scratch));
      } else if (config.equals(Manifest.CONFIG_FILE_NAME)) {
        verdicts.addAll(rerunRun(folder, manifest, scratch));
      } else if (config.equals(EffectsOutput.FILE)) {
        verdicts.addAll(rerunEffects(folder, scratch));
      } else if (config.equals(CalibrationRun.CALIBRATION)) {
        verdicts.addAll(rerunCalibration(folder, scratch));
      } else {
        verdicts.addAll(rerunExperiment(folder, sample, scratch));
      }
    } catch (ConfigException e) {
      // A configuration that no longer reads (edited, corrupted): say which file, and rerun nothing.
      verdicts.add(new Verdict(config, false, folder.resolve(config) + " cannot be read, so nothing was rerun: "
          + e.getMessage()));
    } finally {
      delete(scratch);
    }
    return new Report(verdicts, warnings);
  }

  /** Every file the manifest lists must exist with its SHA-256; the configuration's hash must hold too. */
  private static List<Verdict> checksums(Path folder, JsonNode manifest) {
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode entry : manifest.path("files")) {
      String name = entry.path("name").asText();
      Path file = folder.resolve(name);
      if (!Files.isRegularFile(file)) {
        verdicts.add(new Verdict(name, false, "missing, though the manifest lists it"));
      } else if (!Manifest.sha256(file).equals(entry.path("sha256").asText())) {
        verdicts.add(new Verdict(name, false, "SHA-256 differs from the manifest's: the file was changed after it was written"));
      }
    }
    return verdicts;
  }

  /** The verdict on a folder whose configuration no longer hashes to its manifest's. */
  private static final Verdict CONFIG_CHANGED = new Verdict(Manifest.CONFIG_FILE_NAME, false,
      "its canonical SHA-256 differs from the manifest's: the configuration was changed");

  /** Whether the scenario read back from a folder hashes otherwise than its manifest says it was written with. */
  private static boolean configChanged(Scenario scenario, JsonNode manifest) {
    return !ScenarioLoader.hash(scenario).equals(manifest.path("config").path("sha256").asText());
  }

  private static List<Verdict> rerunRun(Path folder, JsonNode manifest, Path scratch) {
    RunWriter.Contents run = RunWriter.read(folder, manifest);
    Scenario scenario = run.scenario();
    if (configChanged(scenario, manifest)) {
      return List.of(CONFIG_CHANGED);
    }
    FirmPanel panel = run.firmPanel() > 0 ? new FirmPanel(run.firmPanel(), scenario.burnIn()) : null;
    Simulation.Result result = Simulation.run(scenario, run.matrices(), panel);
    Path again;
    try (ResultsFolder target = ResultsFolder.create(scratch.resolve("run"))) {
      again = RunWriter.write(target, scenario, result.series(), result.finalFirms(), result.matrices(), panel, run.parquet(),
          "verify", List.of());
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (String name : RunWriter.rerunFiles(run)) {
      verdicts.add(compare(name, folder.resolve(name), again.resolve(name)));
    }
    return verdicts;
  }

  /**
   * Reruns a validation from its config.yaml, replications and master seed, and compares every
   * file it writes but the manifest and report.html (which embed times) — tables, charts and the
   * config. A validation is always rerun whole.
   */
  private static List<Verdict> rerunValidation(Path folder, JsonNode manifest, Path scratch) {
    ValidationOutput.Contents validation = ValidationOutput.read(folder, manifest);
    Scenario scenario = validation.scenario();
    if (configChanged(scenario, manifest)) {
      return List.of(CONFIG_CHANGED);
    }
    int replications = validation.replications();
    if (replications < 2) {
      throw new ConfigException("RESULTS_DIR", "the manifest gives " + replications + " replications; expected at least 2");
    }
    ValidationResult result = ValidationRunner.run(scenario, replications, validation.masterSeed(),
        Runtime.getRuntime().availableProcessors(), PowerLawFit.DEFAULT_MIN_TAIL, done -> { });
    Path again = ValidationOutput.write(scratch.resolve("validation"), result, Runtime.getRuntime().availableProcessors(),
        "verify");
    List<Verdict> verdicts = new ArrayList<>();
    for (String name : ValidationOutput.rerunFiles(again)) {
      verdicts.add(compare(name, folder.resolve(name), again.resolve(name)));
    }
    return verdicts;
  }

  /**
   * Reruns a policy-effects table from its effects.yaml in a scratch folder and compares every file
   * it writes but the manifest.
   */
  private static List<Verdict> rerunEffects(Path folder, Path scratch) {
    EffectsConfig config = EffectsLoader.load(folder.resolve(EffectsOutput.FILE));
    int threads = Runtime.getRuntime().availableProcessors();
    Path again;
    try (ResultsFolder target = ResultsFolder.create(scratch.resolve("effects"))) {
      again = EffectsOutput.write(target, config, EffectsRunner.run(config, threads, null), threads, "verify");
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (String name : List.of(EffectsOutput.FILE, EffectsOutput.EFFECTS, EffectsOutput.TABLE, EffectsOutput.RUNS,
        EffectsOutput.CHART)) {
      verdicts.add(compare(name, folder.resolve(name), again.resolve(name)));
    }
    return verdicts;
  }

  /**
   * Reruns a calibration from its calibration.yaml in a scratch folder and compares every file it
   * writes but the manifest (which records times and the command).
   */
  private static List<Verdict> rerunCalibration(Path folder, Path scratch) {
    CalibrationConfig config = CalibrationLoader.load(folder.resolve(CalibrationRun.CALIBRATION));
    Path again = scratch.resolve("calibration");
    CalibrationRun.run(config, again, false, Runtime.getRuntime().availableProcessors(), (evaluation, best) -> { });
    List<Verdict> verdicts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(again)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = again.relativize(file).toString().replace('\\', '/');
        if (!name.equals(Manifest.FILE_NAME)) {
          verdicts.add(compare(name, folder.resolve(name), file));
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot read the rerun calibration in " + again + ": " + e.getMessage(), e);
    }
    return verdicts;
  }

  private static List<Verdict> rerunExperiment(Path folder, int sample, Path scratch) {
    ExperimentConfig experiment = ExperimentFolder.readExperiment(folder);
    SweepRunner runner = new SweepRunner(experiment, Runtime.getRuntime().availableProcessors(), SweepRunner.Shard.ALL);
    List<Verdict> verdicts = new ArrayList<>();
    if (sample <= 0 || sample >= runner.totalRuns()) {
      Path work = runner.run(scratch.resolve("sweep"), false, done -> { });
      ExperimentFinisher.finish(work, experiment, runner.points());
      for (String name : ExperimentFolder.rerunFiles(experiment)) {
        if (Files.exists(folder.resolve(name)) || Files.exists(work.resolve(name))) {
          verdicts.add(compare(name, folder.resolve(name), work.resolve(name)));
        }
      }
      // A folder made before findings were written has none (and its manifest does not list one).
      if (Files.exists(folder.resolve(ExperimentFolder.FINDINGS))) {
        verdicts.add(compare(ExperimentFolder.FINDINGS, folder.resolve(ExperimentFolder.FINDINGS),
            work.resolve(ExperimentFolder.FINDINGS)));
      }
      return verdicts;
    }
    // A sample: the runs with the smallest seeds, rerun and compared row by row.
    List<String[]> rows;
    try {
      rows = ExperimentFolder.readRuns(folder);
    } catch (IOException e) {
      throw new ConfigException("RESULTS_DIR", folder.resolve(ExperimentFolder.RUNS) + " cannot be read: " + e.getMessage());
    }
    rows.sort(Comparator.comparingLong(r -> Long.parseLong(r[3])));
    int mismatches = 0;
    String first = null;
    for (String[] row : rows.subList(0, sample)) {
      long index = Long.parseLong(row[0]);
      SweepRunner.RunOutput output = runner.runOne(index);
      String expected = String.join(",", row) + "\n";
      if (!expected.equals(output.runsRow())) {
        mismatches++;
        if (first == null) {
          first = "run " + index + ": " + firstDifference(expected, output.runsRow());
        }
      }
    }
    verdicts.add(new Verdict(ExperimentFolder.RUNS, mismatches == 0, mismatches == 0
        ? sample + " sampled runs rerun, rows identical"
        : mismatches + " of " + sample + " sampled runs differ; first: " + first));
    return verdicts;
  }

  /** Byte comparison, with the first differing line and column for text files. */
  static Verdict compare(String name, Path original, Path again) {
    try {
      if (!Files.exists(original)) {
        return new Verdict(name, false, "missing from the folder");
      }
      byte[] a = Files.readAllBytes(original);
      byte[] b = Files.readAllBytes(again);
      if (Arrays.equals(a, b)) {
        return new Verdict(name, true, "identical (" + a.length + " bytes)");
      }
      if (name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".yaml")) {
        return new Verdict(name, false, firstDifference(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8)));
      }
      return new Verdict(name, false, "bytes differ (" + a.length + " bytes in the folder, " + b.length + " rerun)");
    } catch (IOException e) {
      return new Verdict(name, false, "cannot be read: " + e.getMessage());
    }
  }

  /** Where two texts first differ: line, column (CSV field) and the two values. */
  static String firstDifference(String a, String b) {
    String[] linesA = a.split("\n", -1);
    String[] linesB = b.split("\n", -1);
    for (int i = 0; i < Math.max(linesA.length, linesB.length); i++) {
      String la = i < linesA.length ? linesA[i] : "(no line)";
      String lb = i < linesB.length ? linesB[i] : "(no line)";
      if (!la.equals(lb)) {
        String[] fa = la.split(",", -1);
        String[] fb = lb.split(",", -1);
        String header = linesA.length > 0 ? linesA[0] : "";
        String[] columns = header.split(",", -1);
        for (int j = 0; j < Math.max(fa.length, fb.length); j++) {
          String va = j < fa.length ? fa[j] : "";
          String vb = j < fb.length ? fb[j] : "";
          if (!va.equals(vb)) {
            String column = j < columns.length && i > 0 ? " (" + columns[j] + ")" : "";
            return "first difference at line " + (i + 1) + ", column " + (j + 1) + column + ": " + shorten(va) + " in the folder, "
                + shorten(vb) + " rerun";
          }
        }
      }
    }
    return "the texts differ";
  }

  private static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a scratch folder left in the temp directory is harmless
    }
  }
}
