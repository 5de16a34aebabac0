package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sim.util.Double2D;

/** A campus's firms kept from query to query are the firms a fresh search finds, in the same order. */
class CampusNeighboursTest {
  private static final Double2D CAMPUS = new Double2D(50, 50);
  private static final double RADIUS = 12;

  private static Firm firmAt(EcosystemModel model, Sector sector) {
    double x = 30 + 40 * model.random.nextDouble();
    double y = 30 + 40 * model.random.nextDouble();
    return Worlds.firm(model, Ownership.PRIVATE, sector, new Double2D(x, y), 1.0, 0.01, 100, 100);
  }

  /** The firms of the sector within the radius, searched afresh: every living firm, by id. */
  private static List<Firm> bruteForce(EcosystemModel model, Sector sector, double radius) {
    List<Firm> near = new ArrayList<>();
    for (Firm f : model.firms()) {
      if (f.isAlive() && f.getSector() == sector && f.getLocation().distance(CAMPUS) <= radius) {
        near.add(f);
      }
    }
    return near;
  }

  private static List<Firm> listed(CampusNeighbours.Near near) {
    return java.util.Arrays.asList(near.firms()).subList(0, near.count());
  }

  @Test
  void keptAcrossExitsAndEntriesTheListIsTheFreshSearchsInIdOrderWithTheSameValues() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 11\n"));
    University university = model.addUniversity(CAMPUS, 10, 1.0, 20);
    for (int i = 0; i < 300; i++) {
      firmAt(model, Sector.values()[i % Sector.values().length]);
    }
    CampusNeighbours kept = new CampusNeighbours();
    Sector sector = Sector.STRATEGIC_EMERGING;
    int changed = 0;
    for (int round = 0; round < 25; round++) {
      CampusNeighbours.Near near = kept.of(model, university, sector, RADIUS, 5.0,
          f -> f.getLocation().distance(CAMPUS));
      List<Firm> expected = bruteForce(model, sector, RADIUS);
      assertThat(listed(near)).containsExactlyElementsOf(expected);
      CampusNeighbours.Near fresh = new CampusNeighbours().of(model, university, sector, RADIUS, 5.0,
          f -> f.getLocation().distance(CAMPUS));
      assertThat(listed(fresh)).containsExactlyElementsOf(expected);
      for (int i = 0; i < near.count(); i++) {
        assertThat(near.values()[i]).isEqualTo(near.firms()[i].getLocation().distance(CAMPUS));
      }
      // Some firms leave (near ones among them), some are created, in and out of the radius and sector.
      List<Firm> leaving = new ArrayList<>();
      for (Firm f : model.firms()) {
        if (model.random.nextDouble() < 0.08) {
          leaving.add(f);
        }
      }
      for (Firm f : leaving) {
        f.exit(round);
      }
      model.population().removeExited(leaving);
      for (int i = 0; i < 15; i++) {
        firmAt(model, Sector.values()[model.random.nextInt(Sector.values().length)]);
      }
      changed += leaving.size();
    }
    assertThat(changed).as("firms that left over the rounds").isGreaterThan(100);
  }

  @Test
  void aNewRadiusOrScaleStartsTheListAgain() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 12\n"));
    University university = model.addUniversity(CAMPUS, 10, 1.0, 20);
    for (int i = 0; i < 200; i++) {
      firmAt(model, Sector.STRATEGIC_EMERGING);
    }
    CampusNeighbours kept = new CampusNeighbours();
    Sector sector = Sector.STRATEGIC_EMERGING;
    assertThat(listed(kept.of(model, university, sector, RADIUS, 5.0, f -> 1.0)))
        .containsExactlyElementsOf(bruteForce(model, sector, RADIUS));
    assertThat(listed(kept.of(model, university, sector, 2 * RADIUS, 5.0, f -> 1.0)))
        .containsExactlyElementsOf(bruteForce(model, sector, 2 * RADIUS))
        .hasSizeGreaterThan(bruteForce(model, sector, RADIUS).size());
    CampusNeighbours.Near rescaled = kept.of(model, university, sector, 2 * RADIUS, 7.0, f -> 2.0);
    assertThat(rescaled.values()[0]).isEqualTo(2.0);
  }
}
