package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.inspector.domain.resolution.Scenario.ACME;
import static dev.inspector.domain.resolution.Scenario.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

class ServerGateRulesTest {

    @Test
    void killswitchBlocksEvenWithTenantOverride() {
        FeatureGate gate = Scenario.standard()
                .killswitch("payments", false)
                .override(ACME, "payments", true)
                .channel("payments", ReleaseChannel.PILOT, true)
                .gate();

        Decision decision = gate.explainServer(ACME, "payments");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        assertThat(decision.serverDecider()).isEqualTo(Decider.KILLSWITCH);
        assertThat(decision.decidingStep().stage()).isEqualTo(Stage.KILLSWITCH);
        assertThat(decision.decidingStep().observed()).contains("tripped");
    }

    @Test
    void tenantOverrideBeatsChannelRow() {
        FeatureGate gate = Scenario.standard()
                .flag("reports", true)
                .channel("reports", ReleaseChannel.PILOT, true)
                .override(ACME, "reports", false)
                .gate();

        Decision decision = gate.explainServer(ACME, "reports");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.TENANT_OVERRIDE);
        assertThat(decision.decidingStep().observed()).contains("tenant_feature_flags", "enabled = false");
    }

    @Test
    void overrideOfOneTenantDoesNotLeakToAnother() {
        FeatureGate gate = Scenario.standard()
                .flag("reports", false)
                .override(ACME, "reports", true)
                .gate();

        assertThat(gate.explainServer(ACME, "reports").enabled()).isTrue();
        assertThat(gate.explainServer(GLOBEX, "reports").reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(gate.explainServer(GLOBEX, "reports").enabled()).isFalse();
    }

    @Test
    void channelRowBeatsGlobalDefault() {
        FeatureGate gate = Scenario.standard()
                .flag("reports", true)
                .channel("reports", ReleaseChannel.PILOT, false)
                .gate();

        Decision decision = gate.explainServer(ACME, "reports");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.CHANNEL_DEFAULT);
        assertThat(decision.decidingStep().observed()).contains("channel pilot");
    }

    @Test
    void rowOfAnotherChannelIsIgnored() {
        // Acme is on pilot; only the general row exists, so the global default decides.
        FeatureGate gate = Scenario.standard()
                .flag("reports", false)
                .channel("reports", ReleaseChannel.GENERAL, true)
                .gate();

        assertThat(gate.explainServer(ACME, "reports").reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(gate.explainServer(GLOBEX, "reports").reason()).isEqualTo(ReasonCode.CHANNEL_DEFAULT);
        assertThat(gate.explainServer(GLOBEX, "reports").enabled()).isTrue();
    }

    @Test
    void globalDefaultAppliesWhenNothingElseSpeaks() {
        FeatureGate gate = Scenario.standard().flag("reports", true).gate();

        Decision decision = gate.explainServer(ACME, "reports");

        assertThat(decision.enabled()).isTrue();
        assertThat(decision.reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(decision.decidingStep().observed()).isEqualTo("feature_flags.default_enabled = true");
    }

    /** Every combination the four layers can take for Acme (pilot); '-' means no row. */
    @ParameterizedTest(name = "killswitch={0} default={1} override={2} pilotRow={3} -> {4} {5}")
    @CsvSource({
            "false, false, -,     -,     false, GLOBAL_DEFAULT",
            "false, true,  -,     -,     true,  GLOBAL_DEFAULT",
            "false, false, -,     true,  true,  CHANNEL_DEFAULT",
            "false, true,  -,     false, false, CHANNEL_DEFAULT",
            "false, false, true,  false, true,  TENANT_OVERRIDE",
            "false, true,  false, true,  false, TENANT_OVERRIDE",
            "false, false, true,  -,     true,  TENANT_OVERRIDE",
            "true,  false, -,     -,     false, KILLSWITCH_TRIPPED",
            "true,  false, true,  true,  false, KILLSWITCH_TRIPPED",
            "true,  true,  -,     -,     true,  GLOBAL_DEFAULT",
            "true,  true,  -,     false, false, CHANNEL_DEFAULT",
            "true,  true,  false, true,  false, TENANT_OVERRIDE",
    })
    void layersApplyInOrder(boolean killswitch, boolean defaultEnabled, String override, String pilotRow,
                            boolean expectedEnabled, ReasonCode expectedReason) {
        Scenario scenario = Scenario.standard();
        if (killswitch) {
            scenario.killswitch("f", defaultEnabled);
        } else {
            scenario.flag("f", defaultEnabled);
        }
        if (!override.equals("-")) {
            scenario.override(ACME, "f", Boolean.parseBoolean(override));
        }
        if (!pilotRow.equals("-")) {
            scenario.channel("f", ReleaseChannel.PILOT, Boolean.parseBoolean(pilotRow));
        }
        FeatureGate gate = scenario.gate();

        Decision decision = gate.explainServer(ACME, "f");

        assertThat(decision.enabled()).isEqualTo(expectedEnabled);
        assertThat(decision.reason()).isEqualTo(expectedReason);
        assertThat(gate.serverEnabled(ACME, "f")).isEqualTo(expectedEnabled);
        GateSnapshot snapshot = gate.snapshot();
        assertThat(gate.serverDecider(snapshot.tenantIndex(ACME), snapshot.flagIndex("f")))
                .isEqualTo(decision.serverDecider());
    }
}
