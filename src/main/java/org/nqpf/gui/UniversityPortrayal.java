package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.nqpf.model.University;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;

/**
 * A university as a two-floor building centred on its campus: the upper floor (purple) is
 * "upstairs" research with its researcher count, the lower floor (orange) "downstairs" pilot
 * conversion with its engineer count and the length of its invention queue. A dashed orange circle
 * is the downstairs zone where spin-offs settle.
 */
final class UniversityPortrayal extends SimplePortrayal2D {
  private static final long serialVersionUID = 1L;
  /** Building size in field units. */
  static final double WIDTH = 6.0;
  static final double FLOOR = 1.9;
  private final double downstairsRadius;

  UniversityPortrayal(double downstairsRadius) {
    this.downstairsRadius = downstairsRadius;
  }

  private Rectangle2D.Double building(DrawInfo2D info) {
    double s = info.draw.width;
    double w = Math.max(44, WIDTH * s);
    double h = Math.max(12, FLOOR * s);
    return new Rectangle2D.Double(info.draw.x - w / 2, info.draw.y - h, w, 2 * h);
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    University u = (University) object;
    double s = info.draw.width;
    double zr = downstairsRadius * s;
    g.setColor(Palette.DOWNSTAIRS_ZONE);
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    g.draw(new Ellipse2D.Double(info.draw.x - zr, info.draw.y - zr, 2 * zr, 2 * zr));

    Rectangle2D.Double b = building(info);
    double h = b.height / 2;
    Rectangle2D.Double up = new Rectangle2D.Double(b.x, b.y, b.width, h);
    Rectangle2D.Double down = new Rectangle2D.Double(b.x, b.y + h, b.width, h);
    g.setColor(Palette.UPSTAIRS);
    g.fill(up);
    g.setColor(Palette.DOWNSTAIRS);
    g.fill(down);
    g.setStroke(new BasicStroke(info.selected ? 2.5f : 1.2f));
    g.setColor(Color.BLACK);
    g.draw(up);
    g.draw(down);
    // a roof, so that it reads as a building
    int[] xs = {(int) b.x, (int) (b.x + b.width / 2), (int) (b.x + b.width)};
    int[] ys = {(int) b.y, (int) (b.y - h * 0.45), (int) b.y};
    g.setColor(new Color(90, 90, 90));
    g.fillPolygon(xs, ys, 3);

    float fontSize = (float) Math.max(8, Math.min(11, h * 0.7));
    g.setFont(g.getFont().deriveFont(Font.BOLD, fontSize));
    String upper = "up " + u.getUpstairsResearchers();
    String lower = "down " + u.getDownstairsEngineers();
    g.setColor(Color.WHITE);
    g.drawString(upper, (float) (b.x + (b.width - g.getFontMetrics().stringWidth(upper)) / 2),
        (float) (b.y + h * 0.5 + fontSize * 0.35));
    g.setColor(Color.BLACK);
    g.drawString(lower, (float) (b.x + (b.width - g.getFontMetrics().stringWidth(lower)) / 2),
        (float) (b.y + h * 1.5 + fontSize * 0.35));
    String name = "Univ " + u.getId() + "  queue " + u.getQueueLength();
    g.setFont(g.getFont().deriveFont(Font.BOLD, 10f));
    float nx = (float) (info.draw.x - g.getFontMetrics().stringWidth(name) / 2.0);
    float ny = (float) (b.y + b.height + 12);
    g.setColor(new Color(255, 255, 255, 200));
    g.fillRect((int) nx - 2, (int) ny - 10, g.getFontMetrics().stringWidth(name) + 4, 13);
    g.setColor(Color.BLACK);
    g.drawString(name, nx, ny);
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    return building(range).intersects(range.clip);
  }

  /** The university's figures with their units, in a fixed order (see {@link Facts}). */
  @Override
  public Inspector getInspector(LocationWrapper wrapper, GUIState state) {
    return new SimpleInspector(Facts.of((University) wrapper.getObject()), state, "Properties");
  }

  @Override
  public String getName(LocationWrapper wrapper) {
    return "University " + ((University) wrapper.getObject()).getId();
  }
}
