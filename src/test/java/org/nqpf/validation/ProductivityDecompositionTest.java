package org.nqpf.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;
import org.nqpf.validation.ProductivityDecomposition.Panel;
import org.nqpf.validation.ProductivityDecomposition.Terms;

/** The Foster–Haltiwanger–Krizan decomposition on hand-made panels with known terms. */
class ProductivityDecompositionTest {

  @Test
  void pureWithinGrowthIsWithin() {
    // Two firms keep their employment and both double their output per employee.
    Panel before = new Panel(new int[] {1, 2}, new double[] {10, 30}, new double[] {10, 60});
    Panel after = new Panel(new int[] {1, 2}, new double[] {10, 30}, new double[] {20, 120});
    Terms t = ProductivityDecomposition.of(before, after);
    assertThat(t.within()).isCloseTo(Math.log(2), within(1e-12));
    assertThat(t.between()).isCloseTo(0, within(1e-12));
    assertThat(t.cross()).isCloseTo(0, within(1e-12));
    assertThat(t.entry()).isZero();
    assertThat(t.exit()).isZero();
  }

  @Test
  void aShiftOfWorkersToTheMoreProductiveFirmIsBetweenNotWithin() {
    // Firm 1 makes 1 per worker, firm 2 makes 4 per worker; neither changes its productivity, but
    // firm 2's share of employment goes from 1/2 to 3/4 (say, output moving to capital-intensive SOEs).
    Panel before = new Panel(new int[] {1, 2}, new double[] {10, 10}, new double[] {10, 40});
    Panel after = new Panel(new int[] {1, 2}, new double[] {5, 15}, new double[] {5, 60});
    Terms t = ProductivityDecomposition.of(before, after);
    assertThat(t.within()).isCloseTo(0, within(1e-12));
    assertThat(t.cross()).isCloseTo(0, within(1e-12));
    double pBefore = 0.5 * Math.log(4);
    double expected = (0 - pBefore) * (0.25 - 0.5) + (Math.log(4) - pBefore) * (0.75 - 0.5);
    assertThat(t.between()).isCloseTo(expected, within(1e-12)).isPositive();
    assertThat(t.total()).isCloseTo(0.75 * Math.log(4) - pBefore, within(1e-12));
  }

  @Test
  void entryOfAProductiveFirmAndExitOfAnUnproductiveOneBothRaiseProductivity() {
    Panel before = new Panel(new int[] {1, 2}, new double[] {10, 10}, new double[] {10, 40});
    Panel after = new Panel(new int[] {2, 3}, new double[] {10, 10}, new double[] {40, 80});
    Terms t = ProductivityDecomposition.of(before, after);
    double pBefore = 0.5 * Math.log(4);
    assertThat(t.exit()).isCloseTo(-0.5 * (0 - pBefore), within(1e-12)).isPositive();
    assertThat(t.entry()).isCloseTo(0.5 * (Math.log(8) - pBefore), within(1e-12)).isPositive();
    assertThat(t.total()).isCloseTo(0.5 * Math.log(4) + 0.5 * Math.log(8) - pBefore, within(1e-12));
  }

  @Test
  void theTermsSumToTheChangeOfTheAggregateOnRandomPanels() {
    MersenneTwisterFast random = new MersenneTwisterFast(2001);
    for (int trial = 0; trial < 200; trial++) {
      Panel before = randomPanel(random, 0);
      Panel after = randomPanel(random, random.nextInt(5));
      Terms t = ProductivityDecomposition.of(before, after);
      assertThat(t.total()).isCloseTo(after.aggregate() - before.aggregate(), within(1e-9));
    }
  }

  @Test
  void refusesUnorderedIdsAndNonPositiveValues() {
    assertThatThrownBy(() -> new Panel(new int[] {2, 1}, new double[] {1, 1}, new double[] {1, 1}))
        .hasMessageContaining("ids must increase");
    assertThatThrownBy(() -> new Panel(new int[] {1}, new double[] {0}, new double[] {1}))
        .hasMessageContaining("positive");
    Terms none = ProductivityDecomposition.of(new Panel(new int[0], new double[0], new double[0]),
        new Panel(new int[] {1}, new double[] {1}, new double[] {1}));
    assertThat(none.total()).isZero();
  }

  /** A panel of firms with ids drawn from 0–29 (so that some continue, some enter, some exit), starting at {@code offset}. */
  private static Panel randomPanel(MersenneTwisterFast random, int offset) {
    int[] ids = java.util.stream.IntStream.range(offset, offset + 30).filter(i -> random.nextBoolean()).toArray();
    double[] employment = new double[ids.length];
    double[] output = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      employment[i] = 1 + 100 * random.nextDouble();
      output[i] = employment[i] * Math.exp(random.nextGaussian());
    }
    return new Panel(ids, employment, output);
  }
}
