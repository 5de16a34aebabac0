package org.nqpf.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.nqpf.config.ConfigException;
import org.nqpf.config.Suggest;
import org.nqpf.model.Metric;
import org.nqpf.report.RunSummary;
import org.nqpf.validation.RunStatistics;
import org.nqpf.validation.Target;
import org.nqpf.validation.Targets;

/**
 * A statistic of one run that a calibration moment targets, named as in docs/CALIBRATION.md: a
 * private share of {@code summary.json} ({@code share.output}), a metric's post-burn-in mean,
 * final value, growth per step or total ({@code mean.innovations}), a ratio of two metrics' means
 * ({@code ratio.innovationsPrivate/innovations}) or one of {@code validate}'s statistics of one run
 * ({@code validate.3a}; not the stationarity and ergodicity rows, which need every replication). Each is computed by the code that writes it elsewhere ({@link RunSummary},
 * {@link RunStatistics}), so that a calibrated value means what the same name means in a run's or a
 * validation's outputs.
 */
public final class Statistic {
  /** The forms of a statistic's name: the part before the first dot. */
  public static final List<String> KINDS = List.of("share", "mean", "final", "growth", "total", "ratio", "validate");
  /** The private shares of summary.json, by their name after {@code share.}. */
  public static final List<String> SHARES = List.of("firms", "employment", "innovation", "output", "tax",
      "cumulativeInnovation");

  private final String name;
  private final String kind;
  private final String share;
  private final Metric metric;
  private final Metric denominator;
  private final String target;

  private Statistic(String name, String kind, String share, Metric metric, Metric denominator, String target) {
    this.name = name;
    this.kind = kind;
    this.share = share;
    this.metric = metric;
    this.denominator = denominator;
    this.target = target;
  }

  /** Parses a statistic's name; a refusal names {@code at} (the moment's key path) and what is allowed. */
  public static Statistic parse(String text, String at) {
    int dot = text.indexOf('.');
    String kind = dot < 0 ? text : text.substring(0, dot);
    String rest = dot < 0 ? "" : text.substring(dot + 1);
    if (!KINDS.contains(kind) || rest.isEmpty()) {
      String suggestion = Suggest.closest(kind, KINDS);
      throw new ConfigException(at, "value \"" + text + "\" is not a statistic" + (KINDS.contains(kind) || suggestion == null
          ? "" : " (did you mean '" + suggestion + "." + rest + "'?)") + "; expected share.NAME, mean.METRIC, final.METRIC,"
          + " growth.METRIC, total.METRIC, ratio.METRIC/METRIC or validate.ID (docs/CALIBRATION.md)");
    }
    switch (kind) {
      case "share" -> {
        if (!SHARES.contains(rest)) {
          throw unknown(at, text, "share", rest, SHARES, "a private share: " + String.join(", ", SHARES));
        }
        return new Statistic(text, kind, rest, null, null, null);
      }
      case "validate" -> {
        List<String> ids = new ArrayList<>();
        for (Target t : Targets.ALL) {
          if (!acrossRuns(t.id())) {
            ids.add(t.id());
          }
        }
        if (acrossRuns(rest) && Targets.ALL.stream().anyMatch(t -> t.id().equals(rest))) {
          throw new ConfigException(at, "value \"" + text + "\" is not a statistic of one run: validate's stationarity"
              + " (" + Targets.STATIONARITY + "x) and ergodicity (" + Targets.ERGODICITY + "x) rows test each run against"
              + " all the replications; expected a validation statistic's id of one run: " + String.join(", ", ids));
        }
        if (!ids.contains(rest)) {
          throw unknown(at, text, "validate", rest, ids, "a validation statistic's id: " + String.join(", ", ids));
        }
        return new Statistic(text, kind, null, null, null, rest);
      }
      case "ratio" -> {
        String[] parts = rest.split("/", -1);
        if (parts.length != 2) {
          throw new ConfigException(at, "value \"" + text + "\" is not a ratio of two metrics; expected ratio.METRIC/METRIC,"
              + " e.g. ratio.innovationsPrivate/innovations");
        }
        return new Statistic(text, kind, null, metric(parts[0], at, text), metric(parts[1], at, text), null);
      }
      default -> {
        Metric m = metric(rest, at, text);
        if (kind.equals("growth") && !RunSummary.LEVEL_METRICS.contains(m)) {
          throw new ConfigException(at, "value \"" + text + "\" is not allowed: summary.json has growth only for the level"
              + " metrics; expected one of " + columns(new ArrayList<>(RunSummary.LEVEL_METRICS)));
        }
        if (kind.equals("total") && !RunSummary.isCount(m)) {
          throw new ConfigException(at, "value \"" + text + "\" is not allowed: summary.json has totals only for the per-step"
              + " counts (flows), e.g. innovations, entries, exits");
        }
        return new Statistic(text, kind, null, m, null, null);
      }
    }
  }

