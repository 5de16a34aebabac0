package org.nqpf.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;

/**
 * A scenario scaled to another number of firms with everything else kept per firm: with
 * f = firms / the scenario's firms, the number of universities and of industrial parks and the
 * talent import quota are multiplied by f, and the region's width and height by √f, so that its
 * area grows with the firms and the density of firms, parks and campuses stays the baseline's.
 * Policy amounts, entry and the banks' and funds' capital are already per unit of the economy. At
 * f = 1 the scenario is unchanged.
 */
public final class ScaledEconomy {
  private ScaledEconomy() {
  }

  /** The scenario scaled to {@code firms} firms (and {@code burnIn} + {@code steps} steps). */
  public static Scenario of(Scenario base, int firms, int steps, int burnIn) {
    double f = firms / (double) base.firms().count();
    double side = StrictMath.sqrt(f);
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode tree = json.objectNode();
    tree.put("steps", steps);
    tree.put("burnIn", burnIn);
    tree.putObject("firms").put("count", firms);
    if (f != 1) {
      tree.putObject("universities").put("count", scaleCount(base.universities().count(), f));
      ObjectNode region = tree.putObject("region");
      region.put("width", base.region().width() * side);
      region.put("height", base.region().height() * side);
      region.put("industrialParks", Math.min(10_000, scaleCount(base.region().industrialParks(), f)));
      tree.putObject("policy").put("talentImportQuota", base.policy().talentImportQuota() * f);
    }
    return ScenarioLoader.bindOver(base, tree, "");
  }

  /** round(n · f), at least 1 when n is. */
  static int scaleCount(int n, double f) {
    return n == 0 ? 0 : (int) Math.max(1, Math.round(n * f));
  }

  /** One line describing the scaling of a scenario of {@code firms} firms. */
  public static String describe(Scenario scaled) {
    return String.format(java.util.Locale.ROOT, "%,d firms, %,d universities, %,d parks, region %.0f × %.0f, talent imports %.1f/step",
        scaled.firms().count(), scaled.universities().count(), scaled.region().industrialParks(), scaled.region().width(),
        scaled.region().height(), scaled.policy().talentImportQuota());
  }
}
