package org.nqpf.calibration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nqpf.calibration.Calibrator.Evaluation;
import org.nqpf.calibration.Calibrator.FitRow;
import org.nqpf.calibration.Calibrator.ProfilePoint;
import org.nqpf.calibration.Calibrator.ProfileSummary;
import org.nqpf.calibration.Calibrator.Result;
import org.nqpf.calibration.Calibrator.Weights;
import org.nqpf.config.CalibrationConfig.Moment;
import org.nqpf.config.CalibrationConfig;
import org.nqpf.config.CalibrationLoader;
import org.nqpf.config.ExperimentConfig.Parameter;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.experiment.MemoryEstimate;
import org.nqpf.experiment.SweepRunner;
import org.nqpf.report.CalibrationCharts;
import org.nqpf.report.CalibrationReport;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.ExperimentManifest;
import org.nqpf.report.Manifest;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;
import org.nqpf.report.ResultsLock;
import org.nqpf.report.TimeSeriesCsv;

/**
 * A calibration's results folder (docs/CALIBRATION.md): it works in {@code <out>.partial}, as a
 * sweep does (the caller holds the folder's lock, {@link ResultsLock}), streams every evaluation
 * to {@code trace.csv} as it is done, and resumes an interrupted calibration by reading the trace
 * back (the estimator then replays those evaluations from memory, and checks that the rows it
 * would write are the rows already there).
 */
public final class CalibrationRun {
  public static final String CALIBRATION = Manifest.CALIBRATION_CONFIG;
  public static final String TRACE = "trace.csv";
  public static final String CALIBRATED = "calibrated.yaml";
  public static final String WEIGHTS = "weights.csv";
  public static final String PARAMETERS = "parameters.csv";
  public static final String PROFILE = "profile.csv";
  public static final String FIT = "fit.csv";
  public static final String FIT_RUNS = "fit-runs.csv";
  public static final String CONVERGENCE_CHART = ExperimentFolder.CHARTS + "/convergence.png";
  public static final String PROFILE_CHART = ExperimentFolder.CHARTS + "/profile.png";
  /** The manifest's {@code kind} of a calibration folder. */
  public static final String KIND = "calibration";

  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private CalibrationRun() {}

  /**
   * Runs the calibration in {@code work} (a new folder, or an interrupted one when {@code resume})
   * and writes every file but the manifest.
   */
  public static Result run(CalibrationConfig config, Path work, boolean resume, int threads, Calibrator.Listener progress) {
    return run(config, work, resume, threads, null, progress);
  }

