/**
 * Outputs of runs and experiments: the tidy per-step CSV, the JSON summary, the firm panel, the
 * manifest, the charts drawn to files (PNG and SVG, JFreeChart; the chart style and file helpers
 * that validation and calibration draw with too), report.html of experiments and calibrations, and
 * the atomic results folder. A folder's format is one class that names, writes and reads back its
 * files: a run's {@link org.nqpf.report.RunWriter}, an experiment's
 * {@link org.nqpf.report.ExperimentFolder} (its rows' text in {@link org.nqpf.report.ExperimentRows}),
 * a sweep shard's {@link org.nqpf.report.ShardFolder}. Every writer here is deterministic (the same
 * inputs give byte-identical files: no timestamps, no hash-ordered keys,
 * {@link java.util.Locale#ROOT} number formats, LF line endings) and writes into a working folder
 * that {@link org.nqpf.report.ResultsFolder} moves into place whole, so a reader never sees a
 * half-written file or folder. JFreeChart is used here, in
 * {@link org.nqpf.validation} (its charts, through this package's style) and in {@link org.nqpf.gui}
 * (live charts); never in the model.
 */
package org.nqpf.report;
