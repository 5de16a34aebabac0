package org.nqpf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nqpf.stats.Lorenz;

/** The statistics of one run: those asked for are the full computation's, the costly others skipped. */
class RunStatisticsTest {
  @Test
  void aSubsetGivesTheFullValuesOfWhatItAsksAndSkipsTheCostlyRest() {
    RunObservations o = FirmPanelCollector.run(FirmPanelCollectorTest.SMALL);
    RunStatistics all = RunStatistics.of(o, 20);
    RunStatistics some = RunStatistics.of(o, 20, Set.of("8a", "4c")::contains);
    assertThat(all.value("8a")).isFinite();
    assertThat(all.value("4c")).isFinite();
    assertThat(some.value("8a")).isEqualTo(all.value("8a"));
    assertThat(some.value("4c")).isEqualTo(all.value("4c"));
    assertThat(all.value("4b")).isFinite();
    // 4b shares the growth group with 4c, so it is computed too; the tails, Lorenz curves and warm-ups are not.
    assertThat(some.value("4b")).isEqualTo(all.value("4b"));
    assertThat(all.value("5a")).isFinite();
    assertThat(some.value("5a")).isNaN();
    assertThat(some.value("10a")).isNaN();
    assertThat(some.employmentFit()).isNull();
    assertThat(all.employmentFit()).isNotNull();
  }
}
