package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nqpf.config.ScenarioLoader;

/** The metric catalogue: unique column names, each documented in docs/OUTPUTS.md. */
class MetricTest {

  @Test
  void columnsAreUniqueAndDescribed() {
    Set<String> columns = new HashSet<>();
    for (Metric metric : Metric.values()) {
      assertThat(columns.add(metric.column())).as(metric.column()).isTrue();
      assertThat(metric.description()).isNotBlank();
      assertThat(metric.unit()).isNotBlank();
    }
  }

  @Test
  void everyColumnIsDocumented() throws IOException {
    String docs = Files.readString(Path.of("docs/OUTPUTS.md"));
    for (Metric metric : Metric.values()) {
      assertThat(docs).as("docs/OUTPUTS.md documents %s", metric.column())
          .contains("| `" + metric.column() + "` | " + metric.unit() + " |");
    }
  }

  /**
   * Every declared domain holds in runs of the baseline's mechanisms with the guarantee, special
   * loan and incubation levers pushed up (charts clip confidence bands to it, so a domain too
   * narrow would hide values).
   */
  @Test
  void everyValueOfSeededRunsLiesInItsMetricsDomain() {
    String[] scenarios = {
        "name: d1\nseed: 3\nsteps: 80\nburnIn: 10\nfirms: {count: 300}\nuniversities: {count: 3}\n",
        "name: d2\nseed: 4\nsteps: 80\nburnIn: 10\nfirms: {count: 300}\nuniversities: {count: 3}\n"
            + "policy: {guaranteeCoverage: 0.7, specialLoanQuota: 0.05, incubationBudget: 0.01,"
            + " aiInfrastructure: 1.0}\n"};
    for (String yaml : scenarios) {
      TimeSeries series = new EcosystemModel(ScenarioLoader.parse(yaml, false)).runToEnd();
      for (int step = 0; step < series.size(); step++) {
        for (Metric metric : Metric.values()) {
          double value = series.get(step, metric);
          assertThat(metric.domain().contains(value)).as("%s = %s at step %d is in %s", metric.column(), value, step,
              metric.domain()).isTrue();
        }
      }
    }
  }

  @Test
  void aDomainClipsIntoItsBounds() {
    assertThat(Metric.Domain.SHARE.clip(-1.2)).isZero();
    assertThat(Metric.Domain.SHARE.clip(2.6)).isEqualTo(1.0);
    assertThat(Metric.Domain.SHARE.clip(0.4)).isEqualTo(0.4);
    assertThat(Metric.Domain.NON_NEGATIVE.clip(-10_000)).isZero();
    assertThat(Metric.Domain.NON_NEGATIVE.clip(5e9)).isEqualTo(5e9);
    assertThat(Metric.Domain.ANY.clip(-3)).isEqualTo(-3);
    assertThat(Metric.Domain.SHARE.clip(Double.NaN)).isNaN();
    assertThat(Metric.PRIVATE_SHARE_OUTPUT.domain()).isEqualTo(Metric.Domain.SHARE);
    assertThat(Metric.OUTPUT.domain()).isEqualTo(Metric.Domain.NON_NEGATIVE);
    assertThat(Metric.GOVERNMENT_BALANCE.domain()).isEqualTo(Metric.Domain.ANY);
  }
}
