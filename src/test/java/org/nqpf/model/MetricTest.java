package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
