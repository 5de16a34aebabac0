package org.nqpf.gui;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.EnumSet;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.nqpf.config.Scenario;
import org.nqpf.experiment.Checkpoint;
import org.nqpf.model.Bank;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.Relation;
import org.nqpf.model.University;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.display.Prefs;
import sim.engine.SimState;
import sim.field.continuous.Continuous2D;
import sim.portrayal.Inspector;
import sim.portrayal.SimplePortrayal2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.network.NetworkPortrayal2D;
import sim.portrayal.network.SpatialNetwork2D;
import sim.util.Double2D;

/**
 * The MASON GUI of the ecosystem model: a {@link Display2D} with a legend panel on the left and
 * the region on the right, drawn in layers (parks, loans, alliances, government, banks, recent
 * exits, firms, universities; each can be hidden from the display's layer menu), live charts of
 * {@code model.series()}, and the policy levers as sliders in the model inspector. The GUI draws
 * no random numbers from the model and puts nothing on its schedule, so a run is the same with or
 * without it, unless the viewer moves a lever. The Console stops at the scenario's last step.
 */
public class EcosystemWithUI extends GUIState {
  /** Size of the region's square in the display, in pixels. */
  static final int REGION_SIZE = 720;
  /** Width of the legend panel left of the region, in pixels. */
  static final int PANEL_WIDTH = 250;

  public Display2D display;
  public JFrame displayFrame;

  private final ParksPortrayal parks;
  private final NetworkPortrayal2D loans = new NetworkPortrayal2D();
  private final NetworkPortrayal2D alliances = new NetworkPortrayal2D();
  private final ContinuousPortrayal2D banks = new ContinuousPortrayal2D();
  private final ContinuousPortrayal2D firms = new ContinuousPortrayal2D();
  private final ContinuousPortrayal2D universities = new ContinuousPortrayal2D();
  private final GovernmentPortrayal government;
  private final ExitsPortrayal exits;
  private final TalentMovesPortrayal talentMoves;
  private final OverlayPortrayal overlay;
  private final LiveCharts charts;
  private final Levers levers = new Levers(this);
  /** Display-only positions of the banks, which have no place in the model's space. */
  private Continuous2D bankSpace;
  /** Mean sales of the firms alive, the reference for firm sizes; refreshed every step. */
  private double referenceSales = 1;

  /** The built-in baseline: what the Console's File → New Simulation opens (MASON needs a constructor without arguments). */
  public EcosystemWithUI() {
    this(Scenario.DEFAULT);
  }

  public EcosystemWithUI(Scenario scenario) {
    this(new EcosystemModel(scenario));
  }

  public EcosystemWithUI(EcosystemModel model) {
    super(model);
    Scenario s = model.scenario();
    parks = new ParksPortrayal(model::parks, s.region().parkRadius(), s.region().width(), s.region().height());
    overlay = new OverlayPortrayal(this);
    government = new GovernmentPortrayal(this);
    exits = new ExitsPortrayal(this);
    talentMoves = new TalentMovesPortrayal(this);
    charts = new LiveCharts();
  }

  public static String getName() {
    return "NQPF innovation ecosystem";
  }

  public static Object getInfo() {
    return "<h2>NQPF innovation ecosystem</h2><p>Private firms (blue) and SOEs (red), circle = traditional,"
        + " square = strategic emerging, diamond = future industry, size = log sales, yellow rim = AI adopter,"
        + " green halo = new start-up, purple halo = new spin-off, grey cross = recent exit."
        + " Universities are two-floor buildings: upstairs research (purple), downstairs pilot conversion"
        + " (orange). Green discs are industrial parks; lines are alliances and loans (dashed orange:"
        + " guaranteed); the government at the bottom links to firms with special loans and incubation grants."
        + " Move the policy levers in the Model tab while the model runs. See docs/GUI.md.</p>";
  }

  public EcosystemModel model() {
    return (EcosystemModel) state;
  }

  @Override
  public Object getSimulationInspectedObject() {
    return levers;
  }

  /**
   * The Model tab, updated after every step while the model runs (MASON's default model inspector
   * is not: it would show the figures of the moment it was built, step 0 and no firms, until
   * Refresh), and so showing the last step's figures when the run stops.
   */
  @Override
  public Inspector getInspector() {
    Inspector inspector = super.getInspector();
    if (inspector != null) {
      inspector.setVolatile(true);
    }
    return inspector;
  }

