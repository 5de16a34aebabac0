package org.nqpf.model;

import java.util.Arrays;
import java.util.List;
import sim.util.Double2D;

/**
 * The spatial index of the living firms, and a reusable neighbourhood query on it: a flat grid of
 * square cells over the region, each cell holding its firms in order of id. A query reads the
 * cells that overlap the disk (about 3 × 3 with cells as large as the AI neighbourhood radius)
 * and keeps the living firms within the exact distance, in the grid's order (cells, then id) or,
 * after {@link #sortById}, by id; the result is exactly what a scan of every firm would give.
 * {@link #sample} draws a uniform sample of them without reading the firms themselves.
 * The cost of a query is the number of firms in those cells, which grows with the local density,
 * never with the number of firms. (MASON's {@code Continuous2D} still holds every agent, for
 * displays and inspectors; this array grid answers the model's own queries without its hash
 * lookups.) Not saved in checkpoints: the model rebuilds it from its firms when needed. Not
 * thread-safe; each query overwrites the previous result.
 */
final class FirmQuery {
  private final double cellSize;
  private final int columns;
  private final int rows;
  private final Firm[][] cells;
  /** The coordinates of each cell's firms, beside them (a query reads them without touching the firms). */
  private final double[][] xs;
  private final double[][] ys;
  /**
   * Per firm of each cell: 0 dead, 1 alive, 2 alive and an AI adopter, as of the last
   * {@link #refreshStates} (a new firm enters as alive, not adopting). Reading them instead of the
   * firms keeps the AI contact sampling within the grid's arrays.
   */
  private final byte[][] states;
  /** The sector (ordinal) of each cell's firms, beside them: a sector query reads only its own sector's firms. */
  private final byte[][] sectors;
  /** The ids of each cell's firms, beside them. */
  private final int[][] ids;
  /** One more than the largest id of a firm ever added. */
  private int idLimit;
  private final int[] counts;

  /**
   * A compact copy of the whole grid for {@link #sample}'s rejection draws: every cell's firms
   * one after another in cell order (cell c's in [{@code flatStart[c]}, {@code flatStart[c + 1]})),
   * their coordinates interleaved (x, y) and their states beside them. Cells c = column × rows +
   * row, so the cells of one column that a disk overlaps are one contiguous run: a draw reads
   * three short runs of three arrays instead of nine cells' four arrays. Rebuilt (one pass) when
   * the grid or the states changed since it was last built.
   */
  private int[] flatStart;
  private double[] flatXy = new double[0];
  private byte[] flatState = new byte[0];
  private Firm[] flatFirm = new Firm[0];
  private int[] flatId = new int[0];
  private boolean flatStale = true;
  /** Per index of the flat copy, the number of the last sample that drew it (an O(1) duplicate check). */
  private int[] flatMark = new int[0];
  private int sampleNumber;
  /**
   * The flat indices of the firms the last sample drew; when {@code picked}, the result is these
   * (the firms are put into {@code found} only when the caller reads them: the AI contact sampling
   * needs only the count and the adopters).
   */
  private int[] picks = new int[MAX_REJECTION_SAMPLE];
  /** Per firm id, the state of the firm for {@link #refreshStates} (0 for ids of firms not alive). */
  private byte[] stateById = new byte[0];
  /** Per firm id, the contacts {@link #sampleContacts} drew for it and the AI adopters among them. */
  private int[] contactsById = new int[0];
  private int[] contactAdoptersById = new int[0];
  private boolean picked;
  private int[] segStart = new int[4];

  private Firm[] found = new Firm[64];
  private Firm[] sorted = new Firm[64];
  private long[] keys = new long[64];
  private int size;

  /**
   * An empty grid over a {@code width} × {@code height} region with cells of about
   * {@code cellSize}, enlarged so that there are at most {@code maxCells} cells.
   */
  FirmQuery(double width, double height, double cellSize, long maxCells) {
    double cell = Math.max(cellSize, StrictMath.sqrt(width * height / maxCells));
    this.cellSize = cell;
    this.columns = Math.max(1, (int) StrictMath.floor(width / cell) + 1);
    this.rows = Math.max(1, (int) StrictMath.floor(height / cell) + 1);
    this.cells = new Firm[columns * rows][];
    this.xs = new double[columns * rows][];
    this.ys = new double[columns * rows][];
    this.states = new byte[columns * rows][];
    this.sectors = new byte[columns * rows][];
    this.ids = new int[columns * rows][];
    this.counts = new int[columns * rows];
  }

