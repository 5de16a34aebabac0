package org.nqpf.model;

/**
 * Told when each phase of a step starts and ends (see {@link EcosystemModel#setPhaseListener}): for
 * the benchmark's breakdown of a step's cost by mechanism. A listener must not change the model;
 * it is not part of the model's state (a checkpoint does not save it).
 */
public interface PhaseListener {
  /** Called just before {@code phase}'s mechanism steps. */
  void phaseStarted(Phase phase);

  /** Called just after {@code phase}'s mechanism has stepped. */
  void phaseEnded(Phase phase);
}
