package org.nqpf.validation;

import java.util.Objects;

/**
 * The decomposition of aggregate productivity growth of Foster, Haltiwanger and Krizan (2001,
 * "Aggregate productivity growth: lessons from microeconomic evidence", in <i>New Developments in
 * Productivity Analysis</i>, NBER), between two dates t − k and t. The aggregate is
 * P = Σ s_i p_i, with s_i the firm's share of employment and p_i its log labour productivity
 * (real output per employee); with C the firms present at both dates, N the entrants (only at t)
 * and X the exits (only at t − k), and ΔP = P_t − P_{t−k}:
 *
 * <pre>
 * within  = Σ_C s_{i,t−k} Δp_i
 * between = Σ_C (p_{i,t−k} − P_{t−k}) Δs_i
 * cross   = Σ_C Δp_i Δs_i
 * entry   = Σ_N s_{i,t} (p_{i,t} − P_{t−k})
 * exit    = −Σ_X s_{i,t−k} (p_{i,t−k} − P_{t−k})
 * </pre>
 *
 * which sum to ΔP exactly. A shift of employment towards firms of higher productivity (for example
 * towards capital-intensive SOEs) shows in {@code between}, not in {@code within}. This class
 * matches the two dates' firms by id; the terms are summed by the model's
 * {@link org.nqpf.model.ProductivityDecomposition}, which the national accounts use too.
 */
public final class ProductivityDecomposition {
  private ProductivityDecomposition() {}

  /** The firms at one date: ids in increasing order, employment and real output of each (both positive). */
  public record Panel(int[] ids, double[] employment, double[] output) {
    public Panel {
      Objects.requireNonNull(ids, "ids");
      Objects.requireNonNull(employment, "employment");
      Objects.requireNonNull(output, "output");
      if (employment.length != ids.length || output.length != ids.length) {
        throw new IllegalArgumentException("ids, employment and output differ in length");
      }
      for (int i = 0; i < ids.length; i++) {
        if (i > 0 && ids[i] <= ids[i - 1]) {
          throw new IllegalArgumentException("ids must increase: " + ids[i - 1] + " then " + ids[i]);
        }
        if (!(employment[i] > 0) || !(output[i] > 0) || !Double.isFinite(employment[i]) || !Double.isFinite(output[i])) {
          throw new IllegalArgumentException("firm " + ids[i] + " needs positive, finite employment and output");
        }
      }
    }

    double totalEmployment() {
      double sum = 0;
      for (double e : employment) {
        sum += e;
      }
      return sum;
    }

    /** Σ s_i p_i. */
    double aggregate() {
      double total = totalEmployment();
      double p = 0;
      for (int i = 0; i < ids.length; i++) {
        p += employment[i] / total * logProductivity(i);
      }
      return p;
    }

    double logProductivity(int i) {
      return StrictMath.log(output[i] / employment[i]);
    }
  }

  /** The five terms; their sum is {@link #total()}. */
  public record Terms(double within, double between, double cross, double entry, double exit) {
    public double total() {
      return within + between + cross + entry + exit;
    }
  }

  /** The decomposition of the change from {@code before} to {@code after} (zeros when either is empty). */
  public static Terms of(Panel before, Panel after) {
    if (before.ids().length == 0 || after.ids().length == 0) {
      return new Terms(0, 0, 0, 0, 0);
    }
    double totalBefore = before.totalEmployment();
    double totalAfter = after.totalEmployment();
    org.nqpf.model.ProductivityDecomposition d = new org.nqpf.model.ProductivityDecomposition();
    d.begin(before.aggregate());
    int i = 0;
    int j = 0;
    while (i < before.ids().length || j < after.ids().length) {
      boolean hasBefore = i < before.ids().length;
      boolean hasAfter = j < after.ids().length;
      if (hasBefore && (!hasAfter || before.ids()[i] < after.ids()[j])) {
        d.exiter(before.employment()[i] / totalBefore, before.logProductivity(i));
        i++;
      } else if (hasAfter && (!hasBefore || after.ids()[j] < before.ids()[i])) {
        d.entrant(after.employment()[j] / totalAfter, after.logProductivity(j));
        j++;
      } else {
        d.continuer(before.employment()[i] / totalBefore, before.logProductivity(i),
            after.employment()[j] / totalAfter, after.logProductivity(j));
        i++;
        j++;
      }
    }
    return new Terms(d.within(), d.between(), d.cross(), d.entry(), d.exit());
  }
}
