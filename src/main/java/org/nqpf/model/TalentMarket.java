package org.nqpf.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/** Being written. */
final class TalentMarket implements Steppable {
  private static final long serialVersionUID = 1L;

  /** Sets up the initial headcounts of firms, universities and the pool. */
  static void initialise(EcosystemModel model) {
    // written next
  }

  /** Returns an exiting firm's staff to the pool. */
  static void release(EcosystemModel model, Firm firm) {
    // written next
  }

  @Override
  public void step(SimState state) {
    // written next
  }
}
