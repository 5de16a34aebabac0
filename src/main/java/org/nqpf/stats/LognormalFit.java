package org.nqpf.stats;

import java.util.Objects;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;

/**
 * A lognormal fitted to the tail x ≥ x_min of a sample (the lognormal truncated at x_min, as
 * Clauset, Shalizi and Newman 2009 §5 compare it with a power law on the same tail), by maximum
 * likelihood with Commons Math's Nelder–Mead simplex over (μ, ln σ), and Vuong's (1989)
 * normalised log-likelihood-ratio test of the power law against it.
 *
 * <p>Density on the tail: p(x) = φ((ln x − μ)/σ) / (x σ) / Q((ln x_min − μ)/σ), Q the standard
 * normal upper tail. Vuong's test: with ℓ_i = ln p_PL(x_i) − ln p_LN(x_i), R = Σ ℓ_i, s the
 * standard deviation of the ℓ_i, the statistic R / (s √n) is asymptotically standard normal when
 * both fit equally well; p = erfc(|R| / (s √(2n))). R &gt; 0 favours the power law, R &lt; 0 the
 * lognormal; with p ≥ 0.1 the test cannot tell them apart (CSN's threshold).
 */
public final class LognormalFit {
  /** The p-value below which the sign of R is taken as a verdict. */
  public static final double SIGNIFICANCE = 0.1;

  private LognormalFit() {}

  /** A lognormal on [x_min, ∞), and its log-likelihood on the tail. */
  public record Result(double mu, double sigma, double xmin, int tail, double logLikelihood) {
    /** P(X ≥ x | X ≥ x_min). */
    public double ccdf(double x) {
      if (x <= xmin) {
        return 1.0;
      }
      return FastMath.exp(logUpperTail((StrictMath.log(x) - mu) / sigma) - logUpperTail((StrictMath.log(xmin) - mu) / sigma));
    }

    public double logDensity(double x) {
      return LognormalFit.logDensity(x, mu, sigma, xmin);
    }
  }

  /** Vuong's comparison: R, the normalised statistic, its two-sided p-value and the verdict. */
  public record Comparison(double logLikelihoodRatio, double normalisedRatio, double p, String favoured) {}

  /**
   * Fits the truncated lognormal to the values ≥ {@code xmin}.
   *
   * @throws IllegalArgumentException with fewer than three values in the tail
   */
  public static Result fit(double[] data, double xmin) {
    double[] tail = tail(data, xmin);
    if (tail.length < 3) {
      throw new IllegalArgumentException("too few values above xmin " + xmin + " to fit a lognormal: " + tail.length);
    }
    double mean = 0;
    for (double v : tail) {
      mean += StrictMath.log(v);
    }
    mean /= tail.length;
    double var = 0;
    for (double v : tail) {
      double d = StrictMath.log(v) - mean;
      var += d * d;
    }
    double sd = Math.max(1e-3, Math.sqrt(var / tail.length));
    MultivariateFunction negLl = p -> {
      double value = -logLikelihood(tail, p[0], FastMath.exp(p[1]), xmin);
      return Double.isFinite(value) ? value : Double.MAX_VALUE;
    };
    PointValuePair best = null;
    // Two starts: the moments of the tail's logs, and a wider lognormal centred below x_min.
    double[][] starts = {{mean, StrictMath.log(sd)}, {StrictMath.log(xmin) - sd, StrictMath.log(2 * sd)}};
    for (double[] start : starts) {
      SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-14));
      PointValuePair found = optimizer.optimize(new MaxEval(20_000), new ObjectiveFunction(negLl), GoalType.MINIMIZE,
          new InitialGuess(start), new NelderMeadSimplex(new double[] {0.5, 0.5}));
      if (best == null || found.getValue() < best.getValue()) {
        best = found;
      }
    }
    double mu = best.getPoint()[0];
    double sigma = FastMath.exp(best.getPoint()[1]);
    return new Result(mu, sigma, xmin, tail.length, logLikelihood(tail, mu, sigma, xmin));
  }

  /** Vuong's test of the power law {@code powerLaw} against the lognormal fitted on its tail. */
  public static Comparison compare(double[] data, PowerLawFit.Result powerLaw) {
    return compare(data, powerLaw, fit(data, powerLaw.xmin()));
  }

  /** Vuong's test of two fits on the same tail. */
  public static Comparison compare(double[] data, PowerLawFit.Result powerLaw, Result lognormal) {
    Objects.requireNonNull(powerLaw, "powerLaw");
    double[] tail = tail(data, powerLaw.xmin());
    int n = tail.length;
    double[] l = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      l[i] = powerLaw.logDensity(tail[i]) - lognormal.logDensity(tail[i]);
      sum += l[i];
    }
    double mean = sum / n;
    double var = 0;
    for (double v : l) {
      var += (v - mean) * (v - mean);
    }
    double s = Math.sqrt(var / n);
    if (!(s > 0)) {
      return new Comparison(sum, 0, 1, "inconclusive");
    }
    double normalised = sum / (s * Math.sqrt(n));
    double p = Erf.erfc(Math.abs(sum) / (s * Math.sqrt(2.0 * n)));
    String favoured = p >= SIGNIFICANCE ? "inconclusive" : sum > 0 ? "power law" : "lognormal";
    return new Comparison(sum, normalised, p, favoured);
  }

  static double logLikelihood(double[] tail, double mu, double sigma, double xmin) {
    double ll = 0;
    for (double x : tail) {
      ll += logDensity(x, mu, sigma, xmin);
    }
    return ll;
  }

  static double logDensity(double x, double mu, double sigma, double xmin) {
    double z = (StrictMath.log(x) - mu) / sigma;
    return -0.5 * z * z - 0.5 * StrictMath.log(2 * Math.PI) - StrictMath.log(x * sigma)
        - logUpperTail((StrictMath.log(xmin) - mu) / sigma);
  }

  /** ln Q(z), Q the standard normal upper tail, accurate far into the tail. */
  static double logUpperTail(double z) {
    if (z < 8) {
      return StrictMath.log(0.5 * Erf.erfc(z / Math.sqrt(2)));
    }
    // Asymptotic series: Q(z) ≈ φ(z)/z · (1 − 1/z² + 3/z⁴ − 15/z⁶).
    double z2 = z * z;
    return -0.5 * z2 - StrictMath.log(z * Math.sqrt(2 * Math.PI))
        + StrictMath.log(1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2));
  }

  private static double[] tail(double[] data, double xmin) {
    Objects.requireNonNull(data, "data");
    return java.util.Arrays.stream(PowerLawFit.positiveSorted(data)).filter(v -> v >= xmin).toArray();
  }
}
