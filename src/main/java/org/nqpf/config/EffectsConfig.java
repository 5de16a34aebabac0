package org.nqpf.config;

import java.util.List;
import java.util.Map;

/**
 * A policy-effects table (docs/EFFECTS.md): for each policy, a scenario without it ({@code from})
 * and one with it ({@code to}), each run with the same seeds, so that each replication gives a
 * paired difference of every outcome.
 *
 * @param name names the results folder
 * @param baseScenario the resolved base (base file, overrides, steps and burn-in)
 * @param replications paired runs of each policy's two scenarios
 * @param masterSeed replication r of every scenario runs with seed {@code Seeds.of(masterSeed, 0, r)}
 * @param policies the policies, in the table's order
 * @param resolvedYaml the file resolved: every key, the base scenario written out in full (what a
 *     results folder keeps as {@code effects.yaml}, from which {@code verify} reruns it)
 */
public record EffectsConfig(String name, Scenario baseScenario, int replications, long masterSeed, List<Policy> policies,
    String resolvedYaml) {

  /** The outcomes of the table, in its column order; their names are the keys of {@code expected}. */
  public enum Outcome {
    /** Private firms' innovations a quarter, the mean over the recorded steps. */
    privateInnovation("private innovation", "innovations a quarter"),
    /** The private share of output in percent, the mean over the recorded steps. */
    privateShareOutput("private share of output", "%"),
    /** Private firms' labour productivity growth in percent a year: 400 times the OLS slope of its logarithm on the step. */
    privateProductivityGrowth("private productivity growth", "% a year"),
    /** New credit granted to private SMEs a quarter over output, percent, the ratio of their means over the recorded steps. */
    privateSmeCredit("private SMEs' credit", "% of output"),
    /** Private SMEs' R&D spending over output, percent, the ratio of their means over the recorded steps. */
    privateSmeRd("private SMEs' R&D", "% of output"),
    /**
     * The government's outlays on the policies a quarter, percent of output, before the taxes and
     * repayments they bring back: R&D subsidies, special loans lent, fund top-ups, incubation
     * grants, SOE bail-outs and grants to imported scientists, means over the recorded steps. What a
     * policy costs the budget at first hand, whatever its growth returns in taxes.
     */
    governmentOutlays("government's policy outlays", "% of output"),
    /**
     * The government's net cost a quarter, percent of output: its outlays on the policies (R&D
     * subsidies, special loans net of their repayments, fund top-ups, incubation grants, SOE
     * bail-outs) less the taxes it collects, means over the recorded steps. Its purchases of goods,
     * which its spending rule sets from its revenue, are the financing of that cost, not part of it.
     */
    governmentNetCost("government's net cost", "% of output");

    private final String label;
    private final String unit;

    Outcome(String label, String unit) {
      this.label = label;
      this.unit = unit;
    }

    public String label() {
      return label;
    }

    public String unit() {
      return unit;
    }
  }

  /** The sign the literature expects of an effect. */
  public enum Sign {
    POSITIVE("+"),
    NEGATIVE("−"),
    NONE("0");

    private final String symbol;

    Sign(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /**
   * One policy of the table.
   *
   * @param name a short name (a word: the rows of the CSV files)
   * @param label what the table calls it
   * @param from the scenario without the policy (or at its lower setting)
   * @param to the scenario with it
   * @param change what moves from {@code from} to {@code to}, as written in the file
   * @param expected the sign the literature expects of each outcome it names
   * @param source where the expectation comes from
   */
  public record Policy(String name, String label, Scenario from, Scenario to, String change, Map<Outcome, Sign> expected,
      String source) {
    public Policy {
      expected = Map.copyOf(expected);
    }
  }

  public EffectsConfig {
    policies = List.copyOf(policies);
  }
}
