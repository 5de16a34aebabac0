package org.nqpf.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.config.ExperimentLoader;

class DesignTest {

  private static ExperimentConfig experiment(String yaml) {
    return ExperimentLoader.parse("name: t\n" + yaml, false, Path.of("."));
  }

  @Test
  void aGridIsTheFullFactorialWithTheFirstParameterSlowest() {
    List<double[]> points = Design.points(experiment("""
        parameters:
          - {key: policy.iprProtection, values: [0.1, 0.2]}
          - {key: firms.count, range: {from: 100, to: 300, step: 100}}
        """));
    assertThat(points).hasSize(6);
    assertThat(points.get(0)).containsExactly(0.1, 100);
    assertThat(points.get(2)).containsExactly(0.1, 300);
    assertThat(points.get(3)).containsExactly(0.2, 100);
  }

  @Test
  void aLatinHypercubeHasOnePointInEachStratumOfEachDimension() {
    int n = 50;
    List<double[]> points = Design.points(experiment("""
        design: {type: LATIN_HYPERCUBE, samples: 50}
        parameters:
          - {key: policy.iprProtection, distribution: {type: UNIFORM, low: 0.0, high: 1.0}}
          - {key: policy.taxRate, distribution: {type: UNIFORM, low: 0.0, high: 0.5}}
        """));
    assertThat(points).hasSize(n);
    for (int j = 0; j < 2; j++) {
      boolean[] hit = new boolean[n];
      double width = j == 0 ? 1.0 : 0.5;
      for (double[] p : points) {
        int stratum = (int) (p[j] / width * n);
        assertThat(hit[stratum]).as("stratum %d of dimension %d hit twice", stratum, j).isFalse();
        hit[stratum] = true;
      }
    }
  }

  @Test
  void sobolFollowsSaltellisLayout() {
    int n = 8;
    List<double[]> points = Design.points(experiment("""
        design: {type: SOBOL, samples: 8}
        parameters:
          - {key: policy.iprProtection, distribution: {type: UNIFORM, low: 0.0, high: 1.0}}
          - {key: policy.taxRate, distribution: {type: UNIFORM, low: 0.0, high: 1.0}}
          - {key: policy.marketUnification, distribution: {type: UNIFORM, low: 0.0, high: 1.0}}
        """));
    int k = 3;
    assertThat(points).hasSize(n * (k + 2));
    for (int i = 0; i < k; i++) {
      for (int row = 0; row < n; row++) {
        double[] a = points.get(row);
        double[] b = points.get(n + row);
        double[] ab = points.get(2 * n + i * n + row);
        for (int j = 0; j < k; j++) {
          assertThat(ab[j]).isEqualTo(j == i ? b[j] : a[j]);
        }
      }
    }
  }

  @Test
  void distributionsMapTheUnitInterval() {
    ExperimentConfig e = experiment("""
        design: {type: RANDOM, samples: 200}
        parameters:
          - {key: universities.inventionRate, distribution: {type: LOG_UNIFORM, low: 0.001, high: 0.1}}
          - {key: firms.count, distribution: {type: UNIFORM, low: 100, high: 200}}
          - {key: policy.taxRate, values: [0.1, 0.2, 0.3]}
        """);
    ExperimentConfig.Parameter log = e.parameters().get(0);
    assertThat(log.at(0.5)).isCloseTo(0.01, within(1e-12));
    for (double[] p : Design.points(e)) {
      assertThat(p[0]).isBetween(0.001, 0.1);
      assertThat(p[1]).isBetween(100.0, 200.0).isEqualTo(Math.rint(p[1]));
      assertThat(p[2]).isIn(0.1, 0.2, 0.3);
    }
  }

  @Test
  void sampledDesignsDependOnlyOnTheMasterSeed() {
    String yaml = """
        masterSeed: %d
        design: {type: LATIN_HYPERCUBE, samples: 10}
        parameters:
          - {key: policy.iprProtection, distribution: {type: UNIFORM, low: 0.0, high: 1.0}}
        """;
    List<double[]> a = Design.points(experiment(yaml.formatted(1)));
    List<double[]> b = Design.points(experiment(yaml.formatted(1)));
    List<double[]> c = Design.points(experiment(yaml.formatted(2)));
    assertThat(a).usingRecursiveComparison().isEqualTo(b);
    assertThat(a.get(0)[0]).isNotEqualTo(c.get(0)[0]);
  }
}
