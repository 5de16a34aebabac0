package org.nqpf.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.nqpf.config.UniversitiesConfig;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * 楼下创业 — downstairs pilot conversion (MODEL.md §3 step 6). For each invention waiting at a
 * university, a partner is drawn among the university's alliance partners and the firms of the
 * invention's sector within {@code conversionSearchRadius} of the campus, with weight
 * absorptive capacity × exp(−distance / scale). The partner converts it with probability
 * {@code conversionProbability} × c × absorptive capacity × exp(−distance / scale), where
 * c = engineers / (engineers + conversionHalfCapacity) is the downstairs capacity; conversion
 * raises the partner's technology by the invention's value and strengthens the alliance.
 * Otherwise the invention becomes a spin-off start-up in the downstairs zone with probability
 * {@code spinOffProbability} × c; otherwise it ages, loses {@code inventionDecay} of its value,
 * and is dropped at {@code inventionMaxAge}.
 */
final class PilotConversion implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    UniversitiesConfig uc = model.scenario().universities();
    // Spin-offs are founded as one batch: shares are renormalised once, at the end of the phase.
    model.beginFounding();
    try {
      convert(model, uc);
    } finally {
      model.endFounding();
    }
  }

  private static void convert(EcosystemModel model, UniversitiesConfig uc) {
    for (University university : model.universities()) {
      double capacity = university.getDownstairsEngineers() / (university.getDownstairsEngineers() + uc.conversionHalfCapacity());
      Iterator<Invention> queue = university.queue().iterator();
      while (queue.hasNext()) {
        Invention invention = queue.next();
        Firm partner = drawPartner(model, university, invention.sector(), uc);
        if (partner != null && model.random.nextDouble() < conversionProbability(uc, capacity, university, partner)) {
          double before = partner.getTechnology();
          partner.setTechnology(before * (1 + invention.value()));
          model.innovated(partner, InnovationType.CONVERTED, before);
          model.strengthenAlliance(university, partner);
          university.countConversion();
          queue.remove();
        } else if (model.random.nextDouble() < uc.spinOffProbability() * capacity) {
          spinOff(model, university, invention);
          queue.remove();
        } else {
          invention.age(uc.inventionDecay());
          if (invention.age() >= uc.inventionMaxAge()) {
            model.counters().inventionsDecayed++;
            queue.remove();
          }
        }
      }
    }
  }

  static double conversionProbability(UniversitiesConfig uc, double capacity, University university, Firm partner) {
    double distance = partner.getLocation().distance(university.getCampus());
    return uc.conversionProbability() * capacity * partner.getAbsorptiveCapacity()
        * StrictMath.exp(-distance / uc.conversionDistanceScale());
  }

  private static Firm drawPartner(EcosystemModel model, University university, Sector sector, UniversitiesConfig uc) {
    List<Firm> candidates = new ArrayList<>();
    Set<Firm> partners = new HashSet<>();
    for (Firm partner : model.alliancePartners(university)) {
      if (partner.getSector() == sector) {
        candidates.add(partner);
        partners.add(partner);
      }
    }
    for (Firm near : model.firmsNear(university.getCampus(), uc.conversionSearchRadius(), sector)) {
      if (!partners.contains(near)) {
        candidates.add(near);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    double[] weights = new double[candidates.size()];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      Firm candidate = candidates.get(i);
      double distance = candidate.getLocation().distance(university.getCampus());
      weights[i] = candidate.getAbsorptiveCapacity() * StrictMath.exp(-distance / uc.conversionDistanceScale());
      total += weights[i];
    }
    return total > 0 ? candidates.get(model.drawIndex(weights)) : null;
  }

  private static void spinOff(EcosystemModel model, University university, Invention invention) {
    var location = model.randomPointNear(university.getCampus(), model.scenario().region().downstairsRadius());
    double technology = model.meanTechnology(invention.sector()) * (1 + invention.value());
    Firm firm = model.foundStartup(invention.sector(), location, technology, university.getId());
    model.addSpinOffEdge(university, firm);
    university.countSpinOff();
    model.counters().spinOffs++;
  }
}