  /**
   * Runs the calibration as {@link #run(CalibrationConfig, Path, boolean, int, Calibrator.Listener)}
   * does, its batches of evaluations spread as {@code sharding} says (null: on {@code threads}
   * threads of this JVM), with the same files.
   */
  public static Result run(CalibrationConfig config, Path work, boolean resume, int threads, ShardedEvaluator.Sharding sharding,
      Calibrator.Listener progress) {
    if (sharding == null) {
      checkMemory(config, threads);
    }
    String yaml = resolvedYaml(config);
    Path trace = work.resolve(TRACE);
    String header = traceHeader(config);
    List<String> existing = new ArrayList<>();
    try {
      if (holdsWork(work)) {
        if (Files.exists(work.resolve(Manifest.SWEEP_STATE))) {
          throw new OutputException("an interrupted sweep is in " + work + " (no process is writing it: its lock is free);"
              + " continue it with sweep --resume, or remove the folder to start again");
        }
        if (!resume) {
          throw new OutputException("an interrupted calibration is in " + work + " (no process is writing it: its lock is"
              + " free); continue it with --resume, or remove the folder to start again");
        }
        if (!Files.isRegularFile(work.resolve(CALIBRATION)) || !Files.isRegularFile(trace)) {
          throw new OutputException(work + " has no " + CALIBRATION + " and " + TRACE + "; it cannot be resumed; remove the"
              + " folder to start again");
        }
        if (!yaml.equals(Files.readString(work.resolve(CALIBRATION), StandardCharsets.UTF_8))) {
          throw new OutputException("the interrupted calibration in " + work + " ran another calibration (its " + CALIBRATION
              + " differs); expected the same calibration file to resume it");
        }
        SweepRunner.removeLeftovers(work);
        ShardedEvaluator.remove(work.resolve(ShardedEvaluator.FOLDER));
        existing = completeRows(trace, header);
      } else {
        Files.createDirectories(work);
        Files.writeString(work.resolve(CALIBRATION), yaml, StandardCharsets.UTF_8);
        Files.writeString(trace, header, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new OutputException("cannot prepare the calibration's folder " + work + ": " + e.getMessage(), e);
    }
    Map<String, double[]> resumed = new HashMap<>();
    int k = config.parameters().size();
    int m = config.moments().size();
    for (String row : existing) {
      String[] cells = row.split(",", -1);
      String key = String.join(",", Arrays.copyOfRange(cells, 3, 3 + k));
      double[] moments = new double[m];
      for (int i = 0; i < m; i++) {
        moments[i] = Double.parseDouble(cells[3 + k + i]);
      }
      resumed.put(key, moments);
    }
    Result result;
    List<String> done = existing;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(trace, StandardOpenOption.APPEND));
        Calibrator.Evaluator evaluator = sharding == null ? new MomentSimulator(config, threads)
            : new ShardedEvaluator(config, work, sharding)) {
      Calibrator calibrator = new Calibrator(config, evaluator, resumed, (evaluation, best) -> {
        String row = traceRow(config, evaluation, Calibrator.seeds(config.masterSeed(), config.replications()));
        if (evaluation.index() < done.size()) {
          if (!row.equals(done.get(evaluation.index()) + "\n")) {
            throw new OutputException("the interrupted calibration's " + TRACE + " differs from this run at evaluation "
                + evaluation.index() + "; it cannot be resumed; remove the folder to start again");
          }
        } else {
          try {
            out.write(row.getBytes(StandardCharsets.UTF_8));
            out.flush();
          } catch (IOException e) {
            throw new OutputException("cannot write " + trace + ": " + e.getMessage(), e);
          }
        }
        progress.evaluated(evaluation, best);
      });
      result = calibrator.run();
    } catch (IOException e) {
      throw new OutputException("cannot write " + trace + ": " + e.getMessage(), e);
    }
    // Shards of a killed driver that outlived it may have written here since it was resumed.
    ShardedEvaluator.remove(work.resolve(ShardedEvaluator.FOLDER));
    write(work, config, result, yaml);
    return result;
  }

  /** Whether working folder {@code work} holds anything but its lock file: an earlier command's files. */
  private static boolean holdsWork(Path work) throws IOException {
    if (!Files.isDirectory(work)) {
      return false;
    }
    try (var entries = Files.list(work)) {
      return entries.anyMatch(entry -> !entry.getFileName().toString().equals(ResultsLock.FILE));
    }
  }

