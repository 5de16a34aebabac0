package org.nqpf.model;

/** Events counted during one step by the mechanisms; the observer reads and resets them. */
public final class StepCounters implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  final int[] innovationsByType = new int[InnovationType.values().length];
  final int[] innovationsByOwnership = new int[Ownership.values().length];
  final int[] innovationsBySector = new int[Sector.values().length];
  /** Product lines taken from another firm by an innovation, by the innovator's ownership. */
  final int[] captures = new int[Ownership.values().length];
  int privatisations;
  int soeFoundings;
  int startups;
  /** Would-be founders deterred for want of finance (Demography#entries). */
  int entrantsDeterred;
  int spinOffs;
  /** Conversions a partner would have made but could not pay the pilot for (PilotConversion). */
  int conversionsUnfunded;
  /** What partners paid for pilot conversions (PilotConversion). */
  double pilotSpending;
  int exits;
  int inventionsCreated;
  int inventionsDecayed;
  int loansApplied;
  int loansGranted;
  int loansGuaranteed;
  int specialLoans;
  double creditGranted;
  double creditGrantedSoe;
  double creditGrantedSme;
  double creditGrantedPrivateSme;
  int smeApplicants;
  int smeRationed;
  int defaults;
  int graduates;
  int hires;
  int moves;
  int separations;
  int imports;
  int attrition;
  int aiAdoptions;
  /** Firms that left this step (after producing in it), in the order they left; null until the first. */
  private java.util.ArrayList<Firm> exited;

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

  /** Lines taken from other firms by innovators of {@code ownership} this step. */
  public int captures(Ownership ownership) {
    return captures[ownership.ordinal()];
  }

  /** SOEs privatised this step (抓大放小). */
  public int privatisations() {
    return privatisations;
  }

  /** SOEs the state founded this step. */
  public int soeFoundings() {
    return soeFoundings;
  }

  public int startups() {
    return startups;
  }

  public int entrantsDeterred() {
    return entrantsDeterred;
  }

  public int spinOffs() {
    return spinOffs;
  }

  public int conversionsUnfunded() {
    return conversionsUnfunded;
  }

  public double pilotSpending() {
    return pilotSpending;
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

  public int loansApplied() {
    return loansApplied;
  }

  public int loansGranted() {
    return loansGranted;
  }

  public int loansGuaranteed() {
    return loansGuaranteed;
  }

  public int specialLoans() {
    return specialLoans;
  }

  public double creditGranted() {
    return creditGranted;
  }

  public double creditGrantedSoe() {
    return creditGrantedSoe;
  }

  public double creditGrantedSme() {
    return creditGrantedSme;
  }

  public double creditGrantedPrivateSme() {
    return creditGrantedPrivateSme;
  }

  public int smeApplicants() {
    return smeApplicants;
  }

  public int smeRationed() {
    return smeRationed;
  }

  public int defaults() {
    return defaults;
  }

  public int graduates() {
    return graduates;
  }

  public int hires() {
    return hires;
  }

  public int moves() {
    return moves;
  }

  public int separations() {
    return separations;
  }

  public int imports() {
    return imports;
  }

  public int attrition() {
    return attrition;
  }

  public int aiAdoptions() {
    return aiAdoptions;
  }

  /** Notes a firm that left this step, and counts it in {@link #exits()}. */
  void exited(Firm firm) {
    exits++;
    if (exited == null) {
      exited = new java.util.ArrayList<>();
    }
    exited.add(firm);
  }

  /** The firms that left this step (read-only). */
  public java.util.List<Firm> exitedFirms() {
    return exited == null ? java.util.List.of() : java.util.Collections.unmodifiableList(exited);
  }

  void reset() {
    if (exited != null) {
      exited.clear();
    }
    java.util.Arrays.fill(innovationsByType, 0);
    java.util.Arrays.fill(innovationsByOwnership, 0);
    java.util.Arrays.fill(innovationsBySector, 0);
    java.util.Arrays.fill(captures, 0);
    privatisations = 0;
    soeFoundings = 0;
    startups = 0;
    entrantsDeterred = 0;
    spinOffs = 0;
    conversionsUnfunded = 0;
    pilotSpending = 0;
    exits = 0;
    inventionsCreated = 0;
    inventionsDecayed = 0;
    loansApplied = 0;
    loansGranted = 0;
    loansGuaranteed = 0;
    specialLoans = 0;
    creditGranted = 0;
    creditGrantedSoe = 0;
    creditGrantedSme = 0;
    creditGrantedPrivateSme = 0;
    smeApplicants = 0;
    smeRationed = 0;
    defaults = 0;
    graduates = 0;
    hires = 0;
    moves = 0;
    separations = 0;
    imports = 0;
    attrition = 0;
    aiAdoptions = 0;
  }
}