  /** Adds a firm; firms must be added in increasing order of id (the order they are created). */
  void add(Firm firm) {
    int c = cellOf(firm.getLocation());
    Firm[] cell = cells[c];
    if (cell == null) {
      cell = cells[c] = new Firm[4];
      xs[c] = new double[4];
      ys[c] = new double[4];
      states[c] = new byte[4];
      sectors[c] = new byte[4];
      ids[c] = new int[4];
    } else if (counts[c] == cell.length) {
      cell = cells[c] = Arrays.copyOf(cell, 2 * cell.length);
      xs[c] = Arrays.copyOf(xs[c], cell.length);
      ys[c] = Arrays.copyOf(ys[c], cell.length);
      states[c] = Arrays.copyOf(states[c], cell.length);
      sectors[c] = Arrays.copyOf(sectors[c], cell.length);
      ids[c] = Arrays.copyOf(ids[c], cell.length);
    }
    ids[c][counts[c]] = firm.getId();
    idLimit = Math.max(idLimit, firm.getId() + 1);
    states[c][counts[c]] = ALIVE;
    sectors[c][counts[c]] = (byte) firm.getSector().ordinal();
    xs[c][counts[c]] = firm.getLocation().x;
    ys[c][counts[c]] = firm.getLocation().y;
    cell[counts[c]++] = firm;
    flatStale = true;
  }

  /** Drops the firms that are no longer alive from the cells of {@code exited} (keeping id order). */
  void removeDead(List<Firm> exited) {
    for (Firm firm : exited) {
      int c = cellOf(firm.getLocation());
      Firm[] cell = cells[c];
      double[] x = xs[c];
      double[] y = ys[c];
      byte[] state = states[c];
      byte[] sector = sectors[c];
      int[] id = ids[c];
      int kept = 0;
      for (int i = 0; i < counts[c]; i++) {
        if (cell[i].isAlive()) {
          id[kept] = id[i];
          x[kept] = x[i];
          y[kept] = y[i];
          state[kept] = state[i];
          sector[kept] = sector[i];
          cell[kept++] = cell[i];
        }
      }
      Arrays.fill(cell, kept, counts[c], null);
      counts[c] = kept;
    }
    flatStale = true;
  }

  private static final byte ALIVE = 1;
  private static final byte ADOPTER = 2;

  /**
   * Records every firm's state (alive, AI adopter) for {@link #sample} and {@link #sampleContacts}:
   * {@code firms} must be all the living firms (the model's list); a firm of the grid that is not
   * among them counts as dead. One pass over the list, in its order, then one over the grid's
   * arrays (the firms are read in the list's order, not the grid's).
   */
  void refreshStates(List<Firm> firms) {
    if (stateById.length < idLimit) {
      stateById = new byte[Math.max(idLimit, stateById.length + (stateById.length >> 2))];
    } else {
      Arrays.fill(stateById, 0, idLimit, (byte) 0);
    }
    for (int i = 0, n = firms.size(); i < n; i++) {
      Firm f = firms.get(i);
      if (f.getId() < idLimit) {
        stateById[f.getId()] = !f.isAlive() ? 0 : f.isAiAdopter() ? ADOPTER : ALIVE;
      }
    }
    for (int c = 0; c < cells.length; c++) {
      byte[] state = states[c];
      int[] id = ids[c];
      for (int i = 0; i < counts[c]; i++) {
        state[i] = stateById[id[i]];
      }
    }
    flatStale = true;
  }

