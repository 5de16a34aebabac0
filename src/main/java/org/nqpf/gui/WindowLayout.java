package org.nqpf.gui;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the GUI's windows open on a screen: the region display at the top left, the Console to its
 * right, as tall as the display so that its inspectors show their properties, and the chart
 * windows in the space left over — right of the Console, else below the display, else over the
 * Console — so that no window opens over the display. Only a screen narrower than the display and
 * the narrowest Console puts the Console over the display's right edge.
 *
 * @param display the display window's bounds
 * @param console the Console's bounds
 * @param charts one bounds per chart window, in the order of {@link LiveCharts#SPECS}
 * @param chartsShown how many of the first charts to show at start: the first two if they fit
 *     side by side in the space left over, only the first if it has to go over the Console
 */
record WindowLayout(Rectangle display, Rectangle console, List<Rectangle> charts, int chartsShown) {
  /** The Console's width when the screen has room: wide enough for the inspectors' names and values. */
  static final int CONSOLE_WIDTH = 440;
  /** The narrowest Console that still shows its buttons and the inspectors' values. */
  static final int MIN_CONSOLE_WIDTH = 360;
  /** The Console's least height: the Model tab's sliders and figures without scrolling. */
  static final int CONSOLE_HEIGHT = 720;
  /** A chart window's size when the screen has room. */
  static final Dimension CHART = new Dimension(640, 460);
  /** Height of a chart window's tool bar and title bar above the chart, in pixels. */
  static final int CHART_TOOL_BAR = 36;
  /** The smallest chart window worth placing in the space left over. */
  static final Dimension MIN_CHART = new Dimension(360, 260);
  /** How far each further chart window in a column is shifted, so that their title bars stay visible. */
  static final int CASCADE = 28;

  /** The layout of the display ({@code displaySize}), the Console and {@code charts} chart windows on {@code screen}. */
  static WindowLayout on(Rectangle screen, Dimension displaySize, int charts) {
    Rectangle display = new Rectangle(screen.x, screen.y, Math.min(displaySize.width, screen.width),
        Math.min(displaySize.height, screen.height));
    int right = screen.x + screen.width;
    int bottom = screen.y + screen.height;
    int consoleWidth = Math.max(MIN_CONSOLE_WIDTH, Math.min(CONSOLE_WIDTH, right - display.x - display.width));
    int consoleX = Math.max(screen.x, Math.min(display.x + display.width, right - consoleWidth));
    int consoleHeight = Math.min(screen.height, Math.max(display.height, CONSOLE_HEIGHT));
    Rectangle console = new Rectangle(consoleX, screen.y, Math.min(consoleWidth, screen.width), consoleHeight);

    // the free area for the charts: right of the Console, else below the display, else the Console's column
    Rectangle free;
    boolean overConsole = false;
    if (right - (console.x + console.width) >= MIN_CHART.width) {
      free = new Rectangle(console.x + console.width, screen.y, right - console.x - console.width, screen.height);
    } else if (bottom - (display.y + display.height) >= MIN_CHART.height) {
      free = new Rectangle(screen.x, display.y + display.height, console.x - screen.x, bottom - display.y - display.height);
    } else {
      free = new Rectangle(console);
      overConsole = true;
    }
    int w = Math.min(CHART.width, free.width);
    // MASON draws a chart 1.5 times as wide as high, under a tool bar: a taller window shows grey below it
    int h = Math.min(Math.min(CHART.height, w * 2 / 3 + CHART_TOOL_BAR), free.height);
    boolean column = free.height >= free.width;
    int slots = Math.max(1, column ? free.height / h : free.width / w);
    List<Rectangle> bounds = new ArrayList<>();
    for (int i = 0; i < charts; i++) {
      int slot = i % slots;
      int shift = (i / slots) * CASCADE;
      int x = column ? free.x + shift : free.x + slot * w + shift;
      int y = column ? free.y + slot * h + shift : free.y + shift;
      x = Math.max(free.x, Math.min(x, free.x + free.width - w));
      y = Math.max(free.y, Math.min(y, free.y + free.height - h));
      bounds.add(new Rectangle(x, y, w, h));
    }
    // beside or below the display, the first two charts if they fit; over the Console, only the first
    int shown = Math.min(charts, overConsole ? 1 : Math.min(2, slots));
    return new WindowLayout(display, console, List.copyOf(bounds), shown);
  }
}
