package org.nqpf.model;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nqpf.config.MechanismsConfig;
import org.nqpf.config.PolicyConfig;
import org.nqpf.config.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.continuous.Continuous2D;
import sim.field.network.Edge;
import sim.field.network.Network;
import sim.util.Bag;
import sim.util.Double2D;

/**
 * The innovation ecosystem: firms, universities, government and households in a continuous
 * region with a network of relations, stepped by one mechanism per phase (see {@link Phase}).
 * The model holds the schedule and the world (region, network, universities, banks, funds, parks,
 * demand, policy, listeners); the living firms, their founding and the market shares' sums are
 * its {@link FirmPopulation}. All randomness comes from {@link #random}, seeded from the
 * scenario's 64-bit seed.
 */
public class EcosystemModel extends SimState {
  /**
   * 2 since the firms moved into {@link FirmPopulation}: a checkpoint written before is refused as
   * one of another version, instead of being read as a model without firms.
   */
  private static final long serialVersionUID = 2L;

  private final Scenario scenario;
  private Continuous2D space;
  private Network network;
  /** The living firms, their founding and the market shares' sums. */
  private final FirmPopulation population = new FirmPopulation(this);
  private final List<University> universities = new ArrayList<>();
  private final List<Double2D> parks = new ArrayList<>();
  private Books books;
  private PolicyConfig policy;
  private TalentPool talentPool;
  private final List<Bank> banks = new ArrayList<>();
  private final List<GuaranteeFund> funds = new ArrayList<>();
  private StepCounters counters;
  private TimeSeries series;
  private double[] sectorDemand;
  private double baseDemand;
  private double wageIndex;
  /**
   * The researcher wage relative to {@code market.researcherWage} × the wage index, set by the
   * talent market's excess demand ({@link TalentMarket}); 1 while {@code talent.wageAdjustment} is 0.
   */
  private double researcherWageFactor;
  private long currentStep;
  /** The sectors' product lines under {@code mechanisms.market: LINES}; null otherwise. */
  private ProductLines productLines;
  private IncomesDemand incomes;
  private NationalAccounts accounts;
  /** The stock-flow matrices of every step, when kept (observations: not saved in checkpoints). */
  private transient List<Matrices> matrices;
  private transient double[] moneyAtStepStart;
  /** Listeners are not part of the model's state: a checkpoint does not save them. */
  private transient InnovationListener innovationListener;
  private transient TalentMoveListener talentMoveListener;
  private transient PhaseListener phaseListener;
  /** Scratch space of neighbourhood queries and the campus grid: rebuilt on demand, never saved. */
  private transient FirmQuery query;
  /** Read-only views of the lists, made on first use (the accessors are called per firm in some phases). */
  private transient List<Bank> banksView;
  private transient List<GuaranteeFund> fundsView;
  private transient CampusIndex campusIndex;
  private transient WorkCounters work;

  public EcosystemModel(Scenario scenario) {
    super(scenario.seed());
    this.scenario = scenario;
    setSeed(scenario.seed());
  }

