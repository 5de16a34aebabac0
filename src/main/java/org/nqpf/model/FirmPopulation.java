package org.nqpf.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.nqpf.config.MechanismsConfig;
import org.nqpf.config.Scenario;
import sim.util.Double2D;

/**
 * The model's living firms and the bookkeeping of their number and market shares: the firms by id
 * and by sector (and read-only views of both), the founding of firms (a plain firm, a private
 * start-up, a state-founded SOE, with the equity their owners pay in and, under product lines, the
 * lines they take), privatisation, the removal of exited firms, the batches of foundings with their
 * running share sums and share-weighted technology, and the renormalisation of each sector's market
 * shares to one.
 *
 * <p>It lives apart from {@link EcosystemModel} so that the model is the schedule and the world
 * (region, network, universities, banks, funds, parks, demand, policy, listeners) and this class is
 * the one place where firms join and leave the population and where the sectors' shares are
 * summed and renormalised around those changes (the goods market folds its own renormalisation
 * into production; under product lines a share is the firm's lines, set by {@link ProductLines}).
 * It keeps a reference to its model for what a founding needs of the world: the scenario, the
 * generator, the step, demand, the wage index, the books, the product lines and demand from
 * incomes; a firm is placed in and taken out of the region, the spatial index and the network by
 * the model ({@link EcosystemModel#place}, {@link EcosystemModel#removeFromWorld}).
 *
 * <p>Every list is in id order (firms are appended as they are created) and every pass over a
 * sector goes in that order, so that sums are taken, and the mechanisms that visit the lists draw
 * their random numbers, in a fixed order. It is saved with the model in a checkpoint; the views
 * and a founding batch's running sums are not (a checkpoint is written between steps, never
 * inside a batch).
 */
