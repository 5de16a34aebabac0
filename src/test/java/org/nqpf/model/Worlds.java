package org.nqpf.model;

import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;
import sim.util.Double2D;

/** Small scenarios and hand-built worlds for the model's tests. */
final class Worlds {
  private Worlds() {}

  /** The default scenario with YAML overrides, e.g. {@code "innovation: {drawLow: 0.1}"}. */
  static Scenario scenario(String yaml) {
    return ScenarioLoader.parse(yaml, false);
  }

  /** A small but complete economy that runs in a fraction of a second. */
  static Scenario small(long seed, int steps) {
    return scenario("""
        name: small
        seed: %d
        steps: %d
        burnIn: 5
        firms: {count: 150}
        universities: {count: 3}
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
    Firm firm = model.addFirm(ownership, sector, at, technology, -1);
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

  /** Total money in the economy: firms', banks' and funds' cash, households and government. */
  static double money(EcosystemModel model) {
    double total = model.books().households() + model.books().government();
    for (Bank bank : model.banks()) {
      total += bank.getCash();
    }
    for (GuaranteeFund fund : model.funds()) {
      total += fund.getCapital();
    }
    for (Firm firm : model.firms()) {
      total += firm.getCash();
    }
    return total;
  }
}
