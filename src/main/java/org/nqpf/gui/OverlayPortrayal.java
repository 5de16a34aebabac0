package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import org.nqpf.model.Sector;
import org.nqpf.model.TimeSeries;
import sim.display.Console;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;

/**
 * The step label, the legend and the figures of the last step, painted in the panel left of the
 * region (the display attaches this layer to that panel, so it covers nothing of the region). A
 * layer like the others: it can be hidden from the display's layer menu.
 */
final class OverlayPortrayal extends FieldPortrayal2D {
  private final EcosystemWithUI gui;
  /** How often the display has been painted (for the GUI's speed measurement). */
  private final java.util.concurrent.atomic.AtomicLong paints = new java.util.concurrent.atomic.AtomicLong();

  OverlayPortrayal(EcosystemWithUI gui) {
    this.gui = gui;
    setField(gui);
  }

  static String stepLabel(EcosystemModel model) {
    long step = model.currentStep();
    int burnIn = model.scenario().burnIn();
    String phase = step < burnIn ? " (burn-in)" : "";
    long quarter = Math.max(0, step - burnIn);
    return String.format(Locale.ROOT, "step %d%s  ·  year %d Q%d  ·  firms %d", step, phase, quarter / 4, quarter % 4 + 1,
        model.firms().size());
  }

  /**
   * The speed readout under the step label: the Console's own steps per second (MASON measures
   * them over half a second of wall time while it plays), or what the Console is doing; null
   * without a Console (the tests' displays), so that a picture does not depend on the clock.
   */
  static String speedLabel(EcosystemWithUI gui) {
    if (!(gui.controller instanceof Console console)) {
      return null;
    }
    return switch (console.getPlayState()) {
      case Console.PS_PLAYING -> console.getStepsPerSecond() > 0
          ? String.format(Locale.ROOT, "playing at %.1f steps per second", console.getStepsPerSecond()) : "playing";
      case Console.PS_PAUSED -> "paused";
      default -> "stopped";
    };
  }

  long paints() {
    return paints.get();
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    paints.incrementAndGet();
    EcosystemModel model = gui.model();
    double x0 = Math.max(info.clip.x, info.draw.x) + 6;
    double y0 = Math.max(info.clip.y, info.draw.y) + 6;
    Font base = g.getFont().deriveFont(Font.PLAIN, 11f);
    g.setFont(base.deriveFont(Font.BOLD, 12f));
    String step = stepLabel(model);
    int sw = g.getFontMetrics().stringWidth(step);
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new Rectangle2D.Double(x0, y0, sw + 10, 18));
    g.setColor(Color.BLACK);
    g.drawString(step, (float) x0 + 5, (float) y0 + 13);
    double ly = y0 + 24;
    String speed = speedLabel(gui);
    if (speed != null) {
      g.setFont(base);
      g.setColor(new Color(255, 255, 255, 215));
      g.fill(new Rectangle2D.Double(x0, y0 + 19, g.getFontMetrics().stringWidth(speed) + 10, 15));
      g.setColor(Color.DARK_GRAY);
      g.drawString(speed, (float) x0 + 5, (float) y0 + 30);
      ly += 16;
    }

