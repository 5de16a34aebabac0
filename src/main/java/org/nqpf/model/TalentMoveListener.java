package org.nqpf.model;

/**
 * Hears of each batch of job-to-job moves the talent market places: people of one tier leaving
 * one employer for another in the same step. Employers are {@link Firm}s or {@link University}s.
 * See {@link EcosystemModel#setTalentMoveListener}; like every listener it must neither draw
 * random numbers from the model nor change it.
 */
@FunctionalInterface
public interface TalentMoveListener {
  /**
   * @param from the employer they left (a Firm or a University)
   * @param to the employer that hired them (a Firm or a University)
   * @param tier their tier
   * @param people how many moved in this batch
   * @param step the step being run (0-based)
   */
  void moved(Object from, Object to, TalentTier tier, int people, long step);
}
