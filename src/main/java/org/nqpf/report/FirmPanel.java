package org.nqpf.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.InnovationType;
import org.nqpf.model.Loan;
import org.nqpf.model.Ownership;
import org.nqpf.model.Sector;

/**
 * The firm-level panel of one run ({@code run --firm-panel K}, an experiment's {@code firmPanel: K}):
 * one row per firm alive at the end of every K-th recorded step, starting with the first step after
 * the burn-in (docs/OUTPUTS.md, "firm-panel.csv"). {@link #observe} is called after every step;
 * the rows are kept until the run ends, because a firm's {@code exitStep}, written on each of its
 * rows, is known only then (about 200 bytes a row: 15 snapshots of 300 firms are under 1 MB).
 */
public final class FirmPanel {
  public static final String FILE = "firm-panel.csv";

  /** A panel column: its name, whether it holds whole numbers (or text), its unit and meaning. */
  public record Column(String name, Kind kind, String unit, String meaning) {}

  /** How a column is written and typed in Parquet. */
  public enum Kind {
    INTEGER,
    REAL,
    TEXT
  }

  /** The columns after a sweep's {@code run, point, replication}, in file order. */
  public static final List<Column> COLUMNS = List.of(
      new Column("step", Kind.INTEGER, "step", "The step the row describes (as in timeseries.csv): the firm's state at its end."),
      new Column("firm", Kind.INTEGER, "id", "The firm's id, unique within a run (never reused)."),
      new Column("born", Kind.INTEGER, "step", "The step the firm was founded in (0 for the firms of the initial economy)."),
      new Column("ownership", Kind.TEXT, "", "PRIVATE or SOE at the end of the step (a privatised SOE changes)."),
      new Column("sector", Kind.TEXT, "", "TRADITIONAL, STRATEGIC_EMERGING or FUTURE."),
      new Column("x", Kind.REAL, "space units", "Location, horizontal coordinate in the model's space."),
      new Column("y", Kind.REAL, "space units", "Location, vertical coordinate."),
      new Column("workers", Kind.REAL, "workers", "Production workers."),
      new Column("rdStaff", Kind.REAL, "workers", "R&D staff: researchers, technicians and leading scientists."),
      new Column("employment", Kind.REAL, "workers", "workers + rdStaff (summed over firms: timeseries `employment`)."),
      new Column("sales", Kind.REAL, "money/quarter", "Nominal sales this step (summed over firms: timeseries `output`)."),
      new Column("valueAdded", Kind.REAL, "money/quarter", "Nominal value added: its sales if it produced this step, else 0."
          + " Firms buy no intermediate inputs, so value added is sales, as in the national accounts (`gdp`)."),
      new Column("rdSpending", Kind.REAL, "money/quarter", "R&D spent this step (summed: timeseries `rdSpending`)."),
      new Column("knowledge", Kind.REAL, "innovator-quarters", "Knowledge stock K: innovators' effort accumulated,"
          + " depreciated at knowledgeDepreciation a step (innovation arrivals; 0 under one draw a step)."),
      new Column("innovationsIncremental", Kind.INTEGER, "count", "Incremental innovations adopted, cumulative since birth."),
      new Column("innovationsRadical", Kind.INTEGER, "count", "Radical innovations adopted, cumulative since birth."),
      new Column("innovationsConverted", Kind.INTEGER, "count", "University inventions converted, cumulative since birth."),
      new Column("innovationsImitated", Kind.INTEGER, "count", "Imitations adopted, cumulative since birth."),
      new Column("aiLevel", Kind.REAL, "[0, 1]", "AI level ℓ (0: not adopted)."),
      new Column("debt", Kind.REAL, "money", "Principal outstanding over all its loans (summed: timeseries `debt`)."),
      new Column("guaranteed", Kind.INTEGER, "0/1", "1 if any of its outstanding loans is covered by a guarantee fund."),
      new Column("exitStep", Kind.INTEGER, "step", "The step in which the firm left (insolvent or negligible share),"
          + " on every one of its rows; empty if it was alive at the end of the run."));