  /** The trace's complete rows after its header (a row cut by an interruption is dropped from the file). */
  private static List<String> completeRows(Path trace, String header) throws IOException {
    String text = Files.readString(trace, StandardCharsets.UTF_8);
    if (!text.startsWith(header)) {
      throw new OutputException(trace + " does not start with this calibration's header; it cannot be resumed; remove the"
          + " folder to start again");
    }
    String complete = text.substring(0, text.lastIndexOf('\n') + 1);
    try (FileChannel channel = FileChannel.open(trace, StandardOpenOption.WRITE)) {
      channel.truncate(complete.getBytes(StandardCharsets.UTF_8).length);
    }
    List<String> rows = new ArrayList<>();
    for (String row : complete.substring(header.length()).split("\n")) {
      if (!row.isEmpty()) {
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Refuses the calibration before it starts if its largest scenario — each parameter at either
   * bound, the others at their start — run on every thread at once would need more heap than
   * this JVM may use (see {@link MemoryEstimate}).
   */
  static void checkMemory(CalibrationConfig config, int threads) {
    Scenario largest = config.baseScenario();
    double most = MemoryEstimate.of(largest).total();
    double[] start = config.start();
    for (int j = 0; j < start.length; j++) {
      for (double bound : new double[] {config.parameters().get(j).low(), config.parameters().get(j).high()}) {
        double[] values = start.clone();
        values[j] = bound;
        Scenario scenario = calibrated(config, values);
        double need = MemoryEstimate.of(scenario).total();
        if (need > most) {
          most = need;
          largest = scenario;
        }
      }
    }
    MemoryEstimate.check(largest, threads, MemoryEstimate.available());
  }

  /** The resolved calibration as YAML: every key, the scenario written out in full. */
  public static String resolvedYaml(CalibrationConfig config) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("name", config.name());
    ObjectNode scenario = ScenarioLoader.toTree(config.baseScenario());
    scenario.remove("name");
    root.set("scenario", scenario);
    root.put("replications", config.replications());
    root.put("masterSeed", config.masterSeed());
    ArrayNode parameters = root.putArray("parameters");
    double[] start = config.start();
    for (int j = 0; j < config.parameters().size(); j++) {
      Parameter p = config.parameters().get(j);
      ObjectNode node = parameters.addObject();
      node.put("key", p.key());
      node.put("low", p.low());
      node.put("high", p.high());
      node.put("start", start[j]);
      node.put("transform", CalibrationLoader.Transform.of(p).name());
    }
    ArrayNode moments = root.putArray("moments");
    for (Moment moment : config.moments()) {
      ObjectNode node = moments.addObject();
      node.put("name", moment.name());
      node.put("statistic", moment.statistic());
      node.put("target", moment.target());
      if (!Double.isNaN(moment.standardError())) {
        node.put("standardError", moment.standardError());
      }
      if (!Double.isNaN(moment.weight())) {
        node.put("weight", moment.weight());
      }
    }
    root.put("budget", config.budget());
    if (config.population() > 0) {
      root.put("population", config.population());
    }
    root.put("bootstrap", config.bootstrap());
    ObjectNode profile = root.putObject("profile");
    profile.put("points", config.profile().points());
    profile.put("width", config.profile().width());
    ObjectNode fit = root.putObject("fit");
    fit.put("replications", config.fit().replications());
    fit.put("masterSeed", config.fit().masterSeed());
    try {
      return YAML.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String traceHeader(CalibrationConfig config) {
    StringBuilder sb = new StringBuilder("evaluation,stage,generation");
    for (Parameter p : config.parameters()) {
      sb.append(',').append(p.key());
    }
    for (Moment moment : config.moments()) {
      sb.append(',').append(moment.name());
    }
    return sb.append(",objective,seeds\n").toString();
  }

  static String traceRow(CalibrationConfig config, Evaluation e, long[] seeds) {
    StringBuilder sb = new StringBuilder().append(e.index()).append(',').append(e.stage()).append(',').append(e.generation())
        .append(',').append(Calibrator.key(config, e.values()));
    for (double moment : e.moments()) {
      sb.append(',').append(number(moment));
    }
    sb.append(',').append(number(e.objective())).append(',');
    for (int r = 0; r < seeds.length; r++) {
      sb.append(r == 0 ? "" : " ").append(seeds[r]);
    }
    return sb.append('\n').toString();
  }

  private static String number(double value) {
    return TimeSeriesCsv.formatNumber(value, false);
  }

  private static String shortNumber(double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.4g", value);
  }

  /** The calibrated scenario: the base with the estimated values, as {@code run} reads it. */
  public static Scenario calibrated(CalibrationConfig config, double[] values) {
    return org.nqpf.config.ExperimentLoader.withValues(config.baseScenario(), config.parameters(), values);
  }

  private static void write(Path work, CalibrationConfig config, Result result, String yaml) {
    List<Parameter> parameters = config.parameters();
    List<Moment> moments = config.moments();
    Evaluation best = result.best();
    ResultsFolder.writeAtomically(work.resolve(CALIBRATED), bytes(ScenarioLoader.toYaml(calibrated(config, best.values()))));

    StringBuilder weights = new StringBuilder("stage,moment,target,weight,source,bootstrapVariance\n");
    for (Weights w : result.weights()) {
      for (int i = 0; i < moments.size(); i++) {
        weights.append(w.stage()).append(',').append(moments.get(i).name()).append(',').append(number(moments.get(i).target()))
            .append(',').append(number(w.weights()[i])).append(',').append(w.sources()[i]).append(',')
            .append(number(w.bootstrapVariance()[i])).append('\n');
      }
    }
    ResultsFolder.writeAtomically(work.resolve(WEIGHTS), bytes(weights.toString()));

    StringBuilder table = new StringBuilder("parameter,estimate,low,high,start,profileLow,profileHigh,identification\n");
    double[] start = config.start();
    for (ProfileSummary s : result.identification()) {
      Parameter p = parameters.get(s.parameter());
      table.append(p.key()).append(',').append(number(s.estimate())).append(',').append(number(p.low())).append(',')
          .append(number(p.high())).append(',').append(number(start[s.parameter()])).append(',').append(number(s.low()))
          .append(',').append(number(s.high())).append(',').append(s.identification().name()).append('\n');
    }
    ResultsFolder.writeAtomically(work.resolve(PARAMETERS), bytes(table.toString()));

    StringBuilder profile = new StringBuilder("parameter,value,position,objective\n");
    for (ProfilePoint p : result.profile()) {
      profile.append(parameters.get(p.parameter()).key()).append(',')
          .append(TimeSeriesCsv.formatNumber(p.values()[p.parameter()], parameters.get(p.parameter()).integer())).append(',')
          .append(number(p.unit())).append(',').append(number(p.objective())).append('\n');
    }
    ResultsFolder.writeAtomically(work.resolve(PROFILE), bytes(profile.toString()));

    StringBuilder fit = new StringBuilder("moment,statistic,target,standardError,mean,sd,runs,low95,high95,meets\n");
    for (FitRow row : result.fit()) {
      Moment moment = row.moment();
      fit.append(moment.name()).append(',').append(moment.statistic()).append(',').append(number(moment.target())).append(',')
          .append(Double.isNaN(moment.standardError()) ? "" : number(moment.standardError())).append(',')
          .append(number(row.mean())).append(',').append(number(row.sd())).append(',').append(row.runs()).append(',')
          .append(number(row.low())).append(',').append(number(row.high())).append(',').append(row.meets()).append('\n');
    }
    ResultsFolder.writeAtomically(work.resolve(FIT), bytes(fit.toString()));

    StringBuilder runs = new StringBuilder("replication,seed");
    for (Moment moment : moments) {
      runs.append(',').append(moment.name());
    }
    runs.append('\n');
    for (int r = 0; r < result.fitRuns().length; r++) {
      runs.append(r).append(',').append(result.fitSeeds()[r]);
      for (double v : result.fitRuns()[r]) {
        runs.append(',').append(number(v));
      }
      runs.append('\n');
    }
    ResultsFolder.writeAtomically(work.resolve(FIT_RUNS), bytes(runs.toString()));

    double[] objective = new double[result.trace().size()];
    int[] stage = new int[objective.length];
    for (int i = 0; i < objective.length; i++) {
      objective[i] = result.trace().get(i).objective();
      stage[i] = result.trace().get(i).stage();
    }
    byte[] convergence = CalibrationCharts.convergence(config.name(), objective, stage);
    List<String> names = new ArrayList<>();
    List<double[]> offsets = new ArrayList<>();
    List<double[]> rises = new ArrayList<>();
    for (int j = 0; j < parameters.size(); j++) {
      names.add(parameters.get(j).key());
      int parameter = j;
      List<ProfilePoint> line = result.profile().stream().filter(p -> p.parameter() == parameter).toList();
      double lowest = best.objective();
      for (ProfilePoint p : line) {
        lowest = Math.min(lowest, p.objective());
      }
      double centre = Calibrator.unit(parameters.get(j), best.values()[j]);
      double[] x = new double[line.size()];
      double[] y = new double[line.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = line.get(i).unit() - centre;
        y[i] = line.get(i).objective() - lowest;
      }
      offsets.add(x);
      rises.add(y);
    }
    byte[] profileChart = CalibrationCharts.profile(config.name(), names, offsets, rises, Calibrator.THRESHOLD);
    ResultsFolder.writeAtomically(work.resolve(CONVERGENCE_CHART), convergence);
    ResultsFolder.writeAtomically(work.resolve(PROFILE_CHART), profileChart);

    ResultsFolder.writeAtomically(work.resolve(Manifest.REPORT),
        bytes(report(config, result, yaml, convergence, profileChart)));
  }

  private static String report(CalibrationConfig config, Result result, String yaml, byte[] convergence, byte[] profile) {
    List<Parameter> parameters = config.parameters();
    Evaluation best = result.best();
    long met = result.fit().stream().filter(FitRow::meets).count();
    String summary = "Simulated minimum distance with CMA-ES: " + result.trace().size() + " evaluations of "
        + config.replications() + " replications each (the same seeds for every candidate), in " + result.weights().size()
        + (result.weights().size() == 1 ? " stage" : " stages") + ", population " + result.population()
        + "; best objective " + shortNumber(best.objective()) + " at evaluation " + best.index() + ". The calibrated"
        + " scenario (" + CALIBRATED + ") meets " + met + " of " + result.fit().size() + " targets over "
        + config.fit().replications() + " fresh replications under master seed " + config.fit().masterSeed() + ".";
    List<List<String>> parameterRows = new ArrayList<>();
    double[] start = config.start();
    for (ProfileSummary s : result.identification()) {
      Parameter p = parameters.get(s.parameter());
      parameterRows.add(List.of(p.key(), shortNumber(s.estimate()), "[" + shortNumber(p.low()) + ", " + shortNumber(p.high())
          + "]", shortNumber(start[s.parameter()]), "[" + shortNumber(s.low()) + ", " + shortNumber(s.high()) + "]",
          s.identification().label()));
    }
    List<List<String>> fitRows = new ArrayList<>();
    for (FitRow row : result.fit()) {
      Moment moment = row.moment();
      fitRows.add(List.of(moment.name(), moment.statistic(), shortNumber(moment.target()),
          Double.isNaN(moment.standardError()) ? "" : shortNumber(moment.standardError()), shortNumber(row.mean()),
          "[" + shortNumber(row.low()) + ", " + shortNumber(row.high()) + "]", row.meets() ? "yes" : "NO"));
    }
    List<List<String>> weightRows = new ArrayList<>();
    for (Weights w : result.weights()) {
      for (int i = 0; i < config.moments().size(); i++) {
        weightRows.add(List.of(Integer.toString(w.stage() + 1), config.moments().get(i).name(), shortNumber(w.weights()[i]),
            w.sources()[i]));
      }
    }
    List<CalibrationReport.Table> tables = List.of(
        new CalibrationReport.Table("Parameters", "The profile interval holds the values whose objective lies within "
            + shortNumber(Calibrator.THRESHOLD) + " (the 95% quantile of χ²₁) of the lowest along the profile; a parameter"
            + " whose profile stays below that over its whole width is not identified by these moments.",
            List.of("parameter", "estimate", "bounds", "start", "profile interval", "identification"), parameterRows),
        new CalibrationReport.Table("Fit", "Each target against the calibrated model over fresh replications: the mean,"
            + " the interval mean ± 1.96 sd in which 95% of single runs fall, and whether the target is met:"
            + " |mean − target| ≤ 1.96 √(sd² + SE²).",
            List.of("moment", "statistic", "target", "SE", "model mean", "95% of runs", "meets"), fitRows),
        new CalibrationReport.Table("Weights", "1/SE² for a moment with a standard error, its weight when given, else 1 over"
            + " the bootstrap variance of its replication mean at the stage's starting point.",
            List.of("stage", "moment", "weight", "source"), weightRows));
    List<CalibrationReport.Figure> figures = List.of(
        new CalibrationReport.Figure("Convergence", "The objective of each candidate and the best so far.",
            CONVERGENCE_CHART, convergence),
        new CalibrationReport.Figure("Profiles", "The objective along each parameter around the optimum.", PROFILE_CHART,
            profile));
    return CalibrationReport.html(config.name(), summary, tables, figures, yaml);
  }

  /** Writes manifest.json (last): the calibration file as the configuration, its SHA-256 over its bytes. */
  public static void manifest(Path work, CalibrationConfig config, int threads, String command) {
    ExperimentManifest.write(work, KIND, config.baseScenario(), CALIBRATION, config.masterSeed(), threads, command);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
