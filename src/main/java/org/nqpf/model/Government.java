package org.nqpf.model;

import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.PolicyChange;
import org.nqpf.config.PolicyConfig;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The government's phase (MODEL.md §3 step 1): it applies the scenario's policy timeline, then
 * replenishes the guarantee funds by the policy's rule (资本金市场化、常态化补充机制) and pays the
 * incubation budget (未来产业孵化) to young future-industry start-ups. Its other flows — tax,
 * R&D subsidies, special innovation loans — are booked where they happen; the government's
 * account in {@link Books} shows the balance of them all.
 *
 * <ul>
 *   <li>Replenishment {@code NONE}: nothing. {@code FIXED}: each fund receives
 *       {@code fundTopUp} of initial sales (× wage index) every step. {@code MARKET}: a fund whose
 *       capital is below {@code fundTargetRatio} × its exposure is topped up to it.</li>
 *   <li>Incubation: {@code incubationBudget} of initial sales (× wage index) per step, split
 *       equally among the private future-industry firms younger than
 *       {@code demography.incubationAge} steps; nothing is paid when there are none. Grants are
 *       earmarked for R&D: they add to the firm's planned R&D until spent.</li>
 * </ul>
 */
final class Government implements Steppable {
  private static final long serialVersionUID = 1L;

  private int nextChange;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    applyTimeline(model);
    if (model.creditMarket()) {
      replenishFunds(model);
    }
    incubate(model);
  }

  private void applyTimeline(EcosystemModel model) {
    List<PolicyChange> timeline = model.scenario().policy().timeline();
    while (nextChange < timeline.size() && timeline.get(nextChange).step() <= model.currentStep()) {
      PolicyChange change = timeline.get(nextChange++);
      model.setPolicy(model.policy().with(change.lever(), change.value()));
    }
  }

  static void replenishFunds(EcosystemModel model) {
    PolicyConfig policy = model.policy();
    for (GuaranteeFund fund : model.funds()) {
      fund.resetStep();
      double amount = switch (policy.fundReplenishment()) {
        case NONE -> 0;
        case FIXED -> model.policyMoney(policy.fundTopUp());
        case MARKET -> Math.max(0, policy.fundTargetRatio() * fund.getExposure() - fund.getCapital());
      };
      if (amount > 0) {
        model.books().governmentToFund(fund, amount);
      } else if (model.incomes() != null) {
        // With demand from incomes a fund returns to the government the capital it does not need:
        // above its initial capital (in wage units) and twice its target ratio to exposure.
        var cc = model.scenario().credit();
        double needed = Math.max(model.policyMoney(cc.fundCapitalToSales()) / cc.guaranteeFunds(),
            2 * policy.fundTargetRatio() * fund.getExposure());
        if (fund.getCapital() > needed) {
          model.books().fundToGovernment(fund, fund.getCapital() - needed);
        }
      }
    }
  }

  static void incubate(EcosystemModel model) {
    double budget = model.policyMoney(model.policy().incubationBudget());
    if (budget <= 0) {
      return;
    }
    int maxAge = model.scenario().demography().incubationAge();
    List<Firm> incubatees = new ArrayList<>();
    for (Firm firm : model.firms(Sector.FUTURE)) {
      if (firm.isPrivate() && firm.getAge(model.currentStep()) < maxAge) {
        incubatees.add(firm);
      }
    }
    for (Firm firm : incubatees) {
      model.books().incubationGrant(firm, budget / incubatees.size());
    }
  }
}
