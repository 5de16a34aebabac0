package org.nqpf.model;

import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.FirmsConfig;
import org.nqpf.config.RegionConfig;
import org.nqpf.config.Scenario;
import org.nqpf.config.UniversitiesConfig;
import sim.util.Double2D;

/**
 * Initialisation (MODEL.md §6): parks and campuses placed at random in the region; firms placed
 * in parks or near campuses with lognormal sizes and productivities; sector demand set to the
 * initial firms' sales, and market shares to their part of it; universities' first partners are
 * their nearest firms.
 */
final class WorldBuilder {
  private final EcosystemModel model;
  private final Scenario scenario;

  WorldBuilder(EcosystemModel model) {
    this.model = model;
    this.scenario = model.scenario();
  }

  void build() {
    RegionConfig region = scenario.region();
    double margin = Math.max(region.parkRadius(), 2 * region.downstairsRadius());
    for (int i = 0; i < region.industrialParks(); i++) {
      model.addPark(randomPoint(margin));
    }
    UniversitiesConfig uc = scenario.universities();
    for (int i = 0; i < uc.count(); i++) {
      model.addUniversity(randomPoint(margin), uc.upstairsResearchers(), uc.facilityFactor(), uc.downstairsEngineers());
    }
    placeFirms();
    model.population().recordMeanSales();
    linkInitialPartners();
    if (model.talentMarket()) {
      TalentMarket.initialise(model);
    }
    if (model.creditMarket()) {
      CreditMarket.initialise(model);
    }
    if (model.incomesDemand()) {
      model.createIncomesDemand();
    }
  }

  private Double2D randomPoint(double margin) {
    RegionConfig region = scenario.region();
    double m = Math.min(margin, Math.min(region.width(), region.height()) / 2);
    double x = m + model.random.nextDouble() * (region.width() - 2 * m);
    double y = m + model.random.nextDouble() * (region.height() - 2 * m);
    return new Double2D(x, y);
  }

  private void placeFirms() {
    FirmsConfig fc = scenario.firms();
    int soeCount = (int) Math.round(fc.count() * fc.soeShare());
    double[] privateWeights = fc.privateSectors().asArray();
    double[] soeWeights = fc.soeSectors().asArray();
    double sigma = fc.employmentLogSd();
    double[] demand = new double[Sector.values().length];
    for (int i = 0; i < fc.count(); i++) {
      boolean soe = i < soeCount;
      Ownership ownership = soe ? Ownership.SOE : Ownership.PRIVATE;
      Sector sector = Sector.of(model.drawIndex(soe ? soeWeights : privateWeights));
      double technology = StrictMath.exp(fc.productivityLogSd() * model.random.nextGaussian());
      double meanWorkers = fc.privateMeanEmployment() * (soe ? fc.soeSizeMultiplier() : 1.0);
      double workers = Math.max(1, meanWorkers * model.lognormalFactor(sigma));
      Firm firm = model.population().addFirm(ownership, sector, model.randomFirmLocation(fc.nearCampusShare()), technology, -1);
      double quantity = workers * firm.getProductivity();
      double price = model.priceOf(firm);
      double sales = quantity * price;
      firm.initialiseSales(sales);
      firm.recordProduction(quantity, price, workers);
      // With demand from incomes firms start at their desired utilisation, with spare capacity.
      double utilisation = model.incomesDemand() ? scenario.demand().desiredUtilisation() : 1;
      firm.setCapital(firm.getCapitalPerOutput() * sales / utilisation);
      firm.addCash(fc.initialCashToSales() * sales);
      double researchers = firm.getRdIntensity() * sales / scenario.market().researcherWage();
      firm.recordRd(0, researchers, researchers);
      demand[sector.ordinal()] += sales;
    }
    for (Sector sector : Sector.values()) {
      model.setSectorDemand(sector, demand[sector.ordinal()]);
    }
    model.fixBaseDemand();
    for (Sector sector : Sector.values()) {
      for (Firm firm : model.firms(sector)) {
        firm.setMarketShare(firm.getSales() / demand[sector.ordinal()]);
      }
    }
    if (model.productLines()) {
      model.createProductLines();
    }
  }

  private void linkInitialPartners() {
    UniversitiesConfig uc = scenario.universities();
    for (University u : model.universities()) {
      List<Firm> near = new ArrayList<>();
      for (Sector sector : Sector.values()) {
        near.addAll(model.firmsNear(u.getCampus(), uc.conversionSearchRadius(), sector));
      }
      near.sort((a, b) -> {
        int byDistance = Double.compare(a.getLocation().distance(u.getCampus()), b.getLocation().distance(u.getCampus()));
        return byDistance != 0 ? byDistance : Integer.compare(a.getId(), b.getId());
      });
      for (int i = 0; i < Math.min(uc.initialPartners(), near.size()); i++) {
        model.strengthenAlliance(u, near.get(i));
      }
    }
  }
}