  /** Rebuilds the compact copy of the grid ({@link #flatXy} and the rest) from the cells. */
  private void rebuildFlat() {
    int cellCount = cells.length;
    if (flatStart == null) {
      flatStart = new int[cellCount + 1];
    }
    int total = 0;
    for (int c = 0; c < cellCount; c++) {
      total += counts[c];
    }
    if (flatState.length < total) {
      int capacity = Math.max(total, flatState.length + (flatState.length >> 2));
      flatXy = new double[2 * capacity];
      flatState = new byte[capacity];
      flatFirm = new Firm[capacity];
      flatId = new int[capacity];
      flatMark = new int[capacity];
      sampleNumber = 0;
    } else {
      Arrays.fill(flatFirm, total, flatFirm.length, null);
    }
    int at = 0;
    for (int c = 0; c < cellCount; c++) {
      flatStart[c] = at;
      int n = counts[c];
      if (n == 0) {
        continue;
      }
      double[] x = xs[c];
      double[] y = ys[c];
      System.arraycopy(states[c], 0, flatState, at, n);
      System.arraycopy(cells[c], 0, flatFirm, at, n);
      System.arraycopy(ids[c], 0, flatId, at, n);
      for (int i = 0; i < n; i++) {
        flatXy[2 * (at + i)] = x[i];
        flatXy[2 * (at + i) + 1] = y[i];
      }
      at += n;
    }
    flatStart[cellCount] = at;
    flatStale = false;
  }

  /**
   * Collects the living firms within {@code radius} of {@code centre} (exact Euclidean distance),
   * of {@code sector} (any sector when null), other than {@code exclude}, sorted by id; returns
   * how many. Counts the query and the firms examined in {@code work}.
   */
  int collect(Double2D centre, double radius, Sector sector, Firm exclude, WorkCounters work) {
    return collect(centre, radius, sector, exclude, 0, work);
  }

  /**
   * As {@link #collect} with no firm excluded, but only the firms with an id of at least
   * {@code fromId}: each cell keeps its firms in id order (added in order of creation, removed
   * keeping the others' order), so only the cells' tails are read, from the last firm back to the
   * first with a lower id. The result is in the cells' order; {@link #sortById} puts it in id order.
   */
  int collectFrom(Double2D centre, double radius, Sector sector, int fromId, WorkCounters work) {
    return collect(centre, radius, sector, null, fromId, work);
  }

  private int collect(Double2D centre, double radius, Sector sector, Firm exclude, int fromId, WorkCounters work) {
    picked = false;
    size = 0;
    int wanted = sector == null ? -1 : sector.ordinal();
    int minX = column(centre.x - radius);
    int maxX = column(centre.x + radius);
    int minY = row(centre.y - radius);
    int maxY = row(centre.y + radius);
    long examined = 0;
    for (int cx = minX; cx <= maxX; cx++) {
      for (int cy = minY; cy <= maxY; cy++) {
        int c = cx * rows + cy;
        Firm[] cell = cells[c];
        double[] x = xs[c];
        double[] y = ys[c];
        byte[] sectorOf = sectors[c];
        int n = counts[c];
        int first = 0;
        if (fromId > 0) {
          int[] id = ids[c];
          first = n;
          while (first > 0 && id[first - 1] >= fromId) {
            first--;
          }
        }
        examined += n - first;
        for (int i = first; i < n; i++) {
          // The sector from the grid's array first: only candidates of the sector are read.
          if ((wanted < 0 || sectorOf[i] == wanted) && distance(x[i], y[i], centre) <= radius) {
            Firm f = cell[i];
            if (f == exclude || !f.isAlive()) {
              continue;
            }
            if (size == found.length) {
              found = Arrays.copyOf(found, 2 * size);
            }
            found[size++] = f;
          }
        }
      }
    }
    work.spatialCandidates += examined;
    work.spatialQueries++;
    return size;
  }

  /** With more candidates in the cells than this many times k, {@link #sample} draws by rejection. */
  private static final int REJECTION_FACTOR = 4;
  /** Rejection draws the sampling is given per firm to draw, before it falls back to the exact scan. */
  private static final int ATTEMPTS_PER_DRAW = 16;
  /** Above this sample size {@link #sample} always scans (its duplicate check is O(k) per draw). */
  private static final int MAX_REJECTION_SAMPLE = 32;

  private int adopters;
  private int[] rangeEnds = new int[16];

  /**
   * Draws up to {@code k} distinct living firms other than {@code exclude} within {@code radius}
   * of {@code centre}, uniformly without replacement, into the result; returns how many were drawn:
   * k, or all of them when there are k or fewer. See {@link #sampleFlat} for how; the firms' states
   * are those recorded by the last {@link #refreshStates} (a firm added since counts as alive and
   * not adopting), which the caller must call after any firm's adoption or exit that should count.
   */
  int sample(Double2D centre, double radius, Firm exclude, int k, ec.util.MersenneTwisterFast random, WorkCounters work) {
    if (flatStale) {
      rebuildFlat();
    }
    return sampleFlat(centre.x, centre.y, radius, flatIndexOf(exclude), k, random, work);
  }

