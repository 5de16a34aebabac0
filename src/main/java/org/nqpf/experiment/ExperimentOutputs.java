package org.nqpf.experiment;

import java.nio.file.Path;

/** Charts and report of an experiment folder (wired to report.ExperimentCharts next). */
final class ExperimentOutputs {
  private ExperimentOutputs() {}

  static void chartsAndReport(Path folder) {
    // wired next
  }
}