    double lx = x0;
    int rows = 19;
    double lw = EcosystemWithUI.PANEL_WIDTH - 14;
    double rowH = 15;
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new Rectangle2D.Double(lx, ly, lw, rows * rowH + 8));
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(0.8f));
    g.draw(new Rectangle2D.Double(lx, ly, lw, rows * rowH + 8));
    g.setFont(base);
    double y = ly + 4;
    double ix = lx + 12;
    double tx = lx + 26;
    y = swatch(g, FirmPortrayal.shape(Sector.TRADITIONAL, ix, y + rowH / 2, 5), Palette.PRIVATE, "private firm", tx, y, rowH);
    y = swatch(g, FirmPortrayal.shape(Sector.TRADITIONAL, ix, y + rowH / 2, 5), Palette.SOE, "state-owned (SOE)", tx, y, rowH);
    y = swatch(g, FirmPortrayal.shape(Sector.TRADITIONAL, ix, y + rowH / 2, 5), Color.GRAY, "traditional (size = log sales)", tx, y, rowH);
    y = swatch(g, FirmPortrayal.shape(Sector.STRATEGIC_EMERGING, ix, y + rowH / 2, 5), Color.GRAY, "strategic emerging", tx, y, rowH);
    y = swatch(g, FirmPortrayal.shape(Sector.FUTURE, ix, y + rowH / 2, 5), Color.GRAY, "future industry", tx, y, rowH);
    Shape ring = FirmPortrayal.shape(Sector.TRADITIONAL, ix, y + rowH / 2, 5);
    g.setColor(Color.LIGHT_GRAY);
    g.fill(ring);
    g.setColor(Palette.AI_RING);
    g.setStroke(new BasicStroke(1.5f));
    g.draw(ring);
    g.setColor(Color.BLACK);
    g.drawString("AI adopter (yellow rim)", (float) tx, (float) (y + rowH - 4));
    y += rowH;
    y = swatch(g, new Rectangle2D.Double(ix - 7, y + 2, 14, 5.5), Palette.UPSTAIRS, "university upstairs: research", tx, y, rowH);
    y = swatch(g, new Rectangle2D.Double(ix - 7, y + 4, 14, 5.5), Palette.DOWNSTAIRS, "downstairs: pilot conversion", tx, y, rowH);
    y = line(g, Palette.ALLIANCE, new BasicStroke(1.5f), "alliance; spin-off purple", ix, tx, y, rowH);
    y = line(g, Palette.LOAN_GUARANTEED, dashed(1.5f), "loan; guaranteed: dashed", ix, tx, y, rowH);
    y = line(g, Palette.SPECIAL_LOAN, dashed(1.5f), "special innovation loan (gov.)", ix, tx, y, rowH);
    y = line(g, Palette.GRANT, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 3f}, 0f),
        "incubation grant (gov.)", ix, tx, y, rowH);
    y = line(g, TalentMovesPortrayal.colour(org.nqpf.model.TalentTier.CORE), new BasicStroke(1.5f),
        "talent move (gold: leading, orange: skilled)", ix, tx, y, rowH);
    y = ring(g, Palette.STARTUP, "new start-up (fading halo)", ix, tx, y, rowH);
    y = ring(g, Palette.SPIN_OFF, "new university spin-off", ix, tx, y, rowH);
    g.setColor(Palette.EXIT);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(ix - 4, y + rowH / 2 - 4, ix + 4, y + rowH / 2 + 4));
    g.draw(new Line2D.Double(ix - 4, y + rowH / 2 + 4, ix + 4, y + rowH / 2 - 4));
    g.setColor(Color.BLACK);
    g.drawString("exit (fades out)", (float) tx, (float) (y + rowH - 4));
    y += rowH;
    y = swatch(g, new Rectangle2D.Double(ix - 7, y + 3, 14, 9), Palette.GOVERNMENT, "government (display position)", tx, y, rowH);
    swatch(g, new Rectangle2D.Double(ix - 6, y + 2, 12, 11), Palette.PARK_EDGE, "industrial park", tx, y, rowH);

    figures(g, model, lx, ly + rows * rowH + 18, lw, base);
  }

  /** The last step's headline figures, under the legend. */
  private static void figures(Graphics2D g, EcosystemModel model, double x, double y, double w, Font base) {
    TimeSeries s = model.series();
    if (s == null || s.size() == 0) {
      return;
    }
    int last = s.size() - 1;
    String[] lines = {
        "Last step",
        String.format(Locale.ROOT, "innovations %.0f (private %.0f, SOE %.0f)", s.get(last, Metric.INNOVATIONS),
            s.get(last, Metric.INNOVATIONS_PRIVATE), s.get(last, Metric.INNOVATIONS_SOE)),
        String.format(Locale.ROOT, "  converted downstairs %.0f, spin-offs %.0f", s.get(last, Metric.INNOVATIONS_CONVERTED),
            s.get(last, Metric.SPIN_OFFS)),
        String.format(Locale.ROOT, "entries %.0f, exits %.0f", s.get(last, Metric.ENTRIES), s.get(last, Metric.EXITS)),
        String.format(Locale.ROOT, "private share: firms %.0f%%, output %.0f%%", 100 * s.get(last, Metric.PRIVATE_SHARE_FIRMS),
            100 * s.get(last, Metric.PRIVATE_SHARE_OUTPUT)),
        String.format(Locale.ROOT, "  innovation %.0f%%, tax %.0f%%", 100 * s.get(last, Metric.PRIVATE_SHARE_INNOVATION),
            100 * s.get(last, Metric.PRIVATE_SHARE_TAX)),
        String.format(Locale.ROOT, "SMEs rationed %.0f%%, AI adopters %.0f%%", 100 * s.get(last, Metric.SME_RATIONED_SHARE),
            100 * s.get(last, Metric.AI_ADOPTION_SHARE)),
    };
    double rowH = 15;
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new Rectangle2D.Double(x, y, w, lines.length * rowH + 8));
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(0.8f));
    g.draw(new Rectangle2D.Double(x, y, w, lines.length * rowH + 8));
    for (int i = 0; i < lines.length; i++) {
      g.setFont(i == 0 ? base.deriveFont(Font.BOLD) : base);
      g.setColor(Color.BLACK);
      g.drawString(lines[i], (float) x + 6, (float) (y + 4 + (i + 1) * rowH - 4));
    }
  }

  private static double ring(Graphics2D g, Color c, String text, double ix, double tx, double y, double rowH) {
    g.setColor(Color.LIGHT_GRAY);
    g.fill(FirmPortrayal.shape(Sector.TRADITIONAL, ix, y + rowH / 2, 3.5));
    g.setColor(c);
    g.setStroke(new BasicStroke(2f));
    g.draw(new java.awt.geom.Ellipse2D.Double(ix - 6, y + rowH / 2 - 6, 12, 12));
    g.setColor(Color.BLACK);
    g.drawString(text, (float) tx, (float) (y + rowH - 4));
    return y + rowH;
  }

  static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f);
  }

  private static double swatch(Graphics2D g, Shape s, Color c, String text, double tx, double y, double rowH) {
    g.setColor(c);
    g.fill(s);
    g.setColor(Color.BLACK);
    g.drawString(text, (float) tx, (float) (y + rowH - 4));
    return y + rowH;
  }

  private static double line(Graphics2D g, Color c, Stroke stroke, String text, double ix, double tx, double y, double rowH) {
    g.setColor(c);
    g.setStroke(stroke);
    g.draw(new Line2D.Double(ix - 8, y + rowH / 2, ix + 8, y + rowH / 2));
    g.setColor(Color.BLACK);
    g.drawString(text, (float) tx, (float) (y + rowH - 4));
    return y + rowH;
  }

  @Override
  public Portrayal getDefaultPortrayal() {
    return new SimplePortrayal2D();
  }
}
