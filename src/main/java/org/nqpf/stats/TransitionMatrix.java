package org.nqpf.stats;

import java.util.Objects;

/**
 * Transitions of units between classes over consecutive periods (persistence of innovation: Cefis
 * and Orsenigo 2001, Research Policy 30: 1139–1158): counts[i][j] = units in class i in one period
 * and class j in the next; probabilities = counts divided by their row's total (NaN for a row
 * without units).
 */
public record TransitionMatrix(long[][] counts) {

  public TransitionMatrix {
    Objects.requireNonNull(counts, "counts");
    for (long[] row : counts) {
      if (row.length != counts.length) {
        throw new IllegalArgumentException("a transition matrix must be square");
      }
    }
  }

  /** An empty matrix of {@code states} classes. */
  public static TransitionMatrix empty(int states) {
    return new TransitionMatrix(new long[states][states]);
  }

  /**
   * The transitions of a panel: {@code panel[unit][period]} is the unit's class (0 …
   * states − 1) or −1 when it is not observed; every pair of consecutive periods in which a unit is
   * observed counts once.
   */
  public static TransitionMatrix of(int[][] panel, int states) {
    long[][] counts = new long[states][states];
    for (int[] unit : panel) {
      for (int t = 0; t + 1 < unit.length; t++) {
        if (unit[t] >= 0 && unit[t + 1] >= 0) {
          counts[unit[t]][unit[t + 1]]++;
        }
      }
    }
    return new TransitionMatrix(counts);
  }

  public int states() {
    return counts.length;
  }

  /** Units that started a transition in class i. */
  public long rowTotal(int i) {
    long sum = 0;
    for (long c : counts[i]) {
      sum += c;
    }
    return sum;
  }

  /** P(class j next | class i now). */
  public double probability(int i, int j) {
    long total = rowTotal(i);
    return total > 0 ? (double) counts[i][j] / total : Double.NaN;
  }

  /** This matrix's counts plus another's. */
  public TransitionMatrix plus(TransitionMatrix other) {
    long[][] sum = new long[states()][states()];
    for (int i = 0; i < states(); i++) {
      for (int j = 0; j < states(); j++) {
        sum[i][j] = counts[i][j] + other.counts[i][j];
      }
    }
    return new TransitionMatrix(sum);
  }
}
