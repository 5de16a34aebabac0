package org.nqpf.model;

import java.util.List;

/**
 * The product lines of each sector under {@code mechanisms.market: LINES}: the quality-ladder
 * market structure of Klette and Kortum (2004), after Aghion and Howitt (1992) and Grossman and
 * Helpman (1991). A sector has a fixed number of lines ({@code market.linesPerFirm} per initial
 * firm of the sector, or under demand from incomes per initial firm of the economy split by
 * {@code demand.consumptionShares}); each line has one producer, and a firm's share of its sector's demand is the
 * share of the sector's demand weights it holds: each line j has a weight w_j, and spending splits
 * over the lines in proportion to them (Cobb–Douglas preferences over lines with weights). A
 * line's weight moves a step by ln w' = ρ ln w + σ ε, ε ~ N(0, 1), independently of the other
 * lines ({@code market.lineDemandPersistence} ρ, {@code market.lineDemandSd} σ): a firm is a
 * portfolio of lines whose fortunes are partly independent, so that the volatility of its growth
 * falls with the number of lines it holds (Sutton 2002; Fu et al. 2005; Riccaboni et al. 2008).
 * The weights start at their stationary distribution, ln w ~ N(0, σ² / (1 − ρ²)); with σ = 0 every
 * weight is 1 and a firm's share is its share of the lines.
 *
 * <ul>
 *   <li><b>Creative destruction.</b> A firm's own innovation (incremental, radical or a converted
 *       invention; not an imitation) is aimed at a line drawn uniformly from its sector. If the line
 *       is its own it keeps it; otherwise the innovator takes the line (the better product replaces
 *       the older one in that niche), unless the line's customers stay with their supplier, which
 *       they do with the probability that the innovator left its own customers' orders unfilled in
 *       the last market (under demand from incomes; unfilled orders lower competitiveness, Dosi,
 *       Fagiolo and Roventini 2010).</li>
 *   <li><b>Entry.</b> An entrant (a start-up, a spin-off, or an SOE the state founds) comes in with
 *       lines drawn uniformly from its sector, taken from their holders (Klette and Kortum: entry
 *       is an innovation by a firm without lines); an entrant into a sector where no living firm
 *       holds a line takes every line of the sector.</li>
 *   <li><b>Exit.</b> A firm that has lost all its lines leaves (its share is 0). The lines of a firm
 *       that leaves for insolvency go, one by one, to the holder of another line drawn uniformly
 *       (each surviving firm gains in proportion to the lines it holds).</li>
 * </ul>
 *
 * <p>Because a firm wins at most one innovation a step whatever its size (its success probability
 * 1 − exp(−ζ·researchers) saturates), large holders lose lines faster than they gain them, and the
 * ownership groups' shares of lines tend to a level set by the groups' innovation rates and numbers,
 * not by where they start. Work per capture and per entrant is O(1); the scan for the lines of
 * exited firms is O(lines of the sector) and runs only for sectors where a firm with lines left.
 */
