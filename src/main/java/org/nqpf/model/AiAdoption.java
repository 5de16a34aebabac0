package org.nqpf.model;

import java.util.List;
import org.nqpf.config.AiConfig;
import org.nqpf.config.MechanismsConfig;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.network.Edge;
import sim.util.Bag;

/**
 * AI adoption, phase 7 (MODEL.md §3 step 7 and §7 "AI diffusion"): the article's 产业AI化 —
 * AI-transformed factories whose "R&D cycle is about 20% shorter and production efficiency about
 * 35% higher", with small and medium firms reaching AI through low-cost services that government
 * AI infrastructure (算力) provides. Diffusion is a Bass-type hazard (Bass 1969): a spontaneous
 * part p, raised by public infrastructure, plus an imitation part q × s, scaled by affordability.
 *
 * <p>With ι = {@code policy.aiInfrastructure} and the {@code ai} parameters, each step:
 *
 * <ol>
 *   <li><b>Hazards, from the state at the start of the phase</b> (so that the order of firms does
 *       not matter). First the contacts of every non-adopter are sampled, in the spatial index's
 *       order (its cells, then firm id: {@link FirmQuery#sampleContacts}, so that consecutive
 *       samples read the same few cells); then, for each non-adopter, in the order of
 *       {@link EcosystemModel#firms()} (computed in the same visit as its draw below: it reads
 *       only the states recorded at the start and the firm's own, which no earlier draw changes):
 *       <ul>
 *         <li>cost C = ({@code adoptionCost} + {@code adoptionCostPerWorker} × production
 *             workers) × wage index × (1 − {@code infrastructureCostReduction} × ι): public
 *             算力 makes AI services cheaper;</li>
 *         <li>affordability a = min(1, max(0, net worth) / C): a firm whose net worth is small
 *             against the cost rarely adopts;</li>
 *         <li>contacts: up to k = {@code neighbourSample} firms of any sector within
 *             {@code neighbourRadius}: all of them when there are k or fewer, else a uniform
 *             sample without replacement drawn with {@code model.random} from the spatial index
 *             ({@link FirmQuery#sample}: by rejection from the index's cells, so that the cost
 *             does not grow with the density of firms); plus
 *             alliance partners: the firms that share a university alliance with it count as
 *             m = min(k, P) further contacts, P the number of such fellow partners, with their
 *             adopter share s_P (counted per university from the network, so the cost is linear
 *             in the number of edges, never all pairs);</li>
 *         <li>s = (adopters among the sampled neighbours + m × s_P) / (sampled neighbours + m),
 *             0 when the firm has no contacts;</li>
 *         <li>hazard h = min(1, (p₀ × (1 + {@code infrastructureHazardBoost} × ι) + q × s) × a),
 *             p₀ = {@code baseHazard}, q = {@code imitationHazard}.</li>
 *       </ul>
 *   <li><b>Deepening.</b> Each firm that had adopted before the phase pays the upkeep
 *       {@code upkeepShare} × sales for AI services; if its cash covers it, its level ℓ rises to
 *       ℓ + {@code deepeningRate} × (1 − ℓ) (so 1 − ℓ decays geometrically towards full
 *       adoption); if not, it pays nothing and ℓ stays.</li>
 *   <li><b>Adoption.</b> Each non-adopter draws one uniform u from {@code model.random}, in firm
 *       order; if u &lt; h and its cash covers C, it pays C and starts at ℓ =
 *       {@code initialLevel} (counted in {@link StepCounters#aiAdoptions()}); if u &lt; h but the
 *       cash falls short, it does not adopt this step.</li>
 * </ol>
 *
 * Every payment goes to households through {@link Books#aiSpending}. The level takes effect via
 * {@link Firm#setAiLevel}: production efficiency × (1 + {@code productionGain} × ℓ) (used by
 * {@link Firm#getProductivity()} in the goods market this very step) and, in the next R&D phase,
 * research effort per step × 1 / (1 − {@code rdCycleReduction} × ℓ) (see {@link FirmResearch}).
 * Adoption is never undone: a firm that cannot pay upkeep keeps its level.
 */
