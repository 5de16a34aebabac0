package org.nqpf.gui;

import java.awt.Color;
import java.util.EnumSet;
import java.util.List;
import javax.swing.JFrame;
import org.nqpf.config.Scenario;
import org.nqpf.model.Bank;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import org.nqpf.model.Relation;
import org.nqpf.model.University;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.field.continuous.Continuous2D;
import sim.portrayal.SimplePortrayal2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.network.NetworkPortrayal2D;
import sim.portrayal.network.SpatialNetwork2D;
import sim.util.Double2D;

/**
 * The MASON GUI of the ecosystem model: a {@link Display2D} of the region with the layers parks,
 * loans, alliances, banks, firms and universities, and legend (each can be hidden from the
 * display's layer menu), live charts of {@code model.series()}, and the policy levers as the
 * model inspector. The GUI only reads the model: it draws no random numbers from it and schedules
 * nothing on the model's schedule, so a run is the same with or without it.
 */
public class EcosystemWithUI extends GUIState {
  /** Display size in pixels. */
  static final int DISPLAY_SIZE = 720;

  public Display2D display;
  public JFrame displayFrame;

  private final ParksPortrayal parks;
  private final NetworkPortrayal2D loans = new NetworkPortrayal2D();
  private final NetworkPortrayal2D alliances = new NetworkPortrayal2D();
  private final ContinuousPortrayal2D banks = new ContinuousPortrayal2D();
  private final ContinuousPortrayal2D firms = new ContinuousPortrayal2D();
  private final ContinuousPortrayal2D universities = new ContinuousPortrayal2D();
  private final OverlayPortrayal overlay;
  private final LiveCharts charts;
  private final Levers levers = new Levers(this);
  /** Display-only positions of the banks, which have no place in the model's space. */
  private Continuous2D bankSpace;
  /** Mean sales of the firms alive, the reference for firm sizes; refreshed every step. */
  private double referenceSales = 1;

  public EcosystemWithUI(Scenario scenario) {
    this(new EcosystemModel(scenario));
  }

  public EcosystemWithUI(EcosystemModel model) {
    super(model);
    Scenario s = model.scenario();
    parks = new ParksPortrayal(model::parks, s.region().parkRadius(), s.region().width(), s.region().height());
    overlay = new OverlayPortrayal(this);
    charts = new LiveCharts();
  }

  public static String getName() {
    return "NQPF innovation ecosystem";
  }

  public static Object getInfo() {
    return "<h2>NQPF innovation ecosystem</h2><p>Private firms (blue) and SOEs (red), circle = traditional,"
        + " square = strategic emerging, diamond = future industry, size = log sales, yellow rim = AI adopter."
        + " Universities are two-floor buildings: upstairs research (purple), downstairs pilot conversion"
        + " (orange). Green discs are industrial parks; lines are alliances and loans (dashed orange:"
        + " guaranteed). See docs/GUI.md.</p>";
  }

  public EcosystemModel model() {
    return (EcosystemModel) state;
  }

  @Override
  public Object getSimulationInspectedObject() {
    return levers;
  }

  /** The live charts' generators, in the order of {@link LiveCharts#SPECS}. */
  public List<sim.util.media.chart.TimeSeriesChartGenerator> chartGenerators() {
    return charts.generators();
  }

  @Override
  public void start() {
    super.start();
    charts.reset();
    setupPortrayals();
    scheduleRepeatingImmediatelyAfter(s -> {
      refreshReferenceSales();
      charts.update(model(), false);
    });
  }

  @Override
  public void load(SimState newState) {
    super.load(newState);
    charts.reset();
    setupPortrayals();
    scheduleRepeatingImmediatelyAfter(s -> {
      refreshReferenceSales();
      charts.update(model(), false);
    });
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
    firms.setPortrayalForClass(Firm.class, new FirmPortrayal(() -> referenceSales));
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

  /** The region display with all layers attached, without a frame (the test uses it directly). */
  public Display2D createDisplay() {
    Display2D d = new Display2D(DISPLAY_SIZE, DISPLAY_SIZE, this);
    d.setClipping(false);
    d.setBackdrop(Color.WHITE);
    d.attach(parks, "Industrial parks");
    d.attach(loans, "Loans (dashed orange: guaranteed)");
    d.attach(alliances, "Alliances and spin-offs");
    d.attach(banks, "Banks (display positions)");
    d.attach(firms, "Firms");
    d.attach(universities, "Universities (upstairs / downstairs)");
    d.attach(overlay, "Legend and step");
    return d;
  }

  @Override
  public void init(Controller controller) {
    super.init(controller);
    display = createDisplay();
    displayFrame = display.createFrame();
    displayFrame.setTitle("Region: firms, universities, parks, alliances, loans");
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