  /** The live charts' generators, in the order of {@link LiveCharts#SPECS}. */
  public List<sim.util.media.chart.TimeSeriesChartGenerator> chartGenerators() {
    return charts.generators();
  }

  /**
   * Starts a run. MASON's {@code GUIState.start} builds the model ({@code SimState.start}) before
   * it takes the schedule's lock, while the display paints under that lock on the event thread; the
   * world is built under the lock here, so that a paint never reads the firms while they are being
   * created (a paint during the build threw a ConcurrentModificationException in the GUI test).
   */
  @Override
  public void start() {
    synchronized (state.schedule) {
      super.start();
    }
    afterStartOrLoad();
  }

  /** When the Console stops the run: repaint once more, so that the display says it stopped. */
  @Override
  public void finish() {
    super.finish();
    if (display != null) {
      SwingUtilities.invokeLater(display::repaint);
    }
  }

  @Override
  public void load(SimState newState) {
    super.load(newState);
    afterStartOrLoad();
  }

  /**
   * Reads a checkpoint (the Console's File → Open, or {@code gui --checkpoint}) through the same
   * checked reader as {@code run --resume-from}: only the model's, MASON's and ten JDK classes are
   * accepted, within the reader's limits, and the model must be one of ours, started, and not past
   * its end.
   */
  @Override
  public boolean readNewStateFromCheckpoint(java.io.File file) {
    show(Checkpoint.read(file.toPath()));
    return true;
  }

  /** Replaces the running model by a model read from a checkpoint; the run continues from it. */
  public void show(EcosystemModel loaded) {
    finish();
    load(loaded);
  }

  private void afterStartOrLoad() {
    charts.reset();
    exits.reset(model());
    talentMoves.forget();
    model().setTalentMoveListener(talentMoves::moved);
    setupPortrayals();
    if (controller instanceof Console console) {
      console.setWhenShouldEnd(model().scenario().totalSteps());
    }
    scheduleRepeatingImmediatelyAfter(s -> afterStep());
    charts.update(model(), false);
    showStepInTitle();
  }

  /** After each model step: refresh what the display derives from the model, the charts and the display's title. */
  private void afterStep() {
    refreshReferenceSales();
    exits.afterStep(model());
    talentMoves.afterStep(model());
    charts.update(model(), false);
    showStepInTitle();
  }

  private void showStepInTitle() {
    if (displayFrame != null) {
      String title = displayTitle(model().currentStep());
      SwingUtilities.invokeLater(() -> {
        if (displayFrame != null) {
          displayFrame.setTitle(title);
        }
      });
    }
  }

  /** The display window's title, with the step it shows (as the task bar and window lists show it). */
  static String displayTitle(long step) {
    return "Region at step " + step + ": firms, universities, government, parks, alliances, loans";
  }

  /** Points every layer at the model's current fields (called after start() and load()). */
  void setupPortrayals() {
    EcosystemModel model = model();
    Scenario s = model.scenario();
    double w = s.region().width();
    double h = s.region().height();
    refreshReferenceSales();

    bankSpace = new Continuous2D(Math.max(1, w / 20), w, h);
    List<Bank> bankList = model.banks();
    for (int i = 0; i < bankList.size(); i++) {
      bankSpace.setObjectLocation(bankList.get(i), new Double2D(w * (i + 1) / (bankList.size() + 1), 1.5));
    }
    banks.setField(bankSpace);
    banks.setPortrayalForClass(Bank.class, new BankPortrayal());

    SpatialNetwork2D spatialNetwork = new SpatialNetwork2D(model.space(), model.network());
    spatialNetwork.setAuxiliaryField(bankSpace);
    loans.setField(spatialNetwork);
    loans.setPortrayalForAll(new RelationEdgePortrayal(EnumSet.of(Relation.Type.LOAN)));
    alliances.setField(spatialNetwork);
    alliances.setPortrayalForAll(new RelationEdgePortrayal(EnumSet.of(Relation.Type.ALLIANCE, Relation.Type.SPIN_OFF)));

    // two layers over the same space, so that the buildings stay on top of the firms around them
    SimplePortrayal2D nothing = new SimplePortrayal2D();
    firms.setField(model.space());
    firms.setPortrayalForClass(Firm.class, new FirmPortrayal(() -> referenceSales, model::currentStep));
    firms.setPortrayalForClass(University.class, nothing);
    universities.setField(model.space());
    universities.setPortrayalForClass(University.class, new UniversityPortrayal(s.region().downstairsRadius()));
    universities.setPortrayalForClass(Firm.class, nothing);

    if (display != null) {
      display.reset();
      display.setBackdrop(Palette.BACKGROUND);
      display.repaint();
    }
  }

