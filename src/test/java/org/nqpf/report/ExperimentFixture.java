package org.nqpf.report;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.nqpf.stats.Replications;

/**
 * Small synthetic experiment results folders laid out exactly as docs/EXPERIMENTS.md says
 * (experiment.yaml, points.csv, runs.csv, timeseries.csv WIDE or LONG, summary.csv, optional
 * sensitivity.csv, manifest.json), with made-up but consistent numbers: run means are the means of
 * the recorded (non-burn-in) steps, summary statistics are computed from the run means.
 */
public final class ExperimentFixture {

  public String name = "fixture";
  public String design = "GRID";
  public List<String> parameters = new ArrayList<>();
  /** One array of parameter values per point. */
  public List<double[]> points = new ArrayList<>();
  public int replications = 2;
  public int steps = 5;
  public int burnIn = 2;
  public List<String> metrics = new ArrayList<>();
  /** WIDE, LONG or NONE. */
  public String timeSeries = "WIDE";
  public boolean sensitivity;
  public List<String> sensitivityMethods = List.of("SRC", "PRCC");
  public boolean manifest = true;
  /** experiment.yaml's text as given, instead of the one {@link #experimentYaml()} makes. */
  public String experimentText;

  /** GRID: 2 parameters x 3 values x 2 replications, 5 recorded steps (+2 burn-in), output and outputPrivate. */
  public static ExperimentFixture grid() {
    ExperimentFixture f = new ExperimentFixture();
    f.name = "grid-fixture";
    f.parameters = List.of("policy.iprProtection", "policy.guaranteeCoverage");
    for (double a : new double[] {0.0, 0.4, 0.8}) {
      for (double b : new double[] {0.0, 0.2, 0.4}) {
        f.points.add(new double[] {a, b});
      }
    }
    f.metrics = List.of("output", "outputPrivate");
    return f;
  }

  /** LATIN_HYPERCUBE: 3 parameters, 6 points, 2 replications, LONG time series, sensitivity.csv. */
  public static ExperimentFixture sampled() {
    ExperimentFixture f = new ExperimentFixture();
    f.name = "lhs-fixture";
    f.design = "LATIN_HYPERCUBE";
    f.parameters = List.of("policy.iprProtection", "policy.guaranteeCoverage", "policy.aiInfrastructure");
    double[][] u = {{0.05, 0.71, 0.42}, {0.22, 0.13, 0.91}, {0.38, 0.95, 0.08}, {0.57, 0.36, 0.63}, {0.74, 0.52, 0.27},
        {0.93, 0.84, 0.77}};
    for (double[] row : u) {
      f.points.add(new double[] {row[0], row[1] * 0.8, row[2]});
    }
    f.metrics = List.of("innovations", "privateShareOutput");
    f.timeSeries = "LONG";
    f.sensitivity = true;
    return f;
  }

  /** A deterministic made-up value of a metric. */
  public double value(String metric, int point, int replication, int step) {
    double[] x = points.get(point);
    double a = x.length > 0 ? x[0] : 0.0;
    double b = x.length > 1 ? x[1] : 0.0;
    double noise = ((point * 31 + replication * 17 + step * 7) % 11 - 5) / 5.0;
    return switch (metric) {
      case "output" -> 1000.0 + 400.0 * a + 250.0 * b + 20.0 * step + 15.0 * noise + 5.0 * replication;
      case "outputPrivate" -> 500.0 + 300.0 * a + 100.0 * b + 12.0 * step + 8.0 * noise;
      case "innovations" -> Math.round(5.0 + 10.0 * a + 3.0 * step + 2.0 * noise + replication);
      case "privateShareOutput" -> 0.45 + 0.2 * a - 0.1 * b + 0.01 * step + 0.01 * noise;
      // Replications far apart, as two runs of a small economy can be: a t interval of their mean
      // leaves the metric's domain.
      case "smeRationedShare" -> replication % 2 == 0 ? 0.05 : 0.9;
      case "loansGuaranteed" -> replication % 2 == 0 ? 0 : 40 + step;
      // A metric that never moves (a lever that is off).
      case "specialLoans" -> 0.0;
      default -> 10.0 + point + step + noise;
    };
  }

