package org.nqpf.model;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
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
 * All randomness comes from {@link #random}, seeded from the scenario's 64-bit seed.
 */
public class EcosystemModel extends SimState {
  private static final long serialVersionUID = 1L;

  /** Firms by id, which is their order of creation and so their order in every list. */
  private static final Comparator<Firm> BY_ID = Comparator.comparingInt(Firm::getId);

  private final Scenario scenario;
  private Continuous2D space;
  private Network network;
  private final List<Firm> firms = new ArrayList<>();
  private final List<List<Firm>> firmsBySector = new ArrayList<>();
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
  private int nextFirmId;
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
  private transient List<Firm> firmsView;
  private transient List<List<Firm>> sectorViews;
  private transient List<Bank> banksView;
  private transient List<GuaranteeFund> fundsView;
  private transient CampusIndex campusIndex;
  private transient WorkCounters work;
  /**
   * While firms are being founded (see {@link #beginFounding}): per sector, the sum of the living
   * firms' market shares, not yet renormalised, and the sums of positive shares and of share ×
   * technology; null otherwise.
   */
  private transient double[] foundingTotal;
  private transient double[] foundingWeights;
  private transient double[] foundingWeighted;
  private transient boolean[] foundingChanged;
  /** Under product lines, while firms are being founded: each sector's mean technology at the batch's start. */
  private transient double[] foundingMeans;

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
    firms.clear();
    firmsBySector.clear();
    for (int s = 0; s < Sector.values().length; s++) {
      firmsBySector.add(new ArrayList<>());
    }
    sectorViews = null;
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
    nextFirmId = 0;
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
    if (mechanisms.finance() == MechanismsConfig.Finance.CREDIT) {
      scheduleAt(Phase.CREDIT, new CreditMarket());
    }
    scheduleAt(Phase.RESEARCH_AND_DEVELOPMENT, new FirmResearch());
    scheduleAt(Phase.PILOT_CONVERSION, new PilotConversion());
    if (mechanisms.ai() == MechanismsConfig.Ai.DIFFUSION) {
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
    for (int i = 0; i < scenario.totalSteps(); i++) {
      schedule.step(this);
    }
    finish();
    return series;
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

  /** Living firms, in order of creation. */
  public List<Firm> firms() {
    if (firmsView == null) {
      firmsView = Collections.unmodifiableList(firms);
    }
    return firmsView;
  }

  /** Living firms of one sector, in order of creation. */
  public List<Firm> firms(Sector sector) {
    if (sectorViews == null) {
      List<List<Firm>> views = new ArrayList<>();
      for (List<Firm> sectorFirms : firmsBySector) {
        views.add(Collections.unmodifiableList(sectorFirms));
      }
      sectorViews = views;
    }
    return sectorViews.get(sector.ordinal());
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
    return scenario.mechanisms().finance() == MechanismsConfig.Finance.CREDIT;
  }

  public boolean talentMarket() {
    return scenario.mechanisms().talent() == MechanismsConfig.Talent.MARKET;
  }

  public boolean aiDiffusion() {
    return scenario.mechanisms().ai() == MechanismsConfig.Ai.DIFFUSION;
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
  public double wageIndex() {
    return wageIndex;
  }

  /** Pay of a researcher (or other R&D staff) this step: the researcher wage times the wage index. */
  public double researcherWage() {
    return scenario.market().researcherWage() * wageIndex;
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
  public void changePolicy(org.nqpf.config.PolicyChange.Lever lever, double value) {
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
    technologyChanged(firm, technologyBefore);
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

  /** Creates a firm, places it and adds it to the network; its market share starts at 0. */
  Firm addFirm(Ownership ownership, Sector sector, Double2D location, double technology, int parentUniversity) {
    boolean soe = ownership == Ownership.SOE;
    var firmsConfig = scenario.firms();
    var market = scenario.market();
    Firm firm = new Firm(nextFirmId++, ownership, sector, location, currentStep, parentUniversity, technology,
        soe ? firmsConfig.soeLabourProductivity() : 1.0,
        soe ? firmsConfig.soeCapitalPerOutput() : firmsConfig.capitalPerOutput(),
        soe ? market.wage() * market.soeWagePremium() : market.wage(),
        soe ? firmsConfig.soeRdIntensity() : firmsConfig.rdIntensity());
    int bankCount = scenario.credit().banks();
    if (creditMarket() && bankCount > 1) {
      firm.setBankIndex(random.nextInt(bankCount));
    }
    int fundCount = scenario.credit().guaranteeFunds();
    if (creditMarket() && fundCount > 0) {
      firm.setFundIndex(fundCount > 1 ? random.nextInt(fundCount) : 0);
    }
    firms.add(firm);
    firmsBySector.get(sector.ordinal()).add(firm);
    space.setObjectLocation(firm, location);
    if (query != null) {
      query.add(firm);
    }
    network.addNode(firm);
    return firm;
  }

  /**
   * Founds a private start-up (an entrant or a spin-off): its market share starts at
   * {@code entrantRelativeShare} / n of its sector, its capital fits that share of demand (brought
   * in kind by its owners), and its cash, {@code entrantCash}, comes from households.
   */
  Firm foundStartup(Sector sector, Double2D location, double technology, int parentUniversity) {
    var demography = scenario.demography();
    Firm firm = addFirm(Ownership.PRIVATE, sector, location, technology, parentUniversity);
    if (demography.entrantAbilitySd() > 0 && scenario.mechanisms().innovation() == MechanismsConfig.Innovation.ARRIVALS) {
      // Learning entrants (Jovanovic 1982): an ability of mean 1 the entrant does not know.
      double shape = 1 / (demography.entrantAbilitySd() * demography.entrantAbilitySd());
      double ability = new GammaDistribution(new SharedRandom(random), shape, 1 / shape).sample();
      firm.startLearning(new EntrantLearning(ability, shape));
    }
    if (productLines != null) {
      enterWithLines(firm, 1);
      payInEquity(firm, demography.entrantCash() * wageIndex, false);
      return firm;
    }
    double share = demography.entrantRelativeShare() / firms(sector).size();
    firm.setCapital(firm.getCapitalPerOutput() * share * sectorDemand(sector));
    payInEquity(firm, demography.entrantCash() * wageIndex, false);
    if (foundingTotal == null) {
      firm.setMarketShare(share);
      normaliseShares(sector);
      return firm;
    }
    // Within a founding batch the sector's shares are renormalised once, at its end: the entrant's
    // share is scaled to the sector's current, unnormalised total, so that after the
    // renormalisation every share is what renormalising after each entrant would give.
    int s = sector.ordinal();
    double raw = share * (foundingTotal[s] > 0 ? foundingTotal[s] : 1);
    firm.setMarketShare(raw);
    foundingTotal[s] += raw;
    if (raw > 0) {
      foundingWeights[s] += raw;
      foundingWeighted[s] += raw * technology;
    }
    foundingChanged[s] = true;
    return firm;
  }

  /**
   * The owners of a new firm (households, or the state for an SOE it founds) pay in {@code cash}.
   * Under demand from incomes its capital is not brought in kind: they pay its value in too, and
   * the firm orders it from the sectors (paid now, delivered in the next goods market).
   */
  private void payInEquity(Firm firm, double cash, boolean byState) {
    double capital = 0;
    if (incomes != null) {
      capital = firm.getCapital() / scenario.demand().desiredUtilisation();
      firm.setCapital(0);
    }
    if (byState) {
      books.stateEquity(firm, cash + capital);
    } else {
      books.householdsToFirm(Matrices.Flow.EQUITY, firm, cash + capital);
    }
    if (capital > 0) {
      incomes.order(books, firm, capital);
    }
  }

  /**
   * A new firm takes {@code count} product lines of its sector and the capital that its share of
   * the sector's demand needs (brought in kind by its owners).
   */
  private void enterWithLines(Firm firm, int count) {
    productLines.enter(this, firm, count);
    firm.setCapital(firm.getCapitalPerOutput() * firm.getMarketShare() * sectorDemand(firm.getSector()));
  }

  /**
   * The state founds an SOE (抓大放小's "grasp the large"): it takes {@code soeFoundingLines}
   * product lines of its sector, the capital they need, and {@code entrantCash} per line from the
   * government.
   */
  Firm foundSoe(Sector sector, Double2D location, double technology) {
    var demography = scenario.demography();
    Firm firm = addFirm(Ownership.SOE, sector, location, technology, -1);
    enterWithLines(firm, demography.soeFoundingLines());
    payInEquity(firm, demography.entrantCash() * firm.getLines() * wageIndex, true);
    return firm;
  }

  /** Privatises an SOE: it takes a private firm's structural parameters (see {@link Firm#privatise}). */
  void privatise(Firm firm) {
    var firmsConfig = scenario.firms();
    books.reclassify(firm);
    firm.privatise(1.0, firmsConfig.capitalPerOutput(), scenario.market().wage(), firmsConfig.rdIntensity());
  }

  /**
   * Starts a batch of foundings (a phase's entrants or spin-offs): until {@link #endFounding}, a
   * new firm does not renormalise its sector's shares at once (which costs a pass over the sector
   * per entrant, quadratic in the number of firms) and {@link #meanTechnology} reads running sums.
   * Nothing else may read or change market shares during the batch.
   */
  void beginFounding() {
    beginFounding(null);
  }

  /**
   * {@link #beginFounding()} with the sums of the shares already taken by
   * {@link #normaliseAllShares} (null: takes them, one pass over the firms); no share may have
   * changed since.
   */
  void beginFounding(ShareSums sums) {
    int sectors = Sector.values().length;
    if (productLines != null) {
      // Entrants take lines from other firms, which changes their shares: the batch's entrants
      // draw their technology around each sector's mean at the batch's start.
      double[] means = new double[sectors];
      for (Sector sector : Sector.values()) {
        means[sector.ordinal()] = meanTechnology(sector);
      }
      foundingMeans = means;
      return;
    }
    foundingChanged = new boolean[sectors];
    if (sums != null) {
      foundingTotal = sums.total;
      foundingWeights = sums.weights;
      foundingWeighted = sums.weighted;
      return;
    }
    foundingTotal = new double[sectors];
    foundingWeights = new double[sectors];
    foundingWeighted = new double[sectors];
    for (int s = 0; s < sectors; s++) {
      List<Firm> sectorFirms = firmsBySector.get(s);
      for (Firm f : sectorFirms) {
        if (f.isAlive()) {
          double share = f.getMarketShare();
          foundingTotal[s] += share;
          if (share > 0) {
            foundingWeights[s] += share;
            foundingWeighted[s] += share * f.getTechnology();
          }
        }
      }
      work().shareUpdates += sectorFirms.size();
    }
  }

  /** Ends a batch of foundings: renormalises the shares of the sectors that gained firms. */
  void endFounding() {
    if (productLines != null) {
      foundingMeans = null;
      return;
    }
    boolean[] changed = foundingChanged;
    double[] totals = foundingTotal;
    foundingTotal = null;
    foundingWeights = null;
    foundingWeighted = null;
    foundingChanged = null;
    for (Sector sector : Sector.values()) {
      if (changed != null && changed[sector.ordinal()]) {
        // The batch's running total is the sum of the sector's shares in the sector list's order
        // (the shares at its start, then each new firm's): the very sum normaliseShares would take.
        normaliseShares(sector, totals[sector.ordinal()], null);
      }
    }
  }

  /**
   * Per sector, the sums {@link #beginFounding} takes over the living firms, in the sector list's
   * order: of the market shares, of the positive shares and of share × technology.
   */
  static final class ShareSums {
    final double[] total = new double[Sector.values().length];
    final double[] weights = new double[Sector.values().length];
    final double[] weighted = new double[Sector.values().length];
  }

  /**
   * Renormalises every sector's shares ({@link #normaliseShares}) given each sector's sum of the
   * living firms' shares in the sector list's order ({@code totals}, by sector ordinal), and returns
   * the sums of the new shares, taken in the same pass, for a {@link #beginFounding(ShareSums)}
   * that follows before any share changes.
   */
  ShareSums normaliseAllShares(double[] totals) {
    if (productLines != null) {
      productLines.reassignLeft(this);
      return null;
    }
    ShareSums sums = new ShareSums();
    for (Sector sector : Sector.values()) {
      normaliseShares(sector, totals[sector.ordinal()], sums);
    }
    return sums;
  }

  /** Keeps the running share-weighted technology of a founding batch up to date when a firm's technology changes. */
  private void technologyChanged(Firm firm, double before) {
    if (foundingTotal != null && firm.isAlive() && firm.getMarketShare() > 0) {
      foundingWeighted[firm.getSector().ordinal()] += firm.getMarketShare() * (firm.getTechnology() - before);
    }
  }

  /**
   * Removes firms that exited this step from the lists, the region and the network. Firms are
   * appended to the lists as they are created, so every list is in id order; with the exited firms
   * in id order too, each list is compacted in one pass that compares references and never reads
   * a surviving firm (at 100,000 firms, reading each would be a cache miss).
   */
  void removeExited(List<Firm> exited) {
    if (exited.isEmpty()) {
      return;
    }
    List<Firm> byId = new ArrayList<>(exited);
    byId.sort(BY_ID);
    for (Firm f : byId) {
      space.remove(f);
      network.removeNode(f);
    }
    removeFrom(firms, byId);
    if (query != null) {
      query.removeDead(byId);
    }
    for (int s = 0; s < firmsBySector.size(); s++) {
      List<Firm> ofSector = new ArrayList<>();
      for (Firm f : byId) {
        if (f.getSector().ordinal() == s) {
          ofSector.add(f);
        }
      }
      removeFrom(firmsBySector.get(s), ofSector);
    }
  }

  /** Removes {@code gone} (in the list's order, all of them in it) from {@code list}, keeping the others' order. */
  private static void removeFrom(List<Firm> list, List<Firm> gone) {
    int n = list.size();
    int kept = 0;
    int next = 0;
    for (int i = 0; i < n; i++) {
      Firm f = list.get(i);
      if (next < gone.size() && f == gone.get(next)) {
        next++;
      } else {
        list.set(kept++, f);
      }
    }
    if (next != gone.size()) {
      throw new IllegalStateException(gone.size() - next + " exited firms were not found in id order");
    }
    list.subList(kept, n).clear();
  }

  /** Rescales the market shares of a sector's living firms to sum to one. */
  void normaliseShares(Sector sector) {
    normaliseShares(sector, sumOfShares(sector), null);
  }

  /** The sum of the market shares of the sector's living firms, in the sector list's order. */
  private double sumOfShares(Sector sector) {
    List<Firm> sectorFirms = firmsBySector.get(sector.ordinal());
    work().shareUpdates += sectorFirms.size();
    double total = 0;
    for (Firm f : sectorFirms) {
      if (f.isAlive()) {
        total += f.getMarketShare();
      }
    }
    return total;
  }

  /**
   * Divides the shares of the sector's living firms by {@code total}, their sum (nothing when it
   * is not positive); with {@code sums}, also adds up the resulting shares as {@link #beginFounding}
   * would.
   */
  private void normaliseShares(Sector sector, double total, ShareSums sums) {
    int s = sector.ordinal();
    List<Firm> sectorFirms = firmsBySector.get(s);
    work().shareUpdates += sectorFirms.size();
    for (Firm f : sectorFirms) {
      if (f.isAlive()) {
        double share = total > 0 ? f.getMarketShare() / total : f.getMarketShare();
        if (total > 0) {
          f.setMarketShare(share);
        }
        if (sums != null) {
          sums.total[s] += share;
          if (share > 0) {
            sums.weights[s] += share;
            sums.weighted[s] += share * f.getTechnology();
          }
        }
      }
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
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    double u = random.nextDouble() * total;
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

  /** Share-weighted mean technology of a sector's living firms (plain mean if no shares yet). */
  double meanTechnology(Sector sector) {
    if (foundingMeans != null) {
      return foundingMeans[sector.ordinal()];
    }
    if (foundingTotal != null && foundingWeights[sector.ordinal()] > 0) {
      return foundingWeighted[sector.ordinal()] / foundingWeights[sector.ordinal()];
    }
    double weighted = 0;
    double weights = 0;
    work().shareUpdates += firmsBySector.get(sector.ordinal()).size();
    for (Firm f : firmsBySector.get(sector.ordinal())) {
      if (f.isAlive()) {
        double w = f.getMarketShare() > 0 ? f.getMarketShare() : 0;
        weighted += w * f.getTechnology();
        weights += w;
      }
    }
    if (weights > 0) {
      return weighted / weights;
    }
    double sum = 0;
    int n = 0;
    for (Firm f : firmsBySector.get(sector.ordinal())) {
      sum += f.getTechnology();
      n++;
    }
    return n > 0 ? sum / n : 1.0;
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