final class FirmPopulation implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Firms by id, which is their order of creation and so their order in every list. */
  private static final Comparator<Firm> BY_ID = Comparator.comparingInt(Firm::getId);

  private final EcosystemModel model;
  private final List<Firm> firms = new ArrayList<>();
  private final List<List<Firm>> firmsBySector = new ArrayList<>();
  private int nextFirmId;
  /**
   * Firms removed by {@link #removeExited} since this object was made or read from a checkpoint: a
   * reader that remembers it knows whether any firm has left since (firms leave only there).
   */
  private transient long removedCount;
  /** Read-only views of the lists, made on first use (the accessors are called per firm in some phases). */
  private transient List<Firm> firmsView;
  private transient List<List<Firm>> sectorViews;
  /**
   * While firms are being founded (see {@link #beginFounding}): per sector, the sum of the living
   * firms' market shares, not yet renormalised, and the sums of positive shares and of share ×
   * technology; null otherwise.
   */
  private transient double[] foundingTotal;
  private transient double[] foundingWeights;
  private transient double[] foundingWeighted;
  private transient boolean[] foundingChanged;
  /**
   * Under product lines, while firms are being founded: each sector's mean technology at the
   * batch's start, taken when first needed ({@code foundingMeanTaken}): by the sector's first
   * founding or before the batch first changes a firm of the sector ({@link #sectorChanging}),
   * whichever comes first, so that it is the mean at the batch's start without a pass over the
   * sectors where nothing is founded.
   */
  private transient double[] foundingMeans;
  private transient boolean[] foundingMeanTaken;
  /**
   * The SOEs among the living firms, in id order (the firm list's), for {@link #soes}: null until
   * first read (not saved in checkpoints); firms privatised or gone since are dropped at the next read.
   */
  private transient List<Firm> soes;

  /**
   * Per sector, the mean sales per living firm in the last market ({@link #recordMeanSales}); null
   * while no rule reads it (no pilot costs). Saved in checkpoints.
   */
  private double[] meanSales;

  FirmPopulation(EcosystemModel model) {
    this.model = model;
  }

  /** Empties the population for a new run: no firms, one empty list per sector, ids from 0. */
  void reset() {
    soes = null;
    firms.clear();
    firmsBySector.clear();
    for (int s = 0; s < Sector.values().length; s++) {
      firmsBySector.add(new ArrayList<>());
    }
    sectorViews = null;
    nextFirmId = 0;
  }

  /** Living firms, in order of creation. */
  List<Firm> firms() {
    if (firmsView == null) {
      firmsView = Collections.unmodifiableList(firms);
    }
    return firmsView;
  }

  /** The id the next firm created will have: every firm created so far has a lower one. */
  int nextFirmId() {
    return nextFirmId;
  }

  /** Firms removed since this object was made or read ({@link #removedCount}). */
  long removedCount() {
    return removedCount;
  }

  /** Living firms of one sector, in order of creation. */
  List<Firm> firms(Sector sector) {
    if (sectorViews == null) {
      List<List<Firm>> views = new ArrayList<>();
      for (List<Firm> sectorFirms : firmsBySector) {
        views.add(Collections.unmodifiableList(sectorFirms));
      }
      sectorViews = views;
    }
    return sectorViews.get(sector.ordinal());
  }

  /**
   * The living SOEs, in the firm list's order (a list kept beside it: a pass over the SOEs alone,
   * about one firm in fifteen, instead of every firm). The list may be read, not changed, and only
   * until the next call.
   */
  List<Firm> soes() {
    if (soes == null) {
      soes = new ArrayList<>();
      for (Firm f : firms) {
        if (!f.isPrivate()) {
          soes.add(f);
        }
      }
    } else {
      soes.removeIf(f -> f.isPrivate() || !f.isAlive());
    }
    return soes;
  }

  /** Creates a firm, places it and adds it to the network; its market share starts at 0. */
  Firm addFirm(Ownership ownership, Sector sector, Double2D location, double technology, int parentUniversity) {
    boolean soe = ownership == Ownership.SOE;
    Scenario scenario = model.scenario();
    var firmsConfig = scenario.firms();
    var market = scenario.market();
    Firm firm = new Firm(nextFirmId++, ownership, sector, location, model.currentStep(), parentUniversity, technology,
        soe ? firmsConfig.soeLabourProductivity() : 1.0,
        soe ? firmsConfig.soeCapitalPerOutput() : firmsConfig.capitalPerOutput(),
        soe ? market.wage() * market.soeWagePremium() : market.wage(),
        soe ? firmsConfig.soeRdIntensity() : firmsConfig.rdIntensity());
    int bankCount = scenario.credit().banks();
    if (model.creditMarket() && bankCount > 1) {
      firm.setBankIndex(model.random.nextInt(bankCount));
    }
    int fundCount = scenario.credit().guaranteeFunds();
    if (model.creditMarket() && fundCount > 0) {
      firm.setFundIndex(fundCount > 1 ? model.random.nextInt(fundCount) : 0);
    }
    firms.add(firm);
    if (soe && soes != null) {
      soes.add(firm);
    }
    firmsBySector.get(sector.ordinal()).add(firm);
    model.place(firm, location);
    return firm;
  }

  /**
   * Founds a private start-up (an entrant or a spin-off): its market share starts at
   * {@code entrantRelativeShare} / n of its sector, its capital fits that share of demand (brought
   * in kind by its owners), and its cash, {@code entrantCash}, comes from households.
   */
  Firm foundStartup(Sector sector, Double2D location, double technology, int parentUniversity) {
    return foundStartup(sector, location, technology, parentUniversity, model.scenario().credit().startupEquityShare());
  }

  /**
   * {@link #foundStartup(Sector, Double2D, double, int)} whose founders pay in {@code equityShare}
   * of its cost under {@code STARTUP_CREDIT} ({@link #fund}).
   */
  Firm foundStartup(Sector sector, Double2D location, double technology, int parentUniversity, double equityShare) {
    var demography = model.scenario().demography();
    Firm firm = addFirm(Ownership.PRIVATE, sector, location, technology, parentUniversity);
    if (demography.entrantAbilitySd() > 0
        && model.scenario().mechanisms().innovation() == MechanismsConfig.Innovation.ARRIVALS) {
      // Learning entrants (Jovanovic 1982): an ability of mean 1 the entrant does not know.
      double shape = 1 / (demography.entrantAbilitySd() * demography.entrantAbilitySd());
      double ability = new GammaDistribution(new SharedRandom(model.random), shape, 1 / shape).sample();
      firm.startLearning(new EntrantLearning(ability, shape));
    }
    if (model.lines() != null) {
      enterWithLines(firm, 1);
      fund(firm, demography.entrantCash() * model.wageIndex(), equityShare);
      return firm;
    }
    double share = demography.entrantRelativeShare() / firms(sector).size();
    firm.setCapital(firm.getCapitalPerOutput() * share * model.sectorDemand(sector));
    fund(firm, demography.entrantCash() * model.wageIndex(), equityShare);
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
   * Funds a private start-up. Under {@code mechanisms.finance: STARTUP_CREDIT} with demand from
   * incomes its founders pay in
   * {@code equityShare} of its cost (its cash and the capital its share of demand
   * needs) and ask its house bank for the rest ({@link CreditMarket#startupLoan}; Robb and Robinson
   * 2014: new firms are funded more by outside debt, mostly bank loans, than by their owners'
   * equity); what it gets buys capital and cash in proportion, so a start-up the bank rations
   * starts with less capacity than its lines' demand. Otherwise its owners pay in all of it.
   */
  private void fund(Firm firm, double cash, double equityShare) {
    IncomesDemand incomes = model.incomes();
    if (incomes == null || !model.startupCredit()) {
      payInEquity(firm, cash, false);
      return;
    }
    Books books = model.books();
    double capital = firm.getCapital() / model.scenario().demand().desiredUtilisation();
    firm.setCapital(0);
    double cost = cash + capital;
    double equity = equityShare * cost;
    books.householdsToFirm(Matrices.Flow.EQUITY, firm, equity);
    double lent = equity < cost ? CreditMarket.startupLoan(model, firm, cost - equity, capital / cost) : 0;
    double order = equity + lent >= cost ? capital : capital * (equity + lent) / cost;
    if (order > 0) {
      incomes.order(books, firm, order);
    }
  }

  /**
   * The owners of a new firm (households, or the state for an SOE it founds) pay in {@code cash}.
   * Under demand from incomes its capital is not brought in kind: they pay its value in too, and
   * the firm orders it from the sectors (paid now, delivered in the next goods market).
   */
  private void payInEquity(Firm firm, double cash, boolean byState) {
    IncomesDemand incomes = model.incomes();
    Books books = model.books();
    double capital = 0;
    if (incomes != null) {
      capital = firm.getCapital() / model.scenario().demand().desiredUtilisation();
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
    model.lines().enter(model, firm, count);
    firm.setCapital(firm.getCapitalPerOutput() * firm.getMarketShare() * model.sectorDemand(firm.getSector()));
  }

  /**
   * The state founds an SOE (抓大放小's "grasp the large"): it takes {@code soeFoundingLines}
   * product lines of its sector, the capital they need, and {@code entrantCash} per line from the
   * government.
   */
  Firm foundSoe(Sector sector, Double2D location, double technology) {
    var demography = model.scenario().demography();
    Firm firm = addFirm(Ownership.SOE, sector, location, technology, -1);
    enterWithLines(firm, demography.soeFoundingLines());
    payInEquity(firm, demography.entrantCash() * firm.getLines() * model.wageIndex(), true);
    return firm;
  }

  /** Privatises an SOE: it takes a private firm's structural parameters (see {@link Firm#privatise}). */
  void privatise(Firm firm) {
    var firmsConfig = model.scenario().firms();
    model.books().reclassify(firm);
    firm.privatise(1.0, firmsConfig.capitalPerOutput(), model.scenario().market().wage(), firmsConfig.rdIntensity());
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
    if (model.lines() != null) {
      // Entrants take lines from other firms, which changes their shares: the batch's entrants
      // draw their technology around each sector's mean at the batch's start.
      foundingMeans = new double[sectors];
      foundingMeanTaken = new boolean[sectors];
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
      model.work().shareUpdates += sectorFirms.size();
    }
  }

  /** Ends a batch of foundings: renormalises the shares of the sectors that gained firms. */
  void endFounding() {
    if (model.lines() != null) {
      foundingMeans = null;
      foundingMeanTaken = null;
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
    ProductLines productLines = model.lines();
    if (productLines != null) {
      productLines.reassignLeft(model);
      return null;
    }
    ShareSums sums = new ShareSums();
    for (Sector sector : Sector.values()) {
      normaliseShares(sector, totals[sector.ordinal()], sums);
    }
    return sums;
  }

  /**
   * To be called before a founding batch changes the technology or the market share of a firm of
   * {@code sector} (other than by founding one there): the sector's mean at the batch's start is
   * taken now, if it was not yet. Nothing outside a batch under product lines.
   */
  void sectorChanging(Sector sector) {
    if (foundingMeans != null) {
      meanTechnology(sector);
    }
  }

  /** Keeps the running share-weighted technology of a founding batch up to date when a firm's technology changes. */
  void technologyChanged(Firm firm, double before) {
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
    removedCount += exited.size();
    List<Firm> byId = new ArrayList<>(exited);
    byId.sort(BY_ID);
    model.removeFromWorld(byId);
    removeFrom(firms, byId);
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

  /**
   * Removes {@code gone} (in the list's order, all of them in it) from {@code list}, keeping the
   * others' order. The firms before the first that goes stay where they are, unwritten; the rest
   * are compacted in a fresh copy and put back with one bulk copy: at 100,000 firms the lists live
   * in the old generation, where each single reference store pays the collector's write barrier
   * (a memory fence), once per surviving firm per list a step.
   */
  private static void removeFrom(List<Firm> list, List<Firm> gone) {
    int n = list.size();
    if (gone.isEmpty()) {
      return;
    }
    Firm first = gone.get(0);
    int start = 0;
    while (start < n && list.get(start) != first) {
      start++;
    }
    Firm[] tail = list.subList(start, n).toArray(new Firm[n - start]);
    int kept = 0;
    int next = 0;
    for (Firm f : tail) {
      if (next < gone.size() && f == gone.get(next)) {
        next++;
      } else {
        tail[kept++] = f;
      }
    }
    if (next != gone.size()) {
      throw new IllegalStateException(gone.size() - next + " exited firms were not found in id order");
    }
    list.subList(start, n).clear();
    list.addAll(java.util.Arrays.asList(tail).subList(0, kept));
  }

  /** Rescales the market shares of a sector's living firms to sum to one. */
  void normaliseShares(Sector sector) {
    normaliseShares(sector, sumOfShares(sector), null);
  }

  /** The sum of the market shares of the sector's living firms, in the sector list's order. */
  private double sumOfShares(Sector sector) {
    List<Firm> sectorFirms = firmsBySector.get(sector.ordinal());
    model.work().shareUpdates += sectorFirms.size();
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
    model.work().shareUpdates += sectorFirms.size();
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


  /** Share-weighted mean technology of a sector's living firms (plain mean if no shares yet). */
  /**
   * Sums each sector's mean sales per living firm, once a step after the market (and once when the
   * world is built), when a rule reads them (pilot costs, {@code universities.pilotCost}); one pass
   * over the firms.
   */
  void recordMeanSales() {
    if (model.scenario().universities().pilotCost() == 0) {
      return;
    }
    if (meanSales == null) {
      meanSales = new double[firmsBySector.size()];
    }
    for (int s = 0; s < firmsBySector.size(); s++) {
      double total = 0;
      int n = 0;
      for (Firm f : firmsBySector.get(s)) {
        if (f.isAlive()) {
          total += f.getSales();
          n++;
        }
      }
      meanSales[s] = n == 0 ? 0 : total / n;
    }
  }

  /** The sector's mean sales per living firm in the last market (0 before the first; see {@link #recordMeanSales}). */
  double meanSales(Sector sector) {
    return meanSales == null ? 0 : meanSales[sector.ordinal()];
  }

  double meanTechnology(Sector sector) {
    if (foundingMeans != null) {
      int s = sector.ordinal();
      if (!foundingMeanTaken[s]) {
        double[] means = foundingMeans;
        boolean[] taken = foundingMeanTaken;
        foundingMeans = null;
        means[s] = meanTechnology(sector);
        foundingMeans = means;
        taken[s] = true;
      }
      return foundingMeans[s];
    }
    if (foundingTotal != null && foundingWeights[sector.ordinal()] > 0) {
      return foundingWeighted[sector.ordinal()] / foundingWeights[sector.ordinal()];
    }
    double weighted = 0;
    double weights = 0;
    model.work().shareUpdates += firmsBySector.get(sector.ordinal()).size();
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
}
