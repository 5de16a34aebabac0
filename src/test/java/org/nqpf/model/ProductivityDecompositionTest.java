package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ec.util.MersenneTwisterFast;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The Foster–Haltiwanger–Krizan decomposition with employment weights and productivity levels, as the national accounts use it. */
class ProductivityDecompositionTest {

  /**
   * Three continuing firms A, B, C, an exiter X (only at t−1) and an entrant N (only at t);
   * employment E, real output Y, productivity p = Y/E, weight θ = E/ΣE.
   *
   * <pre>
   *        t−1                         t
   *   A   E 10  Y 20  p 2    θ .2     E 10  Y 30  p 3    θ .2
   *   B   E 20  Y 60  p 3    θ .4     E 30  Y 96  p 3.2  θ .6
   *   C   E 10  Y 10  p 1    θ .2     E  5  Y  5  p 1    θ .1
   *   X   E 10  Y  5  p 0.5  θ .2     -
   *   N   -                           E  5  Y 20  p 4    θ .1
   *   all E 50  Y 95  P 1.9           E 50  Y 151 P 3.02          ΔP = 1.12
   *
   * within  = .2×1 + .4×.2 + .2×0                        = 0.28
   * between = 0×(2−1.9) + .2×(3−1.9) + (−.1)×(1−1.9)     = 0.31
   * cross   = 0×1 + .2×.2 + (−.1)×0                      = 0.04
   * entry   = .1×(4−1.9)                                 = 0.21
   * exit    = −.2×(0.5−1.9)                              = 0.28
   * sum     = 0.28 + 0.31 + 0.04 + 0.21 + 0.28           = 1.12 = ΔP
   * </pre>
   */
  @Test
  void aHandWorkedPanelWithAnEntrantAndAnExiter() {
    ProductivityDecomposition d = new ProductivityDecomposition();
    d.begin(1.9);
    d.continuer(0.2, 2, 0.2, 3);
    d.continuer(0.4, 3, 0.6, 3.2);
    d.continuer(0.2, 1, 0.1, 1);
    d.exiter(0.2, 0.5);
    d.entrant(0.1, 4);
    assertThat(d.within()).isCloseTo(0.28, within(1e-12));
    assertThat(d.between()).isCloseTo(0.31, within(1e-12));
    assertThat(d.cross()).isCloseTo(0.04, within(1e-12));
    assertThat(d.entry()).isCloseTo(0.21, within(1e-12));
    assertThat(d.exit()).isCloseTo(0.28, within(1e-12));
    assertThat(d.total()).isCloseTo(151.0 / 50 - 95.0 / 50, within(1e-12));
  }

  @Test
  void aShiftOfWorkersTowardsTheMoreProductiveFirmIsBetweenNotWithin() {
    // A makes 1 per worker, B (say a capital-intensive SOE) 4; neither changes, B's share of
    // employment goes from 1/2 to 3/4: P goes from 2.5 to 3.25, all of it reallocation.
    ProductivityDecomposition d = new ProductivityDecomposition();
    d.begin(2.5);
    d.continuer(0.5, 1, 0.25, 1);
    d.continuer(0.5, 4, 0.75, 4);
    assertThat(d.within()).isZero();
    assertThat(d.cross()).isZero();
    assertThat(d.between()).isCloseTo(0.75, within(1e-12));
    assertThat(d.total()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void beginForgetsTheLastDecomposition() {
    ProductivityDecomposition d = new ProductivityDecomposition();
    d.begin(1);
    d.continuer(0.5, 1, 0.4, 2);
    d.entrant(0.6, 3);
    d.exiter(0.5, 1);
    d.begin(2);
    assertThat(new double[] {d.within(), d.between(), d.cross(), d.entry(), d.exit()}).containsOnly(0);
  }

  /** Exiters (or entrants) passed as one group, with their summed weight and weight-averaged productivity, give the same terms. */
  @Test
  void aGroupOfExitersCountsAsTheSumOfItsFirms() {
    ProductivityDecomposition one = new ProductivityDecomposition();
    ProductivityDecomposition group = new ProductivityDecomposition();
    one.begin(2);
    group.begin(2);
    one.exiter(0.1, 1);
    one.exiter(0.3, 5);
    group.exiter(0.4, (0.1 * 1 + 0.3 * 5) / 0.4);
    assertThat(group.exit()).isCloseTo(one.exit(), within(1e-12));
    assertThat(one.exit()).isCloseTo(-(0.1 * (1 - 2) + 0.3 * (5 - 2)), within(1e-12));
  }

  /**
   * For random panels (employment and output of firms that continue, enter or exit; a seeded draw
   * per try) the five terms sum to the change of the employment-weighted aggregate, within 1e-9 of
   * the aggregate's size.
   */
  @Property(tries = 300, seed = "2001", shrinking = ShrinkingMode.OFF)
  void theTermsSumToTheChangeOfTheAggregate(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 40) int firms) {
    MersenneTwisterFast random = new MersenneTwisterFast(seed);
    double[] e0 = new double[firms];
    double[] y0 = new double[firms];
    double[] e1 = new double[firms];
    double[] y1 = new double[firms];
    // Each firm is present at t−1, at t or at both (at least one firm at each date).
    for (int i = 0; i < firms; i++) {
      int kind = i == 0 ? 2 : random.nextInt(3);
      if (kind != 1) {
        e0[i] = 1 + random.nextDouble() * 1000;
        y0[i] = e0[i] * Math.exp(3 * random.nextGaussian());
      }
      if (kind != 0) {
        e1[i] = 1 + random.nextDouble() * 1000;
        y1[i] = e1[i] * Math.exp(3 * random.nextGaussian());
      }
    }
    double total0 = sum(e0);
    double total1 = sum(e1);
    double aggregate0 = sum(y0) / total0;
    double aggregate1 = sum(y1) / total1;
    ProductivityDecomposition d = new ProductivityDecomposition();
    d.begin(aggregate0);
    for (int i = 0; i < firms; i++) {
      if (e0[i] > 0 && e1[i] > 0) {
        d.continuer(e0[i] / total0, y0[i] / e0[i], e1[i] / total1, y1[i] / e1[i]);
      } else if (e1[i] > 0) {
        d.entrant(e1[i] / total1, y1[i] / e1[i]);
      } else {
        d.exiter(e0[i] / total0, y0[i] / e0[i]);
      }
    }
    double scale = Math.max(Math.abs(aggregate0), Math.abs(aggregate1));
    assertThat(d.total()).isCloseTo(aggregate1 - aggregate0, within(1e-9 * scale));
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
