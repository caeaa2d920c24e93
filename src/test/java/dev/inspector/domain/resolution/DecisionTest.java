package dev.inspector.domain.resolution;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTest {

    private static TraceStep step(int number, Stage stage, boolean decided) {
        return new TraceStep(number, stage, "looked", Optional.of(false), decided);
    }

    @Test
    void fullFallThroughTraceVisitsEveryServerLayerInOrder() {
        Decision decision = Scenario.standard().flag("reports", false).gate()
                .explainServer(Scenario.ACME, "reports");

        assertThat(decision.trace()).extracting(TraceStep::stage).containsExactly(
                Stage.FLAG_LOOKUP, Stage.TENANT_LOOKUP, Stage.KILLSWITCH,
                Stage.TENANT_OVERRIDE, Stage.CHANNEL_DEFAULT, Stage.GLOBAL_DEFAULT);
        assertThat(decision.trace()).extracting(TraceStep::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(decision.trace()).filteredOn(TraceStep::decided).containsExactly(decision.decidingStep());
        assertThat(decision.decidingStep().name()).isEqualTo("Global default");
    }

    @Test
    void rejectsTraceWhoseDecidingStepIsNotLast() {
        List<TraceStep> trace = List.of(step(1, Stage.KILLSWITCH, true), step(2, Stage.GLOBAL_DEFAULT, false));

        assertThatThrownBy(() -> new Decision(false, ReasonCode.KILLSWITCH_TRIPPED, Decider.KILLSWITCH, trace))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTraceWithGapsInNumbering() {
        List<TraceStep> trace = List.of(step(1, Stage.KILLSWITCH, false), step(3, Stage.GLOBAL_DEFAULT, true));

        assertThatThrownBy(() -> new Decision(false, ReasonCode.GLOBAL_DEFAULT, Decider.GLOBAL_DEFAULT, trace))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptyTrace() {
        assertThatThrownBy(() -> new Decision(false, ReasonCode.GLOBAL_DEFAULT, Decider.GLOBAL_DEFAULT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryNamesVerdictReasonAndDecidingObservation() {
        Decision decision = Scenario.standard().killswitch("x", false).gate().explainServer(Scenario.ACME, "x");

        assertThat(decision.summary()).startsWith("off (KILLSWITCH_TRIPPED): killswitch tripped");
    }
}
