/**
 * The {@code calibrate} command's estimator (docs/CALIBRATION.md): simulated minimum distance with
 * Commons Math's CMA-ES over scenario parameters named by their dotted keys, with moments from the
 * statistics the project already computes ({@code summary.json}, {@code validate}). The
 * {@link org.nqpf.calibration.Calibrator} knows nothing of the model; the
 * {@link org.nqpf.calibration.MomentSimulator} runs it; {@link org.nqpf.calibration.CalibrationRun}
 * writes, resumes and finishes the results folder.
 */
package org.nqpf.calibration;
