package org.nqpf.experiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.ExperimentConfig.Parameter;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.model.Metric;
import org.nqpf.report.ExperimentCharts;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.ExperimentReport;
import org.nqpf.report.Findings;
import org.nqpf.report.OutputException;
import org.nqpf.stats.Replications;

/**
 * Finishes a complete experiment folder (after a sweep, or after merging shards): the per-point
 * summary with confidence intervals, sensitivity indices for sampled designs, the findings and the
 * charts; then, after the manifest, the report. Everything is computed from the files, streaming, so the memory used does not grow with
 * the number of runs (only with the number of points, for the sensitivity indices).
 */
public final class ExperimentFinisher {
  private ExperimentFinisher() {}

  public static void finish(Path folder, ExperimentConfig experiment, List<double[]> points) {
    List<Metric> metrics = ExperimentFiles.keptMetrics(experiment);
    double[][] pointMeans = summarise(folder, experiment, metrics, points);
    if (experiment.formats().parquet()) {
      ExperimentFiles.writeParquet(folder, experiment);
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

  /**
   * Writes summary.csv from runs.csv, whose runs come in index order, so a point's replications
   * are consecutive rows; returns the per-point means of each metric's run means.
   */
  static double[][] summarise(Path folder, ExperimentConfig experiment, List<Metric> metrics, List<double[]> points) {
    int k = experiment.parameters().size();
    int replications = experiment.replications();
    double[][] means = new double[points.size()][metrics.size()];
    Path summary = folder.resolve(ExperimentFolder.SUMMARY);
    try (BufferedReader runs = Files.newBufferedReader(folder.resolve(ExperimentFolder.RUNS), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(summary, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("point");
      for (Parameter p : experiment.parameters()) {
        header.append(',').append(p.key());
      }
      header.append(",replications");
      for (Metric m : metrics) {
        String c = m.column();
        header.append(',').append(c).append("_mean,").append(c).append("_sd,").append(c).append("_ciLow,").append(c).append("_ciHigh");
      }
      out.write(header.append('\n').toString());
      runs.readLine();
      double[][] values = new double[metrics.size()][replications];
      for (int p = 0; p < points.size(); p++) {
        for (int r = 0; r < replications; r++) {
          String line = runs.readLine();
          if (line == null) {
            throw new OutputException(folder.resolve(ExperimentFolder.RUNS) + " ends before point " + p + ", replication " + r
                + "; expected " + (long) points.size() * replications + " runs");
          }
          String[] fields = line.split(",", -1);
          for (int m = 0; m < metrics.size(); m++) {
            values[m][r] = Double.parseDouble(fields[4 + k + 2 * m]);
          }
        }
        StringBuilder row = new StringBuilder().append(p);
        double[] point = points.get(p);
        for (int j = 0; j < k; j++) {
          row.append(',').append(ExperimentFiles.number(point[j], experiment.parameters().get(j).integer()));
        }
        row.append(',').append(replications);
        for (int m = 0; m < metrics.size(); m++) {
          Replications.Stats stats = Replications.of(values[m]);
          means[p][m] = stats.mean();
          row.append(',').append(cell(stats.mean())).append(',').append(cell(stats.sd()))
              .append(',').append(cell(stats.ciLow())).append(',').append(cell(stats.ciHigh()));
        }
        out.write(row.append('\n').toString());
      }
    } catch (IOException e) {
      throw new OutputException("cannot write " + summary + ": " + e.getMessage(), e);
    }
    return means;
  }

  /** A number, or an empty cell for NaN (a standard deviation of one replication). */
  static String cell(double value) {
    return Double.isNaN(value) ? "" : ExperimentFiles.number(value, false);
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
