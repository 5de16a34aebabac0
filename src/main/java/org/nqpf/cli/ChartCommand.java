package org.nqpf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.ExperimentReport;
import org.nqpf.report.Findings;
import org.nqpf.report.ResultsLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code chart RESULTS_DIR}: regenerates {@code findings.csv}, {@code charts/} and {@code report.html}
 * of an existing experiment results folder (written by {@code sweep} or {@code merge}) from its CSV
 * files, experiment.yaml and manifest.json. A missing or unreadable folder or file is refused with exit
 * code 2 and nothing is changed; the charts folder is replaced whole and the report atomically, so
 * an interruption never leaves half-written files.
 */
@Command(name = "chart", mixinStandardHelpOptions = true,
    description = "Regenerates findings.csv, charts/ (PNG and SVG) and report.html of an experiment results folder"
        + " from its files (experiment.yaml, points.csv, summary.csv, and timeseries.csv, sensitivity.csv,"
        + " manifest.json when present).")
final class ChartCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RESULTS_DIR",
      description = "The results folder of a sweep or merge (results/<experiment name>).")
  Path resultsDir;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Path> written;
    // A missing folder is refused by ExperimentCharts.write, with no lock (whose working folder would create it).
    try (ResultsLock lock = java.nio.file.Files.isDirectory(resultsDir) ? ResultsLock.acquire(resultsDir, "chart") : null) {
      // Findings and charts, then the manifest's file list, then the report that shows the manifest: the order a sweep
      // writes them in. The findings are computed before the charts replace charts/, so a bad folder changes nothing.
      String findings = Findings.text(resultsDir);
      written = new java.util.ArrayList<>(org.nqpf.report.ExperimentCharts.write(resultsDir));
      written.add(ExperimentFolder.writeFindings(resultsDir, findings));
      if (java.nio.file.Files.exists(resultsDir.resolve(org.nqpf.report.Manifest.FILE_NAME))) {
        org.nqpf.report.Manifest.refreshFiles(resultsDir);
      }
      written.add(ExperimentReport.write(resultsDir));
    }
    if (!quiet) {
      long charts = written.stream().filter(p -> p.getFileName().toString().endsWith(".png")).count();
      Path report = written.get(written.size() - 1);
      spec.commandLine().getOut().printf(Locale.ROOT, "%d chart%s (PNG and SVG) in %s, report %s%n", charts,
          charts == 1 ? "" : "s", report.resolveSibling(ExperimentFolder.CHARTS), report);
    }
    return 0;
  }
}
