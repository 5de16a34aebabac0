package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.TalentTier;
import org.nqpf.model.University;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;
import sim.util.Double2D;

/**
 * Job-to-job moves of talent, drawn as transient arrows from the employer left to the employer
 * joining, for {@link #SHOWN_STEPS} steps, fading: purple for core researchers, gold for leading
 * scientists, orange for technicians and engineers; thicker for more people. The GUI hears of the
 * moves through the model's {@link org.nqpf.model.TalentMoveListener} (display only: listening
 * draws no random numbers and changes nothing).
 */
final class TalentMovesPortrayal extends FieldPortrayal2D {
  /** Steps a move stays visible. */
  static final int SHOWN_STEPS = 3;

  /** One batch of moves: from, to, tier, people, step. */
  record Move(Double2D from, Double2D to, TalentTier tier, int people, long step) {}

  private final EcosystemWithUI gui;
  private final List<Move> moves = new ArrayList<>();

  TalentMovesPortrayal(EcosystemWithUI gui) {
    this.gui = gui;
    setField(gui);
  }

  void forget() {
    synchronized (moves) {
      moves.clear();
    }
  }

  /** The listener's callback: remembers a batch (on the model's thread). */
  void moved(Object from, Object to, TalentTier tier, int people, long step) {
    Double2D a = location(from);
    Double2D b = location(to);
    if (a == null || b == null) {
      return;
    }
    synchronized (moves) {
      moves.add(new Move(a, b, tier, people, step));
    }
  }

  /** Called after every step: forgets the moves no longer shown. */
  void afterStep(EcosystemModel model) {
    long now = model.currentStep();
    synchronized (moves) {
      moves.removeIf(m -> now - 1 - m.step() >= SHOWN_STEPS);
    }
  }

  private static Double2D location(Object employer) {
    if (employer instanceof Firm f) {
      return f.getLocation();
    }
    if (employer instanceof University u) {
      return u.getCampus();
    }
    return null;
  }

  /** The moves shown now (for tests). */
  List<Move> moves() {
    synchronized (moves) {
      return List.copyOf(moves);
    }
  }

  static Color colour(TalentTier tier) {
    return switch (tier) {
      case LEADING -> new Color(220, 170, 0);
      case SKILLED -> Palette.DOWNSTAIRS;
      default -> Palette.UPSTAIRS;
    };
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    EcosystemModel model = gui.model();
    double sx = info.draw.width / model.scenario().region().width();
    double sy = info.draw.height / model.scenario().region().height();
    long now = model.currentStep();
    for (Move m : moves()) {
      double age = Math.max(0, now - 1 - m.step());
      int alpha = (int) Math.round(200 * (1 - age / SHOWN_STEPS));
      if (alpha <= 0) {
        continue;
      }
      Color c = colour(m.tier());
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
      g.setStroke(new BasicStroke((float) Math.min(3.5, 0.8 + 0.6 * Math.log1p(m.people()))));
      double x1 = info.draw.x + m.from().x * sx;
      double y1 = info.draw.y + m.from().y * sy;
      double x2 = info.draw.x + m.to().x * sx;
      double y2 = info.draw.y + m.to().y * sy;
      g.draw(new Line2D.Double(x1, y1, x2, y2));
      // an arrowhead at the employer joined
      double angle = Math.atan2(y2 - y1, x2 - x1);
      double head = 6;
      g.draw(new Line2D.Double(x2, y2, x2 - head * Math.cos(angle - 0.4), y2 - head * Math.sin(angle - 0.4)));
      g.draw(new Line2D.Double(x2, y2, x2 - head * Math.cos(angle + 0.4), y2 - head * Math.sin(angle + 0.4)));
    }
  }

  @Override
  public Portrayal getDefaultPortrayal() {
    return new SimplePortrayal2D();
  }
}
