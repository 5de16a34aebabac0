package org.nqpf.model;

/**
 * Decisions that compare a uniform draw with a value the model defines through {@code StrictMath}
 * (so that a run gives the same bits on every JVM), taken from {@code Math}'s faster functions
 * whenever the draw is clearly on one side, and from {@code StrictMath} otherwise. {@code Math.exp},
 * {@code Math.log} and {@code Math.pow} are within 1 ulp of the exact result, as {@code StrictMath}'s
 * are (the Java SE specification of both classes), so the two differ by a few ulps, some 1e-15
 * relative: a draw farther than {@link #SLACK} (relative) from the fast value falls on the same side
 * of the strict one, and every decision, every draw taken and every output is the one
 * {@code StrictMath} gives (docs/PERFORMANCE.md, the thirteenth sitting).
 */
final class ExactShortcuts {
  /**
   * How far (relative) a draw must be from the fast value to be decided by it: ten million times
   * the functions' error, which leaves room for the error's growth through the few operations
   * around them (a Poisson limit exp(−λ) with λ up to 500 multiplies λ's relative error by λ).
   */
  static final double SLACK = 1e-9;

  private ExactShortcuts() {}

  /**
   * Whether {@code u < 1 − StrictMath.exp(−rate)}, for {@code rate > 0} (a success of
   * probability 1 − e^(−rate)).
   */
  static boolean below1MinusExp(double u, double rate) {
    double fast = 1 - Math.exp(-rate);
    if (Math.abs(u - fast) > SLACK) {
      return u < fast;
    }
    return u < 1 - StrictMath.exp(-rate);
  }

  /**
   * {@code StrictMath.floor(StrictMath.log(v) / logQ)} for v in (0, 1] and logQ &lt; 0, the gap
   * of a geometric draw by inversion: the quotient q ≥ 0 from {@code Math.log} gives the same
   * floor unless it lies within {@link #SLACK} of a whole number.
   */
  static double floorLogRatio(double v, double logQ) {
    double fast = Math.log(v) / logQ;
    double whole = Math.floor(fast);
    double margin = SLACK * Math.max(1, fast);
    if (fast - whole > margin && whole + 1 - fast > margin) {
      return whole;
    }
    return StrictMath.floor(StrictMath.log(v) / logQ);
  }

  /**
   * The index {@link EcosystemModel#indexAt} gives for the uniform draw {@code r} over weights the
   * model defines through {@code StrictMath}, taken from {@code weights} computed with {@code Math}'s
   * functions (each within a few ulps, some 1e-15 relative, of the strict one): the same sums and
   * subtractions, and the index where the remainder first falls below 0, provided every remainder
   * compared is farther than {@link #SLACK} × the total from 0 (then the strict weights' remainders
   * have the same signs); −1 when one is not, or when no remainder falls below 0, and the caller
   * draws from the strict weights with the same {@code r}.
   */
  static int indexAt(double[] weights, int n, double r) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    double u = r * total;
    double margin = SLACK * total;
    for (int i = 0; i < n; i++) {
      u -= weights[i];
      if (Math.abs(u) <= margin) {
        return -1;
      }
      if (u < 0) {
        return i;
      }
    }
    return -1;
  }
}