  private static final InnovationType[] TYPES = InnovationType.values();

  private final int every;
  private final int burnIn;
  /** One row of values (in {@link #COLUMNS} order, text as ordinals) per firm and recorded step. */
  private final List<double[]> rows = new ArrayList<>();
  private final List<Firm> firms = new ArrayList<>();

  /** A panel of every {@code every}-th recorded step of a run with {@code burnIn} burn-in steps. */
  public FirmPanel(int every, int burnIn) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1, not " + every);
    }
    this.every = every;
    this.burnIn = burnIn;
  }

  public int every() {
    return every;
  }

  /** Whether step {@code step} is in the panel: the first recorded step and every {@code every}-th after it. */
  public boolean records(long step) {
    return step >= burnIn && (step - burnIn) % every == 0;
  }

  /**
   * Takes the rows of the step that {@code model} has just observed (call it after each
   * {@code schedule.step}): every living firm, in id order, if the step is in the panel.
   */
  public void observe(EcosystemModel model) {
    long step = model.currentStep() - 1;
    if (!records(step)) {
      return;
    }
    List<Firm> living = new ArrayList<>(model.firms());
    living.sort(Comparator.comparingInt(Firm::getId));
    for (Firm f : living) {
      boolean guaranteed = false;
      for (Loan loan : f.getLoans()) {
        guaranteed |= loan.isGuaranteed();
      }
      rows.add(new double[] {
          step, f.getId(), f.getBorn(), f.getOwnership().ordinal(), f.getSector().ordinal(),
          f.getLocation().x, f.getLocation().y, f.getWorkers(), f.getRdStaff(), f.getEmployment(), f.getSales(),
          f.getProducedStep() == step ? f.getSales() : 0, f.getRdSpending(), f.getKnowledge(),
          f.getInnovations(TYPES[0]), f.getInnovations(TYPES[1]), f.getInnovations(TYPES[2]), f.getInnovations(TYPES[3]),
          f.getAiLevel(), f.getDebt(), guaranteed ? 1 : 0});
      firms.add(f);
    }
  }

  /** How many rows the panel holds. */
  public int size() {
    return rows.size();
  }

  /** The header line, with {@code prefix} columns first (a sweep's {@code run,point,replication}). */
  public static String header(String prefix) {
    StringBuilder sb = new StringBuilder(prefix);
    for (Column c : COLUMNS) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(c.name());
    }
    return sb.append('\n').toString();
  }

  /**
   * Appends the rows as CSV (as timeseries.csv writes numbers), each starting with {@code prefix}
   * (empty for a run, {@code "run,point,replication,"} for a sweep).
   */
  public void appendRows(StringBuilder sb, String prefix) {
    for (int r = 0; r < rows.size(); r++) {
      double[] row = rows.get(r);
      Firm firm = firms.get(r);
      sb.append(prefix);
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        Column column = COLUMNS.get(c);
        if (column.name().equals("ownership")) {
          sb.append(Ownership.values()[(int) row[c]].name());
        } else if (column.name().equals("sector")) {
          sb.append(Sector.values()[(int) row[c]].name());
        } else {
          sb.append(TimeSeriesCsv.formatNumber(row[c], column.kind() == Kind.INTEGER));
        }
      }
      sb.append(',');
      if (!firm.isAlive()) {
        sb.append(firm.getExitStep());
      }
      sb.append('\n');
    }
  }

  /** The Parquet types of {@link #COLUMNS}, in order. */
  public static Map<String, ParquetOutput.Type> parquetTypes() {
    Map<String, ParquetOutput.Type> types = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      types.put(c.name(), switch (c.kind()) {
        case INTEGER -> ParquetOutput.Type.BIGINT;
        case REAL -> ParquetOutput.Type.DOUBLE;
        case TEXT -> ParquetOutput.Type.VARCHAR;
      });
    }
    return types;
  }

  /** The whole file of a run: header and rows. */
  public String csv() {
    StringBuilder sb = new StringBuilder(header(""));
    appendRows(sb, "");
    return sb.toString();
  }
}
