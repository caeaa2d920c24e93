package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;
import org.junit.jupiter.api.Test;

import static dev.inspector.domain.resolution.Scenario.ACME;
import static dev.inspector.domain.resolution.Scenario.ANN;
import static dev.inspector.domain.resolution.Scenario.BOB;
import static dev.inspector.domain.resolution.Scenario.GHOST;
import static dev.inspector.domain.resolution.Scenario.GLOBEX;
import static dev.inspector.domain.resolution.Scenario.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

class UiGateTest {

    /** "premium" is on for Acme (pilot row) and off for Globex; "broken" is killed. */
    private static Scenario premium() {
        return Scenario.standard()
                .flag("premium", false)
                .channel("premium", ReleaseChannel.PILOT, true)
                .killswitch("broken", false);
    }

    @Test
    void serverOffBlocksEvenPlatformAdminWithThatReason() {
        FeatureGate gate = premium().gate();

        Decision killed = gate.explainUi(ACME, ROOT, "broken");
        Decision offForTenant = gate.explainUi(GLOBEX, ROOT, "premium");

        assertThat(killed.enabled()).isFalse();
        assertThat(killed.reason()).isEqualTo(ReasonCode.KILLSWITCH_TRIPPED);
        assertThat(offForTenant.enabled()).isFalse();
        assertThat(offForTenant.reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(offForTenant.trace()).noneMatch(step -> step.stage() == Stage.PLATFORM_ADMIN);
    }

    @Test
    void serverOffBlocksUserWithGrant() {
        FeatureGate gate = premium().grant(GLOBEX, BOB, "premium", true).gate();

        assertThat(gate.explainUi(GLOBEX, BOB, "premium").reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
    }

    @Test
    void platformAdminIsAllowedWithoutGrant() {
        FeatureGate gate = premium().gate();

        Decision decision = gate.explainUi(ACME, ROOT, "premium");

        assertThat(decision.enabled()).isTrue();
        assertThat(decision.reason()).isEqualTo(ReasonCode.PLATFORM_ADMIN);
        assertThat(decision.serverDecider()).isEqualTo(Decider.CHANNEL_DEFAULT);
    }

    @Test
    void userGrantAllows() {
        FeatureGate gate = premium().grant(ACME, ANN, "premium", true).gate();

        Decision decision = gate.explainUi(ACME, ANN, "premium");

        assertThat(decision.enabled()).isTrue();
        assertThat(decision.reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(decision.decidingStep().observed()).contains("tenant_feature_access", "is_enabled = true");
    }

    @Test
    void revokedGrantBlocks() {
        FeatureGate gate = premium().grant(ACME, ANN, "premium", false).gate();

        Decision decision = gate.explainUi(ACME, ANN, "premium");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.GRANT_REVOKED);
        assertThat(decision.decidingStep().observed()).contains("grant revoked");
    }

    @Test
    void missingGrantBlocks() {
        FeatureGate gate = premium().gate();

        Decision decision = gate.explainUi(ACME, ANN, "premium");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.NO_USER_GRANT);
        assertThat(decision.decidingStep().observed()).startsWith("no user grant");
    }

    @Test
    void grantCountsOnlyForItsOwnTenantAndKey() {
        FeatureGate gate = premium()
                .flag("other", true)
                .grant(ACME, ANN, "other", true)
                .grant(GLOBEX, ANN, "premium", true)
                .gate();

        assertThat(gate.explainUi(ACME, ANN, "premium").reason()).isEqualTo(ReasonCode.NO_USER_GRANT);
    }

    @Test
    void nonMemberPlatformAdminIsAllowedAndTraceNotesNonMembership() {
        FeatureGate gate = premium().gate();

        Decision decision = gate.explainUi(ACME, ROOT, "premium");

        assertThat(decision.enabled()).isTrue();
        assertThat(stepAt(decision, Stage.MEMBERSHIP).observed()).contains("is not a member", "member of no tenant");
    }

    @Test
    void nonMemberNonAdminFollowsGrantRulesAndTraceNotesIt() {
        FeatureGate withGrant = premium().grant(ACME, BOB, "premium", true).gate();
        FeatureGate withoutGrant = premium().gate();

        Decision granted = withGrant.explainUi(ACME, BOB, "premium");
        Decision notGranted = withoutGrant.explainUi(ACME, BOB, "premium");

        assertThat(granted.reason()).isEqualTo(ReasonCode.USER_GRANT);
        assertThat(granted.enabled()).isTrue();
        assertThat(granted.decidingStep().observed()).contains("not a member");
        assertThat(stepAt(granted, Stage.MEMBERSHIP).observed()).contains("member of tenant " + GLOBEX);
        assertThat(notGranted.reason()).isEqualTo(ReasonCode.NO_USER_GRANT);
        assertThat(notGranted.decidingStep().observed()).contains("not a member");
    }

    @Test
    void memberTraceSaysMember() {
        Decision decision = premium().gate().explainUi(ACME, ANN, "premium");

        assertThat(stepAt(decision, Stage.MEMBERSHIP).observed()).contains("is a member of tenant 'Acme'");
        assertThat(decision.decidingStep().observed()).doesNotContain("not a member");
    }

    @Test
    void unknownUserIsTreatedAsNonMemberNonAdmin() {
        FeatureGate gate = premium().gate();

        Decision decision = gate.explainUi(ACME, GHOST, "premium");

        assertThat(decision.enabled()).isFalse();
        assertThat(decision.reason()).isEqualTo(ReasonCode.NO_USER_GRANT);
        assertThat(stepAt(decision, Stage.MEMBERSHIP).observed()).contains("user not found");
        assertThat(stepAt(decision, Stage.PLATFORM_ADMIN).observed()).contains("not a platform admin");
    }

    @Test
    void unknownUserWithGrantRowIsAllowedByIt() {
        // A grant row can outlive its profile; useFeatureGate would still read it.
        FeatureGate gate = premium().grant(ACME, GHOST, "premium", true).gate();

        assertThat(gate.explainUi(ACME, GHOST, "premium").reason()).isEqualTo(ReasonCode.USER_GRANT);
    }

    @Test
    void uiGateReportsUnknownFlagAndTenant() {
        FeatureGate gate = premium().gate();

        assertThat(gate.explainUi(ACME, ANN, "nope").reason()).isEqualTo(ReasonCode.FLAG_NOT_FOUND);
        assertThat(gate.explainUi(Scenario.id("tenant:none"), ANN, "premium").reason())
                .isEqualTo(ReasonCode.TENANT_NOT_FOUND);
    }

    @Test
    void uiTraceShowsServerLayerAsInformingWhenTenantHasTheFeature() {
        Decision decision = premium().grant(ACME, ANN, "premium", true).gate().explainUi(ACME, ANN, "premium");

        assertThat(decision.trace()).extracting(TraceStep::stage).containsExactly(
                Stage.FLAG_LOOKUP, Stage.TENANT_LOOKUP, Stage.KILLSWITCH, Stage.TENANT_OVERRIDE,
                Stage.CHANNEL_DEFAULT, Stage.MEMBERSHIP, Stage.PLATFORM_ADMIN, Stage.USER_GRANT);
        TraceStep channel = stepAt(decision, Stage.CHANNEL_DEFAULT);
        assertThat(channel.value()).contains(true);
        assertThat(channel.decided()).isFalse();
    }

    private static TraceStep stepAt(Decision decision, Stage stage) {
        return decision.trace().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }
}
