package org.nqpf.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

/** The GUI's windows open off the display on common screens, inside the screen. */
class WindowLayoutTest {
  /** The display window's size as MASON packs it (the region, the legend panel, tool and scroll bars). */
  private static final Dimension DISPLAY = new Dimension(987, 761);

  @Test
  void noWindowCoversTheDisplayOnScreensWideEnoughForTheDisplayAndTheConsole() {
    int[][] screens = {{1920, 1080}, {2560, 1440}, {3840, 2160}, {1680, 1050}, {1440, 900}, {1366, 768}, {1600, 900}};
    for (int[] size : screens) {
      Rectangle screen = new Rectangle(0, 0, size[0], size[1]);
      WindowLayout layout = WindowLayout.on(screen, DISPLAY, LiveCharts.SPECS.size());
      String on = size[0] + "x" + size[1];
      assertThat(layout.console().intersects(layout.display())).as("Console over the display on %s", on).isFalse();
      assertThat(layout.charts()).as(on).hasSize(LiveCharts.SPECS.size()).allSatisfy(chart -> {
        assertThat(chart.intersects(layout.display())).as("chart %s over the display on %s", chart, on).isFalse();
        assertThat(screen.contains(chart)).as("chart %s inside %s", chart, on).isTrue();
        assertThat(chart.width).isGreaterThanOrEqualTo(WindowLayout.MIN_CHART.width);
      });
      assertThat(screen.contains(layout.console())).as(on).isTrue();
      assertThat(layout.chartsShown()).as(on).isBetween(1, 2);
      if (layout.console().contains(layout.charts().get(0))) {
        assertThat(layout.chartsShown()).as("charts over the Console on %s: only the first", on).isEqualTo(1);
      }
      // the charts shown at start do not cover one another either
      if (layout.chartsShown() == 2) {
        assertThat(layout.charts().get(0).intersects(layout.charts().get(1))).as(on).isFalse();
      }
    }
  }

  @Test
  void theConsoleIsAsTallAsTheDisplayAndWideEnoughForItsInspectors() {
    WindowLayout layout = WindowLayout.on(new Rectangle(0, 0, 1920, 1080), DISPLAY, 9);
    assertThat(layout.display()).isEqualTo(new Rectangle(0, 0, DISPLAY.width, DISPLAY.height));
    assertThat(layout.console()).isEqualTo(new Rectangle(DISPLAY.width, 0, WindowLayout.CONSOLE_WIDTH, DISPLAY.height));
    // right of the Console: a column of two charts, shown, then the rest cascaded over them
    assertThat(layout.charts().get(0).x).isEqualTo(DISPLAY.width + WindowLayout.CONSOLE_WIDTH);
    assertThat(layout.chartsShown()).isEqualTo(2);
  }

  @Test
  void onAScreenTooNarrowForChartsBesideTheConsoleTheyGoBelowTheDisplayOrOverTheConsole() {
    WindowLayout below = WindowLayout.on(new Rectangle(0, 0, 1440, 1200), DISPLAY, 9);
    assertThat(below.charts()).allSatisfy(c -> assertThat(c.y).isGreaterThanOrEqualTo(DISPLAY.height));
    WindowLayout over = WindowLayout.on(new Rectangle(0, 0, 1366, 768), DISPLAY, 9);
    assertThat(over.charts()).allSatisfy(c -> assertThat(over.console().contains(c)).isTrue());
  }

  @Test
  void aScreenSmallerThanTheDisplayKeepsEveryWindowOnIt() {
    Rectangle screen = new Rectangle(0, 0, 1024, 600);
    WindowLayout layout = WindowLayout.on(screen, DISPLAY, 9);
    assertThat(screen.contains(layout.display())).isTrue();
    assertThat(screen.contains(layout.console())).isTrue();
    assertThat(layout.charts()).allSatisfy(c -> assertThat(screen.contains(c)).isTrue());
  }
}
