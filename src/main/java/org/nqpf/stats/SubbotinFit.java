package org.nqpf.stats;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.util.FastMath;

/**
 * The Subbotin (exponential power) family used for firm growth rates by Bottazzi and Secchi
 * (2003, "Why are distributions of firm growth rates tent-shaped?", Economics Letters 80: 415–420;
 * 2006, Review of Industrial Organization 29):
 *
 * <pre>  f(x) = exp(−|x − m|^b / (b a^b)) / (2 a b^(1/b) Γ(1 + 1/b))</pre>
 *
 * with location m, scale a and shape b: b = 1 is the Laplace (tent-shaped on a log scale, scale a),
 * b = 2 the normal (a = σ). Fitted by maximum likelihood: for given (m, b) the scale has the
 * closed form a^b = (1/n) Σ |x − m|^b, so the profile likelihood
 * ℓ(m, b) = −n ln(2 a b^(1/b) Γ(1 + 1/b)) − n / b is maximised over (m, ln b) with Commons Math's
 * Nelder–Mead simplex, from the median and b = 1.5 (b is kept in [0.2, 10]).
 *
 * <p>{@link #laplace} gives the Laplace fit alone: m = the median, a = the mean absolute deviation
 * from it (its maximum-likelihood estimates), with the standard error a / √n of the scale.
 */
public final class SubbotinFit {
  static final double MIN_SHAPE = 0.2;
  static final double MAX_SHAPE = 10;

  private SubbotinFit() {}

  /** A fitted Subbotin: location m, scale a, shape b and the log-likelihood. */
  public record Result(double location, double scale, double shape, int n, double logLikelihood) {
    /** The density at x. */
    public double density(double x) {
      return FastMath.exp(-StrictMath.pow(Math.abs(x - location), shape) / (shape * StrictMath.pow(scale, shape)))
          / normaliser(scale, shape);
    }
  }

  /** A Laplace fit: location (median), scale (mean absolute deviation) and its standard error. */
  public record Laplace(double location, double scale, double scaleStandardError, int n) {
    public double density(double x) {
      return FastMath.exp(-Math.abs(x - location) / scale) / (2 * scale);
    }
  }

  /** The Laplace maximum-likelihood fit. */
  public static Laplace laplace(double[] data) {
    double[] x = finite(data);
    if (x.length < 2) {
      throw new IllegalArgumentException("a Laplace fit needs at least two values, got " + x.length);
    }
    double m = new Median().evaluate(x);
    double sum = 0;
    for (double v : x) {
      sum += Math.abs(v - m);
    }
    double a = sum / x.length;
    return new Laplace(m, a, a / Math.sqrt(x.length), x.length);
  }

  /** The Subbotin maximum-likelihood fit. */
  public static Result fit(double[] data) {
    double[] x = finite(data);
    int n = x.length;
    if (n < 3) {
      throw new IllegalArgumentException("a Subbotin fit needs at least three values, got " + n);
    }
    double median = new Median().evaluate(x);
    double spread = 0;
    for (double v : x) {
      spread += Math.abs(v - median);
    }
    spread /= n;
    if (!(spread > 0)) {
      throw new IllegalArgumentException("a Subbotin fit needs values that differ");
    }
    // Outside the shape's bounds the likelihood is taken at the bound plus a penalty that grows with
    // the distance, so that the simplex is led back instead of wandering on a flat region (data with
    // a mass point, such as firms whose sales did not change, push the shape to its lower bound).
    double lowLog = StrictMath.log(MIN_SHAPE);
    double highLog = StrictMath.log(MAX_SHAPE);
    double[] bestSeen = {Double.POSITIVE_INFINITY, median, StrictMath.log(1.5)};
    MultivariateFunction negLl = p -> {
      double logB = Math.min(highLog, Math.max(lowLog, p[1]));
      double value = -profileLogLikelihood(x, p[0], FastMath.exp(logB));
      if (!Double.isFinite(value)) {
        return Double.MAX_VALUE;
      }
      if (value < bestSeen[0]) {
        bestSeen[0] = value;
        bestSeen[1] = p[0];
        bestSeen[2] = logB;
      }
      return value + n * Math.abs(p[1] - logB);
    };
    SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-14));
    double m;
    double logShape;
    try {
      PointValuePair best = optimizer.optimize(new MaxEval(20_000), new ObjectiveFunction(negLl), GoalType.MINIMIZE,
          new InitialGuess(new double[] {median, StrictMath.log(1.5)}), new NelderMeadSimplex(new double[] {spread, 0.3}));
      m = best.getPoint()[0];
      logShape = best.getPoint()[1];
    } catch (TooManyEvaluationsException e) {
      // The simplex did not meet its tolerance: the best point it evaluated is the estimate.
      m = bestSeen[1];
      logShape = bestSeen[2];
    }
    double b = Math.min(MAX_SHAPE, Math.max(MIN_SHAPE, FastMath.exp(logShape)));
    return new Result(m, scale(x, m, b), b, n, profileLogLikelihood(x, m, b));
  }

  static double scale(double[] x, double m, double b) {
    double sum = 0;
    for (double v : x) {
      sum += StrictMath.pow(Math.abs(v - m), b);
    }
    return StrictMath.pow(sum / x.length, 1 / b);
  }

  static double profileLogLikelihood(double[] x, double m, double b) {
    double a = scale(x, m, b);
    if (!(a > 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    return -x.length * StrictMath.log(normaliser(a, b)) - x.length / b;
  }

  static double normaliser(double a, double b) {
    return 2 * a * StrictMath.pow(b, 1 / b) * FastMath.exp(Gamma.logGamma(1 + 1 / b));
  }

  private static double[] finite(double[] data) {
    Objects.requireNonNull(data, "data");
    return Arrays.stream(data).filter(Double::isFinite).toArray();
  }
}