  /**
   * The AI contacts of every living firm that is not an AI adopter, as of the last
   * {@link #refreshStates}: for each, in the grid's order (cells, then id), a sample of up to k
   * other living firms within {@code radius} of it ({@link #sampleFlat}), whose size and adopters
   * are then read by firm id with {@link #contacts} and {@link #contactAdopters}. Taking the firms
   * in the grid's order rather than in order of id keeps consecutive samples within the same few
   * cells, so that the draws read memory the previous firm's draws have just read.
   */
  void sampleContacts(double radius, int k, ec.util.MersenneTwisterFast random, WorkCounters work) {
    if (flatStale) {
      rebuildFlat();
    }
    if (contactsById.length < idLimit) {
      int capacity = Math.max(idLimit, contactsById.length + (contactsById.length >> 2));
      contactsById = new int[capacity];
      contactAdoptersById = new int[capacity];
    }
    int total = flatStart[cells.length];
    for (int f = 0; f < total; f++) {
      if (flatState[f] == ALIVE) {
        int id = flatId[f];
        contactsById[id] = sampleFlat(flatXy[2 * f], flatXy[2 * f + 1], radius, f, k, random, work);
        contactAdoptersById[id] = adopters;
      }
    }
    picked = false;
    size = 0;
  }

  /** The number of contacts the last {@link #sampleContacts} drew for the firm with this id (a non-adopter then). */
  int contacts(int id) {
    return contactsById[id];
  }

  /** The AI adopters among the contacts the last {@link #sampleContacts} drew for the firm with this id. */
  int contactAdopters(int id) {
    return contactAdoptersById[id];
  }

  /** The index of {@code firm} in the compact copy, −1 if it is null or not in the grid. */
  private int flatIndexOf(Firm firm) {
    if (firm == null) {
      return -1;
    }
    int c = cellOf(firm.getLocation());
    for (int f = flatStart[c]; f < flatStart[c + 1]; f++) {
      if (flatFirm[f] == firm) {
        return f;
      }
    }
    return -1;
  }

  /**
   * Draws up to {@code k} distinct living firms of the compact copy other than entry {@code self}
   * (−1 for none) within {@code radius} of (cx, cy), uniformly without replacement; leaves their
   * flat indices in {@code picks}, the adopters among them in {@code adopters}, and returns how many:
   * k, or all of them when there are k or fewer. When the cells that overlap the disk hold few
   * firms (at most 4k) it scans them and, if more than k qualify, takes the first k of a partial
   * Fisher–Yates shuffle of the qualifying firms in the grid's order (cells, then id). Otherwise
   * it draws by rejection: a uniform firm of those cells, kept if it qualifies and is not drawn
   * yet, until k are drawn — each kept firm is uniform among those not yet drawn, so the sample is
   * a uniform k-subset, and the cost is about k × (firms in the cells / firms in the disk) draws
   * whatever the density. If that takes more than 16 draws per firm sought (fewer than k qualify,
   * or the disk is nearly empty of the cells' firms), it falls back to the scan with fresh draws.
   * Either way the result is a uniform sample, and every draw comes from {@code random}.
   */
  private int sampleFlat(double cx, double cy, double radius, int self, int k, ec.util.MersenneTwisterFast random, WorkCounters work) {
    int minX = column(cx - radius);
    int maxX = column(cx + radius);
    int range = maxX - minX + 1;
    int total = layOutRuns(minX, maxX, row(cy - radius), row(cy + radius));
    picked = true;
    size = 0;
    adopters = 0;
    if (k > 0 && k <= MAX_REJECTION_SAMPLE && total > REJECTION_FACTOR * k) {
      if (drawByRejection(cx, cy, radius, self, k, range, total, random, work)) {
        return k;
      }
      size = 0;
      adopters = 0;
    }
    return drawByScan(cx, cy, radius, self, k, range, total, random, work);
  }

