/**
 * The {@code validate} command (docs/VALIDATION.md): the firm panel collected while a model runs,
 * the runs' statistics against the stylized facts' targets (with the estimators of
 * {@link org.nqpf.stats}), stationarity and warm-up checks, and the validation folder: its tables,
 * charts and report.html, written through {@link org.nqpf.report}'s results folder and chart
 * helpers by {@link org.nqpf.validation.ValidationOutput}, which also reads a folder back for
 * {@code verify}.
 */
package org.nqpf.validation;
