package org.nqpf.model;

import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.nqpf.config.InnovationConfig;
import org.nqpf.config.MechanismsConfig;
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
 * imitated technology (its structural productivity factor is not copied). Under
 * {@code mechanisms.innovation: ARRIVALS} the innovators' draw is replaced by Poisson arrivals with
 * a knowledge stock and Pareto sizes, no cap a step ({@link #arrive}); imitation is as above. All
 * firms decide on the productivities at the start of the phase, so the order of firms does not
 * matter.
 */
final class FirmResearch implements Steppable {
  private static final long serialVersionUID = 1L;

  /** Per-firm buffers of the phase (the technology each would adopt, and how), reused from step to step (never saved in checkpoints). */
  private transient double[] adopted;
  private transient InnovationType[] types;
  /** The imitation candidates drawn for one firm, their technologies and their weights, reused from firm to firm. */
  private transient Firm[] candidates;
  private transient double[] technologies;
  private transient double[] weights;
  /**
   * Under arrivals, the sizes of the step's innovations of all firms, in firm order, and per firm
   * the index of its first one and their number (reused from step to step).
   */
  private transient double[] sizes;
  private transient int[] firstArrival;
  private transient int[] arrivals;
  private transient int sizeCount;
  /** This step's (x_min / x_max)^α of the innovation sizes' Pareto ({@link #paretoSize}). */
  private transient double paretoRatio;

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
    if (candidates == null || candidates.length < ic.imitationCandidates()) {
      candidates = new Firm[ic.imitationCandidates()];
      technologies = new double[ic.imitationCandidates()];
      weights = new double[ic.imitationCandidates()];
    }
    boolean arrivalRule = model.scenario().mechanisms().innovation() == MechanismsConfig.Innovation.ARRIVALS;
    if (arrivalRule && (arrivals == null || arrivals.length < adopted.length)) {
      arrivals = new int[adopted.length];
      firstArrival = new int[adopted.length];
      if (sizes == null) {
        sizes = new double[64];
      }
    }
    sizeCount = 0;
    // The Pareto's (x_min / x_max)^α, the same for every arrival: computed once a step.
    paretoRatio = StrictMath.pow(ic.sizeMinimum() / ic.sizeMaximum(), ic.sizeTailIndex());
    for (int i = 0; i < n; i++) {
      Firm firm = firms.get(i);
      double researchers = payStaff(model, firm);
      // AI shortens the R&D cycle: a cycle shorter by c × level raises the effort per step by 1 / (1 − c × level).
      double speed = 1 / (1 - model.scenario().ai().rdCycleReduction() * firm.getAiLevel());
      if (arrivalRule) {
        arrive(model, firm, i, researchers, speed);
      } else {
        draw(model, firm, i, researchers, speed, beta);
      }
      imitate(model, firm, i, researchers, speed);
    }
    // Only the firms with something to adopt are visited (at 100,000 firms each visit is a cache miss).
    for (int i = 0; i < n; i++) {
      if (arrivalRule && arrivals[i] > 0) {
        Firm firm = firms.get(i);
        for (int k = firstArrival[i]; k < firstArrival[i] + arrivals[i]; k++) {
          double before = firm.getTechnology();
          firm.setTechnology(before * StrictMath.exp(sizes[k]));
          model.innovated(firm, sizes[k] >= ic.radicalLow() ? InnovationType.RADICAL : InnovationType.INCREMENTAL, before);
        }
      }
      if (types[i] != null) {
        Firm firm = firms.get(i);
        double before = firm.getTechnology();
        if (adopted[i] > before) {
          firm.setTechnology(adopted[i]);
          model.innovated(firm, types[i], before);
        }
      }
    }
  }

  /**
   * Pays the firm's R&D staff (or, without the talent market, researchers hired for the step
   * within its cash) and returns its effective researchers. A method
   * of its own, like the others of the loop, so that the JIT compiles it after a few hundred
   * firms, not the whole phase by on-stack replacement.
   */
  private static double payStaff(EcosystemModel model, Firm firm) {
    double researcherWage = model.researcherWage();
    double subsidyRate = model.policy().rdSubsidyRate();
    double budget;
    double researchers;
    double staff;
    if (model.talentMarket()) {
      // The talent market hired the staff; R&D spending is their pay, due whatever the cash.
      staff = firm.getCoreResearchers() + firm.getTechnicians() + firm.getLeadingScientists();
      budget = (firm.getCoreResearchers() + firm.getTechnicians()
          + model.scenario().talent().leadingWagePremium() * firm.getLeadingScientists()) * researcherWage;
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
    return researchers;
  }

  /**
   * One draw a step (K+S): the innovators, a share ξ of the researchers, succeed with probability
   * 1 − exp(−ζ₁ · innovators · speed), and a success draws a jump, radical or incremental, kept
   * only if it improves on the firm's technology.
   */
  private void draw(EcosystemModel model, Firm firm, int i, double researchers, double speed, BetaDistribution beta) {
    InnovationConfig ic = model.scenario().innovation();
    double current = firm.getTechnology();
    adopted[i] = current;
    types[i] = null;
    double innovators = ic.innovationShare() * researchers;
    boolean success = model.random.nextDouble() < 1 - StrictMath.exp(-ic.innovationEfficiency() * innovators * speed);
    firm.recordRdOutcome(innovators, success);
    if (success) {
      boolean radical = model.random.nextDouble() < ic.radicalProbability();
      double jump = radical
          ? ic.radicalLow() + model.random.nextDouble() * (ic.radicalHigh() - ic.radicalLow())
          : ic.drawLow() + beta.sample() * (ic.drawHigh() - ic.drawLow());
      double innovated = current * (1 + jump);
      if (innovated > current) {
        adopted[i] = innovated;
        types[i] = radical ? InnovationType.RADICAL : InnovationType.INCREMENTAL;
      }
    }
  }

  /**
   * Innovations as arrivals (docs/MODEL.md, "Innovation as arrivals"): the innovators' effort e (a
   * share ξ of the researchers, times the AI speed-up) adds to the knowledge stock,
   * K' = (1 − δ) K + e; the step brings
   * Poisson(λ) innovations, λ = ζ₁ (e^(1−θ) (δK)^θ)^β (times a learning entrant's ability, which
   * it learns from the counts: {@link EntrantLearning}), each of its own size, a log productivity
   * gain from a Pareto truncated to [sizeMinimum, sizeMaximum]. Every arrival improves.
   */
  private void arrive(EcosystemModel model, Firm firm, int i, double researchers, double speed) {
    InnovationConfig ic = model.scenario().innovation();
    double innovators = ic.innovationShare() * researchers;
    double effort = innovators * speed;
    firm.accumulateKnowledge(ic.knowledgeDepreciation(), effort);
    EntrantLearning learning = firm.learning();
    int count;
    if (learning == null) {
      count = arrivalsOf(model, ic, effort, firm.getKnowledge());
    } else {
      double exposure = intensity(ic, effort, firm.getKnowledge());
      count = model.poisson(exposure * learning.ability());
      learning.observe(count, exposure);
    }
    firm.recordRdOutcome(innovators, count > 0);
    adopted[i] = firm.getTechnology();
    types[i] = null;
    firstArrival[i] = sizeCount;
    arrivals[i] = count;
    if (sizeCount + count > sizes.length) {
      sizes = java.util.Arrays.copyOf(sizes, Math.max(2 * sizes.length, sizeCount + count));
    }
    if (count == 0) {
      // exp(0) is exactly 1: nothing to multiply.
      return;
    }
    double gain = 0;
    for (int k = 0; k < count; k++) {
      double size = paretoSize(ic.sizeMinimum(), paretoRatio, ic.sizeTailIndex(), model.random.nextDouble());
      sizes[sizeCount++] = size;
      gain += size;
    }
    adopted[i] *= StrictMath.exp(gain);
  }

  /**
   * The arrival intensity λ = ζ₁ (e^(1−θ) (δK)^θ)^β of innovators' effort e and knowledge stock K:
   * a Cobb–Douglas knowledge production function (Griliches 1979; Pakes and Griliches 1984) with
   * returns to scale β; with effort held at e, δK tends to e and λ to ζ₁ e^β.
   */
  static double intensity(InnovationConfig ic, double effort, double knowledge) {
    if (effort <= 0 && knowledge <= 0) {
      return 0;
    }
    double theta = ic.knowledgeWeight();
    double inputs = StrictMath.pow(effort, 1 - theta) * StrictMath.pow(ic.knowledgeDepreciation() * knowledge, theta);
    double beta = ic.effortElasticity();
    // pow(+0, β) is +0 for every β > 0: a firm without effort (whose stock only depreciates) is
    // spared the general power, the phase's dearest call.
    if (Double.doubleToRawLongBits(inputs) == 0L && beta > 0) {
      return ic.innovationEfficiency() * 0.0;
    }
    return ic.innovationEfficiency() * StrictMath.pow(inputs, beta);
  }

  /**
   * {@code model.poisson(intensity(ic, effort, knowledge))}: the same draws and the same count,
   * with λ and the inversion's limit e^(−λ) taken from {@code Math}'s functions while every
   * product of uniforms is clearly on one side of the limit, and from {@code StrictMath} (the
   * model's definition) from the first that is not ({@link ExactShortcuts}). λ near zero or near
   * the normal approximation's threshold of 500 is taken exactly.
   */
  static int arrivalsOf(EcosystemModel model, InnovationConfig ic, double effort, double knowledge) {
    double fast = fastIntensity(ic, effort, knowledge);
    if (!(fast >= 1e-300 && fast <= 499)) {
      return model.poisson(intensity(ic, effort, knowledge));
    }
    return arrivalsBelow(model.random, Math.exp(-fast), ic, effort, knowledge);
  }

  /**
   * The inversion of {@link #arrivalsOf} given the fast limit: uniforms multiplied until their
   * product falls to the limit, the exact limit e^(−λ) taken from the first product within
   * {@link ExactShortcuts#SLACK} of the fast one.
   */
  static int arrivalsBelow(ec.util.MersenneTwisterFast random, double fastLimit, InnovationConfig ic, double effort,
      double knowledge) {
    double limit = fastLimit;
    boolean exact = false;
    double product = random.nextDouble();
    int count = 0;
    while (true) {
      if (!exact && Math.abs(product - limit) <= ExactShortcuts.SLACK * limit) {
        limit = StrictMath.exp(-intensity(ic, effort, knowledge));
        exact = true;
      }
      if (!(product > limit)) {
        return count;
      }
      count++;
      product *= random.nextDouble();
    }
  }

  /** {@link #intensity} from {@code Math.pow}, within a few ulps of it. */
  private static double fastIntensity(InnovationConfig ic, double effort, double knowledge) {
    if (effort <= 0 && knowledge <= 0) {
      return 0;
    }
    double theta = ic.knowledgeWeight();
    double inputs = Math.pow(effort, 1 - theta) * Math.pow(ic.knowledgeDepreciation() * knowledge, theta);
    return ic.innovationEfficiency() * Math.pow(inputs, ic.effortElasticity());
  }

  /**
   * The size of an innovation by inversion of a Pareto of tail index α truncated to [x_min, x_max]:
   * x = x_min (1 − u (1 − (x_min / x_max)^α))^(−1/α), u uniform on [0, 1).
   */
  static double paretoSize(InnovationConfig ic, double u) {
    double alpha = ic.sizeTailIndex();
    return paretoSize(ic.sizeMinimum(), StrictMath.pow(ic.sizeMinimum() / ic.sizeMaximum(), alpha), alpha, u);
  }

  /** {@link #paretoSize(InnovationConfig, double)} given the ratio (x_min / x_max)^α. */
  private static double paretoSize(double minimum, double ratio, double alpha, double u) {
    return minimum * StrictMath.pow(1 - u * (1 - ratio), -1 / alpha);
  }

  /**
   * Imitation (K+S): the imitators, the rest of the researchers, succeed with probability
   * 1 − exp(−ζ₂ · imitators · speed · (1 − IPR protection)) and copy a target's technology if it
   * is better than what the firm's own R&D gives it this step.
   */
  private void imitate(EcosystemModel model, Firm firm, int i, double researchers, double speed) {
    InnovationConfig ic = model.scenario().innovation();
    double imitators = (1 - ic.innovationShare()) * researchers * speed;
    double damping = 1 - model.policy().iprProtection();
    double rate = ic.imitationEfficiency() * imitators * damping;
    // With no imitation effort the probability 1 − exp(−0) is exactly 0 (the draw is still made).
    double u = model.random.nextDouble();
    if (rate != 0 && ExactShortcuts.below1MinusExp(u, rate)) {
      Firm target = imitationTarget(model, firm, ic, candidates, technologies, weights);
      if (target != null && target.getTechnology() > adopted[i]) {
        adopted[i] = target.getTechnology();
        types[i] = InnovationType.IMITATED;
      }
    }
  }

  /**
   * Samples {@code imitationCandidates} firms of the same sector and draws one with weight
   * exp(−geographic distance / scale) / (0.01 + |ln T_j − ln T_i|): near and technologically close
   * firms are the easiest to copy (K+S). {@code candidates}, {@code technologies} and
   * {@code weights} are scratch buffers of at least {@code imitationCandidates} elements (their
   * contents are overwritten). The candidates are drawn and read first, their weights computed
   * after: the reads of candidates that are not in the caches (at 100,000 firms, most of them) then
   * overlap, instead of each waiting behind the previous candidate's logarithm and exponential.
   * The weights are taken with {@code Math}'s logarithm and exponential, and again with
   * {@code StrictMath}'s (the model's definition) only when the draw falls within
   * {@link ExactShortcuts#SLACK} of a boundary between two candidates or a weight is near 0
   * ({@link ExactShortcuts#indexAt}): the same draw, the same target.
   */
  static Firm imitationTarget(EcosystemModel model, Firm firm, InnovationConfig ic, Firm[] candidates,
      double[] technologies, double[] weights) {
    List<Firm> peers = model.firms(firm.getSector());
    int n = ic.imitationCandidates();
    if (peers.size() < 2 || n == 0) {
      return null;
    }
    for (int k = 0; k < n; k++) {
      Firm candidate = peers.get(model.random.nextInt(peers.size()));
      if (candidate == firm) {
        candidates[k] = null;
        continue;
      }
      candidates[k] = candidate;
      technologies[k] = candidate.getTechnology();
      // The geographic distance, until the loop below turns it into the weight.
      weights[k] = candidate.distanceTo(firm);
    }
    boolean nearZero = false;
    for (int k = 0; k < n; k++) {
      if (candidates[k] == null) {
        weights[k] = 0;
        continue;
      }
      weights[k] = weight(technologies[k] / firm.getTechnology(), weights[k], ic.imitationDistanceScale(), false);
      nearZero |= !(weights[k] >= NEAR_ZERO);
    }
    if (nearZero) {
      strictWeights(firm, ic, candidates, technologies, weights, n);
    }
    double total = 0;
    for (int k = 0; k < n; k++) {
      total += weights[k];
    }
    if (total <= 0) {
      return null;
    }
    double r = model.random.nextDouble();
    int index = nearZero ? -1 : ExactShortcuts.indexAt(weights, n, r);
    if (index < 0) {
      if (!nearZero) {
        strictWeights(firm, ic, candidates, technologies, weights, n);
      }
      index = EcosystemModel.indexAt(weights, n, r);
    }
    return candidates[index];
  }

  /**
   * Below this a weight taken with {@code Math}'s functions may be 0 where the strict one is not
   * (or the reverse, near the exponential's underflow), and every weight is taken strictly.
   */
  private static final double NEAR_ZERO = 1e-290;

  /** The imitation weights with {@code StrictMath}'s logarithm and exponential, the model's definition. */
  private static void strictWeights(Firm firm, InnovationConfig ic, Firm[] candidates, double[] technologies,
      double[] weights, int n) {
    for (int k = 0; k < n; k++) {
      if (candidates[k] != null) {
        weights[k] = weight(technologies[k] / firm.getTechnology(), candidates[k].distanceTo(firm),
            ic.imitationDistanceScale(), true);
      }
    }
  }

  /**
   * A candidate's imitation weight exp(−distance / scale) / (0.01 + |ln ratio|), for the ratio of
   * its technology to the imitator's: from {@code StrictMath} when {@code strict}, else from
   * {@code Math} (within a few ulps).
   */
  private static double weight(double ratio, double distance, double scale, boolean strict) {
    double technological = Math.abs(strict ? StrictMath.log(ratio) : Math.log(ratio));
    return (strict ? StrictMath.exp(-distance / scale) : Math.exp(-distance / scale)) / (0.01 + technological);
  }
}
