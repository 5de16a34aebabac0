package org.nqpf.validation;

import java.util.Locale;
import java.util.Objects;
import org.nqpf.stats.Replications;

/**
 * One line of the validation table: a statistic of the model, what the world (the article or the
 * literature) says of it, and how the verdict is reached. The verdict is honest by construction:
 * PASS only when the whole 95% confidence interval across replications lies on the right side of
 * the threshold ({@link Kind#ABOVE}, {@link Kind#BELOW}) or inside the band ({@link Kind#BAND});
 * MISS otherwise, also when the statistic could not be computed in at least two replications;
 * INFO for a descriptive statistic without a numeric target, and for a quantity that is an input
 * of the model ({@link Origin#INPUT}): a parameter's own value measured back is never scored.
 *
 * @param id short id, numbered by the item (1a, 1b, …)
 * @param item the stylized fact
 * @param statistic what is measured, in words
 * @param kind how the verdict is reached
 * @param low the threshold (ABOVE) or the band's lower end (BAND)
 * @param high the threshold (BELOW) or the band's upper end (BAND)
 * @param reference where the target comes from
 * @param origin whether the quantity is set by the model's inputs, was a calibration target, or
 *     is an outcome nothing was fitted to
 */
public record Target(String id, String item, String statistic, Kind kind, double low, double high, String reference,
    Origin origin) {

  /** How a target is judged. */
  public enum Kind { ABOVE, BELOW, BAND, INFO }

  /**
   * Where the quantity comes from. INPUT: it follows from a parameter or an initial condition
   * (reported, never scored). CALIBRATED: an outcome, but parameters were chosen to meet it, so a
   * PASS is in-sample. OUTCOME: nothing in the model was set or fitted to it.
   */
  public enum Origin {
    INPUT, CALIBRATED, OUTCOME;

    /** The origin in lower case, as the tables print it. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The verdicts. */
  public enum Verdict { PASS, MISS, INFO }

  public Target {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(origin, "origin");
  }

  static Target above(String id, String item, String statistic, double threshold, String reference) {
    return new Target(id, item, statistic, Kind.ABOVE, threshold, Double.NaN, reference, Origin.OUTCOME);
  }

  static Target band(String id, String item, String statistic, double low, double high, String reference) {
    return new Target(id, item, statistic, Kind.BAND, low, high, reference, Origin.OUTCOME);
  }

  static Target info(String id, String item, String statistic, String reference) {
    return new Target(id, item, statistic, Kind.INFO, Double.NaN, Double.NaN, reference, Origin.OUTCOME);
  }

  /** This target with another origin. */
  Target from(Origin other) {
    return new Target(id, item, statistic, kind, low, high, reference, other);
  }

  /** The target as text: "&gt; 0.5", "[1.8, 2.2]" or empty (no numeric target). */
  public String targetText() {
    return switch (kind) {
      case ABOVE -> "> " + plain(low);
      case BELOW -> "< " + plain(high);
      case BAND -> "[" + plain(low) + ", " + plain(high) + "]";
      case INFO -> "";
    };
  }

  /** The verdict on the statistics across replications. */
  public Verdict verdict(Replications.Stats stats) {
    if (kind == Kind.INFO || origin == Origin.INPUT) {
      return Verdict.INFO;
    }
    if (stats.n() < 2 || !Double.isFinite(stats.ciLow()) || !Double.isFinite(stats.ciHigh())) {
      return Verdict.MISS;
    }
    boolean pass = switch (kind) {
      case ABOVE -> stats.ciLow() > low;
      case BELOW -> stats.ciHigh() < high;
      case BAND -> stats.ciLow() >= low && stats.ciHigh() <= high;
      case INFO -> false;
    };
    return pass ? Verdict.PASS : Verdict.MISS;
  }

  private static String plain(double value) {
    String s = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
