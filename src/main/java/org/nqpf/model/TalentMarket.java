package org.nqpf.model;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nqpf.config.TalentConfig;
import org.nqpf.config.UniversitiesConfig;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.network.Edge;
import sim.util.Bag;

/**
 * The talent market (MODEL.md §3 step 3, §7 "talent matching"): the article's 教育科技人才良性循环,
 * the virtuous cycle of education, science and talent, with its tiers 后备人才 (reserve: fresh
 * graduates), 中坚人才 (core researchers) and 技能人才 (skilled technicians), plus the 领军人才
 * (leading scientists) that policy imports ("引进国际一流科技领军人才和创新团队"). Talent is held as
 * integer headcounts by tier by firms, universities and one national {@link TalentPool}, and
 * moved by binomial and Poisson draws, never one agent per person; every person is in exactly one
 * place, so headcounts are conserved except for graduates and imports (in) and pool attrition
 * (out). Parameters are the {@code talent} section ({@link TalentConfig}); the import quota is the
 * policy lever {@code talentImportQuota}.
 *
 * <p><b>Initialisation.</b> A firm's R&D budget B buys S = round(B / w) staff, where B is its
 * planned R&D ({@link EcosystemModel#plannedRd}: ν · sales with ν its R&D intensity, grossed up
 * by the R&D subsidy as 1 / (1 − subsidy rate), plus unspent incubation grants) and w the
 * researcher wage × the wage index (1 at the start), of which
 * T = min(S, round(technicianRatio · workers)) are technicians and S − T core researchers. Firms
 * start with no leading scientists: MODEL.md §6 puts them at universities, and firms get them
 * through the market (imports and moves). A university turns round(universityLeadingShare ·
 * upstairsResearchers) of its upstairs researchers into leading scientists. The pool starts with
 * initialPoolShare × the employed headcount of each tier, and RESERVE as large as the pool's CORE.
 *
 * <p><b>Each step</b>, in this order:
 *
 * <ol>
 *   <li>Graduation: each university trains G ~ Poisson(graduatesPerResearcher · upstairs
 *       researchers) graduates; Binomial(G, skilledShareOfGraduates) join the pool as SKILLED, the
 *       rest as RESERVE.
 *   <li>Maturation: Binomial(RESERVE, 1 / maturationSteps) reserve talent become CORE (a mean
 *       stay of maturationSteps steps).
 *   <li>Import: Poisson(talentImportQuota) leading scientists join the pool's LEADING, each with a
 *       team of importTeamSize core researchers (pool CORE).
 *   <li>Attrition: each pool tier loses Binomial(count, poolAttrition) people (retirement,
 *       emigration, other occupations).
 *   <li>Retirements and separations: each employer (firms in creation order, then universities)
 *       loses Binomial(headcount, separationRate + retirementRate) of each tier, of whom
 *       Binomial(leaving, retirementRate / (separationRate + retirementRate)) retire and leave the
 *       talent system (the multinomial split of one draw: the same law as two draws, and one draw
 *       for the many employers from whom nobody leaves) and the rest separate;
 *       Binomial(separated, directMoveShare) of them search job to job (see matching), the rest go
 *       to the pool. Without retirement, employed talent would leave only through the pool's
 *       attrition, and leading scientists, whom firms hire first, would pile up at firms for
 *       hundreds of quarters.
 *   <li>Vacancies: a firm wants S = round(B / w) staff (as above, with this step's sales,
 *       subsidy, grants and wage index), of which
 *       T = min(S, round(technicianRatio · workers)) technicians and S − T researchers (core or
 *       leading); if it employs more technicians or researchers than that it lays the surplus
 *       off to the pool (core researchers before leading scientists). A university wants its
 *       initial headcounts, recomputed from the config: L* = round(universityLeadingShare ·
 *       upstairsResearchers) leading scientists, upstairsResearchers − L* core researchers and
 *       downstairsEngineers engineers (SKILLED); it never lays off.
 *   <li>Matching: each vacancy gets one offer a step. First the universities, in a random order,
 *       make offers for their leading vacancies (universities absorb leading scientists first);
 *       then every employer with vacancies, in a random order, makes the rest: a firm offers its
 *       researcher vacancies to leading scientists first, then to core researchers, and its
 *       technician vacancies to SKILLED; a university offers core and engineer vacancies to CORE
 *       and SKILLED. Within a tier, job-to-job movers (from another employer) get offers before
 *       the pool. With v vacancies and a available candidates, min(v, a) offers go out and
 *       Binomial(min(v, a), p) are accepted, so hires never exceed vacancies or candidates and the
 *       expected fill rate is p when candidates are plenty. The acceptance probability is
 *       p = baseAcceptance · a_o / max(1, soeAttractiveness) · exp(−d / acceptanceDistanceScale),
 *       where a_o is soeAttractiveness for SOEs and universities and 1 for private firms (dividing
 *       by max(1, ·) keeps p ≤ 1 and the ratio between ownerships exact), and d is the distance
 *       from the employer to the nearest campus, where talent is trained (0 for a university, and
 *       0 when there is no university). Movers left unplaced go to the pool.
 *   <li>Dual appointments: round(dualAppointmentShare · upstairs researchers) of each university's
 *       researchers hold a dual appointment with its alliance partners, spread equally; each
 *       partner gets appointees × dualTimeShare / partners FTE of research time (summed over
 *       universities, reset each step). The university keeps them on its staff.
 * </ol>
 *
 * <p>Counters: {@code graduates}; {@code imports} (scientists and team members); {@code
 * attrition}; {@code separations} (people who went from an employer to the pool: separations
 * not moving job to job, layoffs, unplaced movers and the staff of exiting firms); {@code hires}
 * (from the pool and job-to-job); {@code moves} (job-to-job moves placed).
 */
