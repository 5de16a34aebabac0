package org.nqpf.model;

/**
 * A learning entrant (Jovanovic 1982): a start-up's innovation ability a, which multiplies its
 * arrival intensity, is drawn at birth from a Gamma of mean 1 and shape k (standard deviation
 * 1/√k) that the firm knows only as its prior. Each step it observes its arrivals N_t, a Poisson
 * count of mean a·λ_t with λ_t the intensity its effort and knowledge give (the exposure), and its
 * belief is the conjugate posterior Gamma(k + ΣN, k + Σλ), of mean (k + ΣN) / (k + Σλ). The
 * belief sharpens with the exposure: an entrant with a bad draw learns it and leaves (Demography),
 * one with a good draw learns that too and stays.
 */
final class EntrantLearning implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final double ability;
  private double shape;
  private double rate;

  /** An entrant of true ability {@code ability} with the prior Gamma(k, k) of mean 1, k = {@code priorShape}. */
  EntrantLearning(double ability, double priorShape) {
    if (!(ability > 0) || !(priorShape > 0)) {
      throw new IllegalArgumentException("ability and prior shape must be positive: " + ability + ", " + priorShape);
    }
    this.ability = ability;
    this.shape = priorShape;
    this.rate = priorShape;
  }

  /** The true ability, which the firm does not know. */
  double ability() {
    return ability;
  }

  /** Updates the belief with a step's count of arrivals and the intensity at ability 1 it came from. */
  void observe(int arrivals, double exposure) {
    shape += arrivals;
    rate += exposure;
  }

  /** The posterior mean of the ability. */
  double belief() {
    return shape / rate;
  }

  /** The posterior's shape: the prior's plus the arrivals seen. */
  double shape() {
    return shape;
  }
}
