package org.nqpf.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nqpf.config.ConfigException;
import org.nqpf.config.ExperimentConfig.Parameter;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ScenarioLoader;
import org.nqpf.config.Suggest;
import org.nqpf.model.Metric;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.FirmPanel;
import org.nqpf.report.ParquetOutput;
import org.nqpf.report.TimeSeriesCsv;

/** The headers and rows of an experiment's files (docs/EXPERIMENTS.md; their names: {@link ExperimentFolder}). */
public final class ExperimentFiles {
  /** A shard's description, in the folder of {@code sweep --shard I/N}. */
  public static final String SHARD = "shard.json";
  /** The columns a sweep's firm panel starts with, before {@link org.nqpf.report.FirmPanel#COLUMNS}. */
  static final String FIRM_PANEL_PREFIX = "run,point,replication";
  static final String STATE = org.nqpf.report.Manifest.SWEEP_STATE;

  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private ExperimentFiles() {}

  /** The kept metrics: the experiment's list, or every metric but the step and burn-in flag. */
  public static List<Metric> keptMetrics(ExperimentConfig experiment) {
    List<Metric> metrics = new ArrayList<>();
    if (experiment.metrics().isEmpty()) {
      for (Metric m : Metric.values()) {
        if (m != Metric.STEP && m != Metric.BURN_IN) {
          metrics.add(m);
        }
      }
      return metrics;
    }
    List<String> columns = new ArrayList<>();
    for (Metric m : Metric.values()) {
      columns.add(m.column());
    }
    for (int i = 0; i < experiment.metrics().size(); i++) {
      String name = experiment.metrics().get(i);
      int at = columns.indexOf(name);
      if (at < 0 || name.equals("step") || name.equals("burnIn")) {
        String suggestion = Suggest.closest(name, columns.stream().filter(c -> !c.equals("step") && !c.equals("burnIn")).toList());
        throw new ConfigException("metrics[" + i + "]", "value \"" + name + "\" is not a metric"
            + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + "; expected one of the"
            + " timeseries.csv columns (docs/OUTPUTS.md), e.g. innovations, output, privateShareOutput");
      }
      Metric metric = Metric.values()[at];
      if (metrics.contains(metric)) {
        throw new ConfigException("metrics[" + i + "]", "value \"" + name + "\" is listed twice; expected each metric once");
      }
      metrics.add(metric);
    }
    return metrics;
  }

