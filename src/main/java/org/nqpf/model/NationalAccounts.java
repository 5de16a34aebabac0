package org.nqpf.model;

import java.util.List;

/**
 * The national accounts of a step (docs/MODEL.md, "National accounts"), kept from step to step
 * for the chained price index and the productivity decomposition.
 *
 * <p>GDP is value added. Firms buy no intermediate inputs in this model (production uses labour
 * and capital only; capital goods are final demand), so a firm's value added is its sales. The
 * firms that produced in a step are those the goods market cleared for it, including those that
 * left after producing (which the {@code output} column, summed over the living firms, leaves
 * out); the entrants founded after the market produce from the next step on.
 *
 * <p>The price index is a chained Fisher index (each link the geometric mean of the Laspeyres and
 * Paasche indices, the index the 2008 SNA, ch. 15, recommends for chained price and volume
 * measures and the US national accounts use since 1996) over the three sectors, each sector's
 * price its unit value (sales over quantity: within a sector firms sell one good at their own
 * prices), 1 at the first observed step. A link uses the sectors with output in both steps;
 * without any, it is 1. Real GDP is nominal GDP over the index.
 *
 * <p>A firm's real value added is its quantity valued at its sector's unit value, deflated by the
 * index: Y<sub>i</sub> = q<sub>i</sub> × (S<sub>s</sub>/Q<sub>s</sub>) / I. Within a sector a
 * firm's real output so counts physical units (a firm that charges more does not produce more),
 * and the firms' real value added sums to real GDP exactly. Labour productivity is real value
 * added per employee (production workers and R&amp;D staff), for all firms, private firms and SOEs
 * (by ownership at the end of the step). The aggregate, real GDP over employment, is the
 * employment-weighted mean of the firms' productivities; its change from the last step is
 * decomposed by {@link ProductivityDecomposition} with employment weights, the exiters (firms
 * that produced last step and left after it) passed as one group. All terms are 0 at the first
 * observed step and when either step has no employment.
 *
 * <p>Cost: one pass over the living firms of its own (their sector sums are taken in the
 * observer's pass, {@link #addLiving}) and two over the step's leavers, no allocation.
 */
