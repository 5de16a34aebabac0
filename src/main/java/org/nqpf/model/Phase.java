package org.nqpf.model;

/**
 * The order of events within a step (MODEL.md §3), as MASON schedule orderings. The talent
 * market, credit market and AI adoption phases are scheduled only when the scenario switches
 * their mechanism on; they keep their place in the numbering either way.
 */
public enum Phase {
  /** 1. Government sets the step's policy. */
  GOVERNMENT,
  /** 2. Universities do upstairs research and make inventions. */
  UPSTAIRS_RESEARCH,
  /** 3. Talent market. */
  TALENT,
  /** 4. Credit market. */
  CREDIT,
  /** 5. Firm R&D: innovation and imitation. */
  RESEARCH_AND_DEVELOPMENT,
  /** 6. Downstairs pilot conversion and spin-offs. */
  PILOT_CONVERSION,
  /** 7. AI adoption. */
  AI_ADOPTION,
  /** 8. Production, replicator market shares, wages, profits, taxes. */
  PRODUCTION_AND_MARKET,
  /** 9. Exit and entry. */
  DEMOGRAPHY,
  /** 10. Books closed and observers record the step. */
  OBSERVATION;

  /** The MASON schedule ordering of this phase. */
  public int ordering() {
    return ordinal();
  }
}
