package org.nqpf.model;

import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.nqpf.config.InnovationConfig;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Firm R&D (MODEL.md §3 step 5, after the K+S model of Dosi, Fagiolo and Roventini 2010). Without
 * a talent market a firm spends {@code rdIntensity} of last step's sales, grossed up by the
 * subsidy (see {@link EcosystemModel#plannedRd}), on researchers hired for the step, within its
 * cash; with it, it pays the R&D staff the talent market gave it, and its
 * researchers are its core researchers, its leading scientists (each worth
 * {@code leadingProductivity}) and the time of university researchers on dual appointments. The
 * government refunds {@code rdSubsidyRate} of R&D spending. AI adoption at level ℓ raises the
 * effort per step by 1 / (1 − {@code rdCycleReduction} × ℓ), an R&D cycle that much shorter. A
 * share {@code innovationShare} of researchers innovate, succeeding with probability
 * 1 − exp(−ζ₁·researchers), and draw a jump x = low + Beta(α, β)·(high − low), or rarely a radical
 * jump; the rest imitate, succeeding with 1 − exp(−ζ₂·researchers·(1 − IPR protection)), and copy
 * a target's technology drawn among sampled same-sector firms with weight falling in
 * technological and geographic distance. Each firm keeps the best of its current, innovated and
 * imitated technology (its structural productivity factor is not copied). All firms decide on the productivities at the start of the phase, so the order
 * of firms does not matter.
 */
final class FirmResearch implements Steppable {
  private static final long serialVersionUID = 1L;

  /** Per-firm buffers of the phase (the technology each would adopt, and how), reused from step to step (never saved in checkpoints). */
  private transient double[] adopted;
  private transient InnovationType[] types;
  /** The imitation candidates drawn for one firm and their weights, reused from firm to firm. */
  private transient Firm[] candidates;
  private transient double[] weights;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    InnovationConfig ic = model.scenario().innovation();
    BetaDistribution beta = new BetaDistribution(new SharedRandom(model.random), ic.drawAlpha(), ic.drawBeta());

    List<Firm> firms = model.firms();
    int n = firms.size();
    if (adopted == null || adopted.length < n) {
      adopted = new double[Math.max(n, 2 * (adopted == null ? 0 : adopted.length))];
      types = new InnovationType[adopted.length];
    }
    double[] adopted = this.adopted;
    InnovationType[] types = this.types;
    if (candidates == null || candidates.length < ic.imitationCandidates()) {
      candidates = new Firm[ic.imitationCandidates()];
      weights = new double[ic.imitationCandidates()];
    }
    for (int i = 0; i < n; i++) {
      research(model, firms.get(i), i, beta, adopted, types, candidates, weights);
    }
    for (int i = 0; i < n; i++) {
      if (types[i] != null) {
        Firm firm = firms.get(i);
        double before = firm.getTechnology();
        firm.setTechnology(adopted[i]);
        model.innovated(firm, types[i], before);
      }
    }
  }

  /**
   * One firm's R&D: pays its staff, draws innovation and imitation, and leaves the technology it
   * would adopt (or null: none better) at index {@code i} (a method of its own so that the JIT
   * compiles it after a few hundred firms, not the whole phase by on-stack replacement).
   */
  private static void research(EcosystemModel model, Firm firm, int i, BetaDistribution beta, double[] adopted,
      InnovationType[] types, Firm[] candidates, double[] weights) {
    InnovationConfig ic = model.scenario().innovation();
    double researcherWage = model.researcherWage();
    double subsidyRate = model.policy().rdSubsidyRate();
    double imitationDamping = 1 - model.policy().iprProtection();
    double budget;
    double researchers;
    double staff;
    if (model.talentMarket()) {
      // The talent market hired the staff; R&D spending is their pay, due whatever the cash.
      staff = firm.getCoreResearchers() + firm.getTechnicians() + firm.getLeadingScientists();
      budget = staff * researcherWage;
      researchers = firm.getCoreResearchers() + model.scenario().talent().leadingProductivity() * firm.getLeadingScientists()
          + firm.getDualAppointmentTime();
    } else {
      budget = Math.min(model.plannedRd(firm), Math.max(0, firm.getCash()) / (1 - subsidyRate));
      researchers = budget / researcherWage;
      staff = researchers;
    }
    firm.useRdGrant(budget);
    model.books().firmToHouseholds(Matrices.Flow.RESEARCH, firm, budget);
    model.books().subsidiseFirm(firm, subsidyRate * budget);
    firm.recordRd(budget, researchers, staff);
    // AI shortens the R&D cycle: a cycle shorter by c × level raises the effort per step by 1 / (1 − c × level).
    double speed = 1 / (1 - model.scenario().ai().rdCycleReduction() * firm.getAiLevel());

    double current = firm.getTechnology();
    double best = current;
    InnovationType type = null;
    double innovators = ic.innovationShare() * researchers;
    boolean success = model.random.nextDouble() < 1 - StrictMath.exp(-ic.innovationEfficiency() * innovators * speed);
    firm.recordRdOutcome(innovators, success);
    if (success) {
      boolean radical = model.random.nextDouble() < ic.radicalProbability();
      double jump = radical
          ? ic.radicalLow() + model.random.nextDouble() * (ic.radicalHigh() - ic.radicalLow())
          : ic.drawLow() + beta.sample() * (ic.drawHigh() - ic.drawLow());
      double innovated = current * (1 + jump);
      if (innovated > best) {
        best = innovated;
        type = radical ? InnovationType.RADICAL : InnovationType.INCREMENTAL;
      }
    }
    double imitators = (1 - ic.innovationShare()) * researchers * speed;
    if (model.random.nextDouble() < 1 - StrictMath.exp(-ic.imitationEfficiency() * imitators * imitationDamping)) {
      Firm target = imitationTarget(model, firm, ic, candidates, weights);
      if (target != null && target.getTechnology() > best) {
        best = target.getTechnology();
        type = InnovationType.IMITATED;
      }
    }
    adopted[i] = best;
    types[i] = type;
  }

  /**
   * Samples {@code imitationCandidates} firms of the same sector and draws one with weight
   * exp(−geographic distance / scale) / (0.01 + |ln T_j − ln T_i|): near and technologically close
   * firms are the easiest to copy (K+S). {@code candidates} and {@code weights} are scratch
   * buffers of at least {@code imitationCandidates} elements (their contents are overwritten).
   */
  static Firm imitationTarget(EcosystemModel model, Firm firm, InnovationConfig ic, Firm[] candidates,
      double[] weights) {
    List<Firm> peers = model.firms(firm.getSector());
    int n = ic.imitationCandidates();
    if (peers.size() < 2 || n == 0) {
      return null;
    }
    for (int k = 0; k < n; k++) {
      Firm candidate = peers.get(model.random.nextInt(peers.size()));
      if (candidate == firm) {
        candidates[k] = null;
        weights[k] = 0;
        continue;
      }
      double technological = Math.abs(StrictMath.log(candidate.getTechnology() / firm.getTechnology()));
      double geographic = candidate.getLocation().distance(firm.getLocation());
      candidates[k] = candidate;
      weights[k] = StrictMath.exp(-geographic / ic.imitationDistanceScale()) / (0.01 + technological);
    }
    double total = 0;
    for (int k = 0; k < n; k++) {
      total += weights[k];
    }
    if (total <= 0) {
      return null;
    }
    return candidates[model.drawIndex(weights, n)];
  }
}
