package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The credit market's primitive sort of applicants gives exactly the order of the boxed
 * comparator sort it replaced (score descending by {@link Double#compare}, then id ascending),
 * including ties, negative zero, infinities and NaN.
 */
class PeckingOrderSortTest {
  @Test
  void sameOrderAsTheComparatorSort() {
    MersenneTwisterFast random = new MersenneTwisterFast(7);
    double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, 1.5};
    for (int trial = 0; trial < 300; trial++) {
      int n = random.nextInt(trial < 100 ? 40 : 700);
      double[] scores = new double[n];
      int[] ids = new int[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : random.nextInt(50) / 7.0 - 3;
        ids[i] = i * 3 + random.nextInt(3);
      }
      // Ids distinct but not in index order.
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
      }
      Integer[] boxed = new Integer[n];
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
        order[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> {
        int byScore = Double.compare(scores[b], scores[a]);
        return byScore != 0 ? byScore : Integer.compare(ids[a], ids[b]);
      });
      CreditMarket.sortByScore(order, scores, ids);
      assertThat(order).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
    }
  }
}
