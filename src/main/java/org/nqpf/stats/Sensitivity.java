package org.nqpf.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Global sensitivity indices for {@code sensitivity.csv} (docs/EXPERIMENTS.md): how much each
 * varied parameter drives one output over a sampled design. The input is a design matrix X (one
 * row per design point, one column per parameter, in the parameters' units) and an output vector
 * y (one value per point, already averaged over the replications).
 *
 * <h2>Regression-based indices (any sampled design)</h2>
 *
 * <ul>
 *   <li><b>SRC</b>, standardized regression coefficients: the coefficients of the least-squares
 *       fit of standardized y on the standardized columns of X (with an intercept, which is zero
 *       after standardizing). SRC_i = b_i·sd(x_i)/sd(y) for the OLS coefficients b_i; for
 *       uncorrelated inputs SRC_i² is the share of the output variance due to x_i, and
 *       Σ SRC_i² = R². They are computed from the correlation matrix R of the columns of [X y]:
 *       SRC = R_XX⁻¹ r_Xy and R² = r_Xy·SRC (the normal equations of the standardized regression,
 *       solved by a Cholesky factorization). SRC describes the output only as far as a linear
 *       model does: trust it when {@link #rSquared(double[][], double[]) R²} is high (≥ 0.7 is the
 *       usual rule); otherwise use PRCC.
 *   <li><b>PRCC</b>, partial rank correlation coefficients (Iman and Conover 1979; Marino et al.
 *       2008): X's columns and y are replaced by their ranks (average ranks for ties, see
 *       {@link #ranks(double[])}), and PRCC_i is the correlation between the residuals of rank(x_i)
 *       and of rank(y), each regressed (with an intercept) on the ranks of the other parameters.
 *       It measures the strength of a monotone effect with the others held fixed, in [−1, 1]. It
 *       is computed as the partial correlation from the correlation matrix R of the ranks, which
 *       is the same quantity: with Z the other parameters,
 *       <pre>  PRCC_i = (R_iy − R_iZ R_ZZ⁻¹ R_Zy) / √((1 − R_iZ R_ZZ⁻¹ R_Zi)(1 − R_yZ R_ZZ⁻¹ R_Zy))</pre>
 * </ul>
 *
 * <p>Their 95% intervals are bootstrap percentile intervals (Efron and Tibshirani 1993, ch. 13):
 * the design points (rows of X with their y) are resampled with replacement B times, both indices
 * are recomputed on each resample (ranks recomputed too), and the interval runs from the 2.5% to
 * the 97.5% quantile of the B values (linear interpolation between order statistics, Hyndman and
 * Fan 1996 type 7). SRC and PRCC use the same resamples.
 *
 * <h2>Variance-based indices (SOBOL designs)</h2>
 *
 * For Saltelli's sample (docs/EXPERIMENTS.md; Saltelli 2002) y holds f(A) (N rows), f(B) (N rows)
 * and then, for each parameter i = 1..k, f(A_B^(i)) (N rows: A with column i taken from B), so
 * N·(k + 2) values. With V the variance (divisor 2N) of the 2N values f(A), f(B):
 *
 * <ul>
 *   <li><b>SOBOL_FIRST</b>, the first-order index (Saltelli et al. 2010, Table 2 (b)):
 *       <pre>  S_i = (1/N) Σ_j f(B)_j · (f(A_B^(i))_j − f(A)_j) / V</pre>
 *       the share of the variance due to x_i alone.
 *   <li><b>SOBOL_TOTAL</b>, the total index (Jansen 1999; Saltelli et al. 2010, Table 2 (f)):
 *       <pre>  ST_i = (1/(2N)) Σ_j (f(A)_j − f(A_B^(i))_j)² / V</pre>
 *       the share due to x_i including all its interactions; ST_i − S_i measures the interactions.
 * </ul>
 *
 * Both are Monte Carlo estimates: S_i can come out slightly negative (or an index above 1) when
 * the true value is near 0 (or the sample is small). Their 95% intervals are bootstrap percentile
 * intervals that resample the N base rows: a resampled row index j takes f(A)_j, f(B)_j and every
 * f(A_B^(i))_j together, as the estimators need them paired.
 *
 * <h2>Degenerate inputs</h2>
 *
 * None throws; each gives NaN (written as an empty cell) with this meaning:
 *
 * <ul>
 *   <li>y constant (every value equal), or a NaN or infinite value in y or X: every index is NaN
 *       (there is no variation to apportion, or the output is undefined somewhere).
 *   <li>fewer design points than parameters + 2: every SRC and PRCC is NaN (the regression needs
 *       at least one residual degree of freedom).
 *   <li>a constant column (the parameter did not vary): that parameter's SRC and PRCC are NaN (its
 *       effect cannot be estimated); the other parameters' indices are computed as if the column
 *       were absent (a constant column adds nothing to the fit).
 *   <li>collinear parameters (a column a linear function of others, up to a relative tolerance of
 *       1e-10): the SRC of every parameter and the PRCC of the parameters involved are NaN.
 *   <li>rank(y) fully explained by the ranks of the other parameters (e.g. y a monotone function
 *       of x_1 alone): the PRCC of those other parameters is NaN (nothing is left to correlate).
 *   <li>Sobol with N &lt; 2: every Sobol index is NaN.
 *   <li>an index whose value is NaN has a NaN interval; so does an index of which fewer than half
 *       of the bootstrap resamples give a finite value (resamples of small designs can repeat
 *       points until a column is constant; such resamples are left out of the others'
 *       percentiles); {@code bootstrap = 0} gives NaN intervals.
 * </ul>
 *
 * Wrong shapes (rows of different lengths, y not matching X, a Saltelli y whose length is not a
 * multiple of k + 2, a Saltelli X that is not in the layout) are programming errors and throw
 * {@link IllegalArgumentException}.
 *
 * <h2>Determinism</h2>
 *
 * Every method is a pure function of its arguments: the only randomness is the bootstrap's, from a
 * Commons Math {@link MersenneTwister} seeded with the {@code seed} argument (draws in a fixed
 * order: resample by resample, row by row); arithmetic is plain IEEE in index order, with
 * {@link Math#sqrt} (correctly rounded) as the only non-elementary function; no hash-ordered
 * collections. The same inputs and seed give the same bits on every JVM and thread. Thread-safe.
 *
 * <h2>References</h2>
 *
 * <ul>
 *   <li>Efron, B. and Tibshirani, R.J. (1993). An Introduction to the Bootstrap. Chapman &amp;
 *       Hall.
 *   <li>Hyndman, R.J. and Fan, Y. (1996). Sample quantiles in statistical packages. The American
 *       Statistician 50(4), 361–365.
 *   <li>Iman, R.L. and Conover, W.J. (1979). The use of the rank transform in regression.
 *       Technometrics 21(4), 499–509.
 *   <li>Jansen, M.J.W. (1999). Analysis of variance designs for model output. Computer Physics
 *       Communications 117(1–2), 35–43.
 *   <li>Marino, S., Hogue, I.B., Ray, C.J. and Kirschner, D.E. (2008). A methodology for
 *       performing global uncertainty and sensitivity analysis in systems biology. Journal of
 *       Theoretical Biology 254(1), 178–196.
 *   <li>Saltelli, A. (2002). Making best use of model evaluations to compute sensitivity indices.
 *       Computer Physics Communications 145(2), 280–297.
 *   <li>Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. and Tarantola, S. (2010).
 *       Variance based sensitivity analysis of model output. Design and estimator for the total
 *       sensitivity index. Computer Physics Communications 181(2), 259–270.
 * </ul>
 */
public final class Sensitivity {
  /** Bootstrap resamples when the caller has no reason to choose otherwise. */
  public static final int DEFAULT_BOOTSTRAP = 1000;

  /** The level of the bootstrap intervals. */
  public static final double CONFIDENCE = 0.95;

  /**
   * Relative tolerance below which a column is taken as a linear function of others: a Cholesky
   * pivot of a correlation matrix (1 − R² of a column on the previous ones) or a residual variance
   * share below it.
   */
  static final double SINGULAR = 1e-10;

  /** The share of bootstrap resamples that must give a finite value for an interval. */
  static final double MIN_FINITE_SHARE = 0.5;

  private Sensitivity() {}

  /** The sensitivity methods, in the order {@link #saltelli} reports them for each parameter. */
  public enum Method {
    /** Standardized regression coefficient. */
    SRC,
    /** Partial rank correlation coefficient. */
    PRCC,
    /** Sobol first-order index (Saltelli et al. 2010). */
    SOBOL_FIRST,
    /** Sobol total index (Jansen 1999). */
    SOBOL_TOTAL
  }

  /**
   * One row of {@code sensitivity.csv} (without the metric): a parameter's index by one method,
   * with its bootstrap percentile interval. Any of the three numbers may be NaN (see the class
   * comment).
   */
  public record Index(String parameter, Method method, double value, double ciLow, double ciHigh) {}

  // ---------------------------------------------------------------------------------------------
  // With intervals: what sensitivity.csv holds

  /**
   * SRC and PRCC of each parameter, with bootstrap intervals: for each parameter in order, its SRC
   * then its PRCC.
   *
   * @param parameters the parameters' names, one per column of {@code x}
   * @param x the design, one row per point
   * @param y the output at each point
   * @param bootstrap resamples B (≥ 0; 0 gives NaN intervals), e.g. {@link #DEFAULT_BOOTSTRAP}
   * @param seed the bootstrap generator's seed
   */
  public static List<Index> regression(
      List<String> parameters, double[][] x, double[] y, int bootstrap, long seed) {
    double[][] columns = columns(parameters, x, y);
    checkBootstrap(bootstrap);
    int k = parameters.size();
    Estimates estimates = regressionWithBootstrap(columns, bootstrap, seed);
    List<Index> indices = new ArrayList<>(2 * k);
    for (int i = 0; i < k; i++) {
      indices.add(estimates.index(parameters.get(i), Method.SRC, i, 0));
      indices.add(estimates.index(parameters.get(i), Method.PRCC, i, 1));
    }
    return indices;
  }

  /**
   * Sobol first-order and total indices of each parameter from the outputs of Saltelli's sample,
   * with bootstrap intervals: for each parameter in order, SOBOL_FIRST then SOBOL_TOTAL.
   *
   * @param parameters the k parameters' names, in the order of the A_B^(i) blocks
   * @param y f(A), f(B), f(A_B^(1)), …, f(A_B^(k)): N·(k + 2) values
   * @param bootstrap resamples of the N base rows (≥ 0; 0 gives NaN intervals)
   * @param seed the bootstrap generator's seed
   */
  public static List<Index> sobol(List<String> parameters, double[] y, int bootstrap, long seed) {
    int k = parameters.size();
    int n = baseSamples(y, k);
    checkBootstrap(bootstrap);
    Estimates estimates = sobolWithBootstrap(y, n, k, bootstrap, seed);
    List<Index> indices = new ArrayList<>(2 * k);
    for (int i = 0; i < k; i++) {
      indices.add(estimates.index(parameters.get(i), Method.SOBOL_FIRST, i, 0));
      indices.add(estimates.index(parameters.get(i), Method.SOBOL_TOTAL, i, 1));
    }
    return indices;
  }

  /**
   * Every index of a SOBOL design: for each parameter in order, SRC, PRCC, SOBOL_FIRST,
   * SOBOL_TOTAL. SRC and PRCC (and their bootstrap) use only the 2N rows A and B: the A_B^(i) rows
   * repeat A's values but one, so they are not independent points and would make the point
   * bootstrap's intervals too narrow. The Sobol indices use all rows. Both bootstraps are seeded
   * with {@code seed}.
   *
   * @param x the whole design in Saltelli's layout, N·(k + 2) rows; checked: each A_B^(i) row must
   *     equal its A row except in column i, which must equal its B row's
   * @param y the output at each row
   * @throws IllegalArgumentException if the shapes or the layout are wrong
   */
  public static List<Index> saltelli(
      List<String> parameters, double[][] x, double[] y, int bootstrap, long seed) {
    columns(parameters, x, y);
    int k = parameters.size();
    int n = baseSamples(y, k);
    checkSaltelliLayout(x, n, k);
    List<Index> regression =
        regression(parameters, Arrays.copyOf(x, 2 * n), Arrays.copyOf(y, 2 * n), bootstrap, seed);
    List<Index> sobol = sobol(parameters, y, bootstrap, seed);
    List<Index> indices = new ArrayList<>(4 * k);
    for (int i = 0; i < k; i++) {
      indices.addAll(regression.subList(2 * i, 2 * i + 2));
      indices.addAll(sobol.subList(2 * i, 2 * i + 2));
    }
    return indices;
  }

  // ---------------------------------------------------------------------------------------------
  // Point estimates

  /**
   * The standardized regression coefficients of y on the columns of x (NaN as in the class
   * comment).
   */
  public static double[] src(double[][] x, double[] y) {
    double[][] columns = columns(null, x, y);
    int k = columns.length - 1;
    return Arrays.copyOf(srcAndRSquared(columns), k);
  }

  /**
   * R² of the linear fit behind {@link #src}: the share of y's variance a linear model in the
   * parameters explains. 0 when no parameter varies; NaN when y is constant or not finite, when
   * there are fewer points than parameters + 2 or when the parameters are collinear.
   */
  public static double rSquared(double[][] x, double[] y) {
    double[][] columns = columns(null, x, y);
    return srcAndRSquared(columns)[columns.length - 1];
  }

  /** The partial rank correlation coefficients of y and the columns of x (NaN as above). */
  public static double[] prcc(double[][] x, double[] y) {
    return prccOf(columns(null, x, y));
  }

  /** Sobol first-order indices from the outputs of Saltelli's sample for k parameters. */
  public static double[] sobolFirst(double[] y, int k) {
    double[][] both = sobolOf(y, baseSamples(y, k), k, null);
    return both[0];
  }

  /** Sobol total indices from the outputs of Saltelli's sample for k parameters. */
  public static double[] sobolTotal(double[] y, int k) {
    double[][] both = sobolOf(y, baseSamples(y, k), k, null);
    return both[1];
  }

  /**
   * Ranks 1..n of the values, ties given the average of the ranks they span ({3, 1, 4, 1} gives
   * {3, 1.5, 4, 1.5}); −0.0 and 0.0 tie.
   *
   * @throws IllegalArgumentException if a value is NaN
   */
  public static double[] ranks(double[] values) {
    int n = values.length;
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("cannot rank NaN (index " + i + ")");
      }
      sorted[i] = values[i] + 0.0; // −0.0 becomes 0.0
    }
    Arrays.sort(sorted);
    double[] ranks = new double[n];
    for (int i = 0; i < n; i++) {
      double v = values[i] + 0.0;
      int first = lowerBound(sorted, v);
      int last = upperBound(sorted, v) - 1;
      ranks[i] = (first + last) / 2.0 + 1;
    }
    return ranks;
  }

  // ---------------------------------------------------------------------------------------------
  // Regression indices

  /** SRC of each parameter then R², from the columns of [X y] (y last). */
  static double[] srcAndRSquared(double[][] columns) {
    int k = columns.length - 1;
    int n = columns[k].length;
    double[] result = nans(k + 1);
    if (n < k + 2 || !allFinite(columns)) {
      return result;
    }
    boolean[] varying = varying(columns);
    if (!varying[k]) {
      return result;
    }
    int[] v = varyingParameters(varying, k, -1);
    if (v.length == 0) {
      result[k] = 0;
      return result;
    }
    double[][] r = correlations(columns, varying);
    double[][] l = cholesky(submatrix(r, v));
    if (l == null) {
      return result;
    }
    double[] g = forward(l, column(r, v, k));
    double[] beta = backward(l, g);
    for (int j = 0; j < v.length; j++) {
      result[v[j]] = beta[j];
    }
    result[k] = dot(g, g);
    return result;
  }

  /** PRCC of each parameter, from the columns of [X y] (y last; not yet ranked). */
  static double[] prccOf(double[][] columns) {
    int k = columns.length - 1;
    int n = columns[k].length;
    if (n < k + 2 || !allFinite(columns)) {
      return nans(k);
    }
    double[][] ranked = new double[k + 1][];
    for (int j = 0; j <= k; j++) {
      ranked[j] = ranks(columns[j]);
    }
    return prccOfRanks(ranked);
  }

  /** PRCC of each parameter, from the ranks of the columns of [X y] (y last; n ≥ k + 2). */
  private static double[] prccOfRanks(double[][] ranked) {
    int k = ranked.length - 1;
    double[] result = nans(k);
    boolean[] varying = varying(ranked);
    if (!varying[k]) {
      return result;
    }
    double[][] r = correlations(ranked, varying);
    for (int i = 0; i < k; i++) {
      if (!varying[i]) {
        continue;
      }
      int[] z = varyingParameters(varying, k, i);
      double explainedX = 0;
      double explainedY = 0;
      double shared = 0;
      if (z.length > 0) {
        double[][] l = cholesky(submatrix(r, z));
        if (l == null) {
          continue;
        }
        double[] gx = forward(l, column(r, z, i));
        double[] gy = forward(l, column(r, z, k));
        explainedX = dot(gx, gx);
        explainedY = dot(gy, gy);
        shared = dot(gx, gy);
      }
      double residualX = 1 - explainedX;
      double residualY = 1 - explainedY;
      if (!(residualX >= SINGULAR && residualY >= SINGULAR)) {
        continue;
      }
      double p = (r[i][k] - shared) / Math.sqrt(residualX * residualY);
      result[i] = Math.max(-1, Math.min(1, p));
    }
    return result;
  }

  private static Estimates regressionWithBootstrap(double[][] columns, int bootstrap, long seed) {
    int k = columns.length - 1;
    int n = columns[k].length;
    double[] src = Arrays.copyOf(srcAndRSquared(columns), k);
    double[] prcc = prccOf(columns);
    double[][][] replicates = new double[2][k][bootstrap];
    if (bootstrap > 0 && (anyFinite(src) || anyFinite(prcc))) {
      // anyFinite implies n ≥ k + 2 and finite columns.
      int[][] order = new int[k + 1][];
      for (int j = 0; j <= k; j++) {
        order[j] = rankOrder(columns[j]);
      }
      MersenneTwister random = new MersenneTwister(seed);
      int[] drawn = new int[n];
      int[] counts = new int[n];
      double[] rankOfRow = new double[n];
      double[][] sample = new double[k + 1][n];
      double[][] rankedSample = new double[k + 1][n];
      for (int b = 0; b < bootstrap; b++) {
        Arrays.fill(counts, 0);
        for (int row = 0; row < n; row++) {
          drawn[row] = random.nextInt(n);
          counts[drawn[row]]++;
        }
        for (int j = 0; j <= k; j++) {
          resampleRanks(columns[j], order[j], counts, rankOfRow);
          for (int row = 0; row < n; row++) {
            sample[j][row] = columns[j][drawn[row]];
            rankedSample[j][row] = rankOfRow[drawn[row]];
          }
        }
        double[] s = srcAndRSquared(sample);
        double[] p = prccOfRanks(rankedSample);
        for (int i = 0; i < k; i++) {
          replicates[0][i][b] = s[i];
          replicates[1][i][b] = p[i];
        }
      }
    }
    return new Estimates(new double[][] {src, prcc}, replicates);
  }

  /** The row indices of finite values in increasing order of value (equal values in row order). */
  static int[] rankOrder(double[] values) {
    double[] ranks = ranks(values);
    // Average ranks are multiples of 1/2 in [1, n]: a counting sort on 2·rank.
    int n = values.length;
    int[] start = new int[2 * n + 2];
    for (double rank : ranks) {
      start[(int) (2 * rank) + 1]++;
    }
    for (int key = 1; key < start.length; key++) {
      start[key] += start[key - 1];
    }
    int[] order = new int[n];
    for (int row = 0; row < n; row++) {
      order[start[(int) (2 * ranks[row])]++] = row;
    }
    return order;
  }

  /**
   * The ranks a bootstrap resample gives each original row's value, without sorting the
   * resample: {@code counts[r]} is how many times row r was drawn, {@code order} its
   * {@link #rankOrder}. A group of g equal values drawn m times in all, after c smaller drawn
   * values, has the average rank c + (m + 1)/2, exactly what {@link #ranks} gives the resample.
   * Rows not drawn get a rank too (unused).
   */
  static void resampleRanks(double[] values, int[] order, int[] counts, double[] rankOfRow) {
    int n = order.length;
    int below = 0;
    int start = 0;
    while (start < n) {
      double value = values[order[start]] + 0.0;
      int end = start;
      int drawn = 0;
      while (end < n && values[order[end]] + 0.0 == value) {
        drawn += counts[order[end]];
        end++;
      }
      double rank = below + (drawn + 1) / 2.0;
      for (int p = start; p < end; p++) {
        rankOfRow[order[p]] = rank;
      }
      below += drawn;
      start = end;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sobol indices

  /**
   * First-order (index 0) and total (index 1) indices from the base rows {@code rows} (each an
   * index in 0..N−1, repeats allowed), or from all base rows when {@code rows} is null (then a
   * non-finite y gives NaN; the bootstrap runs only on finite y).
   */
  static double[][] sobolOf(double[] y, int n, int k, int[] rows) {
    double[][] result = {nans(k), nans(k)};
    if (n < 2 || (rows == null && !allFinite(new double[][] {y}))) {
      return result;
    }
    int m = rows == null ? n : rows.length;
    // V: the variance (divisor 2m) of f(A) and f(B) over the rows used.
    double first = y[row(rows, 0)];
    boolean constant = true;
    double sum = 0;
    for (int j = 0; j < m; j++) {
      int r = row(rows, j);
      constant &= y[r] == first && y[n + r] == first;
      sum += y[r] + y[n + r];
    }
    if (constant) {
      return result;
    }
    double mean = sum / (2 * m);
    double squares = 0;
    for (int j = 0; j < m; j++) {
      int r = row(rows, j);
      double da = y[r] - mean;
      double db = y[n + r] - mean;
      squares += da * da + db * db;
    }
    double variance = squares / (2 * m);
    if (!(variance > 0) || Double.isInfinite(variance)) {
      return result;
    }
    for (int i = 0; i < k; i++) {
      int block = (2 + i) * n;
      double firstSum = 0;
      double totalSum = 0;
      for (int j = 0; j < m; j++) {
        int r = row(rows, j);
        double a = y[r];
        double b = y[n + r];
        double ab = y[block + r];
        firstSum += b * (ab - a);
        totalSum += (a - ab) * (a - ab);
      }
      result[0][i] = firstSum / m / variance;
      result[1][i] = totalSum / m / (2 * variance);
    }
    return result;
  }

  private static int row(int[] rows, int j) {
    return rows == null ? j : rows[j];
  }

  private static Estimates sobolWithBootstrap(double[] y, int n, int k, int bootstrap, long seed) {
    double[][] point = sobolOf(y, n, k, null);
    double[][][] replicates = new double[2][k][bootstrap];
    if (bootstrap > 0 && (anyFinite(point[0]) || anyFinite(point[1]))) {
      MersenneTwister random = new MersenneTwister(seed);
      int[] rows = new int[n];
      for (int b = 0; b < bootstrap; b++) {
        for (int j = 0; j < n; j++) {
          rows[j] = random.nextInt(n);
        }
        double[][] both = sobolOf(y, n, k, rows);
        for (int i = 0; i < k; i++) {
          replicates[0][i][b] = both[0][i];
          replicates[1][i][b] = both[1][i];
        }
      }
    }
    return new Estimates(point, replicates);
  }

  // ---------------------------------------------------------------------------------------------
  // Bootstrap intervals

  /** Point estimates [method][parameter] and bootstrap replicates [method][parameter][b]. */
  private record Estimates(double[][] values, double[][][] replicates) {
    Index index(String parameter, Method method, int i, int which) {
      double value = values[which][i];
      double[] interval = Double.isNaN(value)
          ? new double[] {Double.NaN, Double.NaN}
          : percentileInterval(replicates[which][i]);
      return new Index(parameter, method, value, interval[0], interval[1]);
    }
  }

  /**
   * The {@link #CONFIDENCE} percentile interval of bootstrap replicates: the (1 − c)/2 and
   * (1 + c)/2 quantiles of the finite values (Hyndman–Fan type 7); NaN when fewer than
   * {@link #MIN_FINITE_SHARE} of them (or none) are finite.
   */
  static double[] percentileInterval(double[] replicates) {
    double[] finite = new double[replicates.length];
    int m = 0;
    for (double value : replicates) {
      if (Double.isFinite(value)) {
        finite[m++] = value;
      }
    }
    if (m == 0 || m < MIN_FINITE_SHARE * replicates.length) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] sorted = Arrays.copyOf(finite, m);
    Arrays.sort(sorted);
    double tail = (1 - CONFIDENCE) / 2;
    return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
  }

  /** The p quantile of sorted values, linear between order statistics (type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int low = (int) Math.floor(h);
    if (low >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double fraction = h - low;
    return sorted[low] + fraction * (sorted[low + 1] - sorted[low]);
  }

  // ---------------------------------------------------------------------------------------------
  // Linear algebra on correlation matrices

  /**
   * The correlation matrix of the columns (NaN rows and columns for those not {@code varying};
   * exactly 1 on the diagonal of the others).
   */
  private static double[][] correlations(double[][] columns, boolean[] varying) {
    int m = columns.length;
    int n = columns[0].length;
    double[][] centred = new double[m][];
    double[] norms = new double[m];
    for (int j = 0; j < m; j++) {
      if (!varying[j]) {
        continue;
      }
      double mean = Replications.mean(columns[j]);
      double[] c = new double[n];
      double squares = 0;
      for (int row = 0; row < n; row++) {
        c[row] = columns[j][row] - mean;
        squares += c[row] * c[row];
      }
      centred[j] = c;
      norms[j] = Math.sqrt(squares);
    }
    double[][] r = new double[m][m];
    for (double[] line : r) {
      Arrays.fill(line, Double.NaN);
    }
    for (int i = 0; i < m; i++) {
      if (!varying[i]) {
        continue;
      }
      r[i][i] = 1;
      for (int j = i + 1; j < m; j++) {
        if (!varying[j]) {
          continue;
        }
        double value = dot(centred[i], centred[j]) / norms[i] / norms[j];
        r[i][j] = value;
        r[j][i] = value;
      }
    }
    return r;
  }

  /**
   * The lower Cholesky factor of a correlation matrix, or null when a pivot (1 − R² of a column
   * on the previous ones) is below {@link #SINGULAR} or not a number.
   *
   * <p>Our own, with {@link #forward} and {@link #backward}, rather than Commons Math's
   * {@code CholeskyDecomposition} and its solver, because the semantics differ: Commons Math
   * multiplies by the pivot's reciprocal where this divides (tried on 200 random 5 × 5 correlation
   * matrices, 498 of 3,000 entries of L differed in their last bits, which would move
   * sensitivity.csv), lets a NaN pivot through where this refuses it, and solves only L Lᵀ x = b,
   * where R² and PRCC need the forward half L g = b alone.
   */
  private static double[][] cholesky(double[][] a) {
    int m = a.length;
    double[][] l = new double[m][m];
    for (int j = 0; j < m; j++) {
      double pivot = a[j][j];
      for (int p = 0; p < j; p++) {
        pivot -= l[j][p] * l[j][p];
      }
      if (!(pivot >= SINGULAR)) {
        return null;
      }
      double diagonal = Math.sqrt(pivot);
      l[j][j] = diagonal;
      for (int i = j + 1; i < m; i++) {
        double value = a[i][j];
        for (int p = 0; p < j; p++) {
          value -= l[i][p] * l[j][p];
        }
        l[i][j] = value / diagonal;
      }
    }
    return l;
  }

  /** Solves L g = b. */
  private static double[] forward(double[][] l, double[] b) {
    int m = b.length;
    double[] g = new double[m];
    for (int i = 0; i < m; i++) {
      double value = b[i];
      for (int p = 0; p < i; p++) {
        value -= l[i][p] * g[p];
      }
      g[i] = value / l[i][i];
    }
    return g;
  }

  /** Solves Lᵀ x = g. */
  private static double[] backward(double[][] l, double[] g) {
    int m = g.length;
    double[] x = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      double value = g[i];
      for (int p = i + 1; p < m; p++) {
        value -= l[p][i] * x[p];
      }
      x[i] = value / l[i][i];
    }
    return x;
  }

  private static double[][] submatrix(double[][] r, int[] indices) {
    double[][] s = new double[indices.length][indices.length];
    for (int i = 0; i < indices.length; i++) {
      for (int j = 0; j < indices.length; j++) {
        s[i][j] = r[indices[i]][indices[j]];
      }
    }
    return s;
  }

  private static double[] column(double[][] r, int[] indices, int j) {
    double[] c = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      c[i] = r[indices[i]][j];
    }
    return c;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  // ---------------------------------------------------------------------------------------------
  // Checks and small helpers

  /** X's columns then y, column-major, after checking the shapes. */
  private static double[][] columns(List<String> parameters, double[][] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "the design has " + x.length + " points but the output " + y.length + " values");
    }
    int k = parameters != null ? parameters.size() : x.length > 0 ? x[0].length : 0;
    if (k < 1) {
      throw new IllegalArgumentException("no parameters");
    }
    double[][] columns = new double[k + 1][y.length];
    for (int row = 0; row < x.length; row++) {
      if (x[row].length != k) {
        throw new IllegalArgumentException(
            "design point " + row + " has " + x[row].length + " values, expected " + k);
      }
      for (int j = 0; j < k; j++) {
        columns[j][row] = x[row][j];
      }
    }
    columns[k] = y.clone();
    return columns;
  }

  private static int baseSamples(double[] y, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("no parameters");
    }
    if (y.length == 0 || y.length % (k + 2) != 0) {
      throw new IllegalArgumentException(
          "a Saltelli sample for " + k + " parameters has N·" + (k + 2) + " values, got " + y.length);
    }
    return y.length / (k + 2);
  }

  private static void checkSaltelliLayout(double[][] x, int n, int k) {
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < n; j++) {
        double[] a = x[j];
        double[] b = x[n + j];
        double[] ab = x[(2 + i) * n + j];
        for (int c = 0; c < k; c++) {
          double expected = c == i ? b[c] : a[c];
          if (Double.doubleToLongBits(ab[c]) != Double.doubleToLongBits(expected)) {
            throw new IllegalArgumentException(
                "not Saltelli's layout: row " + ((2 + i) * n + j) + " (A_B^(" + (i + 1) + ") row " + j
                    + ") column " + c + " is " + ab[c] + ", expected " + expected + " (from "
                    + (c == i ? "B" : "A") + ")");
          }
        }
      }
    }
  }

  private static void checkBootstrap(int bootstrap) {
    if (bootstrap < 0) {
      throw new IllegalArgumentException("bootstrap resamples must be ≥ 0, got " + bootstrap);
    }
  }

  /** Whether each column takes more than one value. */
  private static boolean[] varying(double[][] columns) {
    boolean[] varying = new boolean[columns.length];
    for (int j = 0; j < columns.length; j++) {
      double first = columns[j][0];
      for (double value : columns[j]) {
        if (value != first) {
          varying[j] = true;
          break;
        }
      }
    }
    return varying;
  }

  /** The varying parameters among 0..k−1, except {@code except}. */
  private static int[] varyingParameters(boolean[] varying, int k, int except) {
    int count = 0;
    for (int j = 0; j < k; j++) {
      if (varying[j] && j != except) {
        count++;
      }
    }
    int[] indices = new int[count];
    int next = 0;
    for (int j = 0; j < k; j++) {
      if (varying[j] && j != except) {
        indices[next++] = j;
      }
    }
    return indices;
  }

  private static boolean allFinite(double[][] columns) {
    for (double[] column : columns) {
      for (double value : column) {
        if (!Double.isFinite(value)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean anyFinite(double[] values) {
    for (double value : values) {
      if (Double.isFinite(value)) {
        return true;
      }
    }
    return false;
  }

  private static double[] nans(int n) {
    double[] values = new double[n];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  /** The first index of a value ≥ v in sorted values. */
  private static int lowerBound(double[] sorted, double v) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < v) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The first index of a value &gt; v in sorted values. */
  private static int upperBound(double[] sorted, double v) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= v) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
