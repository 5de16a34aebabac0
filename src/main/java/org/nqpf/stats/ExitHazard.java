package org.nqpf.stats;

import java.util.Arrays;

/**
 * A life table of exits by age (Evans 1987; Dunne, Roberts and Samuelson 1989: young firms exit
 * more often): for each age a (in steps), the firms at risk — observed during a step at that age —
 * and the exits among them. The hazard h(a) = exits(a) / atRisk(a) is the probability of exit in
 * a step at age a; grouped into bins of ages it is Σ exits / Σ at risk over the bin (per step), and
 * the Kaplan–Meier survival is S(a) = Π_{a' ≤ a} (1 − h(a')). Observation may start at any age
 * (left truncation): a firm counts at risk only in the steps it is observed.
 */
public final class ExitHazard {
  private long[] atRisk = new long[64];
  private long[] exits = new long[64];
  private int maxAge = -1;

  /** Records one firm observed during one step at {@code age}, and whether it exited in it. */
  public void record(int age, boolean exited) {
    record(age, 1, exited ? 1 : 0);
  }

  /** Records {@code firms} firm-steps at {@code age} with {@code exited} exits among them. */
  public void record(int age, long firms, long exited) {
    if (age < 0) {
      throw new IllegalArgumentException("age must not be negative: " + age);
    }
    if (exited > firms || exited < 0) {
      throw new IllegalArgumentException("exits (" + exited + ") must be between 0 and the firms at risk (" + firms + ")");
    }
    if (age >= atRisk.length) {
      int size = Math.max(age + 1, atRisk.length * 2);
      atRisk = Arrays.copyOf(atRisk, size);
      exits = Arrays.copyOf(exits, size);
    }
    atRisk[age] += firms;
    exits[age] += exited;
    maxAge = Math.max(maxAge, age);
  }

  /** Adds another table's counts to this one. */
  public void add(ExitHazard other) {
    for (int a = 0; a <= other.maxAge; a++) {
      if (other.atRisk[a] > 0) {
        record(a, other.atRisk[a], other.exits[a]);
      }
    }
  }

  /** The highest age recorded, or −1. */
  public int maxAge() {
    return maxAge;
  }

  public long atRisk(int age) {
    return age <= maxAge ? atRisk[age] : 0;
  }

  public long exits(int age) {
    return age <= maxAge ? exits[age] : 0;
  }

  /** Hazard per step at ages [from, to): Σ exits / Σ at risk; NaN when none was at risk. */
  public double hazard(int from, int to) {
    long risk = 0;
    long exit = 0;
    for (int a = Math.max(0, from); a < Math.min(to, maxAge + 1); a++) {
      risk += atRisk[a];
      exit += exits[a];
    }
    return risk > 0 ? (double) exit / risk : Double.NaN;
  }

  /** Kaplan–Meier survival to the end of age {@code age} (ages without firms at risk count as no exit). */
  public double survival(int age) {
    double s = 1;
    for (int a = 0; a <= Math.min(age, maxAge); a++) {
      if (atRisk[a] > 0) {
        s *= 1 - (double) exits[a] / atRisk[a];
      }
    }
    return s;
  }
}
