package org.nqpf.model;

/** Events counted during one step by the mechanisms; the observer reads and resets them. */
public final class StepCounters {
  final int[] innovationsByType = new int[InnovationType.values().length];
  final int[] innovationsByOwnership = new int[Ownership.values().length];
  final int[] innovationsBySector = new int[Sector.values().length];
  int startups;
  int spinOffs;
  int exits;
  int inventionsCreated;
  int inventionsDecayed;

  void countInnovation(Firm firm, InnovationType type) {
    innovationsByType[type.ordinal()]++;
    innovationsByOwnership[firm.getOwnership().ordinal()]++;
    innovationsBySector[firm.getSector().ordinal()]++;
    firm.countInnovation(type);
  }

  public int innovations() {
    int total = 0;
    for (int count : innovationsByType) {
      total += count;
    }
    return total;
  }

  public int innovations(InnovationType type) {
    return innovationsByType[type.ordinal()];
  }

  public int innovations(Ownership ownership) {
    return innovationsByOwnership[ownership.ordinal()];
  }

  public int innovations(Sector sector) {
    return innovationsBySector[sector.ordinal()];
  }

  public int startups() {
    return startups;
  }

  public int spinOffs() {
    return spinOffs;
  }

  public int exits() {
    return exits;
  }

  public int inventionsCreated() {
    return inventionsCreated;
  }

  public int inventionsDecayed() {
    return inventionsDecayed;
  }

  void reset() {
    java.util.Arrays.fill(innovationsByType, 0);
    java.util.Arrays.fill(innovationsByOwnership, 0);
    java.util.Arrays.fill(innovationsBySector, 0);
    startups = 0;
    spinOffs = 0;
    exits = 0;
    inventionsCreated = 0;
    inventionsDecayed = 0;
  }
}
