package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.nqpf.model.Firm;
import org.nqpf.model.Sector;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.LocationWrapper;
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
    double scale = Math.max(info.draw.width, 1e-9);
    double r = Math.max(1.5, radius(firm) * scale);
    return shape(firm.getSector(), info.draw.x, info.draw.y, r);
  }

  @Override
  public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
    Firm firm = (Firm) object;
    Shape s = shapeOn(firm, info);
    if (isNewborn(firm)) {
      double age = now.getAsLong() - firm.getBorn();
      int alpha = (int) Math.round(230 * (1 - age / (NEWBORN_STEPS + 1)));
      Color halo = firm.getParentUniversity() >= 0 ? Palette.SPIN_OFF : Palette.STARTUP;
      double r = s.getBounds2D().getWidth() / 2 + 3;
      graphics.setStroke(new BasicStroke(2f));
      graphics.setColor(new Color(halo.getRed(), halo.getGreen(), halo.getBlue(), Math.max(0, alpha)));
      graphics.draw(new Ellipse2D.Double(info.draw.x - r, info.draw.y - r, 2 * r, 2 * r));
    }
    Color c = Palette.of(firm.getOwnership());
    graphics.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 200));
    graphics.fill(s);
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

  @Override
  public String getName(LocationWrapper wrapper) {
    Firm firm = (Firm) wrapper.getObject();
    return "Firm " + firm.getId() + " (" + firm.getOwnership() + ", " + firm.getSector() + ")";
  }
}
