package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleSupplier;
import org.nqpf.model.Firm;
import org.nqpf.model.Sector;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimplePortrayal2D;

/**
 * A firm: colour by ownership (private blue, SOE red), shape by sector (traditional circle,
 * strategic emerging square, future diamond), size by log(sales) relative to a reference firm;
 * a yellow ring marks AI adopters.
 */
final class FirmPortrayal extends SimplePortrayal2D {
  private static final long serialVersionUID = 1L;
  private final transient DoubleSupplier referenceSales;

  FirmPortrayal(DoubleSupplier referenceSales) {
    this.referenceSales = referenceSales;
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
