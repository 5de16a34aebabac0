package org.nqpf.report;

/**
 * The files of an experiment's results folder (docs/EXPERIMENTS.md, docs/OUTPUTS.md), named here
 * once: {@code sweep} and {@code merge} write them ({@link org.nqpf.experiment}'s runner, merger
 * and finisher), {@code chart} and the report read them ({@link ExperimentResults}), and
 * {@code verify} compares them. Its {@code manifest.json} and {@code report.html} are
 * {@link Manifest#FILE_NAME} and {@link Manifest#REPORT}; its firm panel, a run's
 * {@link FirmPanel#FILE} with three columns in front.
 */
public final class ExperimentFolder {
  /** The resolved experiment. */
  public static final String EXPERIMENT = "experiment.yaml";
  /** One row per design point: its parameters' values. */
  public static final String POINTS = "points.csv";
  /** One row per run: its point, replication, seed and metrics. */
  public static final String RUNS = "runs.csv";
  /** The kept metrics' time series ({@code timeSeries: WIDE} or {@code LONG}). */
  public static final String TIME_SERIES = "timeseries.csv";
  /** One row per design point: each metric's mean, sd and 95% interval over the replications. */
  public static final String SUMMARY = "summary.csv";
  /** The sensitivity indices of a sampled design. */
  public static final String SENSITIVITY = "sensitivity.csv";
  /** The ranked findings ({@link Findings}). */
  public static final String FINDINGS = "findings.csv";
  /** The charts, PNG and SVG (also the folder of validation's and calibration's charts). */
  public static final String CHARTS = "charts";

  private ExperimentFolder() {}
}
