package org.nqpf.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.ExperimentConfig.Parameter;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.model.Metric;
import org.nqpf.report.ExperimentCharts;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.ExperimentReport;
import org.nqpf.report.ExperimentRows;
import org.nqpf.report.Findings;

/**
 * Finishes a complete experiment folder (after a sweep, or after merging shards): the per-point
 * summary with confidence intervals, sensitivity indices for sampled designs, the findings and the
 * charts; then, after the manifest, the report, each written by {@link ExperimentFolder} or the
 * report's classes. Everything is computed from the files, streaming, so the memory used does not
 * grow with the number of runs (only with the number of points, for the sensitivity indices).
 */
public final class ExperimentFinisher {
  private ExperimentFinisher() {}

  public static void finish(Path folder, ExperimentConfig experiment, List<double[]> points) {
    List<Metric> metrics = ExperimentRows.keptMetrics(experiment);
    double[][] pointMeans = ExperimentFolder.writeSummary(folder, experiment, metrics, points);
    if (experiment.formats().parquet()) {
      ExperimentFolder.writeParquet(folder, experiment);
    }
    if (experiment.sampled()) {
      ExperimentSensitivity.write(folder, experiment, metrics, points, pointMeans);
    }
    Findings.write(folder);
    ExperimentCharts.write(folder);
  }

  /**
   * Writes report.html, which shows the manifest: so it comes after the manifest, which lists every
   * other file of the folder.
   */
  public static void report(Path folder) {
    ExperimentReport.write(folder);
  }

  /** The columns of the parameters, as a design matrix. */
  static double[][] matrix(List<double[]> points) {
    return points.toArray(new double[0][]);
  }

  static List<String> keys(ExperimentConfig experiment) {
    List<String> keys = new ArrayList<>();
    for (Parameter p : experiment.parameters()) {
      keys.add(p.key());
    }
    return keys;
  }
}
