package org.nqpf.model;

/** The national pool of talent not employed by a firm or university, by tier (headcounts). */
public final class TalentPool implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] counts = new int[TalentTier.values().length];

  public int get(TalentTier tier) {
    return counts[tier.ordinal()];
  }

  public int total() {
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    return total;
  }

  void add(TalentTier tier, int amount) {
    counts[tier.ordinal()] += amount;
    if (counts[tier.ordinal()] < 0) {
      throw new IllegalStateException("talent pool " + tier + " would turn negative");
    }
  }
}
