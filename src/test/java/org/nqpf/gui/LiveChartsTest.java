package org.nqpf.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.nqpf.model.Metric;

/** The live charts name their series for people and mark the article's private shares. */
class LiveChartsTest {

  @Test
  void legendsNameTheSeriesForPeopleNotByTheirColumns() {
    LiveCharts charts = new LiveCharts();
    List<String> columns = new ArrayList<>();
    for (Metric m : Metric.values()) {
      columns.add(m.column());
    }
    for (int c = 0; c < LiveCharts.SPECS.size(); c++) {
      XYDataset data = charts.generators().get(c).getChart().getXYPlot().getDataset();
      assertThat(data.getSeriesCount()).isEqualTo(LiveCharts.SPECS.get(c).lines().size());
      for (int s = 0; s < data.getSeriesCount(); s++) {
        String name = data.getSeriesKey(s).toString();
        assertThat(columns).as("chart '%s'", LiveCharts.SPECS.get(c).title()).doesNotContain(name);
        assertThat(name).isEqualTo(LiveCharts.SPECS.get(c).lines().get(s).label());
      }
    }
    assertThat(charts.generators().get(0).getChart().getXYPlot().getDataset().getSeriesKey(0).toString()).isEqualTo("private firms");
  }

  @Test
  void thePrivateSharesChartDrawsTheArticlesThresholds() {
    LiveCharts charts = new LiveCharts();
    int shares = 1;
    assertThat(LiveCharts.SPECS.get(shares).metrics()).contains(Metric.PRIVATE_SHARE_FIRMS);
    XYPlot plot = charts.generators().get(shares).getChart().getXYPlot();
    Collection<?> markers = plot.getRangeMarkers(org.jfree.ui.Layer.FOREGROUND);
    List<String> drawn = new ArrayList<>();
    for (Object o : markers) {
      Marker m = (Marker) o;
      drawn.add(m.getLabel() + "@" + ((ValueMarker) m).getValue());
    }
    assertThat(drawn).containsExactlyInAnyOrder("firms 90%@0.9", "employment 80%@0.8", "innovation 70%@0.7",
        "output 60%@0.6", "tax 50%@0.5");
    // and no other chart has them
    assertThat(charts.generators().get(0).getChart().getXYPlot().getRangeMarkers(org.jfree.ui.Layer.FOREGROUND)).isNull();
  }
}
