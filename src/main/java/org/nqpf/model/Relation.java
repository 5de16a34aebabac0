package org.nqpf.model;

/**
 * The info object on an edge of the model's {@code Network}: which kind of relation it is, its
 * weight (for alliances, the number of conversions done together), the step it began and, for
 * loans, whether a guarantee covers them.
 */
public final class Relation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Kinds of relations. Loans and talent moves come with the credit and talent mechanisms. */
  public enum Type {
    /** University–firm collaboration (政产学研用 alliance). */
    ALLIANCE,
    /** University → start-up founded on one of its inventions. */
    SPIN_OFF,
    /** Bank → firm with bank loans outstanding; {@link #guaranteed()} when any is guaranteed. */
    LOAN
  }

  private final Type type;
  private final long since;
  private double weight;
  private boolean guaranteed;

  public Relation(Type type, double weight, long since) {
    this.type = type;
    this.weight = weight;
    this.since = since;
  }

  public Type type() {
    return type;
  }

  public double weight() {
    return weight;
  }

  public long since() {
    return since;
  }

  /** For a LOAN edge: whether a guarantee fund covers part of the firm's bank debt. */
  public boolean guaranteed() {
    return guaranteed;
  }

  void setGuaranteed(boolean value) {
    guaranteed = value;
  }

  void strengthen(double amount) {
    weight += amount;
  }

  @Override
  public String toString() {
    return type + "(" + weight + ")";
  }
}