  /**
   * Lays out the cells of columns {@code minX}…{@code maxX}, rows {@code minY}…{@code maxY} as runs
   * of the flat copy, one per column, and returns the firms they hold: the picks 0…total−1 number
   * the runs' firms in column order, run r ending before {@code rangeEnds[r]} and pick p of it
   * being flat index {@code segStart[r] + p}.
   */
  private int layOutRuns(int minX, int maxX, int minY, int maxY) {
    // The cells of each column in [minY, maxY] are one run of the flat copy; the runs in column
    // order are the cells in the order (column, then row) and the firms of each cell in id order.
    int range = maxX - minX + 1;
    if (rangeEnds.length < range) {
      rangeEnds = new int[range];
      segStart = new int[range];
    }
    int[] start = flatStart;
    int total = 0;
    for (int x = minX, r = 0; x <= maxX; x++, r++) {
      int from = start[x * rows + minY];
      // segStart[r] + (pick − the picks before run r) = segBase[r] + pick
      segStart[r] = from - total;
      total += start[x * rows + maxY + 1] - from;
      rangeEnds[r] = total;
    }
    return total;
  }

  /**
   * The rejection draws of {@link #sampleFlat}: a uniform pick of the {@code total} firms of the
   * {@code range} runs, kept if it qualifies and is not drawn yet, until k are in {@code picks}
   * (true) or {@link #ATTEMPTS_PER_DRAW} draws per firm sought are spent (false; {@code size} and
   * {@code adopters} then hold a partial sample for the caller to discard).
   */
  private boolean drawByRejection(double cx, double cy, double radius, int self, int k, int range, int total,
      ec.util.MersenneTwisterFast random, WorkCounters work) {
    double[] xy = flatXy;
    byte[] state = flatState;
    // With three runs or fewer (the usual case: cells as large as the radius) the run of a pick
    // is found without branches.
    int end0 = range > 1 ? rangeEnds[0] : Integer.MAX_VALUE;
    int end1 = range > 2 ? rangeEnds[1] : Integer.MAX_VALUE;
    int attempts = ATTEMPTS_PER_DRAW * k;
    long examined = 0;
    // sqrt(s) <= radius decided without the square root where s is clearly inside or outside
    // (sqrt is correctly rounded and monotone; within 1e-12 of radius² the root is taken).
    double r2 = radius * radius;
    double inside = r2 * (1 - 1e-12);
    double outside = r2 * (1 + 1e-12);
    int[] mark = flatMark;
    if (++sampleNumber == Integer.MAX_VALUE) {
      Arrays.fill(mark, 0);
      sampleNumber = 1;
    }
    int number = sampleNumber;
    double inverse = 1.0 / total;
    boolean powerOfTwo = (total & -total) == total;
    while (size < k && attempts-- > 0) {
      int pick = powerOfTwo ? random.nextInt(total) : uniformIndex(random, total, inverse);
      int j;
      if (range <= 3) {
        j = (pick >= end0 ? 1 : 0) + (pick >= end1 ? 1 : 0);
      } else {
        j = 0;
        while (rangeEnds[j] <= pick) {
          j++;
        }
      }
      int f = segStart[j] + pick;
      examined++;
      byte st = state[f];
      if (st != 0 && mark[f] != number && f != self) {
        double dx = xy[2 * f] - cx;
        double dy = xy[2 * f + 1] - cy;
        double d2 = dx * dx + dy * dy;
        // Whether d2 <= inside (the sign of inside − d2, exact: a rounded difference keeps the
        // sign of the exact one and is +0 only when they are equal) and whether d2 < outside,
        // as bits: the pick is kept or not without a branch, which half the picks would
        // mispredict. Only the rare d2 between the two takes the square root.
        int in = (int) (Double.doubleToRawLongBits(inside - d2) >>> 63) ^ 1;
        int band = (int) (Double.doubleToRawLongBits(d2 - outside) >>> 63) & ~in;
        if (band != 0) {
          in = Math.sqrt(d2) <= radius ? 1 : 0;
        }
        picks[size] = f;
        mark[f] ^= (mark[f] ^ number) & -in;
        adopters += in & (st >> 1); // st >> 1 is 1 for ADOPTER (2), 0 for ALIVE (1)
        size += in;
      }
    }
    work.spatialCandidates += examined;
    if (size == k) {
      work.spatialQueries++;
      return true;
    }
    return false;
  }

