package org.nqpf.model;

import java.util.Iterator;
import java.util.List;
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

  /** Candidate partners and their weights of the current draw, reused (not saved in checkpoints). */
  private transient Firm[] candidates;
  private transient double[] weights;

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

  private void convert(EcosystemModel model, UniversitiesConfig uc) {
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

  private Firm drawPartner(EcosystemModel model, University university, Sector sector, UniversitiesConfig uc) {
    // The alliance partners of the sector (in id order), then the firms of the sector near the
    // campus (in id order) that are not among them: both lists are sorted by id, so membership is
    // a merge, not a hash set (the same candidates in the same order).
    List<Firm> allied = model.alliancePartners(university);
    FirmQuery near = model.query();
    int nearCount = near.collect(university.getCampus(), uc.conversionSearchRadius(), sector, null, model.work());
    near.sortById();
    int capacity = allied.size() + nearCount;
    if (candidates == null || candidates.length < capacity) {
      candidates = new Firm[Math.max(capacity, 64)];
      weights = new double[candidates.length];
    }
    Firm[] candidates = this.candidates;
    int count = 0;
    for (int i = 0, n = allied.size(); i < n; i++) {
      Firm partner = allied.get(i);
      if (partner.getSector() == sector) {
        candidates[count++] = partner;
      }
    }
    int a = 0;
    int alliedCount = allied.size();
    for (int i = 0; i < nearCount; i++) {
      Firm firm = near.get(i);
      int id = firm.getId();
      while (a < alliedCount && allied.get(a).getId() < id) {
        a++;
      }
      if (a < alliedCount && allied.get(a) == firm) {
        continue;
      }
      candidates[count++] = firm;
    }
    if (count == 0) {
      return null;
    }
    double[] weights = this.weights;
    double total = 0;
    for (int i = 0; i < count; i++) {
      Firm candidate = candidates[i];
      double distance = candidate.getLocation().distance(university.getCampus());
      weights[i] = candidate.getAbsorptiveCapacity() * StrictMath.exp(-distance / uc.conversionDistanceScale());
      total += weights[i];
    }
    Firm drawn = total > 0 ? candidates[model.drawIndex(weights, count)] : null;
    java.util.Arrays.fill(candidates, 0, count, null);
    return drawn;
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
