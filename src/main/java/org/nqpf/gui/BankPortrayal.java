package org.nqpf.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.nqpf.model.Bank;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;

/** A bank: the model gives banks no location, so the GUI puts them along the top edge (display only). */
final class BankPortrayal extends SimplePortrayal2D {
  private static final long serialVersionUID = 1L;

  private static Rectangle2D.Double box(DrawInfo2D info) {
    return new Rectangle2D.Double(info.draw.x - 18, info.draw.y - 7, 36, 14);
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    Rectangle2D.Double b = box(info);
    g.setColor(Palette.BANK);
    g.fill(b);
    g.setColor(Color.WHITE);
    g.setFont(g.getFont().deriveFont(Font.BOLD, 10f));
    g.drawString("Bank " + ((Bank) object).getId(), (float) b.x + 2, (float) b.y + 11);
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    return box(range).intersects(range.clip);
  }

  /** The bank's figures with their units, in a fixed order (see {@link Facts}). */
  @Override
  public Inspector getInspector(LocationWrapper wrapper, GUIState state) {
    return new SimpleInspector(Facts.of((Bank) wrapper.getObject()), state, "Properties");
  }

  @Override
  public String getName(LocationWrapper wrapper) {
    return "Bank " + ((Bank) wrapper.getObject()).getId();
  }
}
