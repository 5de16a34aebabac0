package org.nqpf.gui;

import org.nqpf.config.PolicyConfig;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;

/**
 * What the Console's "Model" tab inspects: the policy levers in force ({@code model.policy()},
 * which the scenario's timeline changes) and a few headline figures of the last step.
 *
 * <p>Read-only for now: {@code EcosystemModel.setPolicy} is package-private in the model, so the
 * GUI cannot change a lever. Once the model offers a public setter, each lever gets a
 * {@code setX(double)} here that rebuilds the {@link PolicyConfig} record with the one value
 * changed, and a {@code domX()} returning a {@code sim.util.Interval} for a slider.
 */
public final class Levers {
  private final EcosystemWithUI gui;

  Levers(EcosystemWithUI gui) {
    this.gui = gui;
  }

  private PolicyConfig policy() {
    PolicyConfig p = gui.model().policy();
    return p != null ? p : gui.model().scenario().policy();
  }

  private double last(Metric metric) {
    TimeSeries s = gui.model().series();
    return s == null || s.size() == 0 ? Double.NaN : s.get(s.size() - 1, metric);
  }

  public long getStep() {
    return gui.model().currentStep();
  }

  public String getScenario() {
    return gui.model().scenario().name();
  }

  public long getScenarioSeed() {
    return gui.model().scenario().seed();
  }

  public double getTaxRate() {
    return policy().taxRate();
  }

  public double getRdSubsidyRate() {
    return policy().rdSubsidyRate();
  }

  public double getIprProtection() {
    return policy().iprProtection();
  }

  public double getMarketUnification() {
    return policy().marketUnification();
  }

  public double getSpecialLoanQuota() {
    return policy().specialLoanQuota();
  }

  public double getSpecialLoanDiscount() {
    return policy().specialLoanDiscount();
  }

  public String getFundReplenishment() {
    return String.valueOf(policy().fundReplenishment());
  }

  public double getFundTopUp() {
    return policy().fundTopUp();
  }

  public double getFundTargetRatio() {
    return policy().fundTargetRatio();
  }

  public double getTalentImportQuota() {
    return policy().talentImportQuota();
  }

  public double getIncubationBudget() {
    return policy().incubationBudget();
  }

  public double getAiInfrastructure() {
    return policy().aiInfrastructure();
  }

  public int getFirms() {
    return gui.model().firms().size();
  }

  public double getPrivateShareFirms() {
    return last(Metric.PRIVATE_SHARE_FIRMS);
  }

  public double getPrivateShareOutput() {
    return last(Metric.PRIVATE_SHARE_OUTPUT);
  }

  public double getPrivateShareInnovation() {
    return last(Metric.PRIVATE_SHARE_INNOVATION);
  }

  public double getAiAdoptionShare() {
    return last(Metric.AI_ADOPTION_SHARE);
  }

  public double getSmeRationedShare() {
    return last(Metric.SME_RATIONED_SHARE);
  }
}
