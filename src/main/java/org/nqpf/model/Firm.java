package org.nqpf.model;

import sim.util.Double2D;

/**
 * A firm: private or state-owned, in one sector, at one place. Its state is read by the
 * mechanisms that act on it each step; the getters are bean properties so that MASON's
 * inspectors can show them.
 */
public final class Firm {
  private final int id;
  private final Ownership ownership;
  private final Sector sector;
  private final Double2D location;
  private final long born;
  private final int parentUniversity;
  private final double capitalPerOutput;
  private final double wageRate;
  private final double rdIntensity;
  private final double productivityFactor;

  private double technology;
  private double capital;
  private double cash;
  private double marketShare;
  private double sales;
  private double lastSales;
  private double quantity;
  private double price;
  private double workers;
  private double researchers;
  private double rdSpending;
  private double profit;
  private double tax;
  private boolean alive = true;
  private long exitStep = -1;
  private final int[] innovations = new int[InnovationType.values().length];

  Firm(int id, Ownership ownership, Sector sector, Double2D location, long born, int parentUniversity,
      double technology, double productivityFactor, double capitalPerOutput, double wageRate, double rdIntensity) {
    this.id = id;
    this.ownership = ownership;
    this.sector = sector;
    this.location = location;
    this.born = born;
    this.parentUniversity = parentUniversity;
    this.technology = technology;
    this.productivityFactor = productivityFactor;
    this.capitalPerOutput = capitalPerOutput;
    this.wageRate = wageRate;
    this.rdIntensity = rdIntensity;
  }

  public int getId() {
    return id;
  }

  public Ownership getOwnership() {
    return ownership;
  }

  public boolean isPrivate() {
    return ownership == Ownership.PRIVATE;
  }

  public Sector getSector() {
    return sector;
  }

  public Double2D getLocation() {
    return location;
  }

  public long getBorn() {
    return born;
  }

  /** The university whose invention founded this firm, or -1. */
  public int getParentUniversity() {
    return parentUniversity;
  }

  /**
   * The firm's technology level: what R&D raises, imitation copies and a converted invention
   * multiplies. Labour productivity is technology times the firm's structural productivity factor.
   */
  public double getTechnology() {
    return technology;
  }

  /**
   * Structural labour-productivity factor (capital intensity of SOEs, for example); it stays with
   * the firm and is not copied by imitators.
   */
  public double getProductivityFactor() {
    return productivityFactor;
  }

  /** Labour productivity: units of output per production worker per quarter. */
  public double getProductivity() {
    return technology * productivityFactor;
  }

  public double getCapitalPerOutput() {
    return capitalPerOutput;
  }

  /** Wage per production worker per quarter. */
  public double getWageRate() {
    return wageRate;
  }

  /** R&D budget as a share of last step's sales. */
  public double getRdIntensity() {
    return rdIntensity;
  }

  public double getCapital() {
    return capital;
  }

  public double getCash() {
    return cash;
  }

  /** Cash plus capital (no debt until the credit mechanism arrives). */
  public double getNetWorth() {
    return cash + capital;
  }

  /** Share of its sector's nominal demand. */
  public double getMarketShare() {
    return marketShare;
  }

  public double getSales() {
    return sales;
  }

  public double getLastSales() {
    return lastSales;
  }

  public double getQuantity() {
    return quantity;
  }

  public double getPrice() {
    return price;
  }

  public double getWorkers() {
    return workers;
  }

  public double getResearchers() {
    return researchers;
  }

  /** Production workers plus researchers. */
  public double getEmployment() {
    return workers + researchers;
  }

  public SizeClass getSizeClass() {
    return SizeClass.of(getEmployment());
  }

  public double getRdSpending() {
    return rdSpending;
  }

  public double getProfit() {
    return profit;
  }

  public double getTax() {
    return tax;
  }

  /**
   * Absorptive capacity in [0, 1): the firm's ability to take up outside knowledge, rising with
   * its researchers (Cohen and Levinthal 1990).
   */
  public double getAbsorptiveCapacity() {
    return researchers / (researchers + 1);
  }

  public boolean isAlive() {
    return alive;
  }

  public long getExitStep() {
    return exitStep;
  }

  public int getInnovations(InnovationType type) {
    return innovations[type.ordinal()];
  }

  public int getInnovationsTotal() {
    int total = 0;
    for (int count : innovations) {
      total += count;
    }
    return total;
  }

  public long getAge(long now) {
    return now - born;
  }

  void setTechnology(double value) {
    technology = value;
  }

  void setCapital(double value) {
    capital = value;
  }

  void addCash(double amount) {
    cash += amount;
  }

  void setMarketShare(double value) {
    marketShare = value;
  }

  void recordProduction(double newQuantity, double newPrice, double newWorkers) {
    lastSales = sales;
    quantity = newQuantity;
    price = newPrice;
    sales = newQuantity * newPrice;
    workers = newWorkers;
  }

  void initialiseSales(double value) {
    sales = value;
    lastSales = value;
  }

  void recordRd(double spending, double staff) {
    rdSpending = spending;
    researchers = staff;
  }

  void recordProfit(double newProfit, double newTax) {
    profit = newProfit;
    tax = newTax;
  }

  void countInnovation(InnovationType type) {
    innovations[type.ordinal()]++;
  }

  void exit(long step) {
    alive = false;
    exitStep = step;
  }

  @Override
  public String toString() {
    return "Firm " + id + " (" + ownership + ", " + sector + ")";
  }
}