  /**
   * {@code random.nextInt(n)} for n &gt; 0 not a power of two, the same words drawn and the same
   * value, without its integer division: MASON takes 31 bits b of each word and rejects the word
   * if b − (b mod n) + n − 1 overflows; b mod n is taken here from the quotient b · (1 / n), which
   * is within 2⁻²¹ of the exact one for b &lt; 2³¹, so its floor is off by one at most and one
   * correction makes it exact.
   */
  static int uniformIndex(ec.util.MersenneTwisterFast random, int n, double inverse) {
    while (true) {
      int bits = random.nextInt() >>> 1;
      int value = bits - (int) (bits * inverse) * n;
      if (value < 0) {
        value += n;
      } else if (value >= n) {
        value -= n;
      }
      if (bits - value + (n - 1) >= 0) {
        return value;
      }
    }
  }

  /**
   * The scan of {@link #sampleFlat}: every qualifying firm of the {@code range} runs into
   * {@code picks}, in the grid's order, then, if more than k, the first k of a partial
   * Fisher–Yates shuffle; returns how many were taken, with {@code size} and {@code adopters}.
   */
  private int drawByScan(double cx, double cy, double radius, int self, int k, int range, int total,
      ec.util.MersenneTwisterFast random, WorkCounters work) {
    double[] xy = flatXy;
    byte[] state = flatState;
    int n = 0;
    for (int r = 0, from = 0; r < range; from = rangeEnds[r], r++) {
      for (int p = from; p < rangeEnds[r]; p++) {
        int f = segStart[r] + p;
        if (state[f] != 0 && f != self && distance(xy[2 * f], xy[2 * f + 1], cx, cy) <= radius) {
          if (n == picks.length) {
            picks = Arrays.copyOf(picks, 2 * n);
          }
          picks[n++] = f;
        }
      }
    }
    work.spatialCandidates += total;
    work.spatialQueries++;
    int take = Math.min(k, n);
    if (n > k) {
      for (int j = 0; j < take; j++) {
        int other = j + random.nextInt(n - j);
        int t = picks[j];
        picks[j] = picks[other];
        picks[other] = t;
      }
    }
    size = take;
    for (int j = 0; j < take; j++) {
      if (state[picks[j]] == ADOPTER) {
        adopters++;
      }
    }
    return take;
  }

  /** The distance from (x, y) to {@code centre}, computed as {@link Double2D#distance(Double2D)} computes it. */
  private static double distance(double x, double y, Double2D centre) {
    return distance(x, y, centre.x, centre.y);
  }

  /** The distance from (x, y) to (cx, cy), computed as {@link Double2D#distance(Double2D)} computes it. */
  private static double distance(double x, double y, double cx, double cy) {
    double dx = x - cx;
    double dy = y - cy;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Puts the firms of a sample into the result array (they are kept as flat indices until read). */
  private void materialise() {
    if (picked) {
      if (found.length < size) {
        found = new Firm[size];
      }
      for (int j = 0; j < size; j++) {
        found[j] = flatFirm[picks[j]];
      }
      picked = false;
    }
  }

  /** Sorts the last result by firm id (primitive keys, not a comparator). */
  void sortById() {
    materialise();
    if (size < 2) {
      return;
    }
    if (keys.length < size) {
      keys = new long[found.length];
      sorted = new Firm[found.length];
    }
    for (int i = 0; i < size; i++) {
      keys[i] = ((long) found[i].getId() << 32) | i;
    }
    Arrays.sort(keys, 0, size);
    for (int i = 0; i < size; i++) {
      sorted[i] = found[(int) keys[i]];
    }
    Firm[] t = found;
    found = sorted;
    sorted = t;
  }

  /** The i-th firm of the last result. */
  Firm get(int i) {
    materialise();
    return found[i];
  }

  int size() {
    return size;
  }

  void swap(int i, int j) {
    materialise();
    Firm t = found[i];
    found[i] = found[j];
    found[j] = t;
  }

  /** The last result as a new list. */
  List<Firm> toList() {
    materialise();
    return new java.util.ArrayList<>(Arrays.asList(found).subList(0, size));
  }

  private int cellOf(Double2D p) {
    return column(p.x) * rows + row(p.y);
  }

  private int column(double x) {
    return clamp(x / cellSize, columns);
  }

  private int row(double y) {
    return clamp(y / cellSize, rows);
  }

  /** floor(v), clamped to [0, n − 1]: positions outside the region fall in the border cells. */
  private static int clamp(double v, int n) {
    if (!(v >= 0)) {
      return 0;
    }
    return v >= n - 1 ? n - 1 : (int) v;
  }
}
