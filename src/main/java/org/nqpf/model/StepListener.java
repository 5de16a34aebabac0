package org.nqpf.model;

/**
 * What a caller of {@link EcosystemModel#stepToEnd} hears after each step: what each command
 * needs of a step (a firm panel, checkpoints, a progress bar, the benchmark's firm-steps).
 */
@FunctionalInterface
public interface StepListener {
  /** Called after the model has run step {@code step} (counted from 0 at the start, burn-in included). */
  void stepped(EcosystemModel model, int step);
}
