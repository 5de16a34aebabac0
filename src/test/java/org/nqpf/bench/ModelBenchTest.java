package org.nqpf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;

/** The bench's measurements: what they count and check (never how long they take). */
class ModelBenchTest {

  @Test
  void aDetailedRunCountsItsFirmStepsAndMeasuresItsFirmsMemoryFloor() {
    Scenario scenario = ScaledEconomy.of(Scenario.DEFAULT.withSeed(3), 300, 5, 0);
    ModelBench.RunTiming timing = ModelBench.run(scenario, false, true);
    assertThat(timing.steps()).isEqualTo(5);
    assertThat(timing.firmSteps()).isGreaterThanOrEqualTo(5L * 250);
    assertThat(timing.phaseCpuNanos()).isNotNull();
    ModelBench.FirmReads reads = timing.firmReads();
    assertThat(reads.firms()).isEqualTo(timing.firmsAtEnd());
    assertThat(reads.inOrderNanos()).isPositive();
    assertThat(reads.randomOrderNanos()).isPositive();
    assertThat(reads.arrayNanos()).isPositive();
    assertThat(ModelBench.run(scenario, false).firmReads()).as("not measured without details").isNull();
  }

  @Test
  void theMemoryFloorReadsTheFirmsItIsGivenAndRefusesNone() {
    EcosystemModel model = new EcosystemModel(ScaledEconomy.of(Scenario.DEFAULT.withSeed(5), 200, 1, 0));
    model.start();
    List<Firm> firms = model.firms();
    assertThat(ModelBench.firmReads(firms, 1).firms()).isEqualTo(firms.size());
    assertThatThrownBy(() -> ModelBench.firmReads(List.of(), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 firms");
    assertThatThrownBy(() -> ModelBench.firmReads(firms, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 rounds");
    model.finish();
  }

  @Test
  void theScalingExponentIsTheSlopeOfLogTimeOnLogSize() {
    double[] x = {1_000, 10_000, 100_000};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 3 * Math.pow(x[i], 1.1);
    }
    assertThat(ModelBench.scalingExponent(x, y)).isCloseTo(1.1, within(1e-12));
    assertThat(ModelBench.scalingExponent(new double[] {5, 5}, new double[] {1, 2})).isNaN();
  }

  @Test
  void theEmptyScheduleStepsEveryAgentEveryStep() {
    assertThat(ModelBench.floorNanosPerAgentStep(50, 4, 1)).isPositive();
  }
}
