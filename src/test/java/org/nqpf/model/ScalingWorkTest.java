package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpf.bench.ScaledEconomy;
import org.nqpf.config.Scenario;
import sim.util.Double2D;

/**
 * Linear cost, checked by counting work rather than timing it: the elementary operations per
 * firm-step (spatial candidates examined, campuses examined, shares renormalised) stay bounded
 * when the economy grows; and the spatial index and campus grid answer exactly what a scan of
 * every agent would.
 */
class ScalingWorkTest {

  /** Work per firm-step of the baseline scaled to {@code firms} (universities, parks and region area alike). */
  private static WorkPerFirmStep scaledRun(int firms, int steps) {
    Scenario scenario = ScaledEconomy.of(Scenario.DEFAULT.withSeed(7), firms, steps, 0);
    return run(scenario, steps);
  }

  private static WorkPerFirmStep run(Scenario scenario, int steps) {
    EcosystemModel model = new EcosystemModel(scenario);
    model.start();
    long firmSteps = 0;
    for (int i = 0; i < steps; i++) {
      firmSteps += model.firms().size();
      model.schedule.step(model);
    }
    WorkCounters w = model.work();
    return new WorkPerFirmStep(w.total() / (double) firmSteps, w.spatialCandidates() / (double) Math.max(1, w.spatialQueries()),
        w.campusCandidates() / (double) firmSteps, w.shareUpdates() / (double) firmSteps);
  }

  record WorkPerFirmStep(double total, double candidatesPerQuery, double campuses, double shares) {}

  @Test
  void workPerFirmStepStaysBoundedFromOneToEightThousandFirms() {
    WorkPerFirmStep small = scaledRun(1000, 12);
    WorkPerFirmStep large = scaledRun(8000, 12);
    assertThat(small.total()).isPositive();
    // Linear cost: eight times the firms, at most 1.5 times the work per firm-step (a quadratic
    // mechanism would multiply it by about eight).
    assertThat(large.total()).isLessThan(1.5 * small.total());
    assertThat(large.candidatesPerQuery()).isLessThan(1.5 * small.candidatesPerQuery());
    assertThat(large.campuses()).isLessThan(1.5 * small.campuses() + 1);
    assertThat(large.shares()).isLessThan(1.5 * small.shares());
  }

  @Test
  void soeFoundingsUnderProductLinesTakeNoPassOverTheFirmsEach() {
    // Under LINES the state founds Poisson(soeFoundingRate x firms) SOEs a step: one pass over the
    // firms per founding would make the step quadratic (eight times the firms, about eight times
    // the work per firm-step at this founding rate).
    Scenario base = Worlds.scenario("seed: 7\ndemography: {soeFoundingRate: 0.02}\nmechanisms: {market: LINES}\n");
    WorkPerFirmStep small = run(ScaledEconomy.of(base, 1000, 12, 0), 12);
    WorkPerFirmStep large = run(ScaledEconomy.of(base, 8000, 12, 0), 12);
    assertThat(small.shares()).isPositive();
    assertThat(large.shares()).isLessThan(1.5 * small.shares());
  }

  @Test
  void aiContactSamplingCostDoesNotGrowWithDensity() {
    // Same region, eight times the firms: without universities the only spatial queries are the
    // AI contacts', which draw by rejection from the index's cells.
    String yaml = "seed: 3\nuniversities: {count: 0}\nfirms: {count: %d}\nmechanisms: {finance: CREDIT, talent: MARKET, ai: DIFFUSION}\n";
    WorkPerFirmStep sparse = run(Worlds.scenario(yaml.formatted(1000)), 6);
    WorkPerFirmStep dense = run(Worlds.scenario(yaml.formatted(8000)), 6);
    assertThat(sparse.candidatesPerQuery()).isPositive();
    assertThat(dense.candidatesPerQuery()).isLessThan(1.5 * sparse.candidatesPerQuery());
  }

  /** A hand-built world of {@code n} firms at random places (drawn from the model's generator). */
  private static EcosystemModel randomWorld(int n, int universities) {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 5\n"));
    for (int i = 0; i < universities; i++) {
      model.addUniversity(new Double2D(100 * model.random.nextDouble(), 100 * model.random.nextDouble()), 10, 1, 5);
    }
    for (int i = 0; i < n; i++) {
      Double2D at = new Double2D(100 * model.random.nextDouble(), 100 * model.random.nextDouble());
      Worlds.firm(model, Ownership.PRIVATE, Sector.of(i % 3), at, 1, 0.001, 10, 10);
    }
    return model;
  }

