package org.nqpf.model;

/**
 * The decomposition of the change in aggregate productivity between two dates into within-firm,
 * between-firm (reallocation), cross, entry and exit terms (Foster, Haltiwanger and Krizan 2001,
 * "Aggregate productivity growth: lessons from microeconomic evidence", in Hulten, Dean and Harper
 * (eds), <i>New Developments in Productivity Analysis</i>, NBER/University of Chicago Press, eq. 2).
 *
 * <p>The aggregate is the share-weighted mean P = Σ θ<sub>i</sub> p<sub>i</sub> of the firms'
 * productivities p<sub>i</sub>, the weights θ<sub>i</sub> summing to one at each date. With C the
 * continuing firms (present at both dates), N the entrants (only at t), X the exiters (only at
 * t−1) and Δ the change from t−1 to t:
 *
 * <pre>
 * ΔP = Σ_C θ_{t−1} Δp                  within
 *    + Σ_C Δθ (p_{t−1} − P_{t−1})       between (reallocation)
 *    + Σ_C Δθ Δp                        cross
 *    + Σ_N θ_t (p_t − P_{t−1})          entry
 *    − Σ_X θ_{t−1} (p_{t−1} − P_{t−1})  exit
 * </pre>
 *
 * exactly, because each date's weights sum to one (so that P<sub>t−1</sub> Σ θ<sub>t</sub> −
 * P<sub>t−1</sub> Σ θ<sub>t−1</sub> = 0 can be added). {@link #exit()} is the exit term with its
 * sign (positive when firms below the mean leave), so that the five terms add up to
 * {@link #total()}. The caller chooses the weights and the productivity measure: the national
 * accounts ({@link NationalAccounts}) use employment shares and real value added per employee, so
 * that P is real GDP over employment; {@code validate} uses employment shares and log real output
 * per employee over a year.
 *
 * <p>Use: {@link #begin} with P<sub>t−1</sub>, then one call per firm. Every term is linear in
 * θ × (p − P), so a group of firms can be passed as one with the group's weight and its
 * weight-averaged productivity.
 */
public final class ProductivityDecomposition implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private double previousAggregate;
  private double within;
  private double between;
  private double cross;
  private double entry;
  private double exit;

  /** Starts a decomposition against the aggregate P<sub>t−1</sub>; every term is set to 0. */
  public void begin(double previousAggregate) {
    this.previousAggregate = previousAggregate;
    within = 0;
    between = 0;
    cross = 0;
    entry = 0;
    exit = 0;
  }

  /** A firm present at both dates: its weight and productivity at t−1 and at t. */
  public void continuer(double previousWeight, double previousProductivity, double weight, double productivity) {
    double dp = productivity - previousProductivity;
    double dw = weight - previousWeight;
    within += previousWeight * dp;
    between += (previousProductivity - previousAggregate) * dw;
    cross += dp * dw;
  }

  /** A firm present at t but not at t−1: its weight and productivity at t. */
  public void entrant(double weight, double productivity) {
    entry += weight * (productivity - previousAggregate);
  }

  /** A firm present at t−1 but not at t: its weight and productivity at t−1. */
  public void exiter(double previousWeight, double previousProductivity) {
    exit -= previousWeight * (previousProductivity - previousAggregate);
  }

  /** Σ_C θ<sub>t−1</sub> Δp. */
  public double within() {
    return within;
  }

  /** Σ_C Δθ (p<sub>t−1</sub> − P<sub>t−1</sub>). */
  public double between() {
    return between;
  }

  /** Σ_C Δθ Δp. */
  public double cross() {
    return cross;
  }

  /** Σ_N θ<sub>t</sub> (p<sub>t</sub> − P<sub>t−1</sub>). */
  public double entry() {
    return entry;
  }

  /** The exit term's contribution to the change: −Σ_X θ<sub>t−1</sub> (p<sub>t−1</sub> − P<sub>t−1</sub>). */
  public double exit() {
    return exit;
  }

  /** The sum of the five terms, which is P<sub>t</sub> − P<sub>t−1</sub>. */
  public double total() {
    return within + between + cross + entry + exit;
  }
}
