package org.nqpf.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.util.ResizableDoubleArray;
import org.nqpf.config.Scenario;
import org.nqpf.model.SizeClass;
import org.nqpf.stats.ExitHazard;
import org.nqpf.stats.LognormalFit;
import org.nqpf.stats.PowerLawFit;
import org.nqpf.stats.Replications;
import org.nqpf.stats.TransitionMatrix;

/**
 * The validation of a scenario over its replications: per-run observations and statistics (in
 * replication order), the table (one {@link Row} per target) and the pooled data behind the
 * charts and the supplementary tables.
 */
public final class ValidationResult {
  /** One row of the table. */
  public record Row(Target target, Replications.Stats stats, Target.Verdict verdict, String note) {}

  private final Scenario base;
  private final long masterSeed;
  private final List<RunObservations> runs;
  private final List<RunStatistics> statistics;
  private final Map<KeySeries, SeriesChecks.Windows> windows = new EnumMap<>(KeySeries.class);
  private final List<Row> rows;

  ValidationResult(Scenario base, long masterSeed, List<RunObservations> runs, List<RunStatistics> statistics) {
    this.base = base;
    this.masterSeed = masterSeed;
    this.runs = List.copyOf(runs);
    this.statistics = List.copyOf(statistics);
    this.rows = buildRows();
  }

  public Scenario base() {
    return base;
  }

  public long masterSeed() {
    return masterSeed;
  }

  public int replications() {
    return runs.size();
  }

  public List<RunObservations> runs() {
    return runs;
  }

  public List<RunStatistics> statistics() {
    return statistics;
  }

  public List<Row> rows() {
    return rows;
  }

  /** The values of target {@code index} that could be computed, in replication order. */
  public double[] values(int index) {
    return statistics.stream().mapToDouble(s -> s.values()[index]).filter(Double::isFinite).toArray();
  }

  /** Exits by age over all replications. */
  public ExitHazard pooledHazard() {
    ExitHazard h = new ExitHazard();
    for (RunObservations o : runs) {
      h.add(o.hazard());
    }
    return h;
  }

  /** Innovation-class transitions over all replications. */
  public TransitionMatrix pooledPersistence() {
    TransitionMatrix m = TransitionMatrix.empty(FirmPanelCollector.CLASSES.size());
    for (RunObservations o : runs) {
      m = m.plus(o.persistence());
    }
    return m;
  }

  public DegreeDistribution pooledFirmDegrees() {
    DegreeDistribution d = DegreeDistribution.fromCounts(new long[0]);
    for (RunObservations o : runs) {
      d = d.plus(DegreeDistribution.of(o.firmDegrees()));
    }
    return d;
  }

  public DegreeDistribution pooledUniversityDegrees() {
    DegreeDistribution d = DegreeDistribution.fromCounts(new long[0]);
    for (RunObservations o : runs) {
      d = d.plus(DegreeDistribution.of(o.universityDegrees()));
    }
    return d;
  }

  public long[] pooledInnovationsBySize() {
    long[] sum = new long[SizeClass.values().length];
    for (RunObservations o : runs) {
      for (int c = 0; c < sum.length; c++) {
        sum[c] += o.innovationsBySize()[c];
      }
    }
    return sum;
  }

  public double[] pooledEmploymentBySize() {
    double[] sum = new double[SizeClass.values().length];
    for (RunObservations o : runs) {
      for (int c = 0; c < sum.length; c++) {
        sum[c] += o.employmentBySize()[c];
      }
    }
    return sum;
  }

  /** Growth rates of all replications, in replication order. */
  public double[] pooledGrowth() {
    ResizableDoubleArray all = new ResizableDoubleArray();
    for (RunObservations o : runs) {
      all.addElements(o.growthRates());
    }
    return all.getElements();
  }

  /** Log sizes matching {@link #pooledGrowth()}. */
  public double[] pooledGrowthLogSize() {
    ResizableDoubleArray all = new ResizableDoubleArray();
    for (RunObservations o : runs) {
      all.addElements(o.growthLogSize());
    }
    return all.getElements();
  }

