package org.nqpf.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.nqpf.config.PolicyConfig;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.Loan;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;

/**
 * The government centre and its direct links to firms. The model gives the government no place
 * in space: the GUI draws it at the bottom centre of the region (display only), with its main
 * levers under it, and lines to the firms that hold a special innovation loan (自主创新专项贷款,
 * dashed magenta) or an unspent incubation grant (dotted green).
 */
final class GovernmentPortrayal extends FieldPortrayal2D {
  private final EcosystemWithUI gui;

  GovernmentPortrayal(EcosystemWithUI gui) {
    this.gui = gui;
    setField(gui);
  }

  /** The government's display position in field coordinates: bottom centre of the region. */
  static double[] position(EcosystemModel model) {
    double w = model.scenario().region().width();
    double h = model.scenario().region().height();
    return new double[] {w / 2, h - 0.045 * h};
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    EcosystemModel model = gui.model();
    double w = model.scenario().region().width();
    double h = model.scenario().region().height();
    double sx = info.draw.width / w;
    double sy = info.draw.height / h;
    double[] p = position(model);
    double gx = info.draw.x + p[0] * sx;
    double gy = info.draw.y + p[1] * sy;

    BasicStroke special = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
    BasicStroke grant = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 3f}, 0f);
    for (Firm f : model.firms()) {
      boolean hasSpecial = false;
      for (Loan loan : f.getLoans()) {
        hasSpecial |= loan.isSpecial();
      }
      boolean hasGrant = f.getRdGrant() > 0;
      if (!hasSpecial && !hasGrant) {
        continue;
      }
      double fx = info.draw.x + f.getLocation().x * sx;
      double fy = info.draw.y + f.getLocation().y * sy;
      g.setColor(hasSpecial ? Palette.SPECIAL_LOAN : Palette.GRANT);
      g.setStroke(hasSpecial ? special : grant);
      g.draw(new Line2D.Double(gx, gy, fx, fy));
    }

    // the building: a pediment over columns
    double bw = 44;
    double bh = 18;
    Path2D.Double roof = new Path2D.Double();
    roof.moveTo(gx - bw / 2 - 4, gy - bh / 2);
    roof.lineTo(gx, gy - bh / 2 - 10);
    roof.lineTo(gx + bw / 2 + 4, gy - bh / 2);
    roof.closePath();
    g.setColor(Palette.GOVERNMENT);
    g.fill(roof);
    g.fill(new Rectangle2D.Double(gx - bw / 2, gy - bh / 2, bw, bh));
    g.setColor(Color.WHITE);
    for (int c = 0; c < 4; c++) {
      g.fill(new Rectangle2D.Double(gx - bw / 2 + 5 + c * 10, gy - bh / 2 + 3, 4, bh - 6));
    }
    PolicyConfig policy = model.policy() != null ? model.policy() : model.scenario().policy();
    String label = String.format(Locale.ROOT, "Government · tax %.0f%% · R&D subsidy %.0f%%",
        100 * policy.taxRate(), 100 * policy.rdSubsidyRate());
    g.setFont(g.getFont().deriveFont(Font.BOLD, 10f));
    int lw = g.getFontMetrics().stringWidth(label);
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new Rectangle2D.Double(gx - lw / 2.0 - 3, gy + bh / 2 + 1, lw + 6, 13));
    g.setColor(Palette.GOVERNMENT);
    g.drawString(label, (float) (gx - lw / 2.0), (float) (gy + bh / 2 + 11));
  }

  @Override
  public Portrayal getDefaultPortrayal() {
    return new SimplePortrayal2D();
  }
}
