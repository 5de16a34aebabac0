package org.nqpf.model;

import java.util.ArrayList;
import java.util.List;
import sim.util.Double2D;

/**
 * A university campus: researchers upstairs make inventions with large facilities; engineers
 * downstairs take them through pilot conversion with partner firms or into spin-offs.
 */
public final class University implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int id;
  private final Double2D campus;
  private int coreResearchers;
  private int leadingScientists;
  private final double facilityFactor;
  private int downstairsEngineers;
  private final List<Invention> queue = new ArrayList<>();
  private int inventionsMade;
  private int conversions;
  private int spinOffs;

  University(int id, Double2D campus, int upstairsResearchers, double facilityFactor, int downstairsEngineers) {
    this.id = id;
    this.campus = campus;
    this.coreResearchers = upstairsResearchers;
    this.facilityFactor = facilityFactor;
    this.downstairsEngineers = downstairsEngineers;
  }

  public int getId() {
    return id;
  }

  public Double2D getCampus() {
    return campus;
  }

  /** Researchers upstairs: core researchers plus leading scientists (headcount). */
  public int getUpstairsResearchers() {
    return coreResearchers + leadingScientists;
  }

  public int getCoreResearchers() {
    return coreResearchers;
  }

  public int getLeadingScientists() {
    return leadingScientists;
  }

  public int getHeadcount(TalentTier tier) {
    return switch (tier) {
      case CORE -> coreResearchers;
      case SKILLED -> downstairsEngineers;
      case LEADING -> leadingScientists;
      case RESERVE -> 0;
    };
  }

  void addHeadcount(TalentTier tier, int amount) {
    switch (tier) {
      case CORE -> coreResearchers += amount;
      case SKILLED -> downstairsEngineers += amount;
      case LEADING -> leadingScientists += amount;
      case RESERVE -> throw new IllegalArgumentException("universities employ no reserve talent");
    }
    if (coreResearchers < 0 || downstairsEngineers < 0 || leadingScientists < 0) {
      throw new IllegalStateException(this + ": " + tier + " headcount would turn negative");
    }
  }

  public double getFacilityFactor() {
    return facilityFactor;
  }

  public int getDownstairsEngineers() {
    return downstairsEngineers;
  }

  /** Inventions waiting for conversion, oldest first. */
  public List<Invention> queue() {
    return queue;
  }

  public int getQueueLength() {
    return queue.size();
  }

  public int getInventionsMade() {
    return inventionsMade;
  }

  public int getConversions() {
    return conversions;
  }

  public int getSpinOffs() {
    return spinOffs;
  }

  void addInvention(Invention invention) {
    queue.add(invention);
    inventionsMade++;
  }

  void countConversion() {
    conversions++;
  }

  void countSpinOff() {
    spinOffs++;
  }

  @Override
  public String toString() {
    return "University " + id;
  }
}
