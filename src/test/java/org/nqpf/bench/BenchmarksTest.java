package org.nqpf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code bench} runs before it times (never how long anything takes). */
class BenchmarksTest {

  @Test
  void smallSizesAreWarmedUpWithWholeRunsAndLargeOnesNot() {
    // The default budget: thirteen baseline runs (1,000 firms × 220 steps), one at 10,000 firms, none at 100,000.
    assertThat(Benchmarks.warmUpRuns(3_000_000, 1_000, 220)).isEqualTo(13);
    assertThat(Benchmarks.warmUpRuns(3_000_000, 10_000, 220)).isEqualTo(1);
    assertThat(Benchmarks.warmUpRuns(3_000_000, 100_000, 220)).isZero();
    assertThat(Benchmarks.warmUpRuns(0, 1_000, 220)).isZero();
    assertThat(Benchmarks.warmUpRuns(3_000_000, 100, 1)).isEqualTo(100);
  }
}