  public Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir, "experiment.yaml", experimentText != null ? experimentText : experimentYaml());
    StringBuilder points = new StringBuilder("point");
    for (String p : parameters) {
      points.append(',').append(p);
    }
    points.append('\n');
    for (int p = 0; p < this.points.size(); p++) {
      points.append(p);
      for (double v : this.points.get(p)) {
        points.append(',').append(num(v));
      }
      points.append('\n');
    }
    write(dir, "points.csv", points.toString());

    StringBuilder runs = new StringBuilder("run,point,replication,seed");
    for (String p : parameters) {
      runs.append(',').append(p);
    }
    for (String m : metrics) {
      runs.append(',').append(m).append("_mean,").append(m).append("_final");
    }
    runs.append('\n');
    StringBuilder wide = new StringBuilder("run,point,replication,step,burnIn");
    for (String m : metrics) {
      wide.append(',').append(m);
    }
    wide.append('\n');
    StringBuilder longForm = new StringBuilder("run,point,replication,step,burnIn,metric,value\n");
    double[][][] runMeans = new double[this.points.size()][replications][metrics.size()];
    for (int p = 0; p < this.points.size(); p++) {
      for (int r = 0; r < replications; r++) {
        int run = p * replications + r;
        for (int step = 0; step < burnIn + steps; step++) {
          int flag = step < burnIn ? 1 : 0;
          wide.append(run).append(',').append(p).append(',').append(r).append(',').append(step).append(',').append(flag);
          for (String m : metrics) {
            wide.append(',').append(num(value(m, p, r, step)));
            longForm.append(run).append(',').append(p).append(',').append(r).append(',').append(step).append(',')
                .append(flag).append(',').append(m).append(',').append(num(value(m, p, r, step))).append('\n');
          }
          wide.append('\n');
        }
        runs.append(run).append(',').append(p).append(',').append(r).append(',').append(1000 + run);
        for (double v : this.points.get(p)) {
          runs.append(',').append(num(v));
        }
        for (int m = 0; m < metrics.size(); m++) {
          double sum = 0;
          for (int step = burnIn; step < burnIn + steps; step++) {
            sum += value(metrics.get(m), p, r, step);
          }
          runMeans[p][r][m] = sum / steps;
          runs.append(',').append(num(runMeans[p][r][m])).append(',')
              .append(num(value(metrics.get(m), p, r, burnIn + steps - 1)));
        }
        runs.append('\n');
      }
    }
    write(dir, "runs.csv", runs.toString());
    if (timeSeries.equals("WIDE")) {
      write(dir, "timeseries.csv", wide.toString());
    } else if (timeSeries.equals("LONG")) {
      write(dir, "timeseries.csv", longForm.toString());
    }

    StringBuilder summary = new StringBuilder("point");
    for (String p : parameters) {
      summary.append(',').append(p);
    }
    summary.append(",replications");
    for (String m : metrics) {
      summary.append(',').append(m).append("_mean,").append(m).append("_sd,").append(m).append("_ciLow,").append(m)
          .append("_ciHigh");
    }
    summary.append('\n');
    for (int p = 0; p < this.points.size(); p++) {
      summary.append(p);
      for (double v : this.points.get(p)) {
        summary.append(',').append(num(v));
      }
      summary.append(',').append(replications);
      for (int m = 0; m < metrics.size(); m++) {
        double mean = 0;
        for (int r = 0; r < replications; r++) {
          mean += runMeans[p][r][m];
        }
        mean /= replications;
        summary.append(',').append(num(mean));
        if (replications < 2) {
          summary.append(",,,");
          continue;
        }
        double ss = 0;
        for (int r = 0; r < replications; r++) {
          ss += (runMeans[p][r][m] - mean) * (runMeans[p][r][m] - mean);
        }
        double sd = Math.sqrt(ss / (replications - 1));
        double half = new TDistribution(null, replications - 1).inverseCumulativeProbability(0.975) * sd
            / Math.sqrt(replications);
        summary.append(',').append(num(sd)).append(',').append(num(mean - half)).append(',').append(num(mean + half));
      }
      summary.append('\n');
    }
    write(dir, "summary.csv", summary.toString());

    if (sensitivity) {
      StringBuilder s = new StringBuilder("metric,parameter,method,value,ciLow,ciHigh\n");
      for (int m = 0; m < metrics.size(); m++) {
        for (int k = 0; k < parameters.size(); k++) {
          for (int method = 0; method < sensitivityMethods.size(); method++) {
            double v = ((m + 1) * 0.37 + k * -0.41 + method * 0.13) % 1.0;
            s.append(metrics.get(m)).append(',').append(parameters.get(k)).append(',')
                .append(sensitivityMethods.get(method)).append(',').append(num(v)).append(',').append(num(v - 0.15))
                .append(',').append(num(v + 0.1)).append('\n');
          }
        }
      }
      write(dir, "sensitivity.csv", s.toString());
    }
    if (manifest) {
      write(dir, "manifest.json", "{\n  \"command\": \"nqpf sweep fixture.yaml\",\n  \"masterSeed\": 20261127,\n"
          + "  \"threads\": 4,\n  \"shard\": null,\n  \"note\": \"<b>not markup</b>\"\n}\n");
    }
    return dir;
  }

  /**
   * experiment.yaml laid out as {@code sweep} writes it (ExperimentRows.resolvedYaml): steps and
   * burn-in under {@code scenario:}, no {@code base}; the scenario abridged to the keys that differ
   * from the baseline.
   */
  public String experimentYaml() {
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(name).append('\n');
    y.append("scenario:\n");
    y.append("  steps: ").append(steps).append('\n');
    y.append("  burnIn: ").append(burnIn).append('\n');
    y.append("  firms: {count: 200}\n");
    y.append("replications: ").append(replications).append('\n');
    y.append("masterSeed: 20261127\n");
    y.append("design:\n  type: ").append(design).append('\n');
    if (!design.equals("GRID")) {
      y.append("  samples: ").append(points.size()).append('\n');
    }
    y.append("parameters:\n");
    for (int k = 0; k < parameters.size(); k++) {
      y.append("  - key: ").append(parameters.get(k)).append('\n');
      if (design.equals("GRID")) {
        List<String> values = new ArrayList<>();
        for (double[] point : points) {
          String v = num(point[k]);
          if (!values.contains(v)) {
            values.add(v);
          }
        }
        y.append("    values: [").append(String.join(", ", values)).append("]\n");
      } else {
        y.append("    distribution: {type: UNIFORM, low: 0.0, high: 1.0}\n");
      }
    }
    y.append("metrics: [").append(String.join(", ", metrics)).append("]\n");
    y.append("timeSeries: ").append(timeSeries).append('\n');
    return y.toString();
  }

  static String num(double v) {
    return NumberOutput.toString(v, true);
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
