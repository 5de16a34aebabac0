package org.nqpf.model;

/**
 * Hears of each innovation a firm adopts (innovated, imitated or converted), with the firm's
 * technology before and after, for analyses that need single innovations rather than counts per
 * step (the validation's value skewness). See {@link EcosystemModel#setInnovationListener}.
 */
@FunctionalInterface
public interface InnovationListener extends java.io.Serializable {
  /**
   * @param firm the firm, after the change
   * @param type how the technology was obtained
   * @param technologyBefore the firm's technology before
   * @param technologyAfter the firm's technology after
   * @param step the step being run (0-based)
   */
  void innovated(Firm firm, InnovationType type, double technologyBefore, double technologyAfter, long step);
}