  /** The resolved experiment as YAML: every key, the scenario written out in full. */
  public static String resolvedYaml(ExperimentConfig experiment) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("name", experiment.name());
    ObjectNode scenario = ScenarioLoader.toTree(experiment.baseScenario());
    scenario.remove("name");
    root.set("scenario", scenario);
    root.put("replications", experiment.replications());
    root.put("masterSeed", experiment.masterSeed());
    ObjectNode design = root.putObject("design");
    design.put("type", experiment.design().type().name());
    if (experiment.sampled()) {
      design.put("samples", experiment.design().samples());
    }
    ArrayNode parameters = root.putArray("parameters");
    for (Parameter p : experiment.parameters()) {
      ObjectNode node = parameters.addObject();
      node.put("key", p.key());
      if (p.values() != null) {
        ArrayNode values = node.putArray("values");
        for (double v : p.values()) {
          if (p.integer()) {
            values.add((long) v);
          } else {
            values.add(v);
          }
        }
      } else {
        ObjectNode d = node.putObject("distribution");
        d.put("type", p.distribution().name());
        d.put("low", p.low());
        d.put("high", p.high());
      }
    }
    ArrayNode metrics = root.putArray("metrics");
    for (Metric m : keptMetrics(experiment)) {
      metrics.add(m.column());
    }
    root.put("timeSeries", experiment.timeSeries().name());
    // Only when asked for, so that the experiment.yaml of a sweep without a panel is as before.
    if (experiment.firmPanel() > 0) {
      root.put("firmPanel", experiment.firmPanel());
    }
    if (experiment.formats().parquet()) {
      ArrayNode formats = root.putArray("formats");
      experiment.formats().names().forEach(formats::add);
    }
    try {
      return YAML.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pointsHeader(ExperimentConfig experiment) {
    StringBuilder sb = new StringBuilder("point");
    for (Parameter p : experiment.parameters()) {
      sb.append(',').append(p.key());
    }
    return sb.append('\n').toString();
  }

  static String pointRow(ExperimentConfig experiment, int point, double[] values) {
    StringBuilder sb = new StringBuilder().append(point);
    appendValues(sb, experiment, values);
    return sb.append('\n').toString();
  }

  static String runsHeader(ExperimentConfig experiment, List<Metric> metrics) {
    StringBuilder sb = new StringBuilder("run,point,replication,seed");
    for (Parameter p : experiment.parameters()) {
      sb.append(',').append(p.key());
    }
    for (Metric m : metrics) {
      sb.append(',').append(m.column()).append("_mean,").append(m.column()).append("_final");
    }
    return sb.append('\n').toString();
  }

  static String timeSeriesHeader(ExperimentConfig experiment, List<Metric> metrics) {
    StringBuilder sb = new StringBuilder("run,point,replication,step,burnIn");
    if (experiment.timeSeries() == ExperimentConfig.TimeSeriesFormat.LONG) {
      return sb.append(",metric,value\n").toString();
    }
    for (Metric m : metrics) {
      sb.append(',').append(m.column());
    }
    return sb.append('\n').toString();
  }

  /**
   * Writes the Parquet copies of runs.csv, timeseries.csv and firm-panel.csv (those the folder has),
   * the time series and the panel with the design point's parameter values as columns after
   * {@code replication} (runs.csv has them already).
   */
  public static void writeParquet(Path folder, ExperimentConfig experiment) {
    List<Metric> metrics = keptMetrics(experiment);
    List<ParquetOutput.Parameter> parameters = new ArrayList<>();
    Map<String, ParquetOutput.Type> runs = ids("run", "point", "replication", "seed");
    for (Parameter p : experiment.parameters()) {
      parameters.add(new ParquetOutput.Parameter(p.key(), p.integer()));
      runs.put(p.key(), p.integer() ? ParquetOutput.Type.BIGINT : ParquetOutput.Type.DOUBLE);
    }
    for (Metric m : metrics) {
      runs.put(m.column() + "_mean", ParquetOutput.Type.DOUBLE);
      runs.put(m.column() + "_final", type(m));
    }
    Path points = folder.resolve(ExperimentFolder.POINTS);
    ParquetOutput.write(folder.resolve(ExperimentFolder.RUNS), runs, folder.resolve(ParquetOutput.parquetName(ExperimentFolder.RUNS)));
    if (experiment.timeSeries() != ExperimentConfig.TimeSeriesFormat.NONE) {
      Map<String, ParquetOutput.Type> series = ids("run", "point", "replication", "step", "burnIn");
      if (experiment.timeSeries() == ExperimentConfig.TimeSeriesFormat.LONG) {
        series.put("metric", ParquetOutput.Type.VARCHAR);
        series.put("value", ParquetOutput.Type.DOUBLE);
      } else {
        for (Metric m : metrics) {
          series.put(m.column(), type(m));
        }
      }
      ParquetOutput.write(folder.resolve(ExperimentFolder.TIME_SERIES), series, points, parameters,
          folder.resolve(ParquetOutput.parquetName(ExperimentFolder.TIME_SERIES)));
    }
    if (experiment.firmPanel() > 0) {
      Map<String, ParquetOutput.Type> panel = ids("run", "point", "replication");
      panel.putAll(FirmPanel.parquetTypes());
      ParquetOutput.write(folder.resolve(FirmPanel.FILE), panel, points, parameters,
          folder.resolve(ParquetOutput.parquetName(FirmPanel.FILE)));
    }
  }

  /** The Parquet files a sweep of {@code experiment} writes (none unless it asks for Parquet). */
  public static List<String> parquetFiles(ExperimentConfig experiment) {
    List<String> files = new ArrayList<>();
    if (experiment.formats().parquet()) {
      files.add(ParquetOutput.parquetName(ExperimentFolder.RUNS));
      if (experiment.timeSeries() != ExperimentConfig.TimeSeriesFormat.NONE) {
        files.add(ParquetOutput.parquetName(ExperimentFolder.TIME_SERIES));
      }
      if (experiment.firmPanel() > 0) {
        files.add(ParquetOutput.parquetName(FirmPanel.FILE));
      }
    }
    return files;
  }

  private static Map<String, ParquetOutput.Type> ids(String... names) {
    Map<String, ParquetOutput.Type> types = new LinkedHashMap<>();
    for (String name : names) {
      types.put(name, ParquetOutput.Type.BIGINT);
    }
    return types;
  }

  private static ParquetOutput.Type type(Metric m) {
    return m.integer() ? ParquetOutput.Type.BIGINT : ParquetOutput.Type.DOUBLE;
  }

  static void appendValues(StringBuilder sb, ExperimentConfig experiment, double[] values) {
    for (int j = 0; j < values.length; j++) {
      sb.append(',').append(TimeSeriesCsv.formatNumber(values[j], experiment.parameters().get(j).integer()));
    }
  }

  static String number(double value, boolean integer) {
    return TimeSeriesCsv.formatNumber(value, integer);
  }
}