final class NationalAccounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final int SECTORS = Sector.values().length;

  /** The last observed step's sector unit values and quantities (for the next Fisher link). */
  private final double[] lastPrices = new double[SECTORS];
  private final double[] lastQuantities = new double[SECTORS];
  private final double[] sales = new double[SECTORS];
  private final double[] quantities = new double[SECTORS];
  private final double[] prices = new double[SECTORS];
  /** Real value added and employment of private firms, then of SOEs (scratch). */
  private final double[] byOwnership = new double[4];
  private long lastStep = -1;
  private double index = 1;
  /** The last observed step's aggregate productivity and employment. */
  private double lastProductivity;
  private double lastEmployment;
  /** Employment and real value added, at their last step, of the firms that left after producing in it. */
  private double exitEmployment;
  private double exitOutput;
  /** Employment of the living firms that produced in the step being observed, summed by {@link #addLiving}. */
  private transient double livingEmployment;
  private final ProductivityDecomposition decomposition = new ProductivityDecomposition();

  private double gdp;
  private double realGdp;
  private double productivity;
  private double productivityPrivate;
  private double productivitySoe;

  /**
   * Starts observing a step: its living firms are then given to {@link #addLiving} one
   * by one, in their list's order, and {@link #finishStep} observes the rest (the firms that left
   * this step after producing). Must be done once per step, in step order. The observer gives the
   * living firms in its own pass over them, which saves a pass of its own here (at 100,000 firms a
   * cache miss per firm).
   */
  void beginStep() {
    java.util.Arrays.fill(sales, 0);
    java.util.Arrays.fill(quantities, 0);
    livingEmployment = 0;
  }

  /** Adds a living firm's sales, quantity and employment to its sector's sums if it produced in {@code step}. */
  void addLiving(Firm f, long step) {
    livingEmployment += produced(f, step);
  }

  /** Ends the observation of {@code step} begun by {@link #beginStep}, with the firms that left this step after producing. */
  void finishStep(List<Firm> alive, List<Firm> exited, long step) {
    double employment = 0;
    employment += livingEmployment;
    employment += sumSectors(exited, step);
    gdp = 0;
    for (int s = 0; s < SECTORS; s++) {
      gdp += sales[s];
      prices[s] = quantities[s] > 0 ? sales[s] / quantities[s] : 0;
    }
    boolean linked = lastStep == step - 1 && lastStep >= 0;
    index = linked ? index * fisherLink(lastPrices, lastQuantities, prices, quantities) : 1;
    realGdp = gdp / index;

    productivity = productivity(realGdp, employment);
    java.util.Arrays.fill(byOwnership, 0);

    boolean defined = linked && lastEmployment > 0 && employment > 0;
    decomposition.begin(defined ? lastProductivity : 0);
    if (defined && exitEmployment > 0) {
      decomposition.exiter(exitEmployment / lastEmployment, exitOutput / exitEmployment);
    }
    exitEmployment = 0;
    exitOutput = 0;
    decompose(alive, step, defined, employment, false);
    decompose(exited, step, defined, employment, true);
    productivityPrivate = productivity(byOwnership[0], byOwnership[1]);
    productivitySoe = productivity(byOwnership[2], byOwnership[3]);
    System.arraycopy(prices, 0, lastPrices, 0, SECTORS);
    System.arraycopy(quantities, 0, lastQuantities, 0, SECTORS);
    lastProductivity = productivity;
    lastEmployment = employment;
    lastStep = step;
  }

  /** Sums the sales and quantities of the firms that produced this step by sector; returns their employment. */
  private double sumSectors(List<Firm> firms, long step) {
    double employment = 0;
    for (int i = 0, n = firms.size(); i < n; i++) {
      employment += produced(firms.get(i), step);
    }
    return employment;
  }

  /** Adds the firm's sales and quantity to its sector's if it produced in {@code step}; returns its employment then, else 0. */
  private double produced(Firm f, long step) {
    if (f.getProducedStep() != step) {
      return 0;
    }
    int s = f.getSector().ordinal();
    sales[s] += f.getSales();
    quantities[s] += f.getQuantity();
    return f.getEmployment();
  }

  /**
   * Passes the firms that produced this step to the decomposition (when {@code defined}): those the
   * accounts noted last step as continuing firms, the others as entrants; notes every one for the
   * next step; sums real value added and employment by ownership, and the employment and real
   * value added of those {@code leaving} for the next step's exit term.
   */
  private void decompose(List<Firm> firms, long step, boolean defined, double employment, boolean leaving) {
    for (int i = 0, n = firms.size(); i < n; i++) {
      Firm f = firms.get(i);
      if (f.getProducedStep() != step) {
        continue;
      }
      double e = f.getEmployment();
      double y = realOutput(f);
      int o = f.isPrivate() ? 0 : 2;
      byOwnership[o] += y;
      byOwnership[o + 1] += e;
      if (defined && f.getAccountedStep() == step - 1) {
        double e0 = f.getAccountedEmployment();
        decomposition.continuer(e0 / lastEmployment, productivity(f.getAccountedOutput(), e0), e / employment,
            productivity(y, e));
      } else if (defined) {
        decomposition.entrant(e / employment, productivity(y, e));
      }
      f.account(step, e, y);
      if (leaving) {
        exitEmployment += e;
        exitOutput += y;
      }
    }
  }

  /** Output per employee (0 without employees). */
  static double productivity(double output, double employment) {
    return employment > 0 ? output / employment : 0;
  }

  /** The firm's real value added this step: its quantity at its sector's unit value, deflated by the index. */
  private double realOutput(Firm f) {
    return f.getQuantity() * prices[f.getSector().ordinal()] / index;
  }

  /**
   * One link of a chained Fisher price index: the geometric mean of the Laspeyres and Paasche
   * indices of {@code p1} against {@code p0}, over the goods with positive quantities in both
   * periods (1 when there is none).
   */
  static double fisherLink(double[] p0, double[] q0, double[] p1, double[] q1) {
    double p1q0 = 0;
    double p0q0 = 0;
    double p1q1 = 0;
    double p0q1 = 0;
    for (int s = 0; s < p0.length; s++) {
      if (q0[s] > 0 && q1[s] > 0) {
        p1q0 += p1[s] * q0[s];
        p0q0 += p0[s] * q0[s];
        p1q1 += p1[s] * q1[s];
        p0q1 += p0[s] * q1[s];
      }
    }
    if (p0q0 <= 0 || p0q1 <= 0 || p1q0 <= 0 || p1q1 <= 0) {
      return 1;
    }
    return Math.sqrt(p1q0 / p0q0 * (p1q1 / p0q1));
  }

  /** Nominal GDP: value added (sales) of the firms that produced this step. */
  double gdp() {
    return gdp;
  }

  /** The chained Fisher price index, 1 at step 0. */
  double priceIndex() {
    return index;
  }

  double realGdp() {
    return realGdp;
  }

  /** Real value added per employee, all firms (the employment-weighted aggregate). */
  double productivity() {
    return productivity;
  }

  double productivityPrivate() {
    return productivityPrivate;
  }

  double productivitySoe() {
    return productivitySoe;
  }

  /** The decomposition of the change in {@link #productivity()} since the last step (all 0 at the first). */
  ProductivityDecomposition decomposition() {
    return decomposition;
  }
}
