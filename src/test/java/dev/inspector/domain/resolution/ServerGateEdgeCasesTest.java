package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.inspector.domain.resolution.Scenario.ACME;
import static org.assertj.core.api.Assertions.assertThat;

class ServerGateEdgeCasesTest {

    private static final UUID ODD = Scenario.id("tenant:odd");

    @Test
    void unknownFlagKeyIsBlockedAsFlagNotFound() {
        FeatureGate gate = Scenario.standard().flag("reports", true).gate();

        Decision decision = gate.explainServer(ACME, "no_such_flag");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.FLAG_NOT_FOUND);
        assertThat(decision.serverDecider()).isEqualTo(Decider.NOT_FOUND);
        assertThat(decision.openFeatureReason()).isEqualTo("ERROR");
        assertThat(decision.trace()).hasSize(1);
        assertThat(decision.decidingStep().observed()).contains("flag not found", "no_such_flag");
        assertThat(gate.serverEnabled(ACME, "no_such_flag")).isFalse();
    }

    @Test
    void unknownTenantIsBlockedAsTenantNotFound() {
        FeatureGate gate = Scenario.standard().flag("reports", true).gate();

        Decision decision = gate.explainServer(ODD, "reports");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.TENANT_NOT_FOUND);
        assertThat(decision.decidingStep().stage()).isEqualTo(Stage.TENANT_LOOKUP);
        assertThat(decision.decidingStep().observed()).contains("tenant not found", ODD.toString());
        // The flag is on by default, so only the missing tenant can explain the false.
        assertThat(gate.serverEnabled(ODD, "reports")).isFalse();
    }

    @Test
    void unknownFlagIsReportedBeforeUnknownTenant() {
        FeatureGate gate = Scenario.standard().gate();

        assertThat(gate.explainServer(ODD, "nothing").reason()).isEqualTo(ReasonCode.FLAG_NOT_FOUND);
    }

    @Test
    void channelWithoutRowFallsThroughToGlobalDefault() {
        FeatureGate gate = Scenario.standard()
                .flag("reports", true)
                .channel("reports", ReleaseChannel.INTERNAL, false)
                .channel("reports", ReleaseChannel.GENERAL, false)
                .gate();

        Decision decision = gate.explainServer(ACME, "reports");

        assertThat(decision.enabled()).isTrue();
        assertThat(decision.reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(decision.trace()).anySatisfy(step -> {
            assertThat(step.stage()).isEqualTo(Stage.CHANNEL_DEFAULT);
            assertThat(step.observed()).isEqualTo("no row for channel pilot");
            assertThat(step.decided()).isFalse();
        });
    }

    @Test
    void armedKillswitchDoesNotBlock() {
        FeatureGate gate = Scenario.standard()
                .killswitch("payments", true)
                .override(ACME, "payments", false)
                .gate();

        Decision decision = gate.explainServer(ACME, "payments");

        // The override, not the killswitch, turns it off: an armed killswitch is transparent.
        assertThat(decision.reason()).isEqualTo(ReasonCode.TENANT_OVERRIDE);
        assertThat(decision.trace()).anySatisfy(step -> {
            assertThat(step.stage()).isEqualTo(Stage.KILLSWITCH);
            assertThat(step.observed()).contains("armed");
            assertThat(step.decided()).isFalse();
        });
        assertThat(gate.explainServer(Scenario.GLOBEX, "payments").enabled()).isTrue();
    }

    @Test
    void tenantWithUnknownChannelSkipsChannelStep() {
        FeatureGate gate = withRowsOnEveryChannel(new Scenario().tenant(ODD, "Odd", "xyz"));

        Decision decision = gate.explainServer(ODD, "reports");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(stepAt(decision, Stage.CHANNEL_DEFAULT).observed()).contains("tenant has no known channel 'xyz'");
    }

    @Test
    void tenantWithNullChannelSkipsChannelStep() {
        FeatureGate gate = withRowsOnEveryChannel(new Scenario().tenant(ODD, "Odd", null));

        Decision decision = gate.explainServer(ODD, "reports");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(stepAt(decision, Stage.CHANNEL_DEFAULT).observed())
                .contains("tenant has no known channel", "null");
    }

    @Test
    void channelSpellingMustMatchExactlyAsTheSqlJoinDoes() {
        // rcff.release_channel = t.release_channel is exact: " Pilot " joins no channel row.
        FeatureGate gate = withRowsOnEveryChannel(new Scenario().tenant(ODD, "Odd", " Pilot "));

        Decision decision = gate.explainServer(ODD, "reports");
        assertThat(decision.reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(stepAt(decision, Stage.CHANNEL_DEFAULT).observed()).contains("no known channel");
    }

    /** Rows that would turn the flag on whatever known channel the tenant had, with default off. */
    private static FeatureGate withRowsOnEveryChannel(Scenario scenario) {
        scenario.flag("reports", false);
        for (ReleaseChannel channel : ReleaseChannel.values()) {
            scenario.channel("reports", channel, true);
        }
        return scenario.gate();
    }

    private static TraceStep stepAt(Decision decision, Stage stage) {
        return decision.trace().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }
}
