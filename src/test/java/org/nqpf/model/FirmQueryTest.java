package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

/** The spatial index's draws. */
class FirmQueryTest {

  /** The index drawn without a division is MASON's nextInt(n), and leaves the generator where nextInt(n) does. */
  @Test
  void aUniformIndexIsMasonsNextIntDrawForDraw() {
    MersenneTwisterFast sizes = new MersenneTwisterFast(20261207);
    for (int t = 0; t < 600; t++) {
      int n = t < 200 ? 1 + t : t < 400 ? 1 + sizes.nextInt(Integer.MAX_VALUE) : Integer.MAX_VALUE - sizes.nextInt(1000);
      if ((n & -n) == n) {
        continue;
      }
      MersenneTwisterFast mason = new MersenneTwisterFast(t);
      MersenneTwisterFast ours = new MersenneTwisterFast(t);
      double inverse = 1.0 / n;
      for (int i = 0; i < 2_000; i++) {
        assertThat(FirmQuery.uniformIndex(ours, n, inverse)).as("n %d, draw %d", n, i).isEqualTo(mason.nextInt(n));
      }
      assertThat(ours.nextInt()).as("the generators' next words, n %d", n).isEqualTo(mason.nextInt());
    }
  }
}