final class TalentMarket implements Steppable {
  private static final long serialVersionUID = 1L;

  /** The tiers that employers hold (reserve talent is only in the pool). */
  private static final TalentTier[] EMPLOYED = {TalentTier.CORE, TalentTier.SKILLED, TalentTier.LEADING};

  /** The order in which an open post's vacancies are offered ({@link #fill}). */
  private static final TalentTier[] OFFER_ORDER = {TalentTier.LEADING, TalentTier.CORE, TalentTier.SKILLED};

  /** The posts of the last step, reused (not saved in checkpoints: rebuilt on the next step). */
  private transient Post[] postPool;

  /**
   * This step's open posts and the universities' posts with leading vacancies, in the posts'
   * order, collected as each post is opened (a second pass over 100,000 posts would be a cache
   * miss per post) and reused from step to step (not regrown from empty each step).
   */
  private transient List<Post> open;
  private transient List<Post> universitiesOpen;
  /**
   * Per firm id, the distance term of {@link #acceptance}, exp(−distance to the nearest campus /
   * {@code acceptanceDistanceScale}), NaN until computed, for the number of universities and the
   * scale it was computed with: firms and campuses never move, so the exponential is taken once
   * per firm, not every step (not saved in checkpoints).
   */
  private transient double[] campusTermById;
  private transient int campusTermUniversities;
  private transient double campusTermScale;

  /** Sets up the initial headcounts of firms, universities and the pool. */
  static void initialise(EcosystemModel model) {
    TalentConfig tc = model.scenario().talent();
    double wage = model.researcherWage();
    int[] employed = new int[TalentTier.values().length];
    for (Firm firm : model.firms()) {
      int staff = staffFor(model, model.plannedRd(firm), wage);
      int technicians = wantedTechnicians(firm, tc, staff);
      setHeadcount(firm, TalentTier.SKILLED, technicians);
      setHeadcount(firm, TalentTier.CORE, staff - technicians);
      setHeadcount(firm, TalentTier.LEADING, 0);
      double effective = firm.getCoreResearchers() + tc.leadingProductivity() * firm.getLeadingScientists();
      firm.recordRd(firm.getRdSpending(), effective, staff);
      for (TalentTier tier : EMPLOYED) {
        employed[tier.ordinal()] += firm.getHeadcount(tier);
      }
    }
    int leadingTarget = universityLeadingTarget(model);
    for (University university : model.universities()) {
      int promote = Math.min(university.getCoreResearchers(), leadingTarget - university.getLeadingScientists());
      if (promote > 0) {
        university.addHeadcount(TalentTier.CORE, -promote);
        university.addHeadcount(TalentTier.LEADING, promote);
      }
      for (TalentTier tier : EMPLOYED) {
        employed[tier.ordinal()] += university.getHeadcount(tier);
      }
    }
    TalentPool pool = model.talentPool();
    for (TalentTier tier : EMPLOYED) {
      pool.add(tier, (int) Math.round(tc.initialPoolShare() * employed[tier.ordinal()]));
    }
    pool.add(TalentTier.RESERVE, pool.get(TalentTier.CORE));
  }

