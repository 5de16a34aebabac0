package org.nqpf.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/** Being written. */
final class CreditMarket implements Steppable {
  private static final long serialVersionUID = 1L;

  /** Creates the banks and guarantee funds and their starting capital. */
  static void initialise(EcosystemModel model) {
    // written next
  }

  /** Settles an exiting firm's loans: recovery, losses, guarantee payments. */
  static void settleExit(EcosystemModel model, Firm firm) {
    // written next
  }

  @Override
  public void step(SimState state) {
    // written next
  }
}
