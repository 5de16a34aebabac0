package org.nqpf.model;

/**
 * Work done by the mechanisms since the model started, counted in elementary operations that do
 * not depend on the machine: objects examined in spatial-index cells, campuses examined for the
 * nearest one, network edges visited, firms touched when market shares are renormalised. They let
 * tests check that the cost of a step grows linearly with the number of agents without timing
 * anything. They never influence a run.
 */
public final class WorkCounters implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  long spatialQueries;
  long spatialCandidates;
  long campusCandidates;
  long shareUpdates;

  /** Neighbourhood queries on the spatial index. */
  public long spatialQueries() {
    return spatialQueries;
  }

  /** Objects examined in the cells the neighbourhood queries scanned. */
  public long spatialCandidates() {
    return spatialCandidates;
  }

  /** Campuses examined in nearest-campus searches. */
  public long campusCandidates() {
    return campusCandidates;
  }

  /** Firms whose market share was read or rescaled to renormalise a sector's shares. */
  public long shareUpdates() {
    return shareUpdates;
  }

  /** All of the above. */
  public long total() {
    return spatialQueries + spatialCandidates + campusCandidates + shareUpdates;
  }
}