final class ProductLines implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Per sector, each line's holder (null: no living firm of the sector holds it). */
  private final Firm[][] holders;
  /**
   * Per sector, each line's holder's id (−1: none), kept with {@link #holders}: the scan for the
   * lines of firms that left reads these ints in order instead of visiting every holder, which at
   * 100,000 firms is a cache miss per line.
   */
  private final int[][] holderIds;
  /** Per sector, whether a firm holding lines has left since the last {@link #reassignLeft}. */
  private final boolean[] leftWithLines;
  /**
   * The ids of the firms that left holding lines since the last {@link #reassignLeft}: empty
   * between steps, so not saved in checkpoints (created when first needed).
   */
  private transient java.util.BitSet left;
  /**
   * Per sector, each line's demand weight w and its logarithm; null without line demand shocks
   * (σ = 0), when every weight is 1 (at 100,000 firms two arrays over half a million lines cost
   * memory that every pass over the firms then pays for in cache misses).
   */
  private double[][] weights;
  private double[][] logWeights;
  /** Per sector, the sum of its lines' weights (its number of lines when σ = 0). */
  private final double[] sectorWeights;
  /** Per firm id, the weight of the lines it holds, summed by {@link #resum} (scratch, rebuilt at every use). */
  private transient double[] heldWeight;

  private ProductLines(int[] linesPerSector) {
    holders = new Firm[linesPerSector.length][];
    holderIds = new int[linesPerSector.length][];
    sectorWeights = new double[linesPerSector.length];
    for (int s = 0; s < linesPerSector.length; s++) {
      holders[s] = new Firm[linesPerSector[s]];
      holderIds[s] = new int[linesPerSector[s]];
      java.util.Arrays.fill(holderIds[s], -1);
      sectorWeights[s] = linesPerSector[s];
    }
    leftWithLines = new boolean[linesPerSector.length];
  }

  /**
   * Creates the lines of every sector and hands them out. A sector has {@code linesPerFirm} lines
   * per firm of the sector at the start; under demand from incomes, {@code linesPerFirm} times the
   * initial firm count times the sector's share of consumption at the reference income
   * ({@code demand.consumptionShares}), and never fewer than the sector's firms, so that the
   * market's structure is an input of the configuration, not of where the start puts the firms.
   * The lines are handed out: one to every firm, the rest in proportion to the firms' current market shares
   * (largest remainder, ties to the lower id). Sets every firm's share to its lines' share.
   */
  static ProductLines assignInitial(EcosystemModel model, int linesPerFirm) {
    Sector[] sectors = Sector.values();
    int[] counts = new int[sectors.length];
    double[] c0 = model.incomesDemand() ? model.scenario().demand().consumptionShares().normalised() : null;
    int firms = model.scenario().firms().count();
    for (Sector sector : sectors) {
      int inSector = model.firms(sector).size();
      counts[sector.ordinal()] = c0 == null
          ? Math.max(1, linesPerFirm * inSector)
          : Math.max(Math.max(1, inSector), (int) Math.round(linesPerFirm * firms * c0[sector.ordinal()]));
    }
    ProductLines lines = new ProductLines(counts);
    for (Sector sector : sectors) {
      lines.assign(model.firms(sector), counts[sector.ordinal()]);
    }
    lines.drawStationaryWeights(model);
    for (Sector sector : sectors) {
      lines.syncShares(model.firms(sector));
    }
    return lines;
  }

  /** Draws every line's weight from the stationary distribution (none drawn when σ = 0: every weight stays 1). */
  private void drawStationaryWeights(EcosystemModel model) {
    double sd = model.scenario().market().lineDemandSd();
    if (sd == 0) {
      return;
    }
    double rho = model.scenario().market().lineDemandPersistence();
    double stationarySd = sd / StrictMath.sqrt(1 - rho * rho);
    weights = new double[holders.length][];
    logWeights = new double[holders.length][];
    for (int s = 0; s < weights.length; s++) {
      weights[s] = new double[holders[s].length];
      logWeights[s] = new double[holders[s].length];
      for (int j = 0; j < weights[s].length; j++) {
        logWeights[s][j] = stationarySd * model.random.nextGaussian();
        weights[s][j] = StrictMath.exp(logWeights[s][j]);
      }
      resum(model.firms(Sector.values()[s]), s);
    }
  }

  /**
   * One step of the lines' demand: every weight moves (ln w' = ρ ln w + σ ε, in line order, sector
   * by sector), then each firm's weight and share are summed again from its lines. Nothing moves
   * when σ = 0.
   */
  void shiftDemand(EcosystemModel model) {
    double sd = model.scenario().market().lineDemandSd();
    if (sd == 0) {
      return;
    }
    double rho = model.scenario().market().lineDemandPersistence();
    Sector[] sectors = Sector.values();
    for (int s = 0; s < weights.length; s++) {
      double[] logs = logWeights[s];
      double[] w = weights[s];
      for (int j = 0; j < w.length; j++) {
        logs[j] = rho * logs[j] + sd * model.random.nextGaussian();
        w[j] = StrictMath.exp(logs[j]);
      }
      resum(model.firms(sectors[s]), s);
    }
    model.work().shareUpdates += totalLines();
  }

  /**
   * Sums a sector's weights (in line order) into its total and its holders' weights, and sets the
   * holders' shares. The holders' sums are taken by id in {@link #heldWeight} from the ids kept
   * beside the lines, so that no firm is visited per line; then each firm of the sector's list that
   * holds lines is given its sum and share in one visit. Every holder is a living firm of the
   * sector's list here: exits hand their lines on ({@link #reassignLeft}) in the step they leave.
   */
  private void resum(List<Firm> sectorFirms, int s) {
    int[] ids = holderIds[s];
    double[] w = weights[s];
    double[] held = heldWeight == null ? new double[0] : heldWeight;
    for (int id : ids) {
      if (id >= held.length) {
        held = java.util.Arrays.copyOf(held, Math.max(id + 1, 2 * held.length));
      }
      if (id >= 0) {
        held[id] = 0;
      }
    }
    heldWeight = held;
    double total = 0;
    for (int j = 0; j < w.length; j++) {
      total += w[j];
      if (ids[j] >= 0) {
        held[ids[j]] += w[j];
      }
    }
    sectorWeights[s] = total;
    for (int i = 0, n = sectorFirms.size(); i < n; i++) {
      Firm f = sectorFirms.get(i);
      if (f.getLines() > 0) {
        f.setLineWeight(held[f.getId()]);
        f.setMarketShare(shareOf(f));
      }
    }
  }

  /** The demand weight of line j of sector s (1 without line demand shocks). */
  private double weight(int s, int j) {
    return weights == null ? 1.0 : weights[s][j];
  }

  private int totalLines() {
    int n = 0;
    for (Firm[] sectorLines : holders) {
      n += sectorLines.length;
    }
    return n;
  }

  private void assign(List<Firm> firms, int total) {
    int n = firms.size();
    if (n == 0) {
      return;
    }
    int spare = total - n;
    double shareTotal = 0;
    for (Firm f : firms) {
      shareTotal += Math.max(0, f.getMarketShare());
    }
    int[] extra = new int[n];
    double[] remainder = new double[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      double weight = shareTotal > 0 ? Math.max(0, firms.get(i).getMarketShare()) / shareTotal : 1.0 / n;
      double exact = spare * weight;
      extra[i] = (int) Math.floor(exact);
      remainder[i] = exact - extra[i];
      given += extra[i];
    }
    // Largest remainders first, ties to the lower index (the sort is stable): the same firms as
    // picking the largest remaining one again and again, in O(n log n) instead of O(n × lines)
    // (the world's build at 100,000 firms).
    if (given < spare) {
      Integer[] byRemainder = new Integer[n];
      for (int i = 0; i < n; i++) {
        byRemainder[i] = i;
      }
      java.util.Arrays.sort(byRemainder, (x, y) -> Double.compare(remainder[y], remainder[x]));
      for (int k = 0; given < spare; k++, given++) {
        // Rounding could leave more to hand out than there are firms: the rest goes to the first.
        extra[k < n ? byRemainder[k] : 0]++;
      }
    }
    Firm[] sectorLines = holders[firms.get(0).getSector().ordinal()];
    int[] ids = holderIds[firms.get(0).getSector().ordinal()];
    int next = 0;
    for (int i = 0; i < n; i++) {
      Firm f = firms.get(i);
      for (int k = 0; k < 1 + extra[i]; k++) {
        ids[next] = f.getId();
        sectorLines[next++] = f;
      }
      f.addLines(1 + extra[i]);
      f.setLineWeight(f.getLines());
    }
  }

  /** The number of lines of a sector. */
  int total(Sector sector) {
    return holders[sector.ordinal()].length;
  }

  /** The share of its sector's demand weight a firm's lines hold (its share of the lines when σ = 0). */
  double shareOf(Firm firm) {
    return firm.getLineWeight() / sectorWeights[firm.getSector().ordinal()];
  }

  /**
   * An innovation by {@code innovator} (whose technology is already the new one) aimed at a line
   * drawn uniformly from its sector; returns whether it took the line from another firm.
   */
  boolean capture(EcosystemModel model, Firm innovator) {
    Firm[] sectorLines = holders[innovator.getSector().ordinal()];
    int j = model.random.nextInt(sectorLines.length);
    Firm holder = sectorLines[j];
    if (holder == innovator) {
      return false;
    }
    // Unfilled orders lower competitiveness (Dosi, Fagiolo and Roventini 2010): the line's customers
    // stay with their supplier with the probability that the innovator left its own customers'
    // orders unfilled in the last market.
    if (innovator.getUnfilled() > 0 && model.random.nextDouble() < innovator.getUnfilled()) {
      return false;
    }
    move(sectorLines, j, innovator);
    return true;
  }

  /**
   * An entrant takes {@code count} lines drawn uniformly from its sector, whoever holds them; in a
   * sector where no living firm holds a line, it is the sector's only producer and takes every line
   * (as the start's hand-out gives a sector's only firm every line).
   */
  void enter(EcosystemModel model, Firm entrant, int count) {
    Firm[] sectorLines = holders[entrant.getSector().ordinal()];
    // Lines are unheld all together or not at all: in a sector that started without firms, and
    // after reassignLeft found no living firm to hand a leaver's lines to.
    if (sectorLines.length > 0 && sectorLines[0] == null) {
      for (int j = 0; j < sectorLines.length; j++) {
        move(sectorLines, j, entrant);
      }
      return;
    }
    int wanted = Math.min(count, sectorLines.length);
    int tries = 0;
    while (entrant.getLines() < wanted && tries < 20 * wanted) {
      int j = model.random.nextInt(sectorLines.length);
      if (sectorLines[j] != entrant) {
        move(sectorLines, j, entrant);
      }
      tries++;
    }
  }

  private void move(Firm[] sectorLines, int j, Firm taker) {
    int s = taker.getSector().ordinal();
    double w = weight(s, j);
    Firm holder = sectorLines[j];
    if (holder != null) {
      loseLine(holder, w);
      holder.setMarketShare(shareOf(holder));
    }
    holderIds[s][j] = taker.getId();
    sectorLines[j] = taker;
    gainLine(taker, w);
    taker.setMarketShare(shareOf(taker));
  }

  /** A firm loses a line of weight {@code w} (its weight is exactly 0 once it holds none, free of rounding). */
  private static void loseLine(Firm firm, double w) {
    firm.addLines(-1);
    firm.setLineWeight(firm.getLines() == 0 ? 0 : firm.getLineWeight() - w);
  }

  /** A firm gains a line of weight {@code w}. */
  private static void gainLine(Firm firm, double w) {
    firm.addLines(1);
    firm.setLineWeight(firm.getLineWeight() + w);
  }

  /** Notes that a firm is leaving, so that its lines are handed on by {@link #reassignLeft}. */
  void leaving(Firm firm) {
    if (firm.getLines() > 0) {
      leftWithLines[firm.getSector().ordinal()] = true;
      if (left == null) {
        left = new java.util.BitSet();
      }
      left.set(firm.getId());
    }
  }

  /**
   * Hands each line of a firm that has left to the holder of another line drawn uniformly among
   * the lines of living firms (nobody, if no living firm of the sector holds a line).
   */
  void reassignLeft(EcosystemModel model) {
    if (left == null) {
      return;
    }
    for (int s = 0; s < holders.length; s++) {
      if (!leftWithLines[s]) {
        continue;
      }
      leftWithLines[s] = false;
      Firm[] sectorLines = holders[s];
      int[] ids = holderIds[s];
      boolean living = false;
      for (int j = 0; j < ids.length && !living; j++) {
        living = ids[j] >= 0 && !left.get(ids[j]);
      }
      model.work().shareUpdates += sectorLines.length;
      for (int j = 0; j < ids.length; j++) {
        if (ids[j] < 0 || !left.get(ids[j])) {
          continue;
        }
        loseLine(sectorLines[j], weight(s, j));
        sectorLines[j] = null;
        ids[j] = -1;
        if (!living) {
          continue;
        }
        Firm heir;
        do {
          heir = sectorLines[model.random.nextInt(sectorLines.length)];
        } while (heir == null || !heir.isAlive());
        sectorLines[j] = heir;
        ids[j] = heir.getId();
        gainLine(heir, weight(s, j));
        heir.setMarketShare(shareOf(heir));
      }
    }
    left.clear();
  }

  /** Sets every firm's market share to its lines' share of the sector's demand weight. */
  void syncShares(List<Firm> firms) {
    for (Firm f : firms) {
      f.setMarketShare(shareOf(f));
    }
  }

  /** The weight of a sector's lines held by {@code firm}, summed in line order (for tests: it equals the firm's line weight). */
  double weightHeldBy(Firm firm) {
    int s = firm.getSector().ordinal();
    double sum = 0;
    for (int j = 0; j < holders[s].length; j++) {
      if (holders[s][j] == firm) {
        sum += weight(s, j);
      }
    }
    return sum;
  }

  /** The sum of a sector's line weights. */
  double sectorWeight(Sector sector) {
    return sectorWeights[sector.ordinal()];
  }

  /** Lines of a sector held by living firms of each ownership, by {@link Ownership} ordinal (for tests and reports). */
  int[] linesByOwnership(Sector sector) {
    int[] counts = new int[Ownership.values().length];
    for (Firm f : holders[sector.ordinal()]) {
      if (f != null && f.isAlive()) {
        counts[f.getOwnership().ordinal()]++;
      }
    }
    return counts;
  }
}
