package org.nqpf.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Check;

class SeedsTest {

  @Test
  void theSeedIsSplitMix64OfMasterPointAndReplication() {
    // SplitMix64's first output for state 0 is 0xE220A8397B1DCDAF (Vigna's reference).
    assertThat(Seeds.mix(0)).isEqualTo(0xE220A8397B1DCDAFL);
    long expected = Seeds.mix(Seeds.mix(Seeds.mix(42) ^ 3) ^ 1) >>> 11;
    assertThat(Seeds.of(42, 3, 1)).isEqualTo(expected);
  }

  @Test
  void seedsAreNonNegativeAndDistinctAcrossPointsAndReplications() {
    Set<Long> seen = new HashSet<>();
    for (int p = 0; p < 1000; p++) {
      for (int r = 0; r < 20; r++) {
        long seed = Seeds.of(20261127, p, r);
        assertThat(seed).isNotNegative().isLessThanOrEqualTo(Check.MAX_SEED);
        assertThat((long) (double) seed).as("a double holds the seed exactly").isEqualTo(seed);
        assertThat(seen.add(seed)).as("seed of point %d, replication %d is new", p, r).isTrue();
      }
    }
  }

  @Test
  void seedsUseAll53Bits() {
    long largest = 0;
    for (int p = 0; p < 1000; p++) {
      largest = Math.max(largest, Seeds.of(7, p, 0));
    }
    assertThat(largest).isGreaterThan(Check.MAX_SEED / 2);
  }

  @Test
  void theMasterSeedChangesEverySeed() {
    assertThat(Seeds.of(1, 0, 0)).isNotEqualTo(Seeds.of(2, 0, 0));
    assertThat(Seeds.of(1, 0, 1)).isNotEqualTo(Seeds.of(1, 1, 0));
  }
}