  /** Whether validate computes row {@code id} from all the replications together, not from each run. */
  private static boolean acrossRuns(String id) {
    return id.startsWith(Targets.STATIONARITY) || id.startsWith(Targets.ERGODICITY);
  }

  private static ConfigException unknown(String at, String text, String kind, String rest, List<String> known, String expected) {
    String suggestion = Suggest.closest(rest, known);
    return new ConfigException(at, "value \"" + text + "\" is not a statistic" + (suggestion == null ? ""
        : " (did you mean '" + kind + "." + suggestion + "'?)") + "; expected " + expected);
  }

  private static Metric metric(String column, String at, String text) {
    List<String> columns = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (m != Metric.STEP && m != Metric.BURN_IN) {
        columns.add(m.column());
        if (m.column().equals(column)) {
          return m;
        }
      }
    }
    String suggestion = Suggest.closest(column, columns);
    throw new ConfigException(at, "value \"" + text + "\" names no metric \"" + column + "\"" + (suggestion == null ? ""
        : " (did you mean '" + suggestion + "'?)") + "; expected a timeseries.csv column (docs/OUTPUTS.md)");
  }

  private static String columns(List<Metric> metrics) {
    List<String> names = new ArrayList<>();
    for (Metric m : metrics) {
      names.add(m.column());
    }
    return String.join(", ", names);
  }

  public String name() {
    return name;
  }

  /** The validation target's id of a {@code validate.} statistic, else null. */
  public String target() {
    return target;
  }

  /** Whether the statistic needs the validation's firm panel (a {@code validate.} statistic). */
  public boolean needsPanel() {
    return target != null;
  }

  /**
   * The statistic of one run, NaN when it cannot be computed there (a share of no innovations, a
   * tail too short to fit, a ratio over a zero mean).
   *
   * @param panel the run's validation statistics; may be null unless {@link #needsPanel()}
   */
  public double value(RunSummary summary, RunStatistics panel) {
    return switch (kind) {
      case "share" -> orNaN(switch (share) {
        case "firms" -> summary.privateShares().firms();
        case "employment" -> summary.privateShares().employment();
        case "innovation" -> summary.privateShares().innovation();
        case "output" -> summary.privateShares().output();
        case "tax" -> summary.privateShares().tax();
        default -> summary.privateShares().cumulativeInnovation();
      });
      case "validate" -> panel.value(target);
      case "mean" -> orNaN(summary.stats(metric).mean());
      case "final" -> summary.stats(metric).finalValue();
      case "growth" -> orNaN(summary.stats(metric).growthPerStep());
      case "total" -> orNaN(summary.stats(metric).total());
      default -> {
        double top = orNaN(summary.stats(metric).mean());
        double bottom = orNaN(summary.stats(denominator).mean());
        yield bottom == 0 ? Double.NaN : top / bottom;
      }
    };
  }

  private static double orNaN(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : Double.NaN;
  }
}
