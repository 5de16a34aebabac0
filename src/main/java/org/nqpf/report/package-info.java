/**
 * Run outputs: the tidy per-step CSV, the JSON summary, the innovation chart and the manifest of
 * a results folder. Every writer here is deterministic (the same inputs give byte-identical
 * files: no timestamps, no hash-ordered keys, {@link java.util.Locale#ROOT} number formats, LF
 * line endings) and writes only through {@link org.nqpf.report.ResultsFolder}, so a reader never
 * sees a half-written file or folder. This is the only package that may use JFreeChart.
 */
package org.nqpf.report;
