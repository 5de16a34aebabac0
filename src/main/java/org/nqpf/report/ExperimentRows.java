package org.nqpf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import org.nqpf.stats.Replications;
import org.nqpf.stats.Sensitivity;

/**
 * The text of an experiment folder's headers and rows (docs/EXPERIMENTS.md), and the column types
 * of its Parquet copies; {@link ExperimentFolder} writes and reads the files.
 */
public final class ExperimentRows {
  /** The columns a sweep's firm panel starts with, before {@link FirmPanel#COLUMNS}. */
  static final String FIRM_PANEL_PREFIX = "run,point,replication";

  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private ExperimentRows() {}

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

  static String summaryHeader(ExperimentConfig experiment, List<Metric> metrics) {
    StringBuilder header = new StringBuilder("point");
    for (Parameter p : experiment.parameters()) {
      header.append(',').append(p.key());
    }
    header.append(",replications");
    for (Metric m : metrics) {
      String c = m.column();
      header.append(',').append(c).append("_mean,").append(c).append("_sd,").append(c).append("_ciLow,").append(c).append("_ciHigh");
    }
    return header.append('\n').toString();
  }

  static String summaryRow(ExperimentConfig experiment, int point, double[] values, Replications.Stats[] stats) {
    StringBuilder row = new StringBuilder().append(point);
    for (int j = 0; j < values.length; j++) {
      row.append(',').append(number(values[j], experiment.parameters().get(j).integer()));
    }
    row.append(',').append(experiment.replications());
    for (Replications.Stats s : stats) {
      row.append(',').append(cell(s.mean())).append(',').append(cell(s.sd()))
          .append(',').append(cell(s.ciLow())).append(',').append(cell(s.ciHigh()));
    }
    return row.append('\n').toString();
  }

  static String sensitivityRow(Metric metric, Sensitivity.Index index) {
    return metric.column() + "," + index.parameter() + "," + index.method() + "," + cell(index.value()) + ","
        + cell(index.ciLow()) + "," + cell(index.ciHigh()) + "\n";
  }

  /** The column types of runs.parquet. */
  static Map<String, ParquetOutput.Type> runsTypes(ExperimentConfig experiment, List<Metric> metrics) {
    Map<String, ParquetOutput.Type> runs = ids("run", "point", "replication", "seed");
    for (Parameter p : experiment.parameters()) {
      runs.put(p.key(), p.integer() ? ParquetOutput.Type.BIGINT : ParquetOutput.Type.DOUBLE);
    }
    for (Metric m : metrics) {
      runs.put(m.column() + "_mean", ParquetOutput.Type.DOUBLE);
      runs.put(m.column() + "_final", type(m));
    }
    return runs;
  }

  /** The column types of timeseries.parquet, before the design point's parameters. */
  static Map<String, ParquetOutput.Type> timeSeriesTypes(ExperimentConfig experiment, List<Metric> metrics) {
    Map<String, ParquetOutput.Type> series = ids("run", "point", "replication", "step", "burnIn");
    if (experiment.timeSeries() == ExperimentConfig.TimeSeriesFormat.LONG) {
      series.put("metric", ParquetOutput.Type.VARCHAR);
      series.put("value", ParquetOutput.Type.DOUBLE);
    } else {
      for (Metric m : metrics) {
        series.put(m.column(), type(m));
      }
    }
    return series;
  }

  /** The column types of firm-panel.parquet, before the design point's parameters. */
  static Map<String, ParquetOutput.Type> panelTypes() {
    Map<String, ParquetOutput.Type> panel = ids("run", "point", "replication");
    panel.putAll(FirmPanel.parquetTypes());
    return panel;
  }

  /** The design's parameters, as Parquet columns. */
  static List<ParquetOutput.Parameter> parquetParameters(ExperimentConfig experiment) {
    List<ParquetOutput.Parameter> parameters = new ArrayList<>();
    for (Parameter p : experiment.parameters()) {
      parameters.add(new ParquetOutput.Parameter(p.key(), p.integer()));
    }
    return parameters;
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

  /** Appends a design point's parameter values, each after a comma. */
  public static void appendValues(StringBuilder sb, ExperimentConfig experiment, double[] values) {
    for (int j = 0; j < values.length; j++) {
      sb.append(',').append(TimeSeriesCsv.formatNumber(values[j], experiment.parameters().get(j).integer()));
    }
  }

  /** A number as the experiment's CSV files write it. */
  public static String number(double value, boolean integer) {
    return TimeSeriesCsv.formatNumber(value, integer);
  }

  /** A number, or an empty cell for NaN (a standard deviation of one replication). */
  static String cell(double value) {
    return Double.isNaN(value) ? "" : number(value, false);
  }
}