  /** Returns an exiting firm's staff to the pool (counted as separations). */
  static void release(EcosystemModel model, Firm firm) {
    for (TalentTier tier : EMPLOYED) {
      int n = firm.getHeadcount(tier);
      firm.addHeadcount(tier, -n);
      model.talentPool().add(tier, n);
      model.counters().separations += n;
    }
    firm.setDualAppointmentTime(0);
  }

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    graduate(model);
    mature(model);
    importTalent(model);
    attrition(model);
    trade(model);
    dualAppointments(model);
  }

  /** The employed part of the step: separations, vacancies, matching, unplaced movers. */
  private void trade(EcosystemModel model) {
    MoverQueue[] movers = new MoverQueue[TalentTier.values().length];
    for (TalentTier tier : TalentTier.values()) {
      movers[tier.ordinal()] = new MoverQueue(tier);
    }
    openPosts(model, movers);
    match(model, universitiesOpen, open, movers);
    for (TalentTier tier : EMPLOYED) {
      int unplaced = movers[tier.ordinal()].total;
      model.talentPool().add(tier, unplaced);
      model.counters().separations += unplaced;
    }
    if (model.scenario().talent().wageAdjustment() > 0) {
      adjustWage(model, unfilledResearcherPosts(model), model.talentPool().get(TalentTier.CORE));
    }
  }

  /**
   * Firms' researcher posts (in core wages) the matching left unfilled: each open post's researcher
   * vacancies as opened (the matching counts its offers down from a copy) less what it hired.
   */
  private double unfilledResearcherPosts(EcosystemModel model) {
    double premium = model.scenario().talent().leadingWagePremium();
    double unfilled = 0;
    for (Post post : open) {
      if (post.firm != null) {
        unfilled += post.researchers - post.hiredCore - premium * post.hiredLeading;
      }
    }
    return Math.max(0, unfilled);
  }

  /**
   * The researcher wage moves with the talent market's excess demand (Walrasian tâtonnement):
   * with D firms' researcher posts left unfilled and U core researchers in the pool, its factor
   * is multiplied by exp(η (D − U) / (D + U)), η = {@code talent.wageAdjustment}, and held at or
   * above the production wage (a researcher can always produce). Scientists' and engineers' wages
   * absorb much of a rise in R&D demand when their supply is short (Goolsbee 1998). η = 0 keeps
   * the configured wage.
   */
  static void adjustWage(EcosystemModel model, double unfilled, double unemployed) {
    double eta = model.scenario().talent().wageAdjustment();
    if (eta <= 0 || unfilled + unemployed <= 0) {
      return;
    }
    var market = model.scenario().market();
    double factor = model.researcherWageFactor() * Math.exp(eta * (unfilled - unemployed) / (unfilled + unemployed));
    model.setResearcherWageFactor(Math.max(market.wage() / market.researcherWage(), factor));
  }

  // ---- a. to d.: flows into and out of the pool ----

  static void graduate(EcosystemModel model) {
    TalentConfig tc = model.scenario().talent();
    TalentPool pool = model.talentPool();
    for (University university : model.universities()) {
      int graduates = model.poisson(tc.graduatesPerResearcher() * university.getUpstairsResearchers());
      int skilled = binomial(model.random, graduates, tc.skilledShareOfGraduates());
      pool.add(TalentTier.SKILLED, skilled);
      pool.add(TalentTier.RESERVE, graduates - skilled);
      model.counters().graduates += graduates;
    }
  }

  static void mature(EcosystemModel model) {
    TalentPool pool = model.talentPool();
    int matured = binomial(model.random, pool.get(TalentTier.RESERVE), 1.0 / model.scenario().talent().maturationSteps());
    pool.add(TalentTier.RESERVE, -matured);
    pool.add(TalentTier.CORE, matured);
  }

  static void importTalent(EcosystemModel model) {
    int scientists = model.poisson(model.policy().talentImportQuota());
    TalentConfig tc = model.scenario().talent();
    int team = scientists * tc.importTeamSize();
    if (scientists > 0 && tc.importGrant() > 0) {
      model.books().talentGrant(scientists * tc.importGrant() * model.researcherWage());
    }
    model.talentPool().add(TalentTier.LEADING, scientists);
    model.talentPool().add(TalentTier.CORE, team);
    model.counters().imports += scientists + team;
  }

  static void attrition(EcosystemModel model) {
    TalentPool pool = model.talentPool();
    double rate = model.scenario().talent().poolAttrition();
    for (TalentTier tier : TalentTier.values()) {
      int leaving = binomial(model.random, pool.get(tier), rate);
      pool.add(tier, -leaving);
      model.counters().attrition += leaving;
    }
  }

  // ---- e. to g.: separations, vacancies, matching ----

  /**
   * One post per employer (firms, then universities), each opened in one visit: its separations
   * (and how many of them move job to job, queued in {@code movers} in this order), then its
   * vacancies (a firm lays off the staff its budget no longer pays). Each employer's vacancies
   * depend only on its own staff, so one pass gives what a pass of separations followed by a
   * pass of vacancies would; at 100,000 employers every pass is mostly cache misses. The posts
   * with vacancies are collected in {@link #open} and {@link #universitiesOpen} in the same visit.
   */
  private void openPosts(EcosystemModel model, MoverQueue[] movers) {
    TalentConfig tc = model.scenario().talent();
    List<Firm> firms = model.firms();
    List<University> universities = model.universities();
    int count = firms.size() + universities.size();
    // The posts are reused from step to step (reset here), not allocated per employer and step.
    if (postPool == null || postPool.length < count) {
      Post[] grown = new Post[Math.max(count, postPool == null ? 0 : postPool.length + (postPool.length >> 1))];
      int kept = postPool == null ? 0 : postPool.length;
      if (kept > 0) {
        System.arraycopy(postPool, 0, grown, 0, kept);
      }
      for (int i = kept; i < grown.length; i++) {
        grown[i] = new Post();
      }
      postPool = grown;
    }
    if (open == null) {
      open = new ArrayList<>(count);
      universitiesOpen = new ArrayList<>();
    }
    open.clear();
    universitiesOpen.clear();
    Separations separations = new Separations(model);
    double wage = model.researcherWage();
    int p0 = 0;
    for (int i = 0, n = firms.size(); i < n; i++) {
      Post post = postPool[p0++];
      Firm firm = firms.get(i);
      openFirmPost(model, post, firm, acceptanceOf(model, firm, tc), separations, movers, wage);
      collectOpen(post);
    }
    double universityAcceptance = tc.baseAcceptance() * ownershipFactor(tc, true);
    int leadingTarget = universityLeadingTarget(model);
    int coreTarget = model.scenario().universities().upstairsResearchers() - leadingTarget;
    int engineerTarget = model.scenario().universities().downstairsEngineers();
    for (int i = 0, n = universities.size(); i < n; i++) {
      Post post = postPool[p0++];
      University university = universities.get(i);
      post.reset(null, university, universityAcceptance);
      separations.draw(post, movers);
      post.leading = Math.max(0, leadingTarget - university.getLeadingScientists());
      post.researchers = Math.max(0, coreTarget - university.getCoreResearchers());
      post.skilled = Math.max(0, engineerTarget - university.getDownstairsEngineers());
      if (post.leading > 0) {
        universitiesOpen.add(post);
      }
      collectOpen(post);
    }
    // Posts beyond this step's employers let go of the firms they held (exited firms).
    for (int i = count; i < postPool.length && postPool[i].firm != null; i++) {
      postPool[i].reset(null, null, 0);
    }
  }

  /** Adds a post whose vacancies are set to the open posts if it has researcher or skilled vacancies. */
  private void collectOpen(Post post) {
    if (post.researchers > 0 || post.skilled > 0) {
      open.add(post);
    }
  }

  /** A firm's post for this step: reset, separations drawn and queued, vacancies set, dual-appointment time cleared. */
  private static void openFirmPost(EcosystemModel model, Post post, Firm firm, double acceptance, Separations separations,
      MoverQueue[] movers, double wage) {
    post.reset(firm, null, acceptance);
    separations.draw(post, movers);
    firmVacancies(model, post, model.scenario().talent(), wage);
    // Set anew by this step's dual appointments, which follow the matching.
    firm.setDualAppointmentTime(0);
  }

  /** The step's separation draws: rates, ln(1 − p) of each computed once, the pool and counters they feed. */
  private static final class Separations {
    private final MersenneTwisterFast random;
    private final TalentPool pool;
    private final StepCounters counters;
    private final double rate;
    private final double rateLogQ;
    private final double retiringShare;
    private final double retiringLogQ;
    private final double moveShare;
    private final double moveLogQ;

    Separations(EcosystemModel model) {
      TalentConfig tc = model.scenario().talent();
      random = model.random;
      pool = model.talentPool();
      counters = model.counters();
      rate = tc.separationRate() + tc.retirementRate();
      rateLogQ = binomialLogQ(rate);
      retiringShare = rate > 0 ? tc.retirementRate() / (tc.separationRate() + tc.retirementRate()) : 0;
      retiringLogQ = binomialLogQ(retiringShare);
      moveShare = tc.directMoveShare();
      moveLogQ = binomialLogQ(moveShare);
    }

    /**
     * One employer's retirements and separations per tier; the retired leave, of the separated
     * those moving job to job join the tier's queue and the rest the pool.
     */
    void draw(Post post, MoverQueue[] movers) {
      for (TalentTier tier : EMPLOYED) {
        int leaving = binomial(random, post.headcount(tier), rate, rateLogQ);
        int retired = binomial(random, leaving, retiringShare, retiringLogQ);
        int separated = leaving - retired;
        int moving = binomial(random, separated, moveShare, moveLogQ);
        post.add(tier, -leaving);
        counters.attrition += retired;
        post.setMoving(tier, moving);
        movers[tier.ordinal()].add(post, moving);
        pool.add(tier, separated - moving);
        counters.separations += separated - moving;
      }
    }
  }

  /** A firm's vacancies for the R&D staff its budget buys; surplus staff are laid off, technicians first. */
  private static void firmVacancies(EcosystemModel model, Post post, TalentConfig tc, double wage) {
    Firm firm = post.firm;
    int staff = wantedStaff(model, firm, wage);
    int technicians = wantedTechnicians(firm, tc, staff);
    // Researcher posts in core wages: a leading scientist takes premium of them.
    double premium = tc.leadingWagePremium();
    int researchers = staff - technicians;
    layOff(model, post, TalentTier.SKILLED, firm.getTechnicians() - technicians);
    int core = firm.getCoreResearchers();
    int leading = firm.getLeadingScientists();
    int coreLaidOff = (int) Math.min(core, Math.max(0, Math.ceil(core + premium * leading - researchers)));
    layOff(model, post, TalentTier.CORE, coreLaidOff);
    core -= coreLaidOff;
    int leadingLaidOff = (int) Math.min(leading, Math.max(0, Math.ceil((core + premium * leading - researchers) / premium)));
    layOff(model, post, TalentTier.LEADING, leadingLaidOff);
    leading -= leadingLaidOff;
    post.researchers = (int) Math.max(0, Math.floor(researchers - core - premium * leading));
    post.skilled = Math.max(0, technicians - firm.getTechnicians());
  }

  private static void layOff(EcosystemModel model, Post post, TalentTier tier, int n) {
    if (n > 0) {
      post.add(tier, -n);
      model.talentPool().add(tier, n);
      model.counters().separations += n;
    }
  }

  /** The universities' leading offers, then every open post's, each list in a random order. */
  private static void match(EcosystemModel model, List<Post> universities, List<Post> open, MoverQueue[] movers) {
    shuffle(universities, model.random);
    for (Post post : universities) {
      offer(model, post, TalentTier.LEADING, post.leading, movers);
    }
    shuffle(open, model.random);
    for (Post post : open) {
      fill(model, post, movers);
    }
  }

  /**
   * Offers an open post's researcher vacancies (a firm's to leading scientists first, then to
   * core researchers for those not offered; a university's to core researchers: its leading
   * places were offered before), then its skilled vacancies. One call of {@link #offer}, in a
   * loop over the tiers, so that the compiled code holds it once.
   */
  private static void fill(EcosystemModel model, Post post, MoverQueue[] movers) {
    int researchers = post.researchers;
    double premium = model.scenario().talent().leadingWagePremium();
    for (TalentTier tier : OFFER_ORDER) {
      int vacancies = switch (tier) {
        case LEADING -> post.firm != null ? (int) (researchers / premium) : 0;
        case CORE -> researchers;
        default -> post.skilled;
      };
      int offers = offer(model, post, tier, vacancies, movers);
      if (tier == TalentTier.LEADING) {
        researchers -= (int) Math.ceil(premium * offers);
      } else if (tier == TalentTier.CORE) {
        researchers -= offers;
      }
    }
  }

  /**
   * Makes one offer per vacancy (up to the candidates available) to candidates of {@code tier},
   * job-to-job movers from other employers first, then the pool; each accepts with the post's
   * probability. Returns the number of offers made.
   */
  private static int offer(EcosystemModel model, Post post, TalentTier tier, int vacancies, MoverQueue[] movers) {
    if (vacancies <= 0) {
      return 0;
    }
    MoverQueue queue = movers[tier.ordinal()];
    TalentPool pool = model.talentPool();
    int toMovers = Math.min(vacancies, queue.availableTo(post));
    int moved = binomial(model.random, toMovers, post.acceptance, post.acceptanceLogQ(toMovers));
    queue.take(model, post, moved);
    int toPool = Math.min(vacancies - toMovers, pool.get(tier));
    int hired = binomial(model.random, toPool, post.acceptance, post.acceptanceLogQ(toPool));
    pool.add(tier, -hired);
    // The posts are visited in a random order: the employer, a cache miss at 100,000 firms, is
    // reached only when someone was hired.
    if (moved + hired > 0) {
      post.add(tier, moved + hired);
      if (tier == TalentTier.CORE) {
        post.hiredCore += moved + hired;
      } else if (tier == TalentTier.LEADING) {
        post.hiredLeading += moved + hired;
      }
    }
    model.counters().moves += moved;
    model.counters().hires += moved + hired;
    return toMovers + toPool;
  }

  // ---- h. dual appointments ----

  static void dualAppointments(EcosystemModel model) {
    TalentConfig tc = model.scenario().talent();
    // Every firm's dual-appointment time was set to 0 when its post was opened (openFirmPost).
    for (University university : model.universities()) {
      // Each partner receives one share per university, so the partners' order does not matter.
      int partners = model.alliancePartnerCount(university);
      if (partners == 0) {
        continue;
      }
      double time = appointees(model, university) * tc.dualTimeShare() / partners;
      Bag edges = model.network().getEdgesIn(university);
      for (int i = 0; i < edges.numObjs; i++) {
        Firm partner = EcosystemModel.livingAlly((Edge) edges.objs[i], university);
        if (partner != null) {
          partner.setDualAppointmentTime(partner.getDualAppointmentTime() + time);
        }
      }
    }
  }

  /** University researchers holding a dual appointment at partner firms (0 without partners). */
  static int dualAppointees(EcosystemModel model, University university) {
    return model.alliancePartnerCount(university) > 0 ? appointees(model, university) : 0;
  }

  /** The dual appointees of a university that has partners: round(dualAppointmentShare × upstairs researchers). */
  private static int appointees(EcosystemModel model, University university) {
    return (int) Math.round(model.scenario().talent().dualAppointmentShare() * university.getUpstairsResearchers());
  }

  // ---- rules shared by the sub-steps ----

  /**
   * R&D staff the firm's budget buys: round(planned R&D / wage), where planned R&D is
   * {@link EcosystemModel#plannedRd}: ν · sales, grossed up by the R&D subsidy, plus unspent
   * incubation grants.
   */
  static int wantedStaff(EcosystemModel model, Firm firm, double wage) {
    if (model.scenario().talent().indivisibleRd()) {
      double plan = model.plannedRd(firm);
      if (plan <= 0) {
        return 0;
      }
      // Credit only adds to the funds: when the firm's own funds pay every post its plan wants,
      // its credit line cannot change the staff and is not looked up (at 100,000 firms it reads
      // every loan of the firm).
      double own = model.ownRdFunds(firm);
      int staff = indivisibleStaff(plan, own, wage);
      return staff == indivisibleStaff(plan, Double.POSITIVE_INFINITY, wage)
          ? staff : indivisibleStaff(plan, own + model.rdCredit(firm), wage);
    }
    return staffFor(model, model.fundedRd(firm), wage);
  }

  /**
   * R&D staff under {@code talent.indivisibleRd}: min(ceil(B / w), floor(F / w)) for planned R&D B
   * and funds F (cash above the reserve, {@link EcosystemModel#ownRdFunds}, and guaranteed credit,
   * {@link EcosystemModel#rdCredit}). An
   * R&D effort comes in whole researchers, and a research post has a minimum scale that small
   * firms' R&D budgets often do not reach (Cohen and Klepper 1996; Hall 2002; Czarnitzki and
   * Hottenrott 2011 on small firms' R&D and financing constraints): a firm whose plan buys a
   * fraction of a post (0.3 of a researcher, or 2.3) fills the whole post when its funds pay it,
   * borrowing what its cash does not cover ({@link EcosystemModel#rdCommitment}), and otherwise
   * hires the whole posts its funds pay. Finance, and guarantees with it, so decide whether a small
   * firm does R&D at all. No random draw: the same plan and funds give the same staff every step.
   */
  static int indivisibleStaff(double plan, double funds, double wage) {
    if (plan <= 0 || funds <= 0) {
      return 0;
    }
    double wanted = Math.ceil(Math.min(Integer.MAX_VALUE / 4, plan / wage));
    double affordable = Math.floor(Math.min(Integer.MAX_VALUE / 4, funds / wage));
    return (int) Math.min(wanted, affordable);
  }

  /** R&D staff a budget buys at {@code wage}. */
  private static int staffFor(EcosystemModel model, double budget, double wage) {
    double staff = budget / wage;
    if (staff <= 0) {
      return 0;
    }
    if (model.productLines()) {
      // Unbiased random rounding: floor(x) + Bernoulli(x − floor(x)), so that a firm whose
      // budget buys less than half a person still hires one with that probability.
      double whole = Math.floor(Math.min(Integer.MAX_VALUE / 4, staff));
      return (int) whole + (model.random.nextDouble() < staff - whole ? 1 : 0);
    }
    return (int) Math.min(Integer.MAX_VALUE / 4, Math.round(staff));
  }

  /** Technicians wanted within {@code staff}: min(staff, round(technicianRatio · workers)). */
  static int wantedTechnicians(Firm firm, TalentConfig tc, int staff) {
    double technicians = tc.technicianRatio() * firm.getWorkers();
    return technicians > 0 ? (int) Math.min(staff, Math.round(technicians)) : 0;
  }

  /** Leading scientists a university wants: round(universityLeadingShare · upstairsResearchers). */
  static int universityLeadingTarget(EcosystemModel model) {
    return (int) Math.round(model.scenario().talent().universityLeadingShare() * model.scenario().universities().upstairsResearchers());
  }

  /** a_o / max(1, soeAttractiveness): a_o = soeAttractiveness for SOEs and universities, 1 otherwise. */
  static double ownershipFactor(TalentConfig tc, boolean publicEmployer) {
    double attractiveness = tc.soeAttractiveness();
    return (publicEmployer ? attractiveness : 1.0) / Math.max(1.0, attractiveness);
  }

  /** The probability that a candidate accepts the firm's offer. */
  static double acceptance(EcosystemModel model, Firm firm, TalentConfig tc) {
    return acceptance(tc, firm, campusTerm(model, firm, tc.acceptanceDistanceScale()));
  }

  /** The acceptance probability with the firm's distance term ({@link #campusTerm}) given. */
  private static double acceptance(TalentConfig tc, Firm firm, double campusTerm) {
    return tc.baseAcceptance() * ownershipFactor(tc, firm.getOwnership() == Ownership.SOE) * campusTerm;
  }

  /** exp(−distance from the firm to the nearest campus / {@code scale}). */
  private static double campusTerm(EcosystemModel model, Firm firm, double scale) {
    return StrictMath.exp(-distanceToCampus(model, firm) / scale);
  }

  /** {@link #acceptance}, with the distance term taken from {@link #campusTermById} (computed there on first use). */
  private double acceptanceOf(EcosystemModel model, Firm firm, TalentConfig tc) {
    int id = firm.getId();
    int universities = model.universityCount();
    double scale = tc.acceptanceDistanceScale();
    double[] terms = campusTermById;
    if (terms == null || universities != campusTermUniversities
        || Double.doubleToLongBits(scale) != Double.doubleToLongBits(campusTermScale)) {
      terms = new double[Math.max(64, id + 1)];
      java.util.Arrays.fill(terms, Double.NaN);
      campusTermById = terms;
      campusTermUniversities = universities;
      campusTermScale = scale;
    } else if (id >= terms.length) {
      int from = terms.length;
      terms = campusTermById = java.util.Arrays.copyOf(terms, Math.max(id + 1, 2 * from));
      java.util.Arrays.fill(terms, from, terms.length, Double.NaN);
    }
    double term = terms[id];
    if (Double.isNaN(term)) {
      term = campusTerm(model, firm, scale);
      terms[id] = term;
    }
    return acceptance(tc, firm, term);
  }

  /** Distance from the firm to the nearest campus (from the campus grid), 0 without universities. */
  static double distanceToCampus(EcosystemModel model, Firm firm) {
    int universities = model.universityCount();
    if (universities == 0) {
      return 0;
    }
    // Firms and campuses never move and universities are never removed: cache it per firm.
    double distance = firm.cachedCampusDistance(universities);
    if (Double.isNaN(distance)) {
      distance = model.distanceToNearestCampus(firm.getLocation());
      firm.cacheCampusDistance(universities, distance);
    }
    return distance;
  }

  private static void setHeadcount(Firm firm, TalentTier tier, int n) {
    firm.addHeadcount(tier, n - firm.getHeadcount(tier));
  }

  private static <T> void shuffle(List<T> list, MersenneTwisterFast random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /**
   * A Binomial(n, p) draw: by symmetry for p > 1/2; by the geometric waiting-time method (mean
   * n·p + 1 uniforms) up to a mean of 500; above, a rounded normal approximation clamped to
   * [0, n], as {@link EcosystemModel#poisson} does.
   */
  static int binomial(MersenneTwisterFast random, int n, double p) {
    return binomial(random, n, p, Double.NaN);
  }

  /**
   * The logarithm {@link #binomial} takes for p: ln(1 − p) for p in (0, 1/2], ln(1 − (1 − p)) for
   * p in (1/2, 1) (the draw is then of 1 − p, by symmetry), NaN otherwise (then it is not used).
   */
  static double binomialLogQ(double p) {
    if (p > 0.5 && p < 1) {
      return binomialLogQ(1 - p);
    }
    return p > 0 && p <= 0.5 ? StrictMath.log1p(-p) : Double.NaN;
  }

  /**
   * {@link #binomial}(random, n, p) with its logarithm given ({@link #binomialLogQ}(p), NaN when
   * not known): the same draws and the same result, without recomputing the logarithm per call.
   */
  static int binomial(MersenneTwisterFast random, int n, double p, double logQ) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(random, n, 1 - p, logQ);
    }
    return waitingTime(random, n, p, logQ);
  }

  /** The draw of {@link #binomial} for 0 &lt; p ≤ 1/2 and n &gt; 0; {@code logQ} is ln(1 − p), or NaN to compute it. */
  private static int waitingTime(MersenneTwisterFast random, int n, double p, double logQ) {
    double mean = n * p;
    if (mean > 500) {
      long x = Math.round(mean + StrictMath.sqrt(mean * (1 - p)) * random.nextGaussian());
      return (int) Math.max(0, Math.min(n, x));
    }
    if (Double.isNaN(logQ)) {
      logQ = StrictMath.log1p(-p);
    }
    double position = 0;
    int count = 0;
    while (true) {
      // A geometric gap (trials up to the next success): floor(ln U / ln(1 − p)) + 1, U in (0, 1].
      position += ExactShortcuts.floorLogRatio(1 - random.nextDouble(), logQ) + 1;
      if (position > n) {
        return count;
      }
      count++;
    }
  }

  /** One employer's state in this step's market: its open positions and its job-to-job movers. */
  private static final class Post {
    Firm firm;
    University university;
    double acceptance;
    /** {@link #binomialLogQ} of the acceptance, taken at the post's first offer (NaN before). */
    private double acceptanceLogQ = Double.NaN;
    /**
     * Per employed tier, separated staff searching job to job, and the index of this employer's
     * batch in the tier's mover queue or -1. Fields rather than per-tier arrays: the matching
     * visits the posts in a random order, and at 100,000 employers every array would be one more
     * cache miss per visit.
     */
    private int movingCore;
    private int movingSkilled;
    private int movingLeading;
    private int batchCore = -1;
    private int batchSkilled = -1;
    private int batchLeading = -1;
    /** Open researcher positions: core or leading at a firm, core at a university. */
    int researchers;
    /** Open leading positions (universities only). */
    int leading;
    /** Open technician or engineer positions. */
    int skilled;
    /** Researchers this step's matching hired: core researchers, leading scientists. */
    int hiredCore;
    int hiredLeading;

    /** The acceptance's logarithm for a draw of {@code n} offers, taken once a step for a post that makes offers. */
    double acceptanceLogQ(int n) {
      if (n > 0 && Double.isNaN(acceptanceLogQ)) {
        acceptanceLogQ = binomialLogQ(acceptance);
      }
      return acceptanceLogQ;
    }

    /** Makes this the fresh post of an employer (every field as a new post has it). */
    void reset(Firm firm, University university, double acceptance) {
      this.firm = firm;
      this.university = university;
      this.acceptance = acceptance;
      acceptanceLogQ = Double.NaN;
      movingCore = 0;
      movingSkilled = 0;
      movingLeading = 0;
      batchCore = -1;
      batchSkilled = -1;
      batchLeading = -1;
      researchers = 0;
      leading = 0;
      skilled = 0;
      hiredCore = 0;
      hiredLeading = 0;
    }

    int moving(TalentTier tier) {
      return switch (tier) {
        case CORE -> movingCore;
        case SKILLED -> movingSkilled;
        case LEADING -> movingLeading;
        case RESERVE -> 0;
      };
    }

    void setMoving(TalentTier tier, int n) {
      switch (tier) {
        case CORE -> movingCore = n;
        case SKILLED -> movingSkilled = n;
        case LEADING -> movingLeading = n;
        case RESERVE -> throw noMovers(tier);
      }
    }

    int moverBatch(TalentTier tier) {
      return switch (tier) {
        case CORE -> batchCore;
        case SKILLED -> batchSkilled;
        case LEADING -> batchLeading;
        case RESERVE -> -1;
      };
    }

    void setMoverBatch(TalentTier tier, int index) {
      switch (tier) {
        case CORE -> batchCore = index;
        case SKILLED -> batchSkilled = index;
        case LEADING -> batchLeading = index;
        case RESERVE -> throw noMovers(tier);
      }
    }

    /** The reserve has no movers. */
    private static IllegalArgumentException noMovers(TalentTier tier) {
      return new IllegalArgumentException("no movers of " + tier);
    }

    int headcount(TalentTier tier) {
      return firm != null ? firm.getHeadcount(tier) : university.getHeadcount(tier);
    }

    /** The firm or university this post belongs to. */
    Object employer() {
      return firm != null ? firm : university;
    }

    void add(TalentTier tier, int n) {
      if (firm != null) {
        firm.addHeadcount(tier, n);
      } else {
        university.addHeadcount(tier, n);
      }
    }
  }

  /**
   * Job-to-job movers of one tier, in batches by origin, taken first come first served (skipping
   * the taker's own batch, so nobody moves back to the employer they just left).
   */
  private static final class MoverQueue {
    private final TalentTier tier;
    private final List<Post> origins = new ArrayList<>();
    private int[] remaining = new int[16];
    private int head;
    int total;

    MoverQueue(TalentTier tier) {
      this.tier = tier;
    }

    void add(Post origin, int n) {
      if (n <= 0) {
        return;
      }
      if (origins.size() == remaining.length) {
        remaining = Arrays.copyOf(remaining, 2 * remaining.length);
      }
      origin.setMoverBatch(tier, origins.size());
      remaining[origins.size()] = n;
      origins.add(origin);
      total += n;
    }

    /** Movers that {@code post} may hire: all but its own. */
    int availableTo(Post post) {
      return total - own(post);
    }

    private int own(Post post) {
      int index = post.moverBatch(tier);
      return index >= 0 ? remaining[index] : 0;
    }

    void take(EcosystemModel model, Post taker, int n) {
      for (int i = head; n > 0 && i < origins.size(); i++) {
        if (origins.get(i) == taker) {
          continue;
        }
        int taken = Math.min(n, remaining[i]);
        remaining[i] -= taken;
        total -= taken;
        n -= taken;
        if (taken > 0) {
          model.talentMoved(origins.get(i).employer(), taker.employer(), tier, taken);
        }
      }
      while (head < origins.size() && remaining[head] == 0) {
        head++;
      }
      if (n > 0) {
        throw new IllegalStateException("more " + tier + " movers taken than available");
      }
    }
  }
}
