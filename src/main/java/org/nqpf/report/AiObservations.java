package org.nqpf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nqpf.config.Scenario;
import org.nqpf.model.Firm;
import org.nqpf.stats.AiComparison.FirmObservation;
import org.nqpf.stats.AiComparison;

/** The model's firms as {@link AiComparison} observes them, and summary.json's block of the comparison. */
public final class AiObservations {
  private AiObservations() {}

  /** The observation of a model firm: adopters' R&D counters are those of their AI period. */
  public static FirmObservation of(Firm firm) {
    boolean adopter = firm.isAiAdopter();
    return new FirmObservation(firm.getSector().name() + "/" + firm.getOwnership().name(), firm.getTechnology(),
        adopter, firm.getAiLevel(), firm.getQuantity(), firm.getWorkers(),
        adopter ? firm.getRdActiveStepsWithAi() : firm.getRdActiveSteps(),
        adopter ? firm.getRdSuccessesWithAi() : firm.getRdSuccesses(),
        adopter ? firm.getRdEffortWithAi() : firm.getRdEffort());
  }

  /** The observations of model firms, in list order. */
  public static List<FirmObservation> observe(List<Firm> firms) {
    List<FirmObservation> result = new ArrayList<>(firms.size());
    for (Firm firm : firms) {
      result.add(of(firm));
    }
    return result;
  }

  /** The {@code aiComparison} block for summary.json's {@code extra}, from the living firms, with the scenario's AI mechanism. */
  public static Map<String, Object> block(List<Firm> firms, Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    return AiComparison.toBlock(AiComparison.compare(observe(firms)), scenario.mechanisms().ai().name());
  }
}
