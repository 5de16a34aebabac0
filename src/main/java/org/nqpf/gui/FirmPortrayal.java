package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.nqpf.model.Firm;
import org.nqpf.model.Sector;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;

/**
 * A firm: colour by ownership (private blue, SOE red), shape by sector (traditional circle,
 * strategic emerging square, future diamond), size by log(sales) relative to a reference firm;
 * a yellow ring marks AI adopters. A firm founded during the run wears a halo for its first
 * {@link #NEWBORN_STEPS} steps, fading: green for a start-up, purple for a university spin-off.
 */
final class FirmPortrayal extends SimplePortrayal2D {
  private static final long serialVersionUID = 1L;
  /** Steps a newborn firm's halo stays visible. */
  static final int NEWBORN_STEPS = 8;

  private final transient DoubleSupplier referenceSales;
  private final transient LongSupplier now;
  /** Largest radius, in pixels, drawn from a cached image; larger firms (zoomed in) are clamped to it. */
  private static final int MAX_SPRITE_RADIUS = 40;
  /** Cached firm images, by sector, ownership and radius (display only, never saved). */
  private transient BufferedImage[] sprites;

  FirmPortrayal(DoubleSupplier referenceSales, LongSupplier now) {
    this.referenceSales = referenceSales;
    this.now = now;
  }

  /** Whether the firm was founded during the run less than {@link #NEWBORN_STEPS} steps ago. */
  boolean isNewborn(Firm firm) {
    return firm.getBorn() > 0 && now.getAsLong() - firm.getBorn() < NEWBORN_STEPS;
  }

  /** Half-size in field units: 0.3 for a tiny firm, about 0.6 for the mean firm, growing with log sales. */
  double radius(Firm firm) {
    double ref = Math.max(1e-9, referenceSales.getAsDouble());
    double r = 0.3 + 0.45 * Math.log1p(Math.max(0, firm.getSales()) / ref);
    return Math.min(r, 1.8);
  }

  static Shape shape(Sector sector, double cx, double cy, double r) {
    switch (sector) {
      case STRATEGIC_EMERGING:
        return new Rectangle2D.Double(cx - r * 0.85, cy - r * 0.85, 1.7 * r, 1.7 * r);
      case FUTURE: {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(cx, cy - r * 1.15);
        d.lineTo(cx + r * 1.15, cy);
        d.lineTo(cx, cy + r * 1.15);
        d.lineTo(cx - r * 1.15, cy);
        d.closePath();
        return d;
      }
      default:
        return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    }
  }

  private Shape shapeOn(Firm firm, DrawInfo2D info) {
    return shape(firm.getSector(), info.draw.x, info.draw.y, radiusOn(firm, info));
  }

  /** The firm's radius in pixels at the display's scale. */
  private double radiusOn(Firm firm, DrawInfo2D info) {
    return Math.max(1.5, radius(firm) * Math.max(info.draw.width, 1e-9));
  }

  /**
   * Draws the firm's body from a small cached image per sector, ownership and whole-pixel radius:
   * a thousand or more firms are drawn every step, and an image blit costs a fraction of
   * rasterising a shape (which would hold the model back).
   */
  private void blit(Graphics2D g, Firm firm, double cx, double cy, double r) {
    int radius = (int) Math.max(2, Math.min(MAX_SPRITE_RADIUS, Math.round(r)));
    int key = (firm.getSector().ordinal() * 2 + firm.getOwnership().ordinal()) * (MAX_SPRITE_RADIUS + 1) + radius;
    if (sprites == null) {
      sprites = new BufferedImage[Sector.values().length * 2 * (MAX_SPRITE_RADIUS + 1)];
    }
    BufferedImage sprite = sprites[key];
    if (sprite == null) {
      sprite = sprite(firm.getSector(), Palette.of(firm.getOwnership()), radius);
      sprites[key] = sprite;
    }
    int half = sprite.getWidth() / 2;
    g.drawImage(sprite, (int) Math.round(cx) - half, (int) Math.round(cy) - half, null);
  }

  private static BufferedImage sprite(Sector sector, Color colour, int radius) {
    int size = 2 * (int) Math.ceil(radius * 1.2) + 3;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 210));
    g.fill(shape(sector, size / 2.0, size / 2.0, radius));
    g.dispose();
    return image;
  }

  @Override
  public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
    Firm firm = (Firm) object;
    double radius = radiusOn(firm, info);
    // The outline shape only for the firms that get a halo, a ring or a selection mark.
    boolean outlined = isNewborn(firm) || firm.isAiAdopter() || info.selected;
    Shape s = outlined ? shape(firm.getSector(), info.draw.x, info.draw.y, radius) : null;
    if (isNewborn(firm)) {
      double age = now.getAsLong() - firm.getBorn();
      int alpha = (int) Math.round(230 * (1 - age / (NEWBORN_STEPS + 1)));
      Color halo = firm.getParentUniversity() >= 0 ? Palette.SPIN_OFF : Palette.STARTUP;
      double r = s.getBounds2D().getWidth() / 2 + 3;
      graphics.setStroke(new BasicStroke(2f));
      graphics.setColor(new Color(halo.getRed(), halo.getGreen(), halo.getBlue(), Math.max(0, alpha)));
      graphics.draw(new Ellipse2D.Double(info.draw.x - r, info.draw.y - r, 2 * r, 2 * r));
    }
    blit(graphics, firm, info.draw.x, info.draw.y, radius);
    if (firm.isAiAdopter()) {
      graphics.setStroke(new BasicStroke(1f));
      graphics.setColor(Palette.AI_RING);
      graphics.draw(s);
    }
    if (info.selected) {
      graphics.setStroke(new BasicStroke(2f));
      graphics.setColor(Color.BLACK);
      graphics.draw(s);
    }
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    return shapeOn((Firm) object, range).intersects(range.clip);
  }

  /** The firm's figures with their units, in a fixed order (see {@link Facts}). */
  @Override
  public Inspector getInspector(LocationWrapper wrapper, GUIState state) {
    return new SimpleInspector(Facts.of((Firm) wrapper.getObject()), state, "Properties");
  }

  @Override
  public String getName(LocationWrapper wrapper) {
    Firm firm = (Firm) wrapper.getObject();
    return "Firm " + firm.getId() + " (" + firm.getOwnership() + ", " + firm.getSector() + ")";
  }
}
