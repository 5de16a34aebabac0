package org.nqpf.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.util.ResizableDoubleArray;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.InnovationListener;
import org.nqpf.model.InnovationType;
import org.nqpf.model.Metric;
import org.nqpf.model.Phase;
import org.nqpf.model.Relation;
import org.nqpf.model.SizeClass;
import org.nqpf.model.TimeSeries;
import org.nqpf.model.University;
import org.nqpf.report.AiObservations;
import org.nqpf.report.RunSummary;
import org.nqpf.stats.AiComparison;
import org.nqpf.stats.ExitHazard;
import org.nqpf.stats.TransitionMatrix;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.network.Edge;
import sim.util.Bag;

/**
 * Watches one run, read-only, for the validation: a {@link Steppable} scheduled after the
 * observation phase (ordering {@code Phase.values().length}) that reads every living firm each
 * step, and the model's {@link InnovationListener} for single innovations. It draws no random
 * numbers and changes nothing, so the run is the one {@code run} makes with the same seed.
 *
 * <p>When it runs, the observer has already advanced {@link EcosystemModel#currentStep()}, so the
 * step just simulated is {@code currentStep() − 1}; demography has removed the firms that exited
 * in it from {@link EcosystemModel#firms()} (they are found as firms of the previous step that are
 * no longer {@link Firm#isAlive() alive}). Only recorded steps (after the burn-in) enter the
 * statistics. Definitions (docs/VALIDATION.md):
 *
 * <ul>
 *   <li>exit hazard: every firm alive at the start of a step, or born in it, is at risk at its age
 *       (step − birth step) and exits or not; firms founded and closed within one step (spin-offs
 *       exit in the demography phase of the step that founded them) are counted from the step's
 *       {@code entries} metric as at risk at age 0 and exited;
 *   <li>innovations are own R&D (incremental, radical) and converted inventions; imitations are
 *       counted apart and enter none of the innovation statistics (a copy is not an innovation);
 *   <li>innovation classes in windows of {@code window} steps, for firms alive during the whole
 *       window: 0 none (no step with an innovation), 1 occasional (innovated in fewer than half of
 *       the window's steps), 2 persistent (in at least half);
 *   <li>growth: each firm's sales at the end of the burn-in and every 4 steps (a year) after; for
 *       firms alive at both ends of a year, g = ln S(t + 4) − ln S(t), and log size ln S(t), both
 *       minus their sector's mean that year (Bottazzi and Secchi 2003 normalise by sector);
 *   <li>innovation size: ln(T_after / T_before), the proportional productivity gain itself; and
 *       innovation value weighted by sales: that gain × the innovator's sales (its last step's
 *       sales), the output it affects, a proxy for the private value of the innovation.
 * </ul>
 */
public final class FirmPanelCollector implements Steppable, InnovationListener {
  private static final long serialVersionUID = 1L;

  /** Steps per year (one step is a quarter). */
  public static final int STEPS_PER_YEAR = 4;

  /** Steps per window of the innovation classes when none is given: two years. */
  public static final int DEFAULT_WINDOW = 8;

  /** The innovation classes, in index order. */
  public static final List<String> CLASSES = List.of("none", "occasional", "persistent");

  private final int burnIn;
  private final int window;
  private final int windows;

  private List<Firm> previous = new ArrayList<>();
  private int[] lastInnovations = new int[1024];
  private int[] windowSteps = new int[1024];
  private final List<int[]> panel = new ArrayList<>();

  private final ExitHazard hazard = new ExitHazard();
  private final ResizableDoubleArray values = new ResizableDoubleArray();
  private final ResizableDoubleArray gains = new ResizableDoubleArray();
  private final ResizableDoubleArray growthSize = new ResizableDoubleArray();
  private final ResizableDoubleArray growth = new ResizableDoubleArray();
  private final long[] innovationsBySize = new long[SizeClass.values().length];
  /** Imitations in the recorded steps: counted apart, never as innovations. */
  private long imitations;
  private final double[] employmentBySize = new double[SizeClass.values().length];
  private Snapshot lastSnapshot;
  private ProductivityDecomposition.Panel lastPanel;
  private final double[] productivityTerms = new double[5];
  private int productivityYears;

