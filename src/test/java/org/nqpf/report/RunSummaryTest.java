package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

class RunSummaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Two burn-in rows (with deliberately wild values) then three post-burn-in rows. */
  private static TimeSeries handMade() {
    Map<Metric, double[]> columns = new LinkedHashMap<>();
    columns.put(Metric.OUTPUT, new double[] {999, 999, 100, 110, 121});
    columns.put(Metric.FIRMS, new double[] {50, 50, 10, 20, 40});
    columns.put(Metric.FIRMS_PRIVATE, new double[] {40, 40, 8, 15, 30});
    columns.put(Metric.PRODUCTIVITY, new double[] {1, 1, 0, 5, 5});
    columns.put(Metric.ENTRIES, new double[] {100, 100, 1, 2, 3});
    columns.put(Metric.INNOVATIONS, new double[] {50, 50, 4, 0, 6});
    columns.put(Metric.INNOVATIONS_PRIVATE, new double[] {50, 50, 3, 0, 4});
    columns.put(Metric.INNOVATIONS_SOE, new double[] {0, 0, 1, 0, 2});
    columns.put(Metric.ALLIANCES, new double[] {9, 9, 2, 4, 6});
    columns.put(Metric.HHI_TRADITIONAL, new double[] {1, 1, 0.2, 0.3, 0.4});
    columns.put(Metric.PRIVATE_SHARE_FIRMS, new double[] {0, 0, 0.5, 0.6, 0.7});
    columns.put(Metric.PRIVATE_SHARE_OUTPUT, new double[] {0, 0, 0.25, 0.25, 0.25});
    columns.put(Metric.PRIVATE_SHARE_EMPLOYMENT, new double[] {0, 0, 0.1, 0.2, 0.6});
    columns.put(Metric.PRIVATE_SHARE_INNOVATION, new double[] {1, 1, 0.75, 0, 4.0 / 6});
    columns.put(Metric.PRIVATE_SHARE_TAX, new double[] {0, 0, 0.9, 0.9, 0.6});
    return TestSeries.of(5, 2, (i, m) -> columns.containsKey(m) ? columns.get(m)[i] : 0.0);
  }

  @Test
  void finalIsTheLastRowAndMeanUsesOnlyPostBurnInRows() {
    RunSummary s = RunSummary.compute(handMade(), 2, "baseline", 42);
    assertThat(s.scenarioName()).isEqualTo("baseline");
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.steps()).isEqualTo(3);
    assertThat(s.burnIn()).isEqualTo(2);
    assertThat(s.stats(Metric.OUTPUT).finalValue()).isEqualTo(121);
    assertThat(s.stats(Metric.OUTPUT).mean().getAsDouble()).isCloseTo(331.0 / 3, within(1e-12));
    assertThat(s.stats(Metric.FIRMS).finalValue()).isEqualTo(40);
    assertThat(s.stats(Metric.FIRMS).mean().getAsDouble()).isCloseTo(70.0 / 3, within(1e-12));
    assertThat(s.stats(Metric.HHI_TRADITIONAL).mean().getAsDouble()).isCloseTo(0.3, within(1e-12));
    assertThat(s.allStats()).doesNotContainKeys(Metric.STEP, Metric.BURN_IN);
    assertThat(s.allStats()).hasSize(Metric.values().length - 2);
    assertThatThrownBy(() -> s.stats(Metric.STEP)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void growthIsCompoundPerStepForLevelMetricsOnly() {
    RunSummary s = RunSummary.compute(handMade(), 2, "baseline", 42);
    assertThat(s.stats(Metric.OUTPUT).growthPerStep().getAsDouble()).isCloseTo(0.1, within(1e-12));
    assertThat(s.stats(Metric.FIRMS).growthPerStep().getAsDouble()).isCloseTo(1.0, within(1e-12));
    assertThat(s.stats(Metric.PRODUCTIVITY).growthPerStep()).as("first value 0: not computable").isEmpty();
    assertThat(s.stats(Metric.FIRMS_PRIVATE).growthPerStep()).as("not a level metric").isEmpty();
    assertThat(s.stats(Metric.ENTRIES).growthPerStep()).isEmpty();
  }

  @Test
  void totalsCoverPostBurnInFlowsButNotStocks() {
    RunSummary s = RunSummary.compute(handMade(), 2, "baseline", 42);
    assertThat(s.stats(Metric.ENTRIES).total().getAsDouble()).isEqualTo(6);
    assertThat(s.stats(Metric.INNOVATIONS).total().getAsDouble()).isEqualTo(10);
    assertThat(s.stats(Metric.INNOVATIONS_PRIVATE).total().getAsDouble()).isEqualTo(7);
    assertThat(s.stats(Metric.EXITS).total().getAsDouble()).isZero();
    for (Metric stock : List.of(Metric.FIRMS, Metric.FIRMS_PRIVATE, Metric.FIRMS_SOE, Metric.INVENTION_QUEUE, Metric.ALLIANCES)) {
      assertThat(s.stats(stock).total()).as(stock.column()).isEmpty();
      assertThat(RunSummary.isCount(stock)).isFalse();
    }
    assertThat(s.stats(Metric.OUTPUT).total()).isEmpty();
    assertThat(RunSummary.isCount(Metric.STEP)).isFalse();
    assertThat(RunSummary.isCount(Metric.INVENTIONS_DECAYED)).isTrue();
  }

  @Test
  void privateSharesAreMeansAndTheCumulativeInnovationShare() {
    RunSummary.PrivateShares p = RunSummary.compute(handMade(), 2, "baseline", 42).privateShares();
    assertThat(p.firms().getAsDouble()).isCloseTo(0.6, within(1e-12));
    assertThat(p.output().getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(p.employment().getAsDouble()).isCloseTo(0.3, within(1e-12));
    assertThat(p.innovation().getAsDouble()).isCloseTo((0.75 + 0 + 4.0 / 6) / 3, within(1e-12));
    assertThat(p.tax().getAsDouble()).isCloseTo(0.8, within(1e-12));
    assertThat(p.cumulativeInnovation().getAsDouble()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void jsonHasTheDocumentedLayout() throws IOException {
    Map<String, Object> quantiles = new LinkedHashMap<>();
    quantiles.put("p90", 31.5);
    quantiles.put("p10", 2);
    quantiles.put("p50", 7.25);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("firmSizeQuantiles", quantiles);
    extra.put("note", "hand-made");
    String text = RunSummary.compute(handMade(), 2, "baseline", 42, extra).toJson();
    assertThat(text).doesNotContain("\r").endsWith("}\n").contains("\"scenario\": \"baseline\"");

    JsonNode root = JSON.readTree(text);
    assertThat(fieldNames(root)).containsExactly("scenario", "seed", "steps", "burnIn", "metrics", "privateShares", "extra");
    assertThat(root.get("seed").asLong()).isEqualTo(42);
    assertThat(root.get("steps").asInt()).isEqualTo(3);
    assertThat(root.get("burnIn").asInt()).isEqualTo(2);

    JsonNode metrics = root.get("metrics");
    List<String> expectedColumns = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (m != Metric.STEP && m != Metric.BURN_IN) {
        expectedColumns.add(m.column());
      }
    }
    assertThat(fieldNames(metrics)).containsExactlyElementsOf(expectedColumns);
    assertThat(fieldNames(metrics.get("output"))).containsExactly("final", "mean", "growthPerStep");
    assertThat(fieldNames(metrics.get("firms"))).containsExactly("final", "mean", "growthPerStep");
    assertThat(fieldNames(metrics.get("entries"))).containsExactly("final", "mean", "total");
    assertThat(fieldNames(metrics.get("alliances"))).containsExactly("final", "mean");
    assertThat(fieldNames(metrics.get("hhiTraditional"))).containsExactly("final", "mean");
    assertThat(metrics.get("firms").get("final").isIntegralNumber()).isTrue();
    assertThat(metrics.get("firms").get("final").asLong()).isEqualTo(40);
    assertThat(metrics.get("entries").get("total").isIntegralNumber()).isTrue();
    assertThat(metrics.get("entries").get("total").asLong()).isEqualTo(6);
    assertThat(metrics.get("entries").get("mean").asDouble()).isEqualTo(2.0);
    assertThat(metrics.get("productivity").get("growthPerStep").isNull()).isTrue();
    assertThat(metrics.get("output").get("growthPerStep").asDouble()).isCloseTo(0.1, within(1e-12));

    JsonNode shares = root.get("privateShares");
    assertThat(fieldNames(shares)).containsExactly("privateShareFirms", "privateShareOutput",
        "privateShareEmployment", "privateShareInnovation", "privateShareTax", "cumulativePrivateShareInnovation");
    assertThat(shares.get("cumulativePrivateShareInnovation").asDouble()).isCloseTo(0.7, within(1e-12));

    JsonNode extraNode = root.get("extra");
    assertThat(fieldNames(extraNode)).containsExactly("firmSizeQuantiles", "note");
    assertThat(fieldNames(extraNode.get("firmSizeQuantiles"))).containsExactly("p90", "p10", "p50");
    assertThat(extraNode.get("firmSizeQuantiles").get("p10").isIntegralNumber()).isTrue();
  }

  @Test
  void anUnorderedExtraMapIsWrittenWithSortedKeys() throws IOException {
    Map<String, Object> extra = new HashMap<>();
    for (String key : List.of("zeta", "alpha", "mu", "beta", "omega")) {
      extra.put(key, key.length());
    }
    JsonNode root = JSON.readTree(RunSummary.compute(handMade(), 2, "b", 1, extra).toJson());
    assertThat(fieldNames(root.get("extra"))).containsExactly("alpha", "beta", "mu", "omega", "zeta");
    assertThat(fieldNames(JSON.readTree(RunSummary.compute(handMade(), 2, "b", 1).toJson()).get("extra"))).isEmpty();
  }

  @Test
  void writingTwiceGivesIdenticalBytes() throws IOException {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    RunSummary.compute(TestSeries.sample(50, 10), 10, "baseline", 7).write(a);
    RunSummary.compute(TestSeries.sample(50, 10), 10, "baseline", 7).write(b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readString(a)).isEqualTo(RunSummary.compute(TestSeries.sample(50, 10), 10, "baseline", 7).toJson());
  }

  @Test
  void statisticsThatCannotBeComputedAreNull() throws IOException {
    TimeSeries noInnovations = TestSeries.of(3, 2, (i, m) -> m == Metric.OUTPUT ? 5.0 : 0.0);
    RunSummary s = RunSummary.compute(noInnovations, 2, "b", 1);
    assertThat(s.privateShares().cumulativeInnovation()).isEmpty();
    assertThat(s.stats(Metric.OUTPUT).growthPerStep()).as("one post-burn-in row").isEmpty();
    assertThat(s.stats(Metric.OUTPUT).mean().getAsDouble()).isEqualTo(5.0);
    JsonNode root = JSON.readTree(s.toJson());
    assertThat(root.get("privateShares").get("cumulativePrivateShareInnovation").isNull()).isTrue();

    TimeSeries onlyBurnIn = TestSeries.of(2, 5, (i, m) -> 1.0);
    RunSummary early = RunSummary.compute(onlyBurnIn, 5, "b", 1);
    assertThat(early.steps()).isZero();
    assertThat(early.stats(Metric.OUTPUT).mean()).isEmpty();
    assertThat(early.stats(Metric.OUTPUT).finalValue()).isEqualTo(1.0);
    assertThat(early.stats(Metric.ENTRIES).total().getAsDouble()).isZero();
  }

  @Test
  void inconsistentBurnInAndNonFiniteValuesAreRefused() {
    assertThatThrownBy(() -> RunSummary.compute(handMade(), 3, "b", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burn-in");
    TimeSeries gap = TestSeries.of(4, 0, (i, m) -> 0.0);
    TimeSeries reordered = new TimeSeries();
    for (int i = 0; i < gap.size(); i++) {
      double[] row = gap.row(i);
      row[Metric.BURN_IN.ordinal()] = i == 2 ? 1 : 0;
      reordered.add(row);
    }
    assertThatThrownBy(() -> RunSummary.compute(reordered, 1, "b", 1)).isInstanceOf(IllegalArgumentException.class);
    TimeSeries nan = TestSeries.of(3, 1, (i, m) -> m == Metric.TAX && i == 2 ? Double.NaN : 1.0);
    assertThatThrownBy(() -> RunSummary.compute(nan, 1, "b", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tax");
    assertThatThrownBy(() -> RunSummary.compute(new TimeSeries(), 0, "b", 1)).isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> badExtra = new LinkedHashMap<>();
    badExtra.put("x", Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> RunSummary.compute(handMade(), 2, "b", 1, badExtra))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra.x");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
