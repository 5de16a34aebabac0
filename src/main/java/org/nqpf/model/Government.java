package org.nqpf.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/** Being written. */
final class Government implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    // written next
  }
}