  private List<Row> buildRows() {
    List<Row> result = new ArrayList<>();
    List<Target> targets = Targets.ALL;
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      double[] values = values(i);
      Replications.Stats stats = Replications.of(values);
      StringBuilder note = new StringBuilder(note(t.id()));
      if (values.length < runs.size()) {
        append(note, "computable in " + values.length + " of " + runs.size() + " replications");
      }
      if (t.kind() != Target.Kind.INFO && values.length < 2) {
        append(note, "MISS because fewer than two replications give a value");
      }
      append(note, "reference: " + t.reference());
      result.add(new Row(t, stats, t.verdict(stats), note.toString()));
    }
    return List.copyOf(result);
  }

  private String note(String id) {
    int r = runs.size();
    switch (id) {
      case "3a", "3b" -> {
        boolean employment = id.equals("3a");
        double xmin = 0;
        double tail = 0;
        double se = 0;
        int n = 0;
        for (RunStatistics s : statistics) {
          PowerLawFit.Result fit = employment ? s.employmentFit() : s.outputFit();
          if (fit != null) {
            xmin += fit.xmin();
            tail += fit.tail();
            se += fit.standardError();
            n++;
          }
        }
        return n == 0 ? "" : String.format(Locale.ROOT, "mean x_min %.4g, mean tail %.1f firms, mean SE of α %.3f", xmin / n,
            tail / n, se / n);
      }
      case "3c", "3d" -> {
        int pl = 0;
        int ln = 0;
        int none = 0;
        for (RunStatistics s : statistics) {
          LognormalFit.Comparison c = id.equals("3c") ? s.employmentVuong() : s.outputVuong();
          if (c != null) {
            switch (c.favoured()) {
              case "power law" -> pl++;
              case "lognormal" -> ln++;
              default -> none++;
            }
          }
        }
        return "favoured (p < 0.1): power law in " + pl + ", lognormal in " + ln + ", inconclusive in " + none + " of " + r
            + " replications";
      }
      case "4b" -> {
        return "Laplace b = 1, normal b = 2";
      }
      case "6a", "6b", "6c" -> {
        TransitionMatrix m = pooledPersistence();
        int from = id.equals("6a") ? 2 : id.equals("6b") ? 0 : 1;
        return "pooled: " + m.counts()[from][from] + " of " + m.rowTotal(from) + " transitions from "
            + FirmPanelCollector.CLASSES.get(from);
      }
      case "7a", "7b" -> {
        double[] employment = pooledEmploymentBySize();
        double all = 0;
        double sme = 0;
        for (SizeClass c : SizeClass.values()) {
          all += employment[c.ordinal()];
          sme += c.isSme() ? employment[c.ordinal()] : 0;
        }
        return all > 0 ? String.format(Locale.ROOT, "SME share of employment (pooled) %.3f", sme / all) : "";
      }
      case "8c" -> {
        ExitHazard h = pooledHazard();
        return String.format(Locale.ROOT, "pooled hazard per quarter: ages 0–2 years %.4f, 5–10 years %.4f",
            h.hazard(Targets.YOUNG_FROM, Targets.YOUNG_TO), h.hazard(Targets.MATURE_FROM, Targets.MATURE_TO));
      }
      default -> {
        return seriesNote(id);
      }
    }
  }

  /** The note of a warm-up, stationarity or ergodicity row, empty for any other id. */
  private String seriesNote(String id) {
    for (KeySeries k : KeySeries.values()) {
      if (id.equals(Targets.seriesId(Targets.WARM_UP, k))) {
        int index = Targets.ALL.indexOf(Targets.byId(id));
        long beyond = statistics.stream().filter(s -> s.values()[index] > base.burnIn()).count();
        int limit = runs.isEmpty() ? -1 : WarmUp.searchLimit(runs.get(0).keySeries()[k.ordinal()].length) + k.firstStep();
        long atLimit = statistics.stream().filter(s -> s.values()[index] == limit).count();
        return "burn-in " + base.burnIn() + " steps; the measured warm-up is longer in " + beyond + " of " + runs.size()
            + " replications, and at the search's limit (" + limit + " steps: no steady state found) in " + atLimit;
      }
      if (id.equals(Targets.seriesId(Targets.STATIONARITY, k)) || id.equals(Targets.seriesId(Targets.ERGODICITY, k))) {
        SeriesChecks.Windows w = windows.computeIfAbsent(k, series -> SeriesChecks.windows(runs, series));
        if (w.from() < 0 || runs.isEmpty()) {
          return "warm-up not measurable";
        }
        int n = runs.get(0).keySeries()[k.ordinal()].length;
        String tested = "tested from step " + (w.from() + k.firstStep()) + " (the longest warm-up); median memory "
            + (Double.isNaN(w.memory()) ? "not measurable" : w.memory() < 1.5 ? "1 step" : String.format(Locale.ROOT, "%.0f steps", w.memory()));
        if (w.length() == 0) {
          return tested + ": fewer than " + Stationarity.MIN_WINDOWS + " windows of " + (int) Stationarity.WINDOW_MEMORIES
              + " memories fit, so no run is shown stationary or ergodic";
        }
        return tested + "; " + Stationarity.windowCount(n - w.from(), w.length()) + " windows of " + w.length()
            + " steps";
      }
    }
    return "";
  }

  private static void append(StringBuilder sb, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append("; ");
    }
    sb.append(text);
  }
}
