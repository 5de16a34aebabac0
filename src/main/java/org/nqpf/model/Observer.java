package org.nqpf.model;

import org.nqpf.model.Relation.Type;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.network.Edge;
import sim.util.Bag;

/**
 * The last phase of a step (MODEL.md §3 step 10): records one row of every {@link Metric} into
 * the model's time series, then resets the step's counters and flows.
 */
final class Observer implements Steppable {
  private static final long serialVersionUID = 1L;
  private static final int SECTORS = Sector.values().length;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    model.series().add(observe(model));
    model.counters().reset();
    model.books().resetStep();
    model.advanceStep();
  }

  static double[] observe(EcosystemModel model) {
    double[] row = new double[Metric.values().length];
    StepCounters c = model.counters();
    Books books = model.books();
    long step = model.currentStep();
    int firmsPrivate = 0;
    double output = 0;
    double outputPrivate = 0;
    double realOutput = 0;
    double workers = 0;
    double employment = 0;
    double employmentPrivate = 0;
    double rd = 0;
    double cash = 0;
    double[] productivityWeighted = new double[2];
    double[] salesByOwnership = new double[2];
    double[] sectorSales = new double[SECTORS];
    double[] sectorSquares = new double[SECTORS];
    for (Firm f : model.firms()) {
      double sales = f.getSales();
      output += sales;
      realOutput += f.getQuantity();
      workers += f.getWorkers();
      employment += f.getEmployment();
      rd += f.getRdSpending();
      cash += f.getCash();
      int o = f.getOwnership().ordinal();
      productivityWeighted[o] += sales * f.getProductivity();
      salesByOwnership[o] += sales;
      sectorSales[f.getSector().ordinal()] += sales;
      sectorSquares[f.getSector().ordinal()] += sales * sales;
      if (f.isPrivate()) {
        firmsPrivate++;
        outputPrivate += sales;
        employmentPrivate += f.getEmployment();
      }
    }
    int firms = model.firms().size();
    int innovations = c.innovations();
    int queue = 0;
    int alliances = 0;
    for (University u : model.universities()) {
      queue += u.getQueueLength();
      Bag edges = model.network().getEdges(u, null);
      for (int i = 0; i < edges.numObjs; i++) {
        if (((Edge) edges.objs[i]).info instanceof Relation r && r.type() == Type.ALLIANCE) {
          alliances++;
        }
      }
    }
    set(row, Metric.STEP, step);
    set(row, Metric.BURN_IN, model.isBurnIn(step) ? 1 : 0);
    set(row, Metric.FIRMS, firms);
    set(row, Metric.FIRMS_PRIVATE, firmsPrivate);
    set(row, Metric.FIRMS_SOE, firms - firmsPrivate);
    set(row, Metric.ENTRIES, c.startups() + c.spinOffs());
    set(row, Metric.EXITS, c.exits());
    set(row, Metric.STARTUPS, c.startups());
    set(row, Metric.SPIN_OFFS, c.spinOffs());
    set(row, Metric.INNOVATIONS, innovations);
    set(row, Metric.INNOVATIONS_INCREMENTAL, c.innovations(InnovationType.INCREMENTAL));
    set(row, Metric.INNOVATIONS_RADICAL, c.innovations(InnovationType.RADICAL));
    set(row, Metric.INNOVATIONS_CONVERTED, c.innovations(InnovationType.CONVERTED));
    set(row, Metric.INNOVATIONS_IMITATED, c.innovations(InnovationType.IMITATED));
    set(row, Metric.INNOVATIONS_PRIVATE, c.innovations(Ownership.PRIVATE));
    set(row, Metric.INNOVATIONS_SOE, c.innovations(Ownership.SOE));
    set(row, Metric.INNOVATIONS_TRADITIONAL, c.innovations(Sector.TRADITIONAL));
    set(row, Metric.INNOVATIONS_STRATEGIC, c.innovations(Sector.STRATEGIC_EMERGING));
    set(row, Metric.INNOVATIONS_FUTURE, c.innovations(Sector.FUTURE));
    set(row, Metric.INVENTIONS_CREATED, c.inventionsCreated());
    set(row, Metric.INVENTIONS_DECAYED, c.inventionsDecayed());
    set(row, Metric.INVENTION_QUEUE, queue);
    set(row, Metric.OUTPUT, output);
    set(row, Metric.OUTPUT_PRIVATE, outputPrivate);
    set(row, Metric.REAL_OUTPUT, realOutput);
    set(row, Metric.PRODUCTIVITY, ratio(realOutput, workers));
    set(row, Metric.EMPLOYMENT, employment);
    set(row, Metric.EMPLOYMENT_PRIVATE, employmentPrivate);
    set(row, Metric.RD_SPENDING, rd);
    set(row, Metric.TAX, books.stepTax());
    set(row, Metric.TAX_PRIVATE, books.stepTaxPrivate());
    set(row, Metric.SUBSIDIES, books.stepSubsidies());
    set(row, Metric.PRIVATE_SHARE_FIRMS, ratio(firmsPrivate, firms));
    set(row, Metric.PRIVATE_SHARE_OUTPUT, ratio(outputPrivate, output));
    set(row, Metric.PRIVATE_SHARE_EMPLOYMENT, ratio(employmentPrivate, employment));
    set(row, Metric.PRIVATE_SHARE_INNOVATION, ratio(c.innovations(Ownership.PRIVATE), innovations));
    set(row, Metric.PRIVATE_SHARE_TAX, ratio(books.stepTaxPrivate(), books.stepTax()));
    set(row, Metric.HHI_TRADITIONAL, ratio(sectorSquares[0], sectorSales[0] * sectorSales[0]));
    set(row, Metric.HHI_STRATEGIC, ratio(sectorSquares[1], sectorSales[1] * sectorSales[1]));
    set(row, Metric.HHI_FUTURE, ratio(sectorSquares[2], sectorSales[2] * sectorSales[2]));
    set(row, Metric.MEAN_PRODUCTIVITY_PRIVATE, ratio(productivityWeighted[0], salesByOwnership[0]));
    set(row, Metric.MEAN_PRODUCTIVITY_SOE, ratio(productivityWeighted[1], salesByOwnership[1]));
    set(row, Metric.ALLIANCES, alliances);
    set(row, Metric.HOUSEHOLD_BALANCE, books.households());
    set(row, Metric.GOVERNMENT_BALANCE, books.government());
    set(row, Metric.FIRM_CASH, cash);
    return row;
  }

  private static void set(double[] row, Metric metric, double value) {
    row[metric.ordinal()] = value;
  }

  private static double ratio(double numerator, double denominator) {
    return denominator > 0 ? numerator / denominator : 0;
  }
}