  /** Quarters after adoption at which the event study reads an adopter's output per worker. */
  public static final int EVENT_HORIZON = 8;
  /** Quarters before adoption over which the pre-trend (the placebo, row 2d) is read. */
  public static final int PRE_TREND = 4;
  /** Steps of ln(output per worker) kept per firm: from the step before adoption to the horizon. */
  private static final int RING = Math.max(EVENT_HORIZON, PRE_TREND) + 2;
  /** Per firm id, ln(output per production worker) of the last {@link #RING} steps, by step modulo that (NaN: none). */
  private double[][] recentLogOutputPerWorker = new double[1024][];
  /** Open events by firm id: {adoption step, ln output per worker the step before}. */
  private final java.util.TreeMap<Integer, double[]> openEvents = new java.util.TreeMap<>();
  private final ResizableDoubleArray eventEffects = new ResizableDoubleArray();
  private final ResizableDoubleArray preTrends = new ResizableDoubleArray();

  private FirmPanelCollector(Scenario scenario, int window) {
    this.burnIn = scenario.burnIn();
    this.window = window;
    this.windows = scenario.steps() / window;
  }

  /** Runs {@code scenario} (its seed included) to the end with a collector and returns what it saw. */
  public static RunObservations run(Scenario scenario) {
    return run(scenario, DEFAULT_WINDOW);
  }

  /** As {@link #run(Scenario)}, with innovation-class windows of {@code window} steps. */
  public static RunObservations run(Scenario scenario, int window) {
    return collect(scenario, window).observations();
  }

  /** What one run observed, with the run's time series (the same as {@code run}'s). */
  public record Panel(RunObservations observations, TimeSeries series) {}

  /** As {@link #run(Scenario)}, with the run's time series too (for statistics of both kinds). */
  public static Panel runWithSeries(Scenario scenario) {
    return collect(scenario, DEFAULT_WINDOW);
  }