  @Test
  void firmsNearIsExactlyTheScanOfEveryFirmInIdOrder() {
    EcosystemModel model = randomWorld(600, 0);
    List<Firm> exited = new ArrayList<>(model.firms().subList(0, 50));
    for (Firm dead : exited) {
      dead.exit(0);
    }
    model.population().removeExited(exited);
    for (int q = 0; q < 40; q++) {
      Double2D centre = new Double2D(110 * model.random.nextDouble() - 5, 110 * model.random.nextDouble() - 5);
      double radius = 30 * model.random.nextDouble();
      Sector sector = Sector.of(q % 3);
      List<Firm> expected = new ArrayList<>();
      for (Firm f : model.firms()) {
        if (f.isAlive() && f.getSector() == sector && f.getLocation().distance(centre) <= radius) {
          expected.add(f);
        }
      }
      assertThat(model.firmsNear(centre, radius, sector)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void campusGridGivesTheNearestCampusExactly() {
    EcosystemModel model = randomWorld(300, 37);
    for (Firm firm : model.firms()) {
      double nearest = Double.POSITIVE_INFINITY;
      for (University u : model.universities()) {
        nearest = Math.min(nearest, firm.getLocation().distance(u.getCampus()));
      }
      assertThat(TalentMarket.distanceToCampus(model, firm)).isEqualTo(nearest);
    }
  }

  @Test
  void contactSampleIsUniformWithoutReplacement() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 9\n"));
    Double2D centre = new Double2D(50, 50);
    Firm self = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL, centre, 1, 0.01, 10, 10);
    // 20 firms within the radius and 200 in the same cells outside it: the sampler draws by rejection.
    List<Firm> inside = new ArrayList<>();
    for (int i = 0; i < 220; i++) {
      double angle = 2 * Math.PI * i / 20.0;
      double r = i < 20 ? 1 + (i % 4) : 5.5 + (i % 7) * 0.5;
      Firm f = Worlds.firm(model, Ownership.PRIVATE, Sector.TRADITIONAL,
          new Double2D(50 + r * Math.cos(angle + i), 50 + r * Math.sin(angle + i)), 1, 0.01, 10, 10);
      if (f.getLocation().distance(centre) <= 5) {
        inside.add(f);
      }
    }
    FirmQuery query = model.query();
    int draws = 20_000;
    int k = 3;
    java.util.Map<Firm, Integer> counts = new java.util.IdentityHashMap<>();
    for (int d = 0; d < draws; d++) {
      int n = query.sample(centre, 5, self, k, model.random, model.work());
      assertThat(n).isEqualTo(k);
      for (int i = 0; i < n; i++) {
        Firm f = query.get(i);
        assertThat(f).isNotSameAs(self);
        assertThat(f.getLocation().distance(centre)).isLessThanOrEqualTo(5);
        for (int j = 0; j < i; j++) {
          assertThat(query.get(j)).isNotSameAs(f);
        }
        counts.merge(f, 1, Integer::sum);
      }
    }
    double expected = draws * k / (double) inside.size();
    for (Firm f : inside) {
      // Binomial sd ≈ √(draws·p·(1 − p)) ≈ 59 here: five of them.
      assertThat((double) counts.getOrDefault(f, 0)).isCloseTo(expected, within(300.0));
    }
  }

  @Test
  void everyNonAdoptersContactsAreAUniformSampleOfItsNeighbours() {
    // 2,000 firms in the 100 × 100 region, a quarter of them adopters, some exited: about 30
    // firms within radius 5 of a firm, so most samples of 8 are drawn by rejection, and a firm
    // near the border has few neighbours, so some are whole neighbourhoods, scanned.
    EcosystemModel model = randomWorld(2000, 0);
    for (Firm f : model.firms()) {
      if (f.getId() % 4 == 1) {
        f.setAiLevel(0.5, 0.35, 0);
      }
    }
    List<Firm> exited = new ArrayList<>(model.firms().subList(0, 100));
    for (Firm dead : exited) {
      dead.exit(0);
    }
    model.population().removeExited(exited);
    double radius = 5;
    int k = 8;
    FirmQuery query = model.query();
    List<Firm> nonAdopters = new ArrayList<>();
    List<int[]> neighbourhoods = new ArrayList<>();
    for (Firm f : model.firms()) {
      if (!f.isAiAdopter()) {
        int all = 0;
        int adopting = 0;
        for (Firm g : model.firms()) {
          if (g != f && g.getLocation().distance(f.getLocation()) <= radius) {
            all++;
            adopting += g.isAiAdopter() ? 1 : 0;
          }
        }
        nonAdopters.add(f);
        neighbourhoods.add(new int[] {all, adopting});
      }
    }
    int rounds = 400;
    double[] adoptersDrawn = new double[nonAdopters.size()];
    for (int r = 0; r < rounds; r++) {
      query.refreshStates(model.firms());
      query.sampleContacts(radius, k, model.random, model.work());
      for (int i = 0; i < nonAdopters.size(); i++) {
        int id = nonAdopters.get(i).getId();
        int[] hood = neighbourhoods.get(i);
        assertThat(query.contacts(id)).isEqualTo(Math.min(k, hood[0]));
        assertThat(query.contactAdopters(id)).isBetween(Math.max(0, query.contacts(id) - (hood[0] - hood[1])), Math.min(hood[1], query.contacts(id)));
        if (hood[0] <= k) {
          assertThat(query.contactAdopters(id)).isEqualTo(hood[1]);
        }
        adoptersDrawn[i] += query.contactAdopters(id);
      }
    }
    // Without replacement, the adopters among k of n neighbours, a of them adopters, are
    // hypergeometric: mean k·a/n. Pooled over the firms with more than k neighbours, the mean
    // drawn over 400 rounds is within a few standard errors of it.
    double drawn = 0;
    double expected = 0;
    double variance = 0;
    for (int i = 0; i < nonAdopters.size(); i++) {
      int n = neighbourhoods.get(i)[0];
      int a = neighbourhoods.get(i)[1];
      if (n > k) {
        double p = a / (double) n;
        drawn += adoptersDrawn[i];
        expected += rounds * k * p;
        variance += rounds * k * p * (1 - p) * (n - k) / (n - 1.0);
      }
    }
    assertThat(expected).isGreaterThan(10_000);
    assertThat(drawn).isCloseTo(expected, within(4 * Math.sqrt(variance)));
  }
}
