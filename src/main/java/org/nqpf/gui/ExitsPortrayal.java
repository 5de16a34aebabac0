package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.Sector;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;

/**
 * Firms that exited in the last {@link #FADE_STEPS} steps, drawn where they were as grey crossed
 * outlines that fade out. The model drops exited firms at once; the GUI remembers them (display
 * only) by comparing the firms alive before and after each step.
 */
final class ExitsPortrayal extends FieldPortrayal2D {
  /** Steps an exit stays visible. */
  static final int FADE_STEPS = 8;

  /** An exited firm: where it was, its sector and the step of its exit. */
  record Ghost(double x, double y, Sector sector, long exitStep) {}

  private final EcosystemWithUI gui;
  private final List<Ghost> ghosts = new ArrayList<>();
  private List<Firm> before = List.of();
  private boolean shown = true;

  ExitsPortrayal(EcosystemWithUI gui) {
    this.gui = gui;
    setField(gui);
  }

  /** Forgets everything (a new run or a loaded checkpoint). */
  void reset(EcosystemModel model) {
    ghosts.clear();
    before = new ArrayList<>(model.firms());
  }

  /** Called after every step: remembers the firms that exited in it and forgets old exits. */
  void afterStep(EcosystemModel model) {
    long now = model.currentStep();
    for (Firm f : before) {
      if (!f.isAlive()) {
        ghosts.add(new Ghost(f.getLocation().x, f.getLocation().y, f.getSector(), f.getExitStep()));
      }
    }
    ghosts.removeIf(g -> now - g.exitStep() > FADE_STEPS);
    before = new ArrayList<>(model.firms());
  }

  /** Shows or hides the marks (the memory is kept either way). */
  void setShown(boolean shown) {
    this.shown = shown;
  }

  /** The exits shown now. */
  List<Ghost> ghosts() {
    return List.copyOf(ghosts);
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    if (!shown) {
      return;
    }
    EcosystemModel model = gui.model();
    double sx = info.draw.width / model.scenario().region().width();
    double sy = info.draw.height / model.scenario().region().height();
    long now = model.currentStep();
    g.setStroke(new BasicStroke(1f));
    for (Ghost ghost : ghosts) {
      double age = Math.max(0, now - ghost.exitStep());
      int alpha = (int) Math.round(200 * (1 - age / (FADE_STEPS + 1)));
      if (alpha <= 0) {
        continue;
      }
      double x = info.draw.x + ghost.x() * sx;
      double y = info.draw.y + ghost.y() * sy;
      double r = 4;
      Shape s = FirmPortrayal.shape(ghost.sector(), x, y, r);
      g.setColor(new Color(90, 90, 90, alpha));
      g.draw(s);
      g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
      g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
    }
  }

  @Override
  public Portrayal getDefaultPortrayal() {
    return new SimplePortrayal2D();
  }
}
