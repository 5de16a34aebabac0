package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.function.Supplier;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;
import sim.util.Double2D;

/** Industrial parks as faint green discs of the park radius, painted under everything else. */
final class ParksPortrayal extends FieldPortrayal2D {
  private final Supplier<List<Double2D>> parks;
  private final double radius;
  private final double fieldWidth;
  private final double fieldHeight;

  ParksPortrayal(Supplier<List<Double2D>> parks, double radius, double fieldWidth, double fieldHeight) {
    this.parks = parks;
    this.radius = radius;
    this.fieldWidth = fieldWidth;
    this.fieldHeight = fieldHeight;
    setField(parks);
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    double sx = info.draw.width / fieldWidth;
    double sy = info.draw.height / fieldHeight;
    g.setStroke(new BasicStroke(1f));
    for (Double2D p : parks.get()) {
      double cx = info.draw.x + p.x * sx;
      double cy = info.draw.y + p.y * sy;
      Ellipse2D.Double disc = new Ellipse2D.Double(cx - radius * sx, cy - radius * sy, 2 * radius * sx, 2 * radius * sy);
      g.setColor(Palette.PARK_FILL);
      g.fill(disc);
      g.setColor(Palette.PARK_EDGE);
      g.draw(disc);
    }
  }

  @Override
  public Portrayal getDefaultPortrayal() {
    return new SimplePortrayal2D();
  }
}
