package org.nqpf.model;

import java.util.Arrays;
import java.util.List;
import sim.util.Double2D;

/**
 * A grid over the region's campuses for nearest-campus distances: the cells are searched in rings
 * around the point until no unexamined cell can hold a nearer campus, so a query examines a few
 * campuses instead of all of them. It returns exactly the minimum of the same distances a scan of
 * every campus would compute. Campuses (or points) outside the region fall back to the scan.
 */
final class CampusIndex {
  private final List<University> universities;
  private final int count;
  private final int columns;
  private final int rows;
  private final double cellWidth;
  private final double cellHeight;
  private final double width;
  private final double height;
  /** Universities of each cell (row-major), by index into {@link #universities}; null: scan all. */
  private final int[][] cells;

  CampusIndex(List<University> universities, double width, double height) {
    this.universities = universities;
    this.count = universities.size();
    this.width = width;
    this.height = height;
    int side = Math.max(1, (int) StrictMath.ceil(StrictMath.sqrt(count)));
    this.columns = side;
    this.rows = side;
    this.cellWidth = width / side;
    this.cellHeight = height / side;
    int[][] built = new int[side * side][];
    int[] sizes = new int[side * side];
    boolean inside = true;
    for (University u : universities) {
      Double2D c = u.getCampus();
      if (!(c.x >= 0 && c.x <= width && c.y >= 0 && c.y <= height)) {
        inside = false;
        break;
      }
      sizes[cellIndex(c)]++;
    }
    if (inside) {
      for (int i = 0; i < built.length; i++) {
        built[i] = new int[sizes[i]];
      }
      Arrays.fill(sizes, 0);
      for (int i = 0; i < count; i++) {
        int cell = cellIndex(universities.get(i).getCampus());
        built[cell][sizes[cell]++] = i;
      }
    }
    this.cells = inside ? built : null;
  }

  /** Whether the index still describes the model's universities (they are only ever added). */
  boolean covers(List<University> current) {
    return current.size() == count;
  }

  /** Distance from {@code point} to the nearest campus; +∞ without universities. */
  double nearestDistance(Double2D point, WorkCounters work) {
    if (cells == null || !(point.x >= 0 && point.x <= width && point.y >= 0 && point.y <= height)) {
      return scan(point, work);
    }
    int px = column(point.x);
    int py = row(point.y);
    double nearest = Double.POSITIVE_INFINITY;
    double step = Math.min(cellWidth, cellHeight);
    int maxRing = Math.max(columns, rows);
    long examined = 0;
    for (int ring = 0; ring <= maxRing; ring++) {
      for (int x = px - ring; x <= px + ring; x++) {
        if (x < 0 || x >= columns) {
          continue;
        }
        boolean edgeColumn = x == px - ring || x == px + ring;
        for (int y = py - ring; y <= py + ring; y += edgeColumn ? 1 : Math.max(1, 2 * ring)) {
          if (y < 0 || y >= rows) {
            continue;
          }
          for (int i : cells[x * rows + y]) {
            examined++;
            nearest = Math.min(nearest, point.distance(universities.get(i).getCampus()));
          }
        }
      }
      // Cells beyond this ring are at least ring whole cells away from the point's cell (less a
      // margin for the rounding of the cell a coordinate falls in).
      if (nearest <= (ring - 1e-6) * step) {
        break;
      }
    }
    work.campusCandidates += examined;
    return nearest;
  }

  private double scan(Double2D point, WorkCounters work) {
    double nearest = Double.POSITIVE_INFINITY;
    for (University university : universities) {
      nearest = Math.min(nearest, point.distance(university.getCampus()));
    }
    work.campusCandidates += count;
    return nearest;
  }

  private int cellIndex(Double2D c) {
    return column(c.x) * rows + row(c.y);
  }

  private int column(double x) {
    return Math.min(columns - 1, Math.max(0, (int) (x / cellWidth)));
  }

  private int row(double y) {
    return Math.min(rows - 1, Math.max(0, (int) (y / cellHeight)));
  }
}
