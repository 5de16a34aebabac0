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
import org.nqpf.model.Sector;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;

/**
 * The legend and the step label, painted in screen coordinates at the top left of the visible
 * area, on top of the other layers (it is attached last). A layer like the others: it can be hidden
 * from the display's layer menu.
 */
final class OverlayPortrayal extends FieldPortrayal2D {
  private final EcosystemWithUI gui;

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

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
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

    double lx = x0;
    double ly = y0 + 24;
    int rows = 11;
    double lw = 178;
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
    swatch(g, new Rectangle2D.Double(ix - 6, y + 2, 12, 11), Palette.PARK_EDGE, "industrial park", tx, y, rowH);
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
