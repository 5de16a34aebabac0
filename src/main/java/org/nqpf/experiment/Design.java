package org.nqpf.experiment;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentConfig.Parameter;

/**
 * The design points of an experiment: parameter values per point, in point order
 * (docs/EXPERIMENTS.md). A grid is the full factorial, first parameter slowest; random and Latin
 * hypercube designs draw from a generator seeded with the master seed; a Sobol design is
 * Saltelli's sample A, B, A_B^(1) … A_B^(k) from a Sobol sequence of dimension 2k.
 */
public final class Design {
  private Design() {}

  /** The points: one array of parameter values (in parameter order) per point. */
  public static List<double[]> points(ExperimentConfig experiment) {
    List<Parameter> parameters = experiment.parameters();
    int k = parameters.size();
    int n = experiment.design().samples();
    return switch (experiment.design().type()) {
      case GRID -> grid(parameters);
      case RANDOM -> {
        MersenneTwisterFast random = generator(experiment.masterSeed());
        List<double[]> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          double[] u = new double[k];
          for (int j = 0; j < k; j++) {
            u[j] = random.nextDouble();
          }
          points.add(map(parameters, u));
        }
        yield points;
      }
      case LATIN_HYPERCUBE -> latinHypercube(parameters, n, generator(experiment.masterSeed()));
      case SOBOL -> saltelli(parameters, n);
    };
  }

  private static MersenneTwisterFast generator(long seed) {
    return new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32)});
  }

  static List<double[]> grid(List<Parameter> parameters) {
    List<double[]> points = new ArrayList<>();
    int k = parameters.size();
    int[] index = new int[k];
    while (true) {
      double[] point = new double[k];
      for (int j = 0; j < k; j++) {
        point[j] = parameters.get(j).values().get(index[j]);
      }
      points.add(point);
      int j = k - 1;
      while (j >= 0 && ++index[j] == parameters.get(j).values().size()) {
        index[j] = 0;
        j--;
      }
      if (j < 0) {
        return points;
      }
    }
  }

  /** Each dimension cut into n equal strata, one point per stratum, strata paired at random. */
  static List<double[]> latinHypercube(List<Parameter> parameters, int n, MersenneTwisterFast random) {
    int k = parameters.size();
    double[][] u = new double[n][k];
    for (int j = 0; j < k; j++) {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int swap = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[swap];
        order[swap] = t;
      }
      for (int i = 0; i < n; i++) {
        u[i][j] = (order[i] + random.nextDouble()) / n;
      }
    }
    List<double[]> points = new ArrayList<>(n);
    for (double[] row : u) {
      points.add(map(parameters, row));
    }
    return points;
  }

  /** Saltelli's sample: A (n rows), B (n rows), then A with column i from B for each i. */
  static List<double[]> saltelli(List<Parameter> parameters, int n) {
    int k = parameters.size();
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
    sobol.nextVector();
    double[][] a = new double[n][];
    double[][] b = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] v = sobol.nextVector();
      a[i] = java.util.Arrays.copyOfRange(v, 0, k);
      b[i] = java.util.Arrays.copyOfRange(v, k, 2 * k);
    }
    List<double[]> points = new ArrayList<>(n * (k + 2));
    for (double[] row : a) {
      points.add(map(parameters, row));
    }
    for (double[] row : b) {
      points.add(map(parameters, row));
    }
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        double[] row = a[i].clone();
        row[j] = b[i][j];
        points.add(map(parameters, row));
      }
    }
    return points;
  }

  private static double[] map(List<Parameter> parameters, double[] u) {
    double[] values = new double[u.length];
    for (int j = 0; j < u.length; j++) {
      values[j] = parameters.get(j).at(u[j]);
    }
    return values;
  }
}