  private void refreshReferenceSales() {
    double total = 0;
    int n = 0;
    for (Firm f : model().firms()) {
      total += f.getSales();
      n++;
    }
    referenceSales = n == 0 || total <= 0 ? 1 : total / n;
  }

  /**
   * The display with all layers attached, without a frame (the tests use it directly): the legend
   * panel on the left, the region's square on the right, so that the legend covers nothing.
   */
  public Display2D createDisplay() {
    Display2D d = new Display2D(PANEL_WIDTH + REGION_SIZE, REGION_SIZE, this);
    d.setClipping(false);
    d.setBackdrop(Color.WHITE);
    Rectangle2D.Double region = new Rectangle2D.Double(PANEL_WIDTH, 0, REGION_SIZE, REGION_SIZE);
    d.attach(parks, "Industrial parks", region);
    d.attach(loans, "Loans (dashed orange: guaranteed)", region);
    d.attach(alliances, "Alliances and spin-offs", region);
    d.attach(talentMoves, "Talent moves (last 3 steps)", region);
    d.attach(government, "Government, special loans and incubation grants", region);
    d.attach(banks, "Banks (display positions)", region);
    d.attach(exits, "Recent exits", region);
    d.attach(firms, "Firms", region);
    d.attach(universities, "Universities (upstairs / downstairs)", region);
    d.attach(overlay, "Legend and step", new Rectangle2D.Double(0, 0, PANEL_WIDTH, REGION_SIZE));
    return d;
  }

  /**
   * Shows or hides the marks of recent exits. They are the display's memory of the last steps, not
   * part of the model, so they start empty after a checkpoint is opened; the test comparing a
   * checkpoint's picture with the original hides them.
   */
  void setRecentExitsShown(boolean shown) {
    exits.setShown(shown);
  }

  /** The talent moves the display shows now (for tests). */
  List<TalentMovesPortrayal.Move> recentTalentMoves() {
    return talentMoves.moves();
  }

  /** The exits the display shows now (display-only memory; for tests). */
  List<ExitsPortrayal.Ghost> recentExits() {
    return exits.ghosts();
  }

  /** How many times the display has been painted since the GUI was made. */
  public long displayPaints() {
    return overlay.paints();
  }

  /** The levers the Model tab shows. */
  Levers levers() {
    return levers;
  }

  /**
   * The Console, set to stop at the scenario's last step (the Console sets its own default after
   * {@link #init}), with the windows laid out by {@link WindowLayout} unless the viewer saved
   * window positions with the Console's "Window Position Defaults: Save", which MASON has then
   * restored.
   */
  @Override
  public Controller createController() {
    Controller c = super.createController();
    if (c instanceof Console console) {
      console.setWhenShouldEnd(model().scenario().totalSteps());
      if (Prefs.getAppPreferences(this, Console.DEFAULT_PREFERENCES_KEY).getInt(Console.NUM_DISPLAYS_KEY, -1) == -1) {
        layOut(console);
      }
    }
    return c;
  }

  /** Places the display, the Console and the charts on the screen (see {@link WindowLayout}). */
  private void layOut(Console console) {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    WindowLayout layout = WindowLayout.on(screen, displayFrame.getSize(), charts.frames().size());
    displayFrame.setBounds(layout.display());
    console.setBounds(layout.console());
    console.validate();
    for (int i = 0; i < charts.frames().size(); i++) {
      JFrame frame = charts.frames().get(i);
      frame.setBounds(layout.charts().get(i));
      frame.setVisible(i < layout.chartsShown());
    }
  }

  /** The chart windows, in the order of {@link LiveCharts#SPECS}. */
  public List<JFrame> chartFrames() {
    return charts.frames();
  }

  @Override
  public void init(Controller controller) {
    super.init(controller);
    display = createDisplay();
    displayFrame = display.createFrame();
    displayFrame.setTitle(displayTitle(model().currentStep()));
    controller.registerFrame(displayFrame);
    displayFrame.setVisible(true);
    charts.createFrames(controller);
  }

  @Override
  public void quit() {
    super.quit();
    if (displayFrame != null) {
      displayFrame.dispose();
    }
    charts.disposeFrames();
    displayFrame = null;
    display = null;
  }

  /** Updates the charts at once (for snapshots in tests). */
  void updateChartsNow() {
    charts.update(model(), true);
  }
}
