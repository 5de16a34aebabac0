package org.nqpf.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The file formats of a run's or a sweep's tables ({@code --format}, an experiment's
 * {@code formats}): CSV always (the summary, the charts, {@code verify} and {@code merge} read it),
 * and Parquet besides when asked for (docs/OUTPUTS.md, "Parquet").
 */
public enum OutputFormats {
  CSV,
  CSV_AND_PARQUET;

  private static final String ALLOWED = "expected csv (the default) or csv,parquet: the CSV files are always written";

  /** Whether Parquet copies are written. */
  public boolean parquet() {
    return this == CSV_AND_PARQUET;
  }

  /** The formats as the option and the experiment file list them: {@code csv} or {@code csv,parquet}. */
  public List<String> names() {
    return parquet() ? List.of("csv", "parquet") : List.of("csv");
  }

  /** Reads {@code csv} or {@code csv,parquet} (any case, any order) given as {@code at}. */
  public static OutputFormats parse(String at, String text) {
    List<String> names = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      names.add(part.trim().toLowerCase(Locale.ROOT));
    }
    return of(at, names, text);
  }

  /** The formats of a list of names; {@code shown} is the value as the user gave it, for the refusal. */
  static OutputFormats of(String at, List<String> names, String shown) {
    boolean csv = false;
    boolean parquet = false;
    for (String name : names) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.equals("csv") && !csv) {
        csv = true;
      } else if (n.equals("parquet") && !parquet) {
        parquet = true;
      } else {
        throw new ConfigException(at, "value \"" + shown + "\" is not allowed (" + (n.equals("csv") || n.equals("parquet")
            ? "'" + n + "' is given twice" : "unknown format '" + name + "'") + "); " + ALLOWED);
      }
    }
    if (!csv) {
      throw new ConfigException(at, "value \"" + shown + "\" is not allowed (csv is missing); " + ALLOWED);
    }
    return parquet ? CSV_AND_PARQUET : CSV;
  }
}
