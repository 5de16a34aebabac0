package org.nqpf.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.model.Metric;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.stats.Sensitivity;

/**
 * sensitivity.csv for sampled designs: for each kept metric (its per-point mean of the runs'
 * means) and each parameter, standardized regression coefficients and partial rank correlations
 * (all sampled designs; for Sobol designs on the independent rows A and B), and Sobol first-order
 * and total indices (Sobol designs), with 95% bootstrap intervals resampled with the master seed,
 * so that intervals do not depend on which other metrics are kept ({@link ExperimentFolder} writes
 * the file).
 */
final class ExperimentSensitivity {
  private ExperimentSensitivity() {}

  static void write(Path folder, ExperimentConfig experiment, List<Metric> metrics, List<double[]> points, double[][] means) {
    List<String> keys = ExperimentFinisher.keys(experiment);
    double[][] x = ExperimentFinisher.matrix(points);
    List<List<Sensitivity.Index>> indices = new ArrayList<>();
    for (int m = 0; m < metrics.size(); m++) {
      double[] y = new double[points.size()];
      for (int p = 0; p < y.length; p++) {
        y[p] = means[p][m];
      }
      indices.add(experiment.design().type() == ExperimentConfig.DesignType.SOBOL
          ? Sensitivity.saltelli(keys, x, y, Sensitivity.DEFAULT_BOOTSTRAP, experiment.masterSeed())
          : Sensitivity.regression(keys, x, y, Sensitivity.DEFAULT_BOOTSTRAP, experiment.masterSeed()));
    }
    ExperimentFolder.writeSensitivity(folder, metrics, indices);
  }
}
