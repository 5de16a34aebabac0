package org.nqpf.model;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Per campus and sector, the living firms of the sector within a radius of the campus, in id
 * order, each with a value that depends only on the firm and the campus (for {@link
 * PilotConversion}, its distance term), carried from one query to the next. The list is what
 * {@link FirmQuery#collect} followed by {@link FirmQuery#sortById} gives, found without a full
 * search after the first: firms and campuses never move and a firm never changes sector, so the
 * list changes only by exits, which are dropped, and by new firms, whose ids are above every id in
 * the list and which {@link FirmQuery#collectFrom} finds from the tails of the index's cells. A
 * change of the radius or of the values' scale starts the list again.
 */
final class CampusNeighbours {
  private Near[][] byCampus = new Near[0][];

  /** A campus's firms of one sector within the radius, in id order, and their values. */
  static final class Near {
    private final double radius;
    private final double scale;
    private Firm[] firms;
    private double[] values;
    private int count;
    /** Every firm with a lower id had been created when the list was last brought up to date. */
    private int nextId;
    /** {@link FirmPopulation#removedCount} when the list was last brought up to date. */
    private long removedCount;

    private Near(double radius, double scale, int capacity) {
      this.radius = radius;
      this.scale = scale;
      firms = new Firm[Math.max(8, capacity)];
      values = new double[firms.length];
    }

    /** The firms, in id order, in the first {@link #count()} entries. */
    Firm[] firms() {
      return firms;
    }

    /** The firms' values, entry by entry. */
    double[] values() {
      return values;
    }

    int count() {
      return count;
    }

    private void add(Firm firm, double value) {
      if (count == firms.length) {
        firms = Arrays.copyOf(firms, 2 * count);
        values = Arrays.copyOf(values, firms.length);
      }
      firms[count] = firm;
      values[count++] = value;
    }

    /** Drops the firms that have exited, keeping the others' order. */
    private void dropLeavers() {
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (firms[i].isAlive()) {
          firms[kept] = firms[i];
          values[kept++] = values[i];
        }
      }
      Arrays.fill(firms, kept, count, null);
      count = kept;
    }
  }

  /**
   * The living firms of {@code sector} within {@code radius} of the university's campus, in id
   * order, brought up to date; {@code value} gives a new firm's value ({@code scale} is the
   * parameter the values depend on: a new one starts the list again).
   */
  Near of(EcosystemModel model, University university, Sector sector, double radius, double scale, ToDoubleFunction<Firm> value) {
    int u = university.getId();
    if (u >= byCampus.length) {
      byCampus = Arrays.copyOf(byCampus, Math.max(u + 1, 2 * byCampus.length));
    }
    if (byCampus[u] == null) {
      byCampus[u] = new Near[Sector.values().length];
    }
    Near near = byCampus[u][sector.ordinal()];
    FirmQuery query = model.query();
    int found;
    if (near == null || near.radius != radius || near.scale != scale) {
      found = query.collect(university.getCampus(), radius, sector, null, model.work());
      near = byCampus[u][sector.ordinal()] = new Near(radius, scale, found);
    } else if (near.nextId == model.population().nextFirmId() && near.removedCount == model.population().removedCount()) {
      // No firm was created or removed since the list was brought up to date: it is up to date.
      return near;
    } else {
      if (near.removedCount != model.population().removedCount()) {
        near.dropLeavers();
      }
      found = query.collectFrom(university.getCampus(), radius, sector, near.nextId, model.work());
    }
    query.sortById();
    for (int i = 0; i < found; i++) {
      Firm firm = query.get(i);
      near.add(firm, value.applyAsDouble(firm));
    }
    near.nextId = model.population().nextFirmId();
    near.removedCount = model.population().removedCount();
    return near;
  }
}
