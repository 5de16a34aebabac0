package org.nqpf.model;

import org.nqpf.config.UniversitiesConfig;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * 楼上创新 — upstairs research (MODEL.md §3 step 2): each university makes
 * Poisson(inventionRate · researchers · facilityFactor) inventions a step, each with a sector drawn
 * from the invention sector weights and a lognormal value (the proportional productivity jump it
 * carries). Under the talent market the researchers are core researchers plus
 * {@code leadingProductivity} × leading scientists.
 */
final class UpstairsResearch implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    UniversitiesConfig uc = model.scenario().universities();
    double[] sectorWeights = uc.inventionSectors().asArray();
    for (University university : model.universities()) {
      // Under the talent market a leading scientist counts leadingProductivity researchers.
      double researchers = model.talentMarket()
          ? university.getCoreResearchers() + model.scenario().talent().leadingProductivity() * university.getLeadingScientists()
          : university.getUpstairsResearchers();
      double mean = uc.inventionRate() * researchers * university.getFacilityFactor();
      int inventions = model.poisson(mean);
      for (int i = 0; i < inventions; i++) {
        Sector sector = Sector.of(model.drawIndex(sectorWeights));
        double value = StrictMath.exp(uc.inventionValueLogMean() + uc.inventionValueLogSd() * model.random.nextGaussian());
        university.addInvention(new Invention(sector, value, model.currentStep()));
        model.counters().inventionsCreated++;
      }
    }
  }
}
