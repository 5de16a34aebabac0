package org.nqpf.model;

import sim.util.Double2D;

/**
 * A firm: private or state-owned, in one sector, at one place. Its state is read by the
 * mechanisms that act on it each step; the getters are bean properties so that MASON's
 * inspectors can show them.
 */
public final class Firm implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** The loans of a firm that has never borrowed: shared, never written (the first loan grows it). */
  private static final Loan[] NO_LOANS = new Loan[0];

  private final int id;
  private Ownership ownership;
  private final Sector sector;
  private final Double2D location;
  /**
   * The location's coordinates, kept in the firm (set from {@link #location}, also when a
   * checkpoint is read): a distance between firms then reads the two firms, not their two points
   * as well (at 100,000 firms each is a cache miss).
   */
  private transient double x;
  private transient double y;
  private final long born;
  private final int parentUniversity;
  private double capitalPerOutput;
  private double wageRate;
  private double investmentOrder;
  private double aiSaving;
  /**
   * Under demand from incomes, the share of what its customers asked for in the last market that its
   * own capacity could not serve (they were served by the sector's other firms, or not at all).
   */
  private double unfilled;
  private double rdIntensity;
  private double productivityFactor;

  private double technology;
  /** Product lines held (mechanisms.market LINES; 0 otherwise). */
  private int lines;
  /** The sum of the demand weights of the product lines it holds (under {@code market: LINES}). */
  private double lineWeight;
  private double capital;
  private double cash;
  private double marketShare;
  private double sales;
  private double lastSales;
  private double quantity;
  private double price;
  private double workers;
  private double researchers;
  private double rdStaff;
  private int coreResearchers;
  private int technicians;
  private int leadingScientists;
  private double dualAppointmentTime;
  private double rdGrant;
  private double interestPaid;
  private double aiLevel;
  private long aiAdoptedStep = -1;
  private int bankIndex;
  private int fundIndex = -1;
  /**
   * The loans outstanding, in the order they were granted, in the first {@link #loanCount}
   * entries: an array held by the firm, not a list object between them (at 100,000 firms the debt
   * service reaches every borrower's loans, and each object on the way is a cache miss).
   */
  private Loan[] loans = NO_LOANS;
  private int loanCount;
  private sim.field.network.Edge loanEdge;
  private int rdActiveSteps;
  private int rdSuccesses;
  private double rdEffort;
  private int rdActiveStepsWithAi;
  private int rdSuccessesWithAi;
  private double rdEffortWithAi;
  /**
   * Knowledge stock K under innovation arrivals: the perpetual inventory of the firm's innovation
   * effort, K' = (1 − δ) K + effort (Griliches 1979); 0 at birth.
   */
  private double knowledge;
  /** A learning entrant's ability and belief about it (null: the firm does not learn, ability 1). */
  private EntrantLearning learning;
  private double rdSpending;
  private double profit;
  private double tax;
  private boolean alive = true;
  private long exitStep = -1;
  /** The last step the goods market cleared for the firm (-1: never), and what the national accounts noted of it. */
  private long producedStep = -1;
  private long accountedStep = -1;
  private double accountedEmployment;
  private double accountedOutput;
  private final int[] innovations = new int[InnovationType.values().length];
  /** Alliance edges ever made with this firm (the network is only searched for firms that have some). */
  private int alliances;
  /** Distance to the nearest campus and the number of universities it was computed for (-1: not yet). */
  private double campusDistance;
  private int campusDistanceFor = -1;
  /**
   * The sum of the loans' principals as {@link #getDebt} last computed it, valid while
   * {@code debtValid}: every change of a loan's principal goes through {@link #addLoan},
   * {@link #pruneLoans} or {@link #loansChanged}. The same sum in the same order as before, so
   * byte-identical; recomputed after a checkpoint is read.
   */
  private transient double debt;
  /** Interest and principal the loans will ask for at the next debt service, summed with {@link #debt} and valid with it. */
  private transient double serviceDue;
  /**
   * The bank loans' principals not covered by a guarantee (special loans aside), summed with
   * {@link #debt} and valid with it: what the house bank holds against the firm's limit.
   */
  private transient double unguaranteedBankDebt;
  /** Whether the firm has bank loans, and whether a guarantee covers one of them; valid with {@link #debt}. */
  private transient boolean bankLoans;
  private transient boolean guaranteedBankLoans;
  /**
   * The guarantee mark last set on the loan edge's relation: 0 not known (a new edge, or a
   * checkpoint read), 1 not guaranteed, 2 guaranteed; the credit market writes the relation, a
   * cache miss at 100,000 firms, only when the mark changes.
   */
  private transient byte loanEdgeMark;
  private transient boolean debtValid;

  Firm(int id, Ownership ownership, Sector sector, Double2D location, long born, int parentUniversity,
      double technology, double productivityFactor, double capitalPerOutput, double wageRate, double rdIntensity) {
    this.id = id;
    this.ownership = ownership;
    this.sector = sector;
    this.location = location;
    this.x = location.x;
    this.y = location.y;
    this.born = born;
    this.parentUniversity = parentUniversity;
    this.technology = technology;
    this.productivityFactor = productivityFactor;
    this.capitalPerOutput = capitalPerOutput;
    this.wageRate = wageRate;
    this.rdIntensity = rdIntensity;
  }

  public int getId() {
    return id;
  }

  public Ownership getOwnership() {
    return ownership;
  }

  public boolean isPrivate() {
    return ownership == Ownership.PRIVATE;
  }

  /**
   * Privatises an SOE (抓大放小): from now on it is a private firm with a private firm's structural
   * productivity factor, capital per output, wage rate and R&D intensity. It keeps its
   * technology, capital, cash, loans, staff and lines.
   */
  void privatise(double newProductivityFactor, double newCapitalPerOutput, double newWageRate, double newRdIntensity) {
    ownership = Ownership.PRIVATE;
    productivityFactor = newProductivityFactor;
    capitalPerOutput = newCapitalPerOutput;
    wageRate = newWageRate;
    rdIntensity = newRdIntensity;
  }

  /** Product lines the firm holds (under {@code mechanisms.market: LINES}; 0 otherwise). */
  public int getLines() {
    return lines;
  }

  void addLines(int change) {
    lines += change;
  }

  /** The sum of the demand weights of its product lines ({@link ProductLines}). */
  double getLineWeight() {
    return lineWeight;
  }

  void setLineWeight(double weight) {
    lineWeight = weight;
  }

  public Sector getSector() {
    return sector;
  }

  public Double2D getLocation() {
    return location;
  }

  /** The distance to another firm: {@code getLocation().distance(other.getLocation())}, the same arithmetic. */
  double distanceTo(Firm other) {
    double dx = x - other.x;
    double dy = y - other.y;
    return Math.sqrt(dx * dx + dy * dy);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    x = location.x;
    y = location.y;
  }

  public long getBorn() {
    return born;
  }

  /** The university whose invention founded this firm, or -1. */
  public int getParentUniversity() {
    return parentUniversity;
  }

  /**
   * The firm's technology level: what R&D raises, imitation copies and a converted invention
   * multiplies. Labour productivity is technology times the firm's structural productivity factor.
   */
  public double getTechnology() {
    return technology;
  }

  /** The knowledge stock K (innovation effort accumulated and depreciated; 0 under one draw a step). */
  public double getKnowledge() {
    return knowledge;
  }

  /** The learning entrant's ability and belief, or null (ability 1, nothing to learn). */
  EntrantLearning learning() {
    return learning;
  }

  void startLearning(EntrantLearning learning) {
    this.learning = learning;
  }

  /** Depreciates the knowledge stock by {@code depreciation} and adds this step's {@code effort}. */
  void accumulateKnowledge(double depreciation, double effort) {
    knowledge = (1 - depreciation) * knowledge + effort;
  }

  /**
   * Structural labour-productivity factor (capital intensity of SOEs, for example); it stays with
   * the firm and is not copied by imitators.
   */
  public double getProductivityFactor() {
    return productivityFactor;
  }

  /**
   * Labour productivity: units of output per production worker per quarter — technology times the
   * structural factor times the AI production gain (1 + gain × AI level).
   */
  public double getProductivity() {
    return technology * productivityFactor * aiProductionMultiplier;
  }

  private double aiProductionMultiplier = 1.0;

  /** The production-efficiency multiplier from AI adoption (1 for non-adopters). */
  public double getAiProductionMultiplier() {
    return aiProductionMultiplier;
  }

  public double getCapitalPerOutput() {
    return capitalPerOutput;
  }

  /** Wage per production worker per quarter. */
  public double getWageRate() {
    return wageRate;
  }

  /** R&D budget as a share of last step's sales. */
  public double getRdIntensity() {
    return rdIntensity;
  }

  public double getCapital() {
    return capital;
  }

  public double getCash() {
    return cash;
  }

  /** Cash plus capital less debt. */
  public double getNetWorth() {
    return cash + capital - getDebt();
  }

  /** Share of its sector's nominal demand. */
  public double getMarketShare() {
    return marketShare;
  }

  public double getSales() {
    return sales;
  }

  public double getLastSales() {
    return lastSales;
  }

  public double getQuantity() {
    return quantity;
  }

  public double getPrice() {
    return price;
  }

  public double getWorkers() {
    return workers;
  }

  public double getResearchers() {
    return researchers;
  }

  /** Production workers plus R&D staff (researchers, technicians and leading scientists). */
  public double getEmployment() {
    return workers + rdStaff;
  }

  /** R&D and technical staff headcount (or, without a talent market, researchers hired this step). */
  public double getRdStaff() {
    return rdStaff;
  }

  public int getCoreResearchers() {
    return coreResearchers;
  }

  public int getTechnicians() {
    return technicians;
  }

  public int getLeadingScientists() {
    return leadingScientists;
  }

  /** Research time contributed by university researchers holding a dual appointment here (FTE). */
  public double getDualAppointmentTime() {
    return dualAppointmentTime;
  }

  public int getHeadcount(TalentTier tier) {
    return switch (tier) {
      case CORE -> coreResearchers;
      case SKILLED -> technicians;
      case LEADING -> leadingScientists;
      case RESERVE -> 0;
    };
  }

  /** AI adoption level in [0, 1]; 0 for a firm that has not adopted. */
  public double getAiLevel() {
    return aiLevel;
  }

  public boolean isAiAdopter() {
    return aiLevel > 0;
  }

  /** The step the firm adopted AI, or -1. */
  public long getAiAdoptedStep() {
    return aiAdoptedStep;
  }

  /** Index of the firm's house bank. */
  public int getBankIndex() {
    return bankIndex;
  }

  /** Index of the guarantee fund the firm applies to, or -1. */
  public int getFundIndex() {
    return fundIndex;
  }

  /** The firm's loans outstanding (read-only view). */
  public java.util.List<Loan> getLoans() {
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(loans).subList(0, loanCount));
  }

  /** The number of loans outstanding. */
  int loanCount() {
    return loanCount;
  }

  /** Loan {@code i} of the loans outstanding, in the order they were granted. */
  Loan loan(int i) {
    return loans[i];
  }

  /** Principal outstanding over all loans. */
  public double getDebt() {
    summed();
    return debt;
  }

  /**
   * Sums the loans' principals, their next debt service and the bank's unguaranteed exposure in
   * one visit of the loans (each loan's terms are read once for all: at 100,000 firms the loans
   * are cache misses), in loan order.
   */
  private void sumLoans() {
    double sum = 0;
    double due = 0;
    double unguaranteed = 0;
    boolean bank = false;
    boolean guaranteed = false;
    for (int i = 0; i < loanCount; i++) {
      Loan loan = loans[i];
      sum += loan.principal();
      due += loan.nextService();
      if (!loan.isSpecial()) {
        unguaranteed += loan.unguaranteedPrincipal();
        bank = true;
        guaranteed |= loan.isGuaranteed();
      }
    }
    debt = sum;
    serviceDue = due;
    unguaranteedBankDebt = unguaranteed;
    bankLoans = bank;
    guaranteedBankLoans = guaranteed;
    debtValid = true;
  }

  /** Sums the loans ({@link #sumLoans}) unless the sums are valid. */
  private void summed() {
    if (!debtValid) {
      sumLoans();
    }
  }

  /** Interest and principal its loans will ask for at the next debt service. */
  double debtServiceDue() {
    summed();
    return serviceDue;
  }

  /**
   * The firm's bank debt not covered by guarantees: over its bank loans (special loans aside), in
   * loan order, principal × (1 − guaranteed share).
   */
  double unguaranteedBankDebt() {
    summed();
    return unguaranteedBankDebt;
  }

  /** Whether the firm has a loan from a bank (special loans aside). */
  boolean hasBankLoans() {
    summed();
    return bankLoans;
  }

  /** Whether a guarantee covers one of the firm's bank loans. */
  boolean hasGuaranteedBankLoans() {
    summed();
    return guaranteedBankLoans;
  }

  /** Marks the cached debt stale after a loan's principal changed (repaid, written off). */
  void loansChanged() {
    debtValid = false;
  }

  /** Steps without AI in which the firm had researchers innovating. */
  public int getRdActiveSteps() {
    return rdActiveSteps;
  }

  /** Successful innovation draws without AI (adopted or not). */
  public int getRdSuccesses() {
    return rdSuccesses;
  }

  /** Innovators summed over the active steps without AI. */
  public double getRdEffort() {
    return rdEffort;
  }

  /** Steps with AI in which the firm had researchers innovating. */
  public int getRdActiveStepsWithAi() {
    return rdActiveStepsWithAi;
  }

  /** Successful innovation draws with AI. */
  public int getRdSuccessesWithAi() {
    return rdSuccessesWithAi;
  }

  /** Innovators (before the AI speed-up) summed over the active steps with AI. */
  public double getRdEffortWithAi() {
    return rdEffortWithAi;
  }

  public SizeClass getSizeClass() {
    return SizeClass.of(getEmployment());
  }

  public double getRdSpending() {
    return rdSpending;
  }

  public double getProfit() {
    return profit;
  }

  public double getTax() {
    return tax;
  }

  /**
   * Absorptive capacity in [0, 1): the firm's ability to take up outside knowledge, rising with
   * its researchers and technicians (Cohen and Levinthal 1990): (R + T) / (R + T + 1).
   */
  public double getAbsorptiveCapacity() {
    double staff = researchers + technicians;
    return staff / (staff + 1);
  }

  public boolean isAlive() {
    return alive;
  }

  public long getExitStep() {
    return exitStep;
  }

  public int getInnovations(InnovationType type) {
    return innovations[type.ordinal()];
  }

  public int getInnovationsTotal() {
    int total = 0;
    for (int count : innovations) {
      total += count;
    }
    return total;
  }

  public long getAge(long now) {
    return now - born;
  }

  void setTechnology(double value) {
    technology = value;
  }

  void setCapital(double value) {
    capital = value;
  }

  /** Capital goods ordered and paid for, to be delivered in the next goods market (demand from incomes only), in money. */
  public double getInvestmentOrder() {
    return investmentOrder;
  }

  void setInvestmentOrder(double value) {
    investmentOrder = value;
  }

  /** The share of its customers' orders it left unfilled in the last market ({@link #unfilled}). */
  public double getUnfilled() {
    return unfilled;
  }

  void setUnfilled(double unfilled) {
    this.unfilled = unfilled;
  }

  /**
   * What a firm that has decided to adopt AI but could not pay for it yet keeps in cash towards
   * the adoption, on top of its liquidity buffer (demand from incomes only; 0 otherwise), in money.
   */
  public double getAiSaving() {
    return aiSaving;
  }

  void setAiSaving(double value) {
    aiSaving = value;
  }

  void addCash(double amount) {
    cash += amount;
  }

  void setMarketShare(double value) {
    marketShare = value;
  }

  void recordProduction(double newQuantity, double newPrice, double newWorkers) {
    lastSales = sales;
    quantity = newQuantity;
    price = newPrice;
    sales = newQuantity * newPrice;
    workers = newWorkers;
  }

  void initialiseSales(double value) {
    sales = value;
    lastSales = value;
  }

  /**
   * Records the step's R&D: spending, effective researchers (the effort that innovates and
   * absorbs) and staff headcount (counted in employment).
   */
  void recordRd(double spending, double effectiveResearchers, double staff) {
    rdSpending = spending;
    researchers = effectiveResearchers;
    rdStaff = staff;
  }

  /**
   * Adds a pilot conversion's cost to the step's R&D spending (scaling up a process proven in the
   * laboratory is experimental development, and a pilot plant is R&D while its purpose is
   * experience and engineering data: OECD Frascati Manual, ch. 2), so that it is expensed in the
   * step's profit like the rest of R&D.
   */
  void payPilot(double cost) {
    rdSpending += cost;
  }

  /**
   * Records one step's innovation draw: whether the firm had innovators ({@code effort} > 0, the
   * innovators before any AI speed-up) and whether the draw succeeded, split by AI status.
   */
  void recordRdOutcome(double effort, boolean success) {
    if (effort <= 0) {
      return;
    }
    if (aiLevel > 0) {
      rdActiveStepsWithAi++;
      rdEffortWithAi += effort;
      rdSuccessesWithAi += success ? 1 : 0;
    } else {
      rdActiveSteps++;
      rdEffort += effort;
      rdSuccesses += success ? 1 : 0;
    }
  }

  void addHeadcount(TalentTier tier, int amount) {
    switch (tier) {
      case CORE -> coreResearchers += amount;
      case SKILLED -> technicians += amount;
      case LEADING -> leadingScientists += amount;
      case RESERVE -> throw new IllegalArgumentException("firms employ no reserve talent");
    }
    if (coreResearchers < 0 || technicians < 0 || leadingScientists < 0) {
      throw new IllegalStateException(this + ": " + tier + " headcount would turn negative");
    }
  }

  /** Interest paid on loans this step (a cost in the step's profit). */
  public double getInterestPaid() {
    return interestPaid;
  }

  void setInterestPaid(double amount) {
    interestPaid = amount;
  }

  /** Incubation grants received and not yet spent on R&D. */
  public double getRdGrant() {
    return rdGrant;
  }

  void addRdGrant(double amount) {
    rdGrant += amount;
  }

  /** Takes up to {@code amount} of the earmarked grant; returns what was taken. */
  double useRdGrant(double amount) {
    double used = Math.min(amount, rdGrant);
    rdGrant -= used;
    return used;
  }

  void setDualAppointmentTime(double fte) {
    dualAppointmentTime = fte;
  }

  void setAiLevel(double level, double productionGain, long step) {
    setAiLevel(level, productionGain, step, 0, 0);
  }

  /**
   * Sets the AI level and the production multiplier (1 + gain × level), lowered during the J-curve
   * of complementary investment by dip × (1 − age / steps), age the steps since adoption
   * (Brynjolfsson, Rock and Syverson 2021); no dip when {@code dip} or {@code steps} is 0.
   */
  void setAiLevel(double level, double productionGain, long step, double dip, int steps) {
    if (aiLevel == 0 && level > 0) {
      aiAdoptedStep = step;
    }
    aiLevel = level;
    double multiplier = 1 + productionGain * level;
    if (dip > 0 && steps > 0 && aiAdoptedStep >= 0) {
      multiplier *= 1 - dip * Math.max(0, 1 - (step - aiAdoptedStep) / (double) steps);
    }
    aiProductionMultiplier = multiplier;
  }

  void setBankIndex(int index) {
    bankIndex = index;
  }

  void setFundIndex(int index) {
    fundIndex = index;
  }

  int getAlliances() {
    return alliances;
  }

  void countAlliance() {
    alliances++;
  }

  /** The cached distance to the nearest campus if it was computed with {@code universities} universities, else NaN. */
  double cachedCampusDistance(int universities) {
    return campusDistanceFor == universities ? campusDistance : Double.NaN;
  }

  void cacheCampusDistance(int universities, double distance) {
    campusDistance = distance;
    campusDistanceFor = universities;
  }

  /** The guarantee mark last set on the loan edge ({@link #loanEdgeMark}). */
  byte getLoanEdgeMark() {
    return loanEdgeMark;
  }

  void setLoanEdgeMark(byte mark) {
    loanEdgeMark = mark;
  }

  sim.field.network.Edge getLoanEdge() {
    return loanEdge;
  }

  void setLoanEdge(sim.field.network.Edge edge) {
    loanEdge = edge;
    loanEdgeMark = 0;
  }

  /**
   * Appends a loan. A valid cached debt is extended by the new loan's terms: that is the last
   * addition {@link #sumLoans} would make (the loan is last in the list), so the sums are the
   * same, bit for bit, without a walk over the loans.
   */
  void addLoan(Loan loan) {
    if (loanCount == loans.length) {
      loans = java.util.Arrays.copyOf(loans, Math.max(2, 2 * loanCount));
    }
    loans[loanCount++] = loan;
    if (debtValid) {
      debt += loan.principal();
      serviceDue += loan.nextService();
      if (!loan.isSpecial()) {
        unguaranteedBankDebt += loan.unguaranteedPrincipal();
        bankLoans = true;
        guaranteedBankLoans |= loan.isGuaranteed();
      }
    }
  }

  /**
   * Drops the loans a debt service repaid and takes the sums it made as it went, in loan order,
   * of the principals left, of the next service and of the unguaranteed bank principals: a repaid
   * loan added ±0 to each (its principal is 0), which leaves a sum unchanged, so they are the sums
   * {@link #sumLoans} would make over the loans kept; and whether bank loans, and guaranteed ones,
   * are among the loans kept.
   */
  void pruneLoansAfterService(double principals, double nextService, double unguaranteed, boolean bank,
      boolean guaranteed) {
    pruneLoans();
    debt = principals;
    serviceDue = nextService;
    unguaranteedBankDebt = unguaranteed;
    bankLoans = bank;
    guaranteedBankLoans = guaranteed;
    debtValid = true;
  }

  /** Drops repaid and written-off loans. */
  void pruneLoans() {
    int kept = 0;
    for (int i = 0; i < loanCount; i++) {
      if (loans[i].principal() > 0) {
        loans[kept++] = loans[i];
      }
    }
    java.util.Arrays.fill(loans, kept, loanCount, null);
    loanCount = kept;
    debtValid = false;
  }

  void recordProfit(double newProfit, double newTax) {
    profit = newProfit;
    tax = newTax;
  }

  void countInnovation(InnovationType type) {
    innovations[type.ordinal()]++;
  }

  /** The last step in which the firm produced (the goods market cleared for it), or -1. */
  public long getProducedStep() {
    return producedStep;
  }

  void markProduced(long step) {
    producedStep = step;
  }

  /** The step of the national accounts' last note of the firm (-1: none) and its employment and real value added then. */
  long getAccountedStep() {
    return accountedStep;
  }

  double getAccountedEmployment() {
    return accountedEmployment;
  }

  double getAccountedOutput() {
    return accountedOutput;
  }

  void account(long step, double employment, double realOutput) {
    accountedStep = step;
    accountedEmployment = employment;
    accountedOutput = realOutput;
  }

  void exit(long step) {
    alive = false;
    exitStep = step;
  }

  @Override
  public String toString() {
    return "Firm " + id + " (" + ownership + ", " + sector + ")";
  }
}
