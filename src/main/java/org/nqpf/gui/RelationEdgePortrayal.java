package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.EnumSet;
import java.util.Set;
import org.nqpf.model.Relation;
import sim.field.network.Edge;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.LocationWrapper;
import sim.portrayal.network.EdgeDrawInfo2D;
import sim.portrayal.network.SimpleEdgePortrayal2D;

/**
 * Draws only the edges whose {@link Relation} is of the given types, so that alliances and loans
 * are separate layers over the same network: alliances green (spin-offs purple), loans thin grey,
 * guaranteed loans orange and dashed.
 */
final class RelationEdgePortrayal extends SimpleEdgePortrayal2D {
  private static final long serialVersionUID = 1L;
  private final Set<Relation.Type> types;

  RelationEdgePortrayal(Set<Relation.Type> types) {
    this.types = EnumSet.copyOf(types);
  }

  private Relation relation(Object object) {
    if (object instanceof Edge edge && edge.info instanceof Relation r && types.contains(r.type())) {
      return r;
    }
    return null;
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    Relation r = relation(object);
    if (r == null || !(info instanceof EdgeDrawInfo2D e)) {
      return;
    }
    Line2D.Double line = new Line2D.Double(e.draw.x, e.draw.y, e.secondPoint.x, e.secondPoint.y);
    switch (r.type()) {
      case ALLIANCE -> {
        g.setColor(Palette.ALLIANCE);
        g.setStroke(new BasicStroke((float) Math.min(3.0, 0.8 + 0.25 * Math.log1p(r.weight()))));
      }
      case SPIN_OFF -> {
        g.setColor(Palette.SPIN_OFF);
        g.setStroke(new BasicStroke(1.2f));
      }
      case LOAN -> {
        if (r.guaranteed()) {
          g.setColor(Palette.LOAN_GUARANTEED);
          g.setStroke(OverlayPortrayal.dashed(1.1f));
        } else {
          g.setColor(Palette.LOAN);
          g.setStroke(new BasicStroke(0.7f));
        }
      }
      default -> {
        return;
      }
    }
    g.draw(line);
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    return relation(object) != null && super.hitObject(object, range);
  }

  @Override
  public String getName(LocationWrapper wrapper) {
    Relation r = relation(wrapper.getObject());
    return r == null ? "edge" : r.type() + " since step " + r.since();
  }
}