final class AiAdoption implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    AiConfig ai = model.scenario().ai();
    double infrastructure = model.policy().aiInfrastructure();
    if (model.scenario().mechanisms().ai() == MechanismsConfig.Ai.DECISION) {
      decide(model, ai, infrastructure);
      return;
    }

    // The state at the start of the phase: partner shares, and the contacts' states and samples.
    PartnerShares partners = PartnerShares.of(model);
    sampleContacts(model, ai);
    double costFactor = model.wageIndex() * (1 - ai.infrastructureCostReduction() * infrastructure);
    double spontaneous = ai.baseHazard() * (1 + ai.infrastructureHazardBoost() * infrastructure);

    // One visit per firm, in firm order: adopters deepen, non-adopters draw. A firm's hazard reads
    // only what was recorded above and the firm's own state, which no earlier firm's turn changes:
    // the hazards are those of the state at the start of the phase, as if all were computed first.
    long step = model.currentStep();
    Books books = model.books();
    List<Firm> firms = model.firms();
    for (int i = 0, n = firms.size(); i < n; i++) {
      Firm firm = firms.get(i);
      if (firm.isAiAdopter()) {
        payUpkeepAndDeepen(books, firm, ai, step);
      } else {
        double cost = adoptionCost(ai, firm, costFactor);
        drawAdoption(model, books, firm, ai, hazardOf(model, firm, ai, partners, spontaneous, cost), cost, step);
      }
    }
  }

  /** An adopter pays its upkeep, if it can, and deepens its use of AI. */
  private static void payUpkeepAndDeepen(Books books, Firm firm, AiConfig ai, long step) {
    payUpkeepAndDeepen(books, firm, ai, step, 0, 0);
  }

  /** The same, with the J-curve's dip fading over {@code steps} since adoption (DECISION). */
  private static void payUpkeepAndDeepen(Books books, Firm firm, AiConfig ai, long step, double dip, int steps) {
    double level = firm.getAiLevel();
    double upkeep = ai.upkeepShare() * Math.max(0, firm.getSales());
    if (firm.getCash() >= upkeep) {
      books.aiSpending(firm, upkeep);
      level = deepen(level, ai.deepeningRate());
    }
    firm.setAiLevel(level, ai.productionGain(), step, dip, steps);
  }

  // ---- DECISION: adoption as an investment decision ----

  /**
   * AI adoption as an investment (docs/MODEL.md, "AI adoption as a decision"). In firm order:
   * an adopter pays its upkeep and deepens, its efficiency lowered by the J-curve's dip while
   * its complementary investment lasts; a non-adopter that decided before and is saving towards
   * the cost adopts once its cash covers it; any other non-adopter reviews its choice with
   * probability {@code reviewRate} (one uniform draw) and, when it does, adopts if the present
   * value of its expected gain, ε × W × A − S × B, beats the investment (1 + {@code
   * complementaryInvestment}) × C (one normal draw for ε).
   * W is its production wage bill, S its sales, ε = exp(σ z − σ²/2) its own return to AI
   * (mean 1; Griliches 1957 and Suri 2011: the return to a technology differs across adopters),
   * A = Σ_{t=1..H} β^t (1 − 1/m_t) the discounted share of the wage bill AI saves, with m_t =
   * (1 + g ℓ_t)(1 − dip × max(0, 1 − (t − 1)/J)), ℓ_t the level after t − 1 steps of deepening,
   * B = upkeepShare × Σ β^t, β = 1 / (1 + {@code credit.interestRate}), H = {@code
   * decisionHorizon}. C is the diffusion's cost: ({@code adoptionCost} + {@code
   * adoptionCostPerWorker} × production workers) × wage index × (1 − {@code
   * infrastructureCostReduction} × ι), so public AI infrastructure works through the cost alone.
   * The R&D speed-up is not valued (firms do not count on it).
   */
  private static void decide(EcosystemModel model, AiConfig ai, double infrastructure) {
    double costFactor = model.wageIndex() * (1 - ai.infrastructureCostReduction() * infrastructure);
    double beta = 1 / (1 + model.scenario().credit().interestRate());
    double savedShare = savedWageShare(ai, beta);
    double upkeepFactor = ai.upkeepShare() * annuity(beta, ai.decisionHorizon());
    double sigma = ai.gainDispersion();
    long step = model.currentStep();
    Books books = model.books();
    List<Firm> firms = model.firms();
    for (int i = 0, n = firms.size(); i < n; i++) {
      Firm firm = firms.get(i);
      if (firm.isAiAdopter()) {
        payUpkeepAndDeepen(books, firm, ai, step, ai.jCurveDip(), ai.jCurveSteps());
        continue;
      }
      boolean decided = firm.getAiSaving() > 0;
      boolean reviews = !decided && model.random.nextDouble() < ai.reviewRate();
      if (!decided && !reviews) {
        continue;
      }
      double investment = investment(ai, firm, costFactor);
      if (reviews) {
        double epsilon = sigma > 0 ? model.lognormalFactor(sigma) : 1;
        double wages = model.wageOf(firm) * Math.max(0, firm.getWorkers());
        double value = epsilon * wages * savedShare - Math.max(0, firm.getSales()) * upkeepFactor;
        decided = value > investment;
      }
      if (decided) {
        adopt(model, books, firm, ai, investment, step, ai.jCurveDip(), ai.jCurveSteps());
      }
    }
  }

  /**
   * What adopting costs under DECISION: the AI cost C and the complementary intangible investment
   * that goes with it, {@code complementaryInvestment} × C (Brynjolfsson, Hitt and Yang 2002: a
   * dollar of computer capital goes with about ten dollars of firm value, most of it intangible
   * complements: training, reorganisation, data).
   */
  static double investment(AiConfig ai, Firm firm, double costFactor) {
    return (1 + ai.complementaryInvestment()) * adoptionCost(ai, firm, costFactor);
  }

  /** A = Σ_{t=1..H} β^t (1 − 1/m_t): the discounted share of the production wage bill that AI saves. */
  static double savedWageShare(AiConfig ai, double beta) {
    double level = ai.initialLevel();
    double discount = 1;
    double share = 0;
    for (int t = 1; t <= ai.decisionHorizon(); t++) {
      discount *= beta;
      double multiplier = 1 + ai.productionGain() * level;
      if (ai.jCurveSteps() > 0) {
        multiplier *= 1 - ai.jCurveDip() * Math.max(0, 1 - (t - 1) / (double) ai.jCurveSteps());
      }
      share += discount * (1 - 1 / multiplier);
      level = deepen(level, ai.deepeningRate());
    }
    return share;
  }

  /** Σ_{t=1..H} β^t. */
  static double annuity(double beta, int horizon) {
    double discount = 1;
    double sum = 0;
    for (int t = 1; t <= horizon; t++) {
      discount *= beta;
      sum += discount;
    }
    return sum;
  }

  /**
   * A non-adopter decides to adopt with probability {@code hazard} and adopts if it can pay
   * {@code cost}. Under demand from incomes a firm that decided but cannot pay saves towards the
   * cost out of its earnings (it keeps the cost in cash above its liquidity buffer instead of paying
   * it out: internal funds first, Myers and Majluf 1984; Fazzari, Hubbard and Petersen 1988) and
   * adopts as soon as it can; without it, firms that pay out their cash above the buffer could
   * never afford AI.
   */
  private static void drawAdoption(EcosystemModel model, Books books, Firm firm, AiConfig ai, double hazard, double cost,
      long step) {
    boolean drawn = model.random.nextDouble() < hazard;
    if (drawn || firm.getAiSaving() > 0) {
      adopt(model, books, firm, ai, cost, step, 0, 0);
    }
  }

  /**
   * A firm that decided to adopt pays {@code cost} and starts at {@code initialLevel} if its cash
   * covers it; under demand from incomes it saves towards the cost otherwise (both rules).
   */
  private static void adopt(EcosystemModel model, Books books, Firm firm, AiConfig ai, double cost, long step, double dip,
      int steps) {
    if (firm.getCash() >= cost) {
      books.aiSpending(firm, cost);
      firm.setAiLevel(ai.initialLevel(), ai.productionGain(), step, dip, steps);
      firm.setAiSaving(0);
      model.counters().aiAdoptions++;
    } else if (model.incomes() != null) {
      firm.setAiSaving(cost);
    }
  }

  /** A non-adopter's hazard: {@link #hazard(double, double, double, double)} with its contacts' share and affordability. */
  private static double hazardOf(EcosystemModel model, Firm firm, AiConfig ai, PartnerShares partners, double spontaneous,
      double cost) {
    double share = contactShare(model, firm, ai, partners);
    return hazard(spontaneous, ai.imitationHazard(), share, affordability(firm.getNetWorth(), cost));
  }

  /** C = (fixed + per-worker cost × production workers) × wage index × (1 − cost reduction × ι). */
  static double adoptionCost(AiConfig ai, Firm firm, double costFactor) {
    return (ai.adoptionCost() + ai.adoptionCostPerWorker() * Math.max(0, firm.getWorkers())) * costFactor;
  }

  /** a = min(1, max(0, net worth) / cost); 1 when AI costs nothing. */
  static double affordability(double netWorth, double cost) {
    if (cost <= 0) {
      return 1;
    }
    return Math.min(1, Math.max(0, netWorth) / cost);
  }

  /** h = min(1, (p + q × s) × a), p the spontaneous hazard with infrastructure. */
  static double hazard(double spontaneous, double imitation, double share, double affordability) {
    return Math.min(1, (spontaneous + imitation * share) * affordability);
  }

  /** ℓ' = ℓ + δ × (1 − ℓ). */
  static double deepen(double level, double rate) {
    return level + rate * (1 - level);
  }

  /**
   * Records the adoption states at the start of the phase in the spatial index and samples every
   * non-adopter's spatial contacts ({@link FirmQuery#sampleContacts}), read by {@link #contactShare}.
   * Nobody adopts or exits until every hazard is drawn: the index's copy of the states is exact.
   */
  static void sampleContacts(EcosystemModel model, AiConfig ai) {
    FirmQuery near = model.query();
    near.refreshStates(model.firms());
    if (ai.neighbourSample() > 0) {
      near.sampleContacts(ai.neighbourRadius(), ai.neighbourSample(), model.random, model.work());
    }
  }

  /**
   * Adopter share among the firm's contacts: the spatial neighbours {@link #sampleContacts} drew
   * for it plus its fellow alliance partners (weighted as up to k contacts).
   */
  static double contactShare(EcosystemModel model, Firm firm, AiConfig ai, PartnerShares partners) {
    int k = ai.neighbourSample();
    int neighbours = 0;
    int adoptingNeighbours = 0;
    if (k > 0) {
      FirmQuery near = model.query();
      neighbours = near.contacts(firm.getId());
      adoptingNeighbours = near.contactAdopters(firm.getId());
    }
    double partnerWeight = 0;
    double adoptingPartners = 0;
    if (firm.getAlliances() > 0) {
      partners.fellowsOf(model, firm);
      long fellows = partners.fellows;
      if (fellows > 0 && k > 0) {
        partnerWeight = Math.min(k, fellows);
        adoptingPartners = partnerWeight * partners.adopting / (double) fellows;
      }
    }
    double contacts = neighbours + partnerWeight;
    return contacts > 0 ? (adoptingNeighbours + adoptingPartners) / contacts : 0;
  }

  /**
   * Per university, how many living alliance partners it has and how many of them had adopted AI
   * at the start of the phase; one pass over the universities' edges.
   */
  static final class PartnerShares {
    private final int[] partners;
    private final int[] adopters;

    private PartnerShares(int[] partners, int[] adopters) {
      this.partners = partners;
      this.adopters = adopters;
    }

    static PartnerShares of(EcosystemModel model) {
      List<University> universities = model.universities();
      int[] partners = new int[universities.size()];
      int[] adopters = new int[universities.size()];
      for (int u = 0; u < universities.size(); u++) {
        // The living alliance partners of model.alliancePartners, counted without listing them.
        University university = universities.get(u);
        Bag edges = model.network().getEdgesIn(university);
        for (int i = 0; i < edges.numObjs; i++) {
          Firm f = EcosystemModel.livingAlly((Edge) edges.objs[i], university);
          if (f != null) {
            partners[u]++;
            if (f.isAiAdopter()) {
              adopters[u]++;
            }
          }
        }
      }
      return new PartnerShares(partners, adopters);
    }

    /** The result of the last {@link #fellowsOf}: fellow partners and adopters among them. */
    long fellows;
    long adopting;

    /**
     * {fellow partners, adopters among them} summed over the universities the firm is allied
     * with (a firm sharing two universities counts twice); the firm itself is left out. The
     * result is left in {@link #fellows} and {@link #adopting} (no array per firm).
     */
    void fellowsOf(EcosystemModel model, Firm firm) {
      long fellows = 0;
      long adopting = 0;
      if (firm.getAlliances() == 0) {
        this.fellows = 0;
        this.adopting = 0;
        return;
      }
      // The network is undirected: a node's edges in are all its edges (read, not copied).
      Bag edges = model.network().getEdgesIn(firm);
      for (int i = 0; i < edges.numObjs; i++) {
        Edge edge = (Edge) edges.objs[i];
        if (edge.info instanceof Relation r && r.type() == Relation.Type.ALLIANCE
            && edge.getOtherNode(firm) instanceof University u && u.getId() < partners.length) {
          fellows += partners[u.getId()] - 1;
          adopting += adopters[u.getId()] - (firm.isAiAdopter() ? 1 : 0);
        }
      }
      this.fellows = Math.max(0, fellows);
      this.adopting = Math.max(0, adopting);
    }
  }
}
