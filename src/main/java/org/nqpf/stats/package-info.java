/**
 * The statistics floor: pure functions over arrays, lists and records, with no I/O, no charts and
 * no knowledge of the model. Replication statistics (means, Student-t intervals), sensitivity
 * indices (Sobol/Saltelli, SRC, PRCC), the estimators of {@code validate} (power law, lognormal and
 * Subbotin fits, Lorenz curves, exit hazards, transition matrices, volatility against size,
 * moments) and the comparison of AI adopters with non-adopters. It imports only the JDK and
 * Commons Math (an architecture test, {@code ArchitectureTest}, holds it to that); every package
 * above may use it, the model included.
 */
package org.nqpf.stats;
