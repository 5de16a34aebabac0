package org.nqpf.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.model.Metric;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.OutputException;
import org.nqpf.stats.Sensitivity;

/**
 * sensitivity.csv for sampled designs: for each kept metric (its per-point mean of the runs'
 * means) and each parameter, standardized regression coefficients and partial rank correlations
 * (all sampled designs; for Sobol designs on the independent rows A and B), and Sobol first-order
 * and total indices (Sobol designs), with 95% bootstrap intervals resampled with the master seed,
 * so that intervals do not depend on which other metrics are kept.
 */
final class ExperimentSensitivity {
  private ExperimentSensitivity() {}

  static void write(Path folder, ExperimentConfig experiment, List<Metric> metrics, List<double[]> points, double[][] means) {
    List<String> keys = ExperimentFinisher.keys(experiment);
    double[][] x = ExperimentFinisher.matrix(points);
    Path file = folder.resolve(ExperimentFolder.SENSITIVITY);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("metric,parameter,method,value,ciLow,ciHigh\n");
      for (int m = 0; m < metrics.size(); m++) {
        double[] y = new double[points.size()];
        for (int p = 0; p < y.length; p++) {
          y[p] = means[p][m];
        }
        List<Sensitivity.Index> indices = experiment.design().type() == ExperimentConfig.DesignType.SOBOL
            ? Sensitivity.saltelli(keys, x, y, Sensitivity.DEFAULT_BOOTSTRAP, experiment.masterSeed())
            : Sensitivity.regression(keys, x, y, Sensitivity.DEFAULT_BOOTSTRAP, experiment.masterSeed());
        for (Sensitivity.Index index : indices) {
          out.write(metrics.get(m).column() + "," + index.parameter() + "," + index.method() + ","
              + ExperimentFinisher.cell(index.value()) + "," + ExperimentFinisher.cell(index.ciLow()) + ","
              + ExperimentFinisher.cell(index.ciHigh()) + "\n");
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
