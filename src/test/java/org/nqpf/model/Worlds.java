package org.nqpf.model;

import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import sim.util.Double2D;

/** Small scenarios and hand-built worlds for the model's tests. */
final class Worlds {
  private Worlds() {}

  /** The mechanisms a test does not name are switched to their stand-ins, to isolate the one under test. */
  private static final String[][] ISOLATED = {{"finance", "INTERNAL_FUNDS"}, {"talent", "FREE_HIRING"}, {"ai", "OFF"}};

  /**
   * The default scenario with YAML overrides, e.g. {@code "innovation: {drawLow: 0.1}"}. Credit,
   * talent and AI mechanisms that the overrides do not name in a {@code mechanisms: {...}} flow
   * mapping are switched off, so that a test exercises only what it names.
   */
  static Scenario scenario(String yaml) {
    int at = yaml.indexOf("mechanisms: {");
    StringBuilder missing = new StringBuilder();
    for (String[] mechanism : ISOLATED) {
      if (at < 0 || !yaml.substring(at, yaml.indexOf('}', at)).contains(mechanism[0] + ":")) {
        missing.append(missing.length() > 0 ? ", " : "").append(mechanism[0]).append(": ").append(mechanism[1]);
      }
    }
    String full;
    if (missing.length() == 0) {
      full = yaml;
    } else if (at < 0) {
      full = yaml + (yaml.isEmpty() || yaml.endsWith("\n") ? "" : "\n") + "mechanisms: {" + missing + "}\n";
    } else {
      int close = yaml.indexOf('}', at);
      full = yaml.substring(0, close) + ", " + missing + yaml.substring(close);
    }
    return ScenarioLoader.parse(full, false);
  }

  /** A small but complete economy, every mechanism on, that runs in a fraction of a second. */
  static Scenario small(long seed, int steps) {
    return scenario("""
        name: small
        seed: %d
        steps: %d
        burnIn: 5
        firms: {count: 150}
        universities: {count: 3}
        mechanisms: {finance: CREDIT, talent: MARKET, ai: DIFFUSION}
        """.formatted(seed, steps));
  }

  /** A started model with no agents but one park at the centre, ready for hand-placed agents. */
  static EcosystemModel empty(Scenario scenario) {
    EcosystemModel model = new EcosystemModel(scenario);
    model.startEmpty();
    model.addPark(new Double2D(scenario.region().width() / 2, scenario.region().height() / 2));
    return model;
  }

  /** Adds a firm with the given technology, market share, cash and sales. */
  static Firm firm(EcosystemModel model, Ownership ownership, Sector sector, Double2D at, double technology,
      double share, double cash, double sales) {
    Firm firm = model.population().addFirm(ownership, sector, at, technology, -1);
    firm.setMarketShare(share);
    firm.addCash(cash);
    firm.initialiseSales(sales);
    firm.setCapital(firm.getCapitalPerOutput() * sales);
    return firm;
  }

  /** Sets each sector's demand and fixes it as the wage index base. */
  static void demand(EcosystemModel model, double perSector) {
    for (Sector sector : Sector.values()) {
      model.setSectorDemand(sector, perSector);
    }
    model.fixBaseDemand();
  }

  /**
   * The sum of the absolute money balances {@link #money} adds up: the scale of its rounding error
   * (a sum of balances of 10^14 and −10^14 that should be 10^4 is exact only to about 10^-2).
   */
  static double moneyScale(EcosystemModel model) {
    return sumOfBalances(model, Math::abs);
  }

  /** Total money in the economy: firms', banks' and funds' cash, households and government. */
  static double money(EcosystemModel model) {
    return sumOfBalances(model, b -> b);
  }

  /** The sum of {@code f} of every money balance, in a fixed order. */
  private static double sumOfBalances(EcosystemModel model, java.util.function.DoubleUnaryOperator f) {
    double total = f.applyAsDouble(model.books().households()) + f.applyAsDouble(model.books().government())
        + f.applyAsDouble(model.books().goodsMarket());
    for (Bank bank : model.banks()) {
      total += f.applyAsDouble(bank.getCash());
    }
    for (GuaranteeFund fund : model.funds()) {
      total += f.applyAsDouble(fund.getCapital());
    }
    for (Firm firm : model.firms()) {
      total += f.applyAsDouble(firm.getCash());
    }
    return total;
  }
}
