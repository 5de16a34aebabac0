package org.nqpf.model;

import java.util.Iterator;
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

  /**
   * Per sector, the candidate partners of the current university and their weights, kept for the
   * university's next invention of that sector while nothing they depend on has changed (no
   * conversion or spin-off since: both change alliances, or add a firm near a campus); reused
   * from step to step as buffers, never saved in checkpoints.
   */
  private transient Firm[][] candidates;
  private transient double[][] weights;
  private transient int[] counts;
  /** The sum of each sector's weights, as collected. */
  private transient double[] totals;
  /** The university the sector's candidates were collected for (null: none), and the change count then. */
  private transient University[] collectedFor;
  private transient long[] collectedAt;
  /** Conversions and spin-offs so far in this step: any of them makes every collected candidate list stale. */
  private transient long changes;
  /**
   * Per university id, the distance terms exp(−distance / scale) of the firms it has weighed, by
   * firm id, for the scale in {@link #termsScale} (firms and campuses never move, so a pair's term
   * never changes: the exponential is taken once per pair, not at every collection); never saved
   * in checkpoints.
   */
  private transient DistanceTerms[] terms;
  private transient double termsScale;
  /** The firms near each campus, by sector, kept from step to step; never saved in checkpoints. */
  private transient CampusNeighbours neighbours;
  /** The current university's living partners of one sector, in id order, and their sort keys (scratch). */
  private transient Firm[] allies;
  private transient long[] allyKeys;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    UniversitiesConfig uc = model.scenario().universities();
    // Spin-offs are founded as one batch: shares are renormalised once, at the end of the phase.
    model.population().beginFounding();
    try {
      convert(model, uc);
    } finally {
      model.population().endFounding();
    }
  }

  private void convert(EcosystemModel model, UniversitiesConfig uc) {
    int sectors = Sector.values().length;
    if (candidates == null) {
      candidates = new Firm[sectors][64];
      weights = new double[sectors][64];
      counts = new int[sectors];
      totals = new double[sectors];
      collectedFor = new University[sectors];
      collectedAt = new long[sectors];
    }
    java.util.Arrays.fill(collectedFor, null);
    changes = 0;
    try {
      convertAll(model, uc);
    } finally {
      for (int s = 0; s < sectors; s++) {
        java.util.Arrays.fill(candidates[s], 0, counts[s], null);
        counts[s] = 0;
        collectedFor[s] = null;
      }
    }
  }

  private void convertAll(EcosystemModel model, UniversitiesConfig uc) {
    for (University university : model.universities()) {
      double capacity = university.getDownstairsEngineers() / (university.getDownstairsEngineers() + uc.conversionHalfCapacity());
      Iterator<Invention> queue = university.queue().iterator();
      while (queue.hasNext()) {
        Invention invention = queue.next();
        Firm partner = drawPartner(model, university, invention.sector(), uc);
        if (partner != null && model.random.nextDouble()
            < conversionProbability(uc, capacity, partner, term(university, partner, uc))
            && paysPilot(model, partner, invention, uc)) {
          // The spin-offs' founding batch keeps each sector's mean technology as at its start.
          model.population().sectorChanging(partner.getSector());
          double before = partner.getTechnology();
          partner.setTechnology(before * (1 + invention.value()));
          model.innovated(partner, InnovationType.CONVERTED, before);
          model.strengthenAlliance(university, partner);
          university.countConversion();
          queue.remove();
          changes++;
        } else if (model.random.nextDouble() < uc.spinOffProbability() * capacity) {
          spinOff(model, university, invention);
          queue.remove();
          changes++;
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

  /**
   * Whether the partner pays the pilot of {@code invention} (always, while
   * {@code universities.pilotCost} k is 0). The pilot costs k × the invention's value × its
   * sector's mean sales per firm in the last market: the cost of scaling up belongs to the technology, not
   * to the firm that adopts it, so it weighs on a small firm's funds and not on a large one's (the
   * financing gap between invention and product, the "valley of death": Auerswald and Branscomb
   * 2003; Hall and Lerner 2010 for why it binds on small firms). The partner pays from its cash
   * above its liquidity reserve ({@code firms.initialCashToSales} × sales) and what it saves
   * towards AI, and borrows the rest from its bank, guaranteed for a private SME like any of its
   * loans ({@link CreditMarket#conversionLoan}); net of the R&D subsidy, since the pilot is R&D
   * ({@link Firm#payPilot}). A partner that cannot fund it all does not convert (the invention
   * waits, ages, or becomes a spin-off as when no partner converts it).
   */
  private boolean paysPilot(EcosystemModel model, Firm partner, Invention invention, UniversitiesConfig uc) {
    if (uc.pilotCost() == 0) {
      return true;
    }
    double cost = uc.pilotCost() * invention.value() * model.population().meanSales(invention.sector());
    double subsidy = model.policy().rdSubsidyRate() * cost;
    double own = Math.max(0, partner.getCash() - model.scenario().firms().initialCashToSales() * partner.getSales()
        - partner.getAiSaving());
    double borrow = cost - subsidy - own;
    if (borrow > 1e-9 && !(model.creditMarket() && CreditMarket.conversionLoan(model, partner, borrow))) {
      model.counters().conversionsUnfunded++;
      return false;
    }
    partner.payPilot(cost);
    model.books().firmToHouseholds(Matrices.Flow.RESEARCH, partner, cost);
    model.books().subsidiseFirm(partner, subsidy);
    model.counters().pilotSpending += cost;
    return true;
  }

  /** The conversion probability: {@code conversionProbability} × c × absorptive capacity × the distance term ({@link #distanceTerm}). */
  static double conversionProbability(UniversitiesConfig uc, double capacity, Firm partner, double distanceTerm) {
    return uc.conversionProbability() * capacity * partner.getAbsorptiveCapacity() * distanceTerm;
  }

  /** exp(−distance from {@code firm} to the university's campus / {@code scale}). */
  static double distanceTerm(University university, Firm firm, double scale) {
    return StrictMath.exp(-firm.getLocation().distance(university.getCampus()) / scale);
  }

  /**
   * Puts the university's living alliance partners of {@code sector} into {@link #allies}, in
   * order of firm id (the sector's part of {@link EcosystemModel#alliancePartners}, sorted alone),
   * and returns how many.
   */
  private int sectorAllies(EcosystemModel model, University university, Sector sector) {
    sim.util.Bag edges = model.network().getEdgesIn(university);
    if (allies == null || allies.length < edges.numObjs) {
      allies = new Firm[Math.max(16, edges.numObjs)];
      allyKeys = new long[allies.length];
    }
    int n = 0;
    for (int i = 0; i < edges.numObjs; i++) {
      Firm f = EcosystemModel.livingAlly((sim.field.network.Edge) edges.objs[i], university);
      if (f != null && f.getSector() == sector) {
        allies[n] = f;
        allyKeys[n] = (long) f.getId() << 32 | n;
        n++;
      }
    }
    if (n > 1) {
      // Ids are distinct: sorting (id, position) keys orders the firms by id.
      java.util.Arrays.sort(allyKeys, 0, n);
      Firm[] unsorted = java.util.Arrays.copyOf(allies, n);
      for (int i = 0; i < n; i++) {
        allies[i] = unsorted[(int) allyKeys[i]];
      }
    }
    return n;
  }

  /** exp(−distance from {@code firm} to the campus / {@code conversionDistanceScale}), from {@link #terms} once taken. */
  private double term(University university, Firm firm, UniversitiesConfig uc) {
    double scale = uc.conversionDistanceScale();
    if (terms == null || Double.doubleToLongBits(scale) != Double.doubleToLongBits(termsScale)) {
      terms = new DistanceTerms[Math.max(16, university.getId() + 1)];
      termsScale = scale;
    } else if (university.getId() >= terms.length) {
      terms = java.util.Arrays.copyOf(terms, Math.max(university.getId() + 1, 2 * terms.length));
    }
    DistanceTerms known = terms[university.getId()];
    if (known == null) {
      known = terms[university.getId()] = new DistanceTerms();
    }
    int id = firm.getId();
    double term = known.get(id);
    if (Double.isNaN(term)) {
      term = distanceTerm(university, firm, scale);
      known.put(id, term);
    }
    return term;
  }

  /** A map from firm id to a distance term (open addressing; NaN for an id not in it). */
  private static final class DistanceTerms {
    private int[] keys = new int[64];
    private double[] values = new double[64];
    private int size;

    double get(int id) {
      int mask = keys.length - 1;
      for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
        if (keys[i] == id + 1) {
          return values[i];
        }
        if (keys[i] == 0) {
          return Double.NaN;
        }
      }
    }

    void put(int id, double value) {
      if (2 * (size + 1) > keys.length) {
        int[] oldKeys = keys;
        double[] oldValues = values;
        keys = new int[2 * oldKeys.length];
        values = new double[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != 0) {
            put(oldKeys[i] - 1, oldValues[i]);
          }
        }
      }
      int mask = keys.length - 1;
      int i = mix(id) & mask;
      while (keys[i] != 0 && keys[i] != id + 1) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        keys[i] = id + 1;
        size++;
      }
      values[i] = value;
    }

    private static int mix(int id) {
      return id * 0x9E3779B9 >>> 7;
    }
  }

  /**
   * Draws the partner of an invention of {@code sector} at {@code university}: the candidates and
   * their weights are collected anew unless the last invention of the sector was the same
   * university's and no conversion or spin-off has happened since (then they are the same firms in
   * the same order with the same weights, and the draw is the same as after collecting them).
   */
  private Firm drawPartner(EcosystemModel model, University university, Sector sector, UniversitiesConfig uc) {
    int s = sector.ordinal();
    if (collectedFor[s] != university || collectedAt[s] != changes) {
      collect(model, university, sector, uc);
      collectedFor[s] = university;
      collectedAt[s] = changes;
    }
    int count = counts[s];
    if (count == 0) {
      return null;
    }
    return totals[s] > 0 ? candidates[s][model.drawIndex(weights[s], count)] : null;
  }

  /**
   * The candidates for {@code sector} at {@code university}, with weight absorptive capacity ×
   * exp(−distance / scale): the alliance partners of the sector (in id order), then the firms of
   * the sector near the campus (in id order) that are not among them. Both lists are sorted by
   * id, so membership is a merge, not a hash set.
   */
  private void collect(EcosystemModel model, University university, Sector sector, UniversitiesConfig uc) {
    int s = sector.ordinal();
    java.util.Arrays.fill(candidates[s], 0, counts[s], null);
    int alliedCount = sectorAllies(model, university, sector);
    Firm[] allied = allies;
    if (neighbours == null) {
      neighbours = new CampusNeighbours();
    }
    CampusNeighbours.Near near = neighbours.of(model, university, sector, uc.conversionSearchRadius(),
        uc.conversionDistanceScale(), firm -> term(university, firm, uc));
    int nearCount = near.count();
    int capacity = alliedCount + nearCount;
    if (candidates[s].length < capacity) {
      candidates[s] = new Firm[Math.max(capacity, 2 * candidates[s].length)];
      weights[s] = new double[candidates[s].length];
    }
    Firm[] candidates = this.candidates[s];
    double[] weights = this.weights[s];
    int count = 0;
    for (int i = 0; i < alliedCount; i++) {
      weights[count] = term(university, allied[i], uc);
      candidates[count++] = allied[i];
    }
    // The near firms are of the sector too: only the sector's partners can be among them. Each
    // weight holds the distance term until the absorptive capacities are applied below.
    int a = 0;
    Firm[] nearList = near.firms();
    double[] nearTerms = near.values();
    for (int i = 0; i < nearCount; i++) {
      Firm firm = nearList[i];
      int id = firm.getId();
      while (a < alliedCount && allied[a].getId() < id) {
        a++;
      }
      if (a < alliedCount && allied[a] == firm) {
        continue;
      }
      weights[count] = nearTerms[i];
      candidates[count++] = firm;
    }
    java.util.Arrays.fill(allied, 0, alliedCount, null);
    double total = 0;
    for (int i = 0; i < count; i++) {
      weights[i] = candidates[i].getAbsorptiveCapacity() * weights[i];
      total += weights[i];
    }
    counts[s] = count;
    totals[s] = total;
  }

  private static void spinOff(EcosystemModel model, University university, Invention invention) {
    var location = model.randomPointNear(university.getCampus(), model.scenario().region().downstairsRadius());
    double technology = model.population().meanTechnology(invention.sector()) * (1 + invention.value());
    Firm firm = model.population().foundStartup(invention.sector(), location, technology, university.getId());
    model.addSpinOffEdge(university, firm);
    university.countSpinOff();
    model.counters().spinOffs++;
  }
}