  /**
   * Seeds the generator with all 64 bits of {@code seed} (MASON's own long constructor keeps only
   * the low 32 bits, so seeds differing above bit 31 would otherwise give the same run).
   */
  @Override
  public void setSeed(long seed) {
    super.setSeed(seed);
    random = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32)});
  }

  /** Builds the initial world from the scenario and schedules the phases. */
  @Override
  public void start() {
    super.start();
    reset();
    new WorldBuilder(this).build();
    schedulePhases();
  }

  /** Starts with no agents, for tests that build a small world by hand. */
  void startEmpty() {
    super.start();
    reset();
    sectorDemand = new double[Sector.values().length];
    schedulePhases();
  }

  private void reset() {
    space = new Continuous2D(discretization(scenario), scenario.region().width(), scenario.region().height());
    network = new Network(false);
    population.reset();
    universities.clear();
    parks.clear();
    books = new Books();
    policy = scenario.policy();
    talentPool = new TalentPool();
    banks.clear();
    funds.clear();
    counters = new StepCounters();
    series = new TimeSeries();
    sectorDemand = new double[Sector.values().length];
    baseDemand = 0;
    wageIndex = 1;
    researcherWageFactor = 1;
    currentStep = 0;
    productLines = null;
    incomes = null;
    accounts = new NationalAccounts();
    matrices = null;
    moneyAtStepStart = null;
    query = null;
    campusIndex = null;
    work = new WorkCounters();
  }

  /**
   * The cell size of the spatial index: the AI neighbourhood radius (the most frequent query, one
   * per firm and step), so that a query scans about 3 × 3 cells whatever the size of the region,
   * but at least an eighth of the conversion search radius (so that a campus query scans at most
   * about 17 × 17 cells) and a ten-thousandth of the region's larger side. Only the speed of
   * queries depends on it: their results are exact and sorted by id.
   */
  static double discretization(Scenario scenario) {
    double conversion = scenario.universities().conversionSearchRadius();
    double cell = scenario.mechanisms().ai() == MechanismsConfig.Ai.DIFFUSION ? scenario.ai().neighbourRadius() : conversion / 3;
    double side = Math.max(scenario.region().width(), scenario.region().height());
    return Math.max(Math.max(cell, conversion / 8), side / 10_000);
  }

  private void schedulePhases() {
    MechanismsConfig mechanisms = scenario.mechanisms();
    scheduleAt(Phase.GOVERNMENT, new Government());
    scheduleAt(Phase.UPSTAIRS_RESEARCH, new UpstairsResearch());
    if (mechanisms.talent() == MechanismsConfig.Talent.MARKET) {
      scheduleAt(Phase.TALENT, new TalentMarket());
    }
    if (creditMarket()) {
      scheduleAt(Phase.CREDIT, new CreditMarket());
    }
    scheduleAt(Phase.RESEARCH_AND_DEVELOPMENT, new FirmResearch());
    scheduleAt(Phase.PILOT_CONVERSION, new PilotConversion());
    if (mechanisms.ai() != MechanismsConfig.Ai.OFF) {
      scheduleAt(Phase.AI_ADOPTION, new AiAdoption());
    }
    scheduleAt(Phase.PRODUCTION_AND_MARKET, new GoodsMarket());
    scheduleAt(Phase.DEMOGRAPHY, new Demography());
    scheduleAt(Phase.OBSERVATION, new Observer());
  }

  private void scheduleAt(Phase phase, Steppable mechanism) {
    schedule.scheduleRepeating(0.0, phase.ordering(), new PhaseStep(phase, mechanism), 1.0);
  }

  /**
   * Sets who is told when each phase starts and ends (null for nobody): the benchmark's per-mechanism
   * timing. Listening changes nothing in the run.
   */
  public void setPhaseListener(PhaseListener listener) {
    this.phaseListener = listener;
  }

  /** A phase's mechanism as scheduled: steps it, telling the phase listener, if any, around it. */
  private static final class PhaseStep implements Steppable {
    private static final long serialVersionUID = 1L;
    private final Phase phase;
    private final Steppable mechanism;

    PhaseStep(Phase phase, Steppable mechanism) {
      this.phase = phase;
      this.mechanism = mechanism;
    }

    @Override
    public void step(SimState state) {
      PhaseListener listener = ((EcosystemModel) state).phaseListener;
      if (listener == null) {
        mechanism.step(state);
      } else {
        listener.phaseStarted(phase);
        mechanism.step(state);
        listener.phaseEnded(phase);
      }
    }
  }

  /** Runs the scenario's burn-in and recorded steps from a fresh start. */
  public TimeSeries runToEnd() {
    start();
    stepToEnd(null);
    finish();
    return series;
  }

  /**
   * Steps the started model from its current step (0, or a checkpoint's) to its scenario's end,
   * telling {@code listener}, when not null, after each step: the one loop in which every command
   * ({@code run}, {@code sweep}, {@code verify}, {@code effects}, {@code validate},
   * {@code calibrate}, {@code bench}) and {@link #runToEnd} step a model. The caller starts the
   * model before and finishes it after.
   */
  public void stepToEnd(StepListener listener) {
    int total = scenario.totalSteps();
    for (int step = (int) schedule.getSteps(); step < total; step++) {
      schedule.step(this);
      if (listener != null) {
        listener.stepped(this, step);
      }
    }
  }

  // ---- state read by mechanisms, observers, tests and the GUI ----

  public Scenario scenario() {
    return scenario;
  }

  public Continuous2D space() {
    return space;
  }

  public Network network() {
    return network;
  }

  /** The living firms, their founding and their market shares' sums. */
  FirmPopulation population() {
    return population;
  }

  /** Living firms, in order of creation. */
  public List<Firm> firms() {
    return population.firms();
  }

  /** Living firms of one sector, in order of creation. */
  public List<Firm> firms(Sector sector) {
    return population.firms(sector);
  }

  public List<University> universities() {
    return Collections.unmodifiableList(universities);
  }

  /** The number of universities (without wrapping the list). */
  int universityCount() {
    return universities.size();
  }

  /** The scenario's nominal demand growth of {@code sector} (as {@code demandGrowth().asArray()[sector.ordinal()]}, without the array). */
  double demandGrowth(Sector sector) {
    if (incomes != null) {
      // Demand from incomes: firms expect no growth (they keep spare capacity instead), which
      // avoids the accelerator's explosive loop between investment and measured demand growth.
      return 0;
    }
    org.nqpf.config.SectorRates rates = scenario.market().demandGrowth();
    switch (sector.ordinal()) {
      case 0:
        return rates.traditional();
      case 1:
        return rates.strategicEmerging();
      default:
        return rates.future();
    }
  }

  public List<Double2D> parks() {
    return Collections.unmodifiableList(parks);
  }

  public Books books() {
    return books;
  }

  /** The policy in force this step (the scenario's, as changed by its timeline so far). */
  public PolicyConfig policy() {
    return policy;
  }

  public TalentPool talentPool() {
    return talentPool;
  }

  public List<Bank> banks() {
    if (banksView == null) {
      banksView = Collections.unmodifiableList(banks);
    }
    return banksView;
  }

  public List<GuaranteeFund> funds() {
    if (fundsView == null) {
      fundsView = Collections.unmodifiableList(funds);
    }
    return fundsView;
  }

  /** Whether a mechanism of the scenario is switched on. */
  public boolean creditMarket() {
    return scenario.mechanisms().finance() != MechanismsConfig.Finance.INTERNAL_FUNDS;
  }

  /** Whether start-ups borrow and guarantees follow the article's design ({@code mechanisms.finance: STARTUP_CREDIT}). */
  public boolean startupCredit() {
    return scenario.mechanisms().finance() == MechanismsConfig.Finance.STARTUP_CREDIT;
  }

  public boolean talentMarket() {
    return scenario.mechanisms().talent() == MechanismsConfig.Talent.MARKET;
  }

  /** Whether a sector's demand is divided by product lines ({@code mechanisms.market: LINES}). */
  public boolean productLines() {
    return scenario.mechanisms().market() == MechanismsConfig.Market.LINES;
  }

  /** Whether demand comes from incomes ({@code mechanisms.demand: INCOMES}). */
  public boolean incomesDemand() {
    return scenario.mechanisms().demand() == MechanismsConfig.Demand.INCOMES;
  }

  /** Demand from incomes (null unless {@link #incomesDemand()}). */
  IncomesDemand incomes() {
    return incomes;
  }

  /** Sets up demand from incomes (at initialisation, after the banks and funds). */
  void createIncomesDemand() {
    incomes = IncomesDemand.initialise(this);
  }

  /**
   * From now on, keeps the stock-flow matrices of every step ({@link #matrices()}); call before
   * the first step to have them all. The matrices are observations: keeping them changes no result.
   */
  public void keepMatrices() {
    if (matrices == null) {
      matrices = new ArrayList<>();
      books.clearFlows();
      moneyAtStepStart = Matrices.money(this);
    }
  }

  /** The stock-flow matrices of every step since {@link #keepMatrices()} (empty if it was not called). */
  public List<Matrices> matrices() {
    return matrices == null ? List.of() : Collections.unmodifiableList(matrices);
  }

  /** Records the step's matrices, if kept (the observer calls this before it resets the step's flows). */
  void recordMatrices() {
    if (matrices != null) {
      matrices.add(Matrices.of(this, moneyAtStepStart));
    }
  }

  /** Notes each account's money at the start of the next step, if the matrices are kept. */
  void snapshotMoney() {
    if (matrices != null) {
      moneyAtStepStart = Matrices.money(this);
    }
  }

  /** Consumption, government purchases and investment of this step (zero unless demand comes from incomes). */
  double[] demandComponents() {
    return incomes == null ? new double[3]
        : new double[] {incomes.consumption(), incomes.governmentPurchases(), incomes.investment()};
  }

  /** The national accounts, kept from step to step (made anew for a checkpoint written before they existed). */
  NationalAccounts nationalAccounts() {
    if (accounts == null) {
      accounts = new NationalAccounts();
    }
    return accounts;
  }

  /**
   * GDP by the expenditure side: consumption, government purchases and investment that found
   * goods this step (zero unless demand comes from incomes).
   */
  double expenditureGdp() {
    return incomes == null ? 0 : incomes.servedSpending();
  }

  /** Demand of this step that found no goods, over the whole demand (zero unless demand comes from incomes). */
  double unservedDemandShare() {
    return incomes == null ? 0 : incomes.unservedShare();
  }

  /** The sectors' product lines (null unless {@link #productLines()}). */
  ProductLines lines() {
    return productLines;
  }

  /** Creates the product lines and hands them out to the initial firms (at initialisation). */
  void createProductLines() {
    productLines = ProductLines.assignInitial(this, scenario.market().linesPerFirm());
  }

  /**
   * Money for a policy amount given as a share of the economy's scale, times the wage index. The
   * scale is the initial quarterly sales; with demand from incomes it is the labour force's
   * quarterly wage bill (labour force × production wage), which population fixes and the start
   * does not: amounts tied to the start's sales made the long run depend on the start (a start
   * with large SOEs has large initial sales).
   */
  public double policyMoney(double shareOfScale) {
    double scale = incomes != null ? incomes.labourForce() * scenario.market().wage() : baseDemand;
    return shareOfScale * scale * wageIndex;
  }

  /** The economy's total sales at initialisation (the base of the wage index). */
  public double initialSales() {
    return baseDemand;
  }

  public StepCounters counters() {
    return counters;
  }

  /** Work done since the start (spatial candidates examined and the like), for scaling tests. */
  public WorkCounters work() {
    if (work == null) {
      work = new WorkCounters();
    }
    return work;
  }

  public TimeSeries series() {
    return series;
  }

  /** Nominal demand of a sector this step. */
  public double sectorDemand(Sector sector) {
    return sectorDemand[sector.ordinal()];
  }

  /**
   * Nominal wages relative to the start: total nominal demand over its initial level. Wages,
   * researcher pay, fixed costs and start-up capital follow it, so that a unit of money buys the
   * same labour throughout the run and nominal demand growth does not inflate real R&D effort.
   */
  public double researcherWageFactor() {
    return researcherWageFactor;
  }

  void setResearcherWageFactor(double value) {
    researcherWageFactor = value;
  }

  public double wageIndex() {
    return wageIndex;
  }

  /** Pay of a researcher (or other R&D staff) this step: the researcher wage times the wage index. */
  public double researcherWage() {
    return scenario.market().researcherWage() * wageIndex * researcherWageFactor;
  }

  /** Wage per production worker this step. */
  public double wageOf(Firm firm) {
    return firm.getWageRate() * wageIndex;
  }

  /** The step being run (0-based), as the observer will label it. */
  public long currentStep() {
    return currentStep;
  }

  /** Whether {@code step} belongs to the burn-in. */
  public boolean isBurnIn(long step) {
    return step < scenario.burnIn();
  }

  // ---- changes made by the mechanisms ----

  void setPolicy(PolicyConfig newPolicy) {
    policy = newPolicy;
  }

  /**
   * Moves one policy lever from now on, as a timeline entry would (the GUI's sliders call this
   * between steps). The scenario's timeline still applies its own entries at their steps, so a
   * later entry for the same lever overrides the change. The value is checked like a config value.
   *
   * @throws org.nqpf.config.ConfigException if the value is outside the lever's range
   */
  public void changePolicy(org.nqpf.config.Lever lever, double value) {
    policy = policy.with(lever, value);
  }

  /**
   * Sets who hears of every innovation as it is adopted (null: nobody). The listener must not
   * draw random numbers from the model or change it, so that listening does not change a run.
   */
  public void setInnovationListener(InnovationListener listener) {
    innovationListener = listener;
  }

  /**
   * Sets who hears of every batch of job-to-job talent moves (null: nobody); the GUI draws them.
   * Like the innovation listener it must neither draw random numbers from the model nor change it.
   */
  public void setTalentMoveListener(TalentMoveListener listener) {
    talentMoveListener = listener;
  }

  /** Tells the talent-move listener, if any, of a batch of moves. */
  void talentMoved(Object from, Object to, TalentTier tier, int people) {
    if (talentMoveListener != null) {
      talentMoveListener.moved(from, to, tier, people, currentStep);
    }
  }

  /** Counts an innovation a firm adopted and tells the listener, if any. */
  void innovated(Firm firm, InnovationType type, double technologyBefore) {
    population.technologyChanged(firm, technologyBefore);
    counters.countInnovation(firm, type);
    if (productLines != null && type != InnovationType.IMITATED && productLines.capture(this, firm)) {
      counters.captures[firm.getOwnership().ordinal()]++;
    }
    if (innovationListener != null) {
      innovationListener.innovated(firm, type, technologyBefore, firm.getTechnology(), currentStep);
    }
  }

  Bank addBank(double deposits) {
    Bank bank = new Bank(banks.size(), deposits);
    banks.add(bank);
    network.addNode(bank);
    return bank;
  }

  GuaranteeFund addFund() {
    GuaranteeFund fund = new GuaranteeFund(funds.size());
    funds.add(fund);
    return fund;
  }

  void setSectorDemand(Sector sector, double demand) {
    sectorDemand[sector.ordinal()] = demand;
  }

  /** Fixes the current total demand as the base of the wage index (at initialisation). */
  void fixBaseDemand() {
    baseDemand = 0;
    for (double d : sectorDemand) {
      baseDemand += d;
    }
    wageIndex = 1;
  }

  /** Grows each sector's nominal demand by its rate and updates the wage index. */
  void growDemand() {
    if (incomes != null) {
      wageIndex = incomes.nextWageIndex(this, wageIndex);
      incomes.open(this);
      return;
    }
    double[] growth = scenario.market().demandGrowth().asArray();
    double total = 0;
    for (int s = 0; s < sectorDemand.length; s++) {
      sectorDemand[s] *= 1 + growth[s];
      total += sectorDemand[s];
    }
    if (baseDemand > 0) {
      wageIndex = total / baseDemand;
    }
  }

  void advanceStep() {
    currentStep++;
  }

  void addPark(Double2D centre) {
    parks.add(centre);
  }

  University addUniversity(Double2D campus, int researchers, double facilityFactor, int engineers) {
    University university = new University(universities.size(), campus, researchers, facilityFactor, engineers);
    universities.add(university);
    space.setObjectLocation(university, campus);
    network.addNode(university);
    return university;
  }

  /** Puts a new firm in the region, the spatial index (if built) and the network, for {@link FirmPopulation#addFirm}. */
  void place(Firm firm, Double2D location) {
    space.setObjectLocation(firm, location);
    if (query != null) {
      query.add(firm);
    }
    network.addNode(firm);
  }

  /**
   * Takes exited firms, in id order, out of the region, the network and the spatial index (if
   * built), for {@link FirmPopulation#removeExited}.
   */
  void removeFromWorld(List<Firm> byId) {
    for (Firm f : byId) {
      space.remove(f);
      network.removeNode(f);
    }
    if (query != null) {
      query.removeDead(byId);
    }
  }

  /** Adds weight to the alliance between a university and a firm, creating it if new. */
  void strengthenAlliance(University university, Firm firm) {
    Edge edge = network.getEdge(university, firm);
    if (edge == null) {
      edge = network.getEdge(firm, university);
    }
    if (edge != null && edge.info instanceof Relation r && r.type() == Relation.Type.ALLIANCE) {
      r.strengthen(1);
    } else {
      network.addEdge(university, firm, new Relation(Relation.Type.ALLIANCE, 1, currentStep));
      firm.countAlliance();
    }
  }

  void addSpinOffEdge(University university, Firm firm) {
    network.addEdge(university, firm, new Relation(Relation.Type.SPIN_OFF, 1, currentStep));
  }

  /** The university's alliance partners, in order of firm id. */
  List<Firm> alliancePartners(University university) {
    Bag edges = network.getEdgesIn(university);
    List<Firm> partners = new ArrayList<>();
    for (int i = 0; i < edges.numObjs; i++) {
      Firm f = livingAlly((Edge) edges.objs[i], university);
      if (f != null) {
        partners.add(f);
      }
    }
    partners.sort((a, b) -> Integer.compare(a.getId(), b.getId()));
    return partners;
  }

  /** How many living alliance partners the university has (as many as {@link #alliancePartners} lists). */
  int alliancePartnerCount(University university) {
    Bag edges = network.getEdgesIn(university);
    int partners = 0;
    for (int i = 0; i < edges.numObjs; i++) {
      if (livingAlly((Edge) edges.objs[i], university) != null) {
        partners++;
      }
    }
    return partners;
  }

  /** The living firm at the other end of {@code edge}, one of the university's edges, if it is an alliance; else null. */
  static Firm livingAlly(Edge edge, University university) {
    return edge.info instanceof Relation r && r.type() == Relation.Type.ALLIANCE && edge.getOtherNode(university) instanceof Firm f
        && f.isAlive() ? f : null;
  }

  /** Living firms of one sector within {@code radius} of {@code centre}, in order of firm id. */
  List<Firm> firmsNear(Double2D centre, double radius, Sector sector) {
    FirmQuery q = query();
    q.collect(centre, radius, sector, null, work());
    q.sortById();
    return q.toList();
  }

  /**
   * The model's spatial index of living firms with its reusable neighbourhood query (each query
   * overwrites the last result); built from the firms on first use.
   */
  FirmQuery query() {
    if (query == null) {
      List<Firm> firms = population.firms();
      long maxCells = Math.max(1L << 16, 4L * Math.max(firms.size(), scenario.firms().count()));
      query = new FirmQuery(space.getWidth(), space.getHeight(), space.discretization, maxCells);
      for (Firm firm : firms) {
        query.add(firm);
      }
    }
    return query;
  }

  /** Distance from {@code point} to the nearest campus, +∞ without universities. */
  double distanceToNearestCampus(Double2D point) {
    if (campusIndex == null || !campusIndex.covers(universities)) {
      campusIndex = new CampusIndex(universities, space.getWidth(), space.getHeight());
    }
    return campusIndex.nearestDistance(point, work());
  }

  /**
   * A search radius the spatial index can scan: at most the region's diagonal (a larger one finds
   * nothing more, but would make MASON scan cells far outside the region).
   */
  public double searchable(double radius) {
    return Math.min(radius, StrictMath.hypot(space.getWidth(), space.getHeight()));
  }

  /** A uniform random point in the disk of {@code radius} around {@code centre}, kept inside the region. */
  Double2D randomPointNear(Double2D centre, double radius) {
    double angle = random.nextDouble() * 2 * Math.PI;
    double r = radius * StrictMath.sqrt(random.nextDouble());
    double x = Math.min(space.getWidth(), Math.max(0, centre.x + r * StrictMath.cos(angle)));
    double y = Math.min(space.getHeight(), Math.max(0, centre.y + r * StrictMath.sin(angle)));
    return new Double2D(x, y);
  }

  /** A location in a random park, or with probability {@code nearCampusShare} near a random campus. */
  Double2D randomFirmLocation(double nearCampusShare) {
    if (!universities.isEmpty() && random.nextDouble() < nearCampusShare) {
      University u = universities.get(random.nextInt(universities.size()));
      return randomPointNear(u.getCampus(), 2 * scenario.region().downstairsRadius());
    }
    Double2D park = parks.get(random.nextInt(parks.size()));
    return randomPointNear(park, scenario.region().parkRadius());
  }

  /** An index drawn with probability proportional to {@code weights}. */
  int drawIndex(double[] weights) {
    return drawIndex(weights, weights.length);
  }

  /** {@link #drawIndex(double[])} over the first {@code n} weights (a reused buffer). */
  int drawIndex(double[] weights, int n) {
    return indexAt(weights, n, random.nextDouble());
  }

  /** The index {@link #drawIndex(double[], int)} gives for the uniform draw {@code r}. */
  static int indexAt(double[] weights, int n, double r) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    double u = r * total;
    for (int i = 0; i < n; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    return n - 1;
  }

  /** A lognormal factor of mean 1 and log-sd {@code sigma}: exp(σ Z − σ²/2), one Gaussian draw. */
  double lognormalFactor(double sigma) {
    return StrictMath.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
  }

  /** A Poisson draw by inversion for small means and a rounded normal approximation above 500. */
  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 500) {
      return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * random.nextGaussian()));
    }
    double limit = StrictMath.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  /**
   * The R&D a firm plans this step: {@code rdIntensity} of last step's sales is what it pays
   * itself, so with a subsidy s the gross budget is that over (1 − s) (K+S's rule, with the
   * subsidy lowering the price of R&D), plus any incubation grant it has not spent yet (grants
   * are earmarked for R&D).
   */
  public double plannedRd(Firm firm) {
    return firm.getRdIntensity() * firm.getSales() / (1 - policy.rdSubsidyRate()) + firm.getRdGrant();
  }

  /**
   * The R&D a firm can pay for this step under {@code STARTUP_CREDIT} (its plan otherwise): its
   * plan ({@link #plannedRd}) within its cash above its
   * working reserve (the liquidity buffer, what it saves towards AI and its debt service) and the
   * credit it can expect ({@link CreditMarket#creditLine}), grossed up by the R&D subsidy. R&D is
   * paid from internal funds first and debt after them, and firms short of both cut it (Hall 2002;
   * Brown, Fazzari and Petersen 2009; Czarnitzki and Hottenrott 2011 for small firms).
   */
  public double fundedRd(Firm firm) {
    double plan = plannedRd(firm);
    if (!startupCredit()) {
      return plan;
    }
    double own = ownRdFunds(firm);
    if (own >= plan) {
      return plan;
    }
    double credit = creditMarket() ? CreditMarket.creditLine(this, firm) / (1 - policy.rdSubsidyRate()) : 0;
    return Math.max(0, Math.min(plan, own + credit));
  }

  /**
   * The credit part of the funds a firm can put into R&D this step under {@code talent.indivisibleRd}
   * (the other part is {@link #ownRdFunds}): what a guarantee adds to its room at its bank
   * ({@link CreditMarket#rdCreditLine}, 0 without a credit market), grossed up by the R&D subsidy;
   * never negative, so it can only add to the firm's own funds.
   */
  double rdCredit(Firm firm) {
    return creditMarket() ? CreditMarket.rdCreditLine(this, firm) / (1 - policy.rdSubsidyRate()) : 0;
  }

  /**
   * The R&D a firm's internal funds pay for: its cash above its working reserve and next debt
   * service, grossed up by the R&D subsidy, and its unspent incubation grant.
   */
  double ownRdFunds(Firm firm) {
    double reserve = liquidityReserve(firm) + firm.debtServiceDue();
    return (firm.getCash() - reserve) / (1 - policy.rdSubsidyRate()) + firm.getRdGrant();
  }

  /**
   * The R&D a firm must pay for: its plan ({@link #plannedRd}) or, under {@code talent.indivisibleRd},
   * the pay of the R&D staff it holds if that is more (a whole researcher hired for a fraction of
   * one: {@link TalentMarket#wantedStaff}). What it asks the bank for ({@link CreditMarket}) and
   * keeps in its cash before dividends ({@link GoodsMarket}); the plan itself when the option is off.
   */
  double rdCommitment(Firm firm) {
    double plan = plannedRd(firm);
    if (!scenario.talent().indivisibleRd() || !talentMarket()) {
      return plan;
    }
    double pay = (firm.getCoreResearchers() + firm.getTechnicians()
        + scenario.talent().leadingWagePremium() * firm.getLeadingScientists()) * researcherWage();
    return Math.max(plan, pay);
  }

  /**
   * The cash a firm keeps before it spends on anything but its running costs: its liquidity buffer
   * ({@code firms.initialCashToSales} × last step's sales; Caiani et al. 2016) and what it saves
   * towards AI. R&D ({@link #fundedRd}) and investment ({@link GoodsMarket}) are paid from the
   * cash above it, and pilots ({@link PilotConversion}) too, subtracted there term by term.
   */
  double liquidityReserve(Firm firm) {
    return scenario.firms().initialCashToSales() * firm.getSales() + firm.getAiSaving();
  }

  /**
   * The price a firm charges: the markup over unit cost, where unit cost is wage / productivity
   * plus the capital cost of the capital that a unit of sales ties up:
   * p = (1 + μ)·(w / A + r·κ·p), so p = (1 + μ)·w / A / (1 − (1 + μ)·r·κ).
   */
  double priceOf(Firm firm) {
    var market = scenario.market();
    double markup = 1 + market.markup();
    return markup * wageOf(firm) / firm.getProductivity()
        / (1 - markup * market.capitalCostRate() * firm.getCapitalPerOutput());
  }
}
