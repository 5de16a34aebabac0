package org.nqpf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sim.engine.SimState;
import sim.util.Double2D;

/** The firm population: its lists, founding batches, share normalisation and checkpoints. */
class FirmPopulationTest {
  private static final Double2D HERE = new Double2D(50, 50);
  private static final int ENTRANTS = 40;

  /** Three incumbents a sector, with shares that sum to one in each sector. */
  private static EcosystemModel incumbents() {
    EcosystemModel model = Worlds.empty(Worlds.scenario("seed: 11\nmechanisms: {market: REPLICATOR}"));
    Worlds.demand(model, 1000);
    double[] shares = {0.5, 0.3, 0.2};
    for (Sector sector : Sector.values()) {
      for (int i = 0; i < shares.length; i++) {
        Worlds.firm(model, Ownership.PRIVATE, sector, HERE, 1 + 0.5 * i + 0.1 * sector.ordinal(), shares[i], 10, 100);
      }
    }
    return model;
  }

  /**
   * Founds {@link #ENTRANTS} start-ups, as one batch or one by one, in sectors and with
   * technologies drawn as entry draws them; within a batch, checks the running mean technology.
   */
  private static List<Firm> found(EcosystemModel model, boolean batch) {
    FirmPopulation population = model.population();
    List<Firm> entrants = new ArrayList<>();
    if (batch) {
      population.beginFounding();
    }
    for (int i = 0; i < ENTRANTS; i++) {
      Sector sector = Sector.of(model.drawIndex(new double[] {0.5, 0.3, 0.2}));
      double technology = population.meanTechnology(sector) * StrictMath.exp(0.3 * model.random.nextGaussian());
      entrants.add(population.foundStartup(sector, model.randomFirmLocation(0), technology, -1));
      if (batch) {
        assertThat(population.meanTechnology(sector)).as("the running share-weighted technology")
            .isCloseTo(shareWeightedTechnology(population.firms(sector)), within(1e-12));
      }
    }
    if (batch) {
      population.endFounding();
    }
    return entrants;
  }

  /** The share-weighted mean technology of {@code firms}, computed directly. */
  private static double shareWeightedTechnology(List<Firm> firms) {
    double weighted = 0;
    double weights = 0;
    for (Firm f : firms) {
      weighted += f.getMarketShare() * f.getTechnology();
      weights += f.getMarketShare();
    }
    return weighted / weights;
  }

  @Test
  void aFoundingBatchKeepsEverySectorsSharesSummingToOneAndListsFirmsInOrderOfCreation() {
    EcosystemModel model = incumbents();
    List<Firm> entrants = found(model, true);
    List<Firm> all = model.firms();
    assertThat(all).hasSize(9 + ENTRANTS).endsWith(entrants.toArray(new Firm[0]));
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).getId()).isEqualTo(i);
    }
    for (Sector sector : Sector.values()) {
      List<Firm> ofSector = model.firms(sector);
      assertThat(ofSector).containsExactlyElementsOf(all.stream().filter(f -> f.getSector() == sector).toList());
      assertThat(ofSector.stream().mapToDouble(Firm::getMarketShare).sum()).as("%s's shares", sector)
          .isCloseTo(1.0, within(1e-12));
      assertThat(ofSector.size()).as("every sector gains entrants").isGreaterThan(3);
    }
    assertThat(entrants).allSatisfy(f -> assertThat(f.getMarketShare()).isPositive());
  }

  /** The batch renormalises once, at its end, to the shares that renormalising after each entrant gives. */
  @Test
  void aFoundingBatchGivesTheSharesAndTechnologiesOfFoundingOneByOne() {
    EcosystemModel batched = incumbents();
    EcosystemModel oneByOne = incumbents();
    found(batched, true);
    found(oneByOne, false);
    assertThat(batched.firms()).hasSameSizeAs(oneByOne.firms());
    for (int i = 0; i < batched.firms().size(); i++) {
      Firm a = batched.firms().get(i);
      Firm b = oneByOne.firms().get(i);
      assertThat(a.getSector()).isEqualTo(b.getSector());
      assertThat(a.getMarketShare()).as("firm %d's share", i).isCloseTo(b.getMarketShare(), within(1e-12));
      assertThat(a.getTechnology()).as("firm %d's technology", i).isCloseTo(b.getTechnology(), within(1e-12));
    }
  }

  /** A checkpoint saves the lists and the next id: the restored model founds the same next firm as the original. */
  @Test
  void theRestoredPopulationOfACheckpointFoundsTheSameFirmsAsTheOriginal() throws Exception {
    EcosystemModel model = incumbents();
    found(model, true);
    Firm exited = model.firms().get(4);
    exited.exit(0);
    model.population().removeExited(List.of(exited));
    model.population().normaliseShares(exited.getSector());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.writeToCheckpoint(bytes);
    EcosystemModel restored = (EcosystemModel) SimState.readFromCheckpoint(new ByteArrayInputStream(bytes.toByteArray()));

    assertThat(restored.firms().stream().map(Firm::getId).toList()).isEqualTo(model.firms().stream().map(Firm::getId).toList());
    for (Sector sector : Sector.values()) {
      assertThat(restored.firms(sector).stream().map(Firm::getId).toList())
          .isEqualTo(model.firms(sector).stream().map(Firm::getId).toList());
    }
    List<Firm> next = found(model, true);
    List<Firm> restoredNext = found(restored, true);
    assertThat(restoredNext.get(0).getId()).isEqualTo(9 + ENTRANTS);
    for (int i = 0; i < ENTRANTS; i++) {
      assertThat(restoredNext.get(i).getId()).isEqualTo(next.get(i).getId());
      assertThat(restoredNext.get(i).getSector()).isEqualTo(next.get(i).getSector());
      assertThat(restoredNext.get(i).getMarketShare()).isEqualTo(next.get(i).getMarketShare());
      assertThat(restoredNext.get(i).getTechnology()).isEqualTo(next.get(i).getTechnology());
    }
  }
}
