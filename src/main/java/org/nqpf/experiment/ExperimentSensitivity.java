package org.nqpf.experiment;

import java.nio.file.Path;
import java.util.List;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.model.Metric;

/** sensitivity.csv for sampled designs (wired to report.Sensitivity next). */
final class ExperimentSensitivity {
  private ExperimentSensitivity() {}

  static void write(Path folder, ExperimentConfig experiment, List<Metric> metrics, List<double[]> points, double[][] means) {
    // wired next
  }
}