  private static Panel collect(Scenario scenario, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1: " + window);
    }
    EcosystemModel model = new EcosystemModel(scenario);
    FirmPanelCollector collector = new FirmPanelCollector(scenario, window);
    model.setInnovationListener(collector);
    model.start();
    collector.previous = new ArrayList<>(model.firms());
    for (Firm f : collector.previous) {
      collector.remember(f);
    }
    model.schedule.scheduleRepeating(Schedule.EPOCH, Phase.values().length, collector, 1.0);
    model.stepToEnd(null);
    model.finish();
    return new Panel(collector.observations(model), model.series());
  }

  @Override
  public void innovated(Firm firm, InnovationType type, double technologyBefore, double technologyAfter, long step) {
    if (step < burnIn || !(technologyAfter > 0) || !(technologyBefore > 0)) {
      return;
    }
    if (type == InnovationType.IMITATED) {
      imitations++;
      return;
    }
    double gain = Math.max(0, StrictMath.log(technologyAfter / technologyBefore));
    gains.addElement(gain);
    values.addElement(gain * Math.max(0, firm.getSales()));
    innovationsBySize[firm.getSizeClass().ordinal()]++;
  }

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    long step = model.currentStep() - 1;
    List<Firm> current = new ArrayList<>(model.firms());
    boolean recorded = step >= burnIn;
    if (recorded) {
      observeExits(model, step, current);
      for (Firm f : current) {
        employmentBySize[f.getSizeClass().ordinal()] += f.getEmployment();
      }
    }
    for (Firm f : current) {
      remember(f);
      int total = f.getInnovationsTotal() - f.getInnovations(InnovationType.IMITATED);
      boolean innovated = total > lastInnovations[f.getId()];
      lastInnovations[f.getId()] = total;
      if (recorded && innovated) {
        windowSteps[f.getId()]++;
      }
    }
    observeAdoptions(step, current);
    if (recorded && (step - burnIn) % window == window - 1 && (step - burnIn) / window < windows) {
      closeWindow((int) ((step - burnIn) / window), step - window + 1, current);
    }
    if (step >= burnIn - 1 && (step - (burnIn - 1)) % STEPS_PER_YEAR == 0) {
      Snapshot snapshot = Snapshot.of(current);
      ProductivityDecomposition.Panel panel = productivityPanel(current);
      if (lastSnapshot != null) {
        addGrowth(lastSnapshot, snapshot);
        ProductivityDecomposition.Terms t = ProductivityDecomposition.of(lastPanel, panel);
        double[] terms = {t.within(), t.between(), t.cross(), t.entry(), t.exit()};
        for (int k = 0; k < terms.length; k++) {
          productivityTerms[k] += terms[k];
        }
        productivityYears++;
      }
      lastSnapshot = snapshot;
      lastPanel = panel;
    }
    previous = current;
  }

  private void observeExits(EcosystemModel model, long step, List<Firm> current) {
    for (Firm f : previous) {
      hazard.record((int) (step - f.getBorn()), !f.isAlive() && f.getExitStep() == step);
    }
    int bornSeen = 0;
    for (Firm f : current) {
      if (f.getBorn() == step) {
        hazard.record(0, false);
        bornSeen++;
      }
    }
    TimeSeries series = model.series();
    int bornAll = (int) series.get(series.size() - 1, Metric.ENTRIES);
    if (bornAll > bornSeen) {
      hazard.record(0, bornAll - bornSeen, bornAll - bornSeen);
    }
  }

  private void closeWindow(int w, long start, List<Firm> current) {
    for (Firm f : current) {
      int id = f.getId();
      if (f.getBorn() < start) {
        while (panel.size() <= id) {
          panel.add(null);
        }
        if (panel.get(id) == null) {
          int[] row = new int[windows];
          Arrays.fill(row, -1);
          panel.set(id, row);
        }
        int k = windowSteps[id];
        panel.get(id)[w] = k == 0 ? 0 : 2 * k < window ? 1 : 2;
      }
    }
    Arrays.fill(windowSteps, 0);
  }

  private void remember(Firm f) {
    int id = f.getId();
    if (id >= lastInnovations.length) {
      int size = Math.max(id + 1, lastInnovations.length * 2);
      lastInnovations = Arrays.copyOf(lastInnovations, size);
      windowSteps = Arrays.copyOf(windowSteps, size);
    }
    if (id >= recentLogOutputPerWorker.length) {
      recentLogOutputPerWorker = Arrays.copyOf(recentLogOutputPerWorker, Math.max(id + 1, recentLogOutputPerWorker.length * 2));
    }
  }

  /**
   * The event study around AI adoption (validate rows 2c and 2d; Brynjolfsson, Rock and Syverson
   * 2021), on ln(output per production worker). A firm adopting this step, with values the step
   * before and {@link #PRE_TREND} steps before that inside the recorded steps, opens an event; its
   * pre-trend (2d) is its change over those steps less the mean change of the non-adopters of its
   * sector and ownership with values at both steps; {@link #EVENT_HORIZON} steps after adoption, if
   * it still produces, its effect (2c) is its change since the step before adoption less the mean
   * change, over the same steps, of the non-adopters of its cell that produced at both (so both
   * sides are survivors of the window: a difference in differences against matched non-adopters).
   */
  private void observeAdoptions(long step, List<Firm> current) {
    for (Firm f : current) {
      int id = f.getId();
      if (recentLogOutputPerWorker[id] == null) {
        recentLogOutputPerWorker[id] = new double[RING];
        Arrays.fill(recentLogOutputPerWorker[id], Double.NaN);
      }
      double workers = f.getWorkers();
      double quantity = f.getQuantity();
      recentLogOutputPerWorker[id][(int) (step % RING)] = workers > 0 && quantity > 0
          ? StrictMath.log(quantity / workers) : Double.NaN;
    }
    // Every event opening this step compares the same two steps, and every event closing this step
    // the same two: the non-adopters' mean changes are taken once a step per cell, when needed.
    double[] preControl = null;
    double[] effectControl = null;
    for (Firm f : current) {
      int id = f.getId();
      if (f.isAiAdopter() && f.getAiAdoptedStep() == step && step - 1 - PRE_TREND >= burnIn) {
        double base = value(id, step - 1);
        double early = value(id, step - 1 - PRE_TREND);
        if (preControl == null) {
          preControl = controlChanges(current, step - 1 - PRE_TREND, step - 1);
        }
        double control = preControl[cell(f)];
        if (Double.isFinite(base) && Double.isFinite(early) && Double.isFinite(control)) {
          preTrends.addElement(base - early - control);
          openEvents.put(id, new double[] {step, base});
        }
      }
      double[] event = openEvents.get(id);
      if (event != null && step == (long) event[0] + EVENT_HORIZON) {
        double now = value(id, step);
        if (effectControl == null) {
          effectControl = controlChanges(current, step - EVENT_HORIZON - 1, step);
        }
        double control = effectControl[cell(f)];
        if (Double.isFinite(now) && Double.isFinite(control)) {
          eventEffects.addElement(now - event[1] - control);
        }
        openEvents.remove(id);
      }
    }
  }

  /** ln(output per worker) of firm {@code id} at {@code step}, one of the last {@link #RING} steps (NaN: none). */
  private double value(int id, long step) {
    double[] ring = recentLogOutputPerWorker[id];
    return ring == null ? Double.NaN : ring[(int) (step % RING)];
  }

  /**
   * Per cell (sector × ownership), the mean change from {@code from} to {@code to} of the current
   * non-adopters born by {@code from} with values at both steps (NaN for a cell without any).
   */
  private double[] controlChanges(List<Firm> current, long from, long to) {
    int cells = org.nqpf.model.Sector.values().length * org.nqpf.model.Ownership.values().length;
    double[] sum = new double[cells];
    int[] n = new int[cells];
    for (Firm g : current) {
      if (!g.isAiAdopter() && g.getBorn() <= from) {
        double a = value(g.getId(), from);
        double b = value(g.getId(), to);
        if (Double.isFinite(a) && Double.isFinite(b)) {
          sum[cell(g)] += b - a;
          n[cell(g)]++;
        }
      }
    }
    for (int c = 0; c < cells; c++) {
      sum[c] = n[c] > 0 ? sum[c] / n[c] : Double.NaN;
    }
    return sum;
  }

  private static int cell(Firm f) {
    return f.getSector().ordinal() * org.nqpf.model.Ownership.values().length + f.getOwnership().ordinal();
  }



  private void addGrowth(Snapshot before, Snapshot after) {
    int sectors = org.nqpf.model.Sector.values().length;
    List<int[]> pairs = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < before.ids.length && j < after.ids.length) {
      if (before.ids[i] < after.ids[j]) {
        i++;
      } else if (before.ids[i] > after.ids[j]) {
        j++;
      } else {
        pairs.add(new int[] {i, j});
        i++;
        j++;
      }
    }
    double[] sumGrowth = new double[sectors];
    double[] sumSize = new double[sectors];
    int[] count = new int[sectors];
    double[] g = new double[pairs.size()];
    double[] s = new double[pairs.size()];
    for (int p = 0; p < pairs.size(); p++) {
      int a = pairs.get(p)[0];
      int b = pairs.get(p)[1];
      s[p] = StrictMath.log(before.sales[a]);
      g[p] = StrictMath.log(after.sales[b]) - s[p];
      int sector = before.sectors[a];
      sumGrowth[sector] += g[p];
      sumSize[sector] += s[p];
      count[sector]++;
    }
    for (int p = 0; p < pairs.size(); p++) {
      int sector = before.sectors[pairs.get(p)[0]];
      growth.addElement(g[p] - sumGrowth[sector] / count[sector]);
      growthSize.addElement(s[p] - sumSize[sector] / count[sector]);
    }
  }

  private RunObservations observations(EcosystemModel model) {
    Scenario scenario = model.scenario();
    TimeSeries series = model.series();
    RunSummary.PrivateShares shares = RunSummary.compute(series, scenario, null).privateShares();
    double[] privateShares = {nan(shares.firms()), nan(shares.employment()), nan(shares.innovation()),
        nan(shares.output()), nan(shares.tax())};
    AiComparison.Result ai = AiComparison.compare(AiObservations.observe(model.firms()));
    List<Firm> firms = model.firms();
    double[] employment = new double[firms.size()];
    double[] output = new double[firms.size()];
    int[] firmDegrees = new int[firms.size()];
    for (int k = 0; k < firms.size(); k++) {
      Firm f = firms.get(k);
      employment[k] = f.getEmployment();
      output[k] = f.getSales();
      firmDegrees[k] = alliances(model, f);
    }
    List<University> universities = model.universities();
    int[] universityDegrees = new int[universities.size()];
    for (int k = 0; k < universities.size(); k++) {
      universityDegrees[k] = alliances(model, universities.get(k));
    }
    int[][] rows = panel.stream().filter(r -> r != null).toArray(int[][]::new);
    double[] rates = turnover(series, scenario);
    return new RunObservations(scenario.seed(), privateShares, ai.productionEfficiency().value(), ai.rdCycle().value(),
        employment, output, values.getElements(), gains.getElements(), growthSize.getElements(), growth.getElements(),
        hazard, TransitionMatrix.of(rows, CLASSES.size()), innovationsBySize.clone(), employmentBySize.clone(),
        firmDegrees, universityDegrees, rates[0], rates[1], keySeries(series),
        meanProductivityTerms(), imitations, eventEffects.getElements(), preTrends.getElements());
  }

  /** The firms with positive employment and output, by id, for the productivity decomposition. */
  private static ProductivityDecomposition.Panel productivityPanel(List<Firm> firms) {
    List<Firm> producing = firms.stream().filter(f -> f.getEmployment() > 0 && f.getQuantity() > 0
        && Double.isFinite(f.getEmployment()) && Double.isFinite(f.getQuantity())).toList();
    int[] ids = new int[producing.size()];
    double[] employment = new double[ids.length];
    double[] output = new double[ids.length];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = producing.get(k).getId();
      employment[k] = producing.get(k).getEmployment();
      output[k] = producing.get(k).getQuantity();
    }
    return new ProductivityDecomposition.Panel(ids, employment, output);
  }

  /** The mean annual terms of the productivity decomposition over the recorded years (NaN without a year). */
  private double[] meanProductivityTerms() {
    double[] mean = new double[productivityTerms.length];
    for (int k = 0; k < mean.length; k++) {
      mean[k] = productivityYears > 0 ? productivityTerms[k] / productivityYears : Double.NaN;
    }
    return mean;
  }

  private static double[][] keySeries(TimeSeries series) {
    KeySeries[] all = KeySeries.values();
    double[][] result = new double[all.length][];
    for (KeySeries k : all) {
      result[k.ordinal()] = k.of(series);
    }
    return result;
  }

  /** Mean annual entry and exit rates over the full years after the burn-in. */
  static double[] turnover(TimeSeries series, Scenario scenario) {
    int burnIn = Math.min(scenario.burnIn(), series.size());
    double entry = 0;
    double exit = 0;
    int years = 0;
    for (int start = burnIn; start + STEPS_PER_YEAR <= series.size(); start += STEPS_PER_YEAR) {
      double firmsAtStart = start > 0 ? series.get(start - 1, Metric.FIRMS) : scenario.firms().count();
      if (!(firmsAtStart > 0)) {
        continue;
      }
      double entries = 0;
      double exits = 0;
      for (int s = start; s < start + STEPS_PER_YEAR; s++) {
        entries += series.get(s, Metric.ENTRIES);
        exits += series.get(s, Metric.EXITS);
      }
      entry += entries / firmsAtStart;
      exit += exits / firmsAtStart;
      years++;
    }
    return years > 0 ? new double[] {entry / years, exit / years} : new double[] {Double.NaN, Double.NaN};
  }

  private static int alliances(EcosystemModel model, Object node) {
    Bag edges = model.network().getEdges(node, null);
    int degree = 0;
    for (int i = 0; i < edges.numObjs; i++) {
      if (((Edge) edges.objs[i]).info instanceof Relation r && r.type() == Relation.Type.ALLIANCE) {
        degree++;
      }
    }
    return degree;
  }

  private static double nan(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : Double.NaN;
  }

  /** Sales of the living firms with positive sales, by id. */
  private record Snapshot(int[] ids, int[] sectors, double[] sales) {
    static Snapshot of(List<Firm> firms) {
      List<Firm> selling = firms.stream().filter(f -> f.getSales() > 0 && Double.isFinite(f.getSales())).toList();
      int[] ids = new int[selling.size()];
      int[] sectors = new int[selling.size()];
      double[] sales = new double[selling.size()];
      for (int k = 0; k < selling.size(); k++) {
        ids[k] = selling.get(k).getId();
        sectors[k] = selling.get(k).getSector().ordinal();
        sales[k] = selling.get(k).getSales();
      }
      return new Snapshot(ids, sectors, sales);
    }
  }
}
