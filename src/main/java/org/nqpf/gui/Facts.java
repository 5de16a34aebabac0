package org.nqpf.gui;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.nqpf.model.Bank;
import org.nqpf.model.Firm;
import org.nqpf.model.Ownership;
import org.nqpf.model.University;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * What an agent's inspector shows: its figures as text, rounded and with their units (money in
 * wage units, one production worker's quarterly wage; flows per quarter, the model's step), in a
 * fixed order, read-only. The agents' own bean getters give raw doubles in the order Java lists
 * methods; this is the reading the GUI offers instead (the model keeps its getters for the
 * observers and tests).
 */
final class Facts implements Propertied {
  /** One row of the inspector: its label and how to read it now. */
  record Fact(String name, Supplier<String> value) {}

  private final List<Fact> facts;

  private Facts(List<Fact> facts) {
    this.facts = facts;
  }

  List<Fact> facts() {
    return facts;
  }

  static Facts of(Firm f) {
    return new Facts(List.of(
        new Fact("Ownership", () -> f.getOwnership() == Ownership.PRIVATE ? "private" : "state-owned (SOE)"),
        new Fact("Sector", () -> f.getSector().toString().toLowerCase(Locale.ROOT).replace('_', ' ')),
        new Fact("Size class", () -> f.getSizeClass().toString().toLowerCase(Locale.ROOT).replace('_', ' ')),
        new Fact("Founded", () -> f.getBorn() == 0 ? "at the start"
            : "step " + f.getBorn() + (f.getParentUniversity() >= 0 ? ", spin-off of university " + f.getParentUniversity() : "")),
        new Fact("Alive", () -> f.isAlive() ? "yes" : "exited at step " + f.getExitStep()),
        new Fact("Sales", () -> perQuarter(money(f.getSales()))),
        new Fact("Sales, previous quarter", () -> perQuarter(money(f.getLastSales()))),
        new Fact("Market share", () -> percent(f.getMarketShare()) + " of its sector"),
        new Fact("Output", () -> number(f.getQuantity()) + " units / quarter"),
        new Fact("Price", () -> money(f.getPrice()) + " per unit"),
        new Fact("Employment (production + R&D)", () -> number(f.getEmployment()) + " workers"),
        new Fact("Production workers", () -> number(f.getWorkers())),
        new Fact("R&D staff", () -> number(f.getRdStaff()) + " people"),
        new Fact("Core researchers", () -> f.getCoreResearchers() + " people"),
        new Fact("Technicians", () -> f.getTechnicians() + " people"),
        new Fact("Leading scientists", () -> f.getLeadingScientists() + " people"),
        new Fact("Dual appointments", () -> number(f.getDualAppointmentTime()) + " FTE from universities"),
        new Fact("Labour productivity", () -> number(f.getProductivity()) + " units / worker / quarter"),
        new Fact("Technology", () -> number(f.getTechnology()) + " (index)"),
        new Fact("Wage", () -> money(f.getWageRate()) + " / worker / quarter"),
        new Fact("R&D intensity", () -> percent(f.getRdIntensity()) + " of last quarter's sales"),
        new Fact("R&D spending", () -> perQuarter(money(f.getRdSpending()))),
        new Fact("Incubation grant unspent", () -> money(f.getRdGrant())),
        new Fact("Innovations", () -> f.getInnovationsTotal() + " since founded"),
        new Fact("Absorptive capacity", () -> number(f.getAbsorptiveCapacity()) + " (0 to 1)"),
        new Fact("AI", () -> f.isAiAdopter()
            ? "adopted at step " + f.getAiAdoptedStep() + ", level " + number(f.getAiLevel()) + " (0 to 1)" : "not adopted"),
        new Fact("Profit", () -> perQuarter(money(f.getProfit()))),
        new Fact("Tax", () -> perQuarter(money(f.getTax()))),
        new Fact("Cash", () -> money(f.getCash())),
        new Fact("Capital", () -> money(f.getCapital())),
        new Fact("Debt", () -> money(f.getDebt())),
        new Fact("Interest paid", () -> perQuarter(money(f.getInterestPaid()))),
        new Fact("Net worth", () -> money(f.getNetWorth())),
        new Fact("House bank", () -> "bank " + f.getBankIndex()),
        new Fact("Guarantee fund", () -> f.getFundIndex() < 0 ? "none" : "fund " + f.getFundIndex())));
  }

  static Facts of(University u) {
    return new Facts(List.of(
        new Fact("Upstairs researchers", () -> u.getUpstairsResearchers() + " people (research)"),
        new Fact("Core researchers", () -> u.getCoreResearchers() + " people"),
        new Fact("Leading scientists", () -> u.getLeadingScientists() + " people"),
        new Fact("Downstairs engineers", () -> u.getDownstairsEngineers() + " people (pilot conversion)"),
        new Fact("Facility factor", () -> "× " + number(u.getFacilityFactor())),
        new Fact("Invention queue", () -> u.getQueueLength() + " inventions waiting for conversion"),
        new Fact("Inventions made", () -> u.getInventionsMade() + " since the start"),
        new Fact("Conversions", () -> u.getConversions() + " since the start"),
        new Fact("Spin-offs", () -> u.getSpinOffs() + " firms founded since the start")));
  }

  static Facts of(Bank b) {
    return new Facts(List.of(
        new Fact("Loans outstanding", () -> money(b.getLoansOutstanding())),
        new Fact("Cash", () -> money(b.getCash())),
        new Fact("Deposits", () -> money(b.getDeposits())),
        new Fact("Equity", () -> money(b.getEquity())),
        new Fact("Loan losses", () -> money(b.getCumulativeLosses()) + " since the start")));
  }

  /**
   * {@code x} rounded for reading: whole numbers from 100 up (with thousands separators), else
   * three significant digits; "—" when not a number.
   */
  static String number(double x) {
    if (!Double.isFinite(x)) {
      return "—";
    }
    double a = Math.abs(x);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", x);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", x);
    }
    if (a >= 1 || a == 0) {
      return String.format(Locale.ROOT, "%.2f", x);
    }
    return String.format(Locale.ROOT, "%.3g", x);
  }

  /** A count: a whole number with thousands separators; "—" when not a number. */
  static String count(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%,.0f", x) : "—";
  }

  static String money(double x) {
    return number(x) + " wage units";
  }

  /** A share as a percentage: one decimal, or two significant digits below 0.1%. */
  static String percent(double share) {
    if (!Double.isFinite(share)) {
      return "—";
    }
    double p = 100 * share;
    return p != 0 && Math.abs(p) < 0.1 ? String.format(Locale.ROOT, "%.2g%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
  }

  private static String perQuarter(String amount) {
    return amount + " / quarter";
  }

  @Override
  public Properties properties() {
    return new FactProperties();
  }

  /** The facts as read-only text properties. */
  private final class FactProperties extends Properties {
    private static final long serialVersionUID = 1L;

    FactProperties() {
      object = Facts.this;
    }

    @Override
    public boolean isVolatile() {
      return false;
    }

    @Override
    public int numProperties() {
      return facts.size();
    }

    @Override
    public Object getValue(int index) {
      return facts.get(index).value().get();
    }

    @Override
    public boolean isReadWrite(int index) {
      return false;
    }

    @Override
    public String getName(int index) {
      return facts.get(index).name();
    }

    @Override
    public Class<?> getType(int index) {
      return String.class;
    }

    @Override
    protected Object _setValue(int index, Object value) {
      return getValue(index);
    }
  }
}
