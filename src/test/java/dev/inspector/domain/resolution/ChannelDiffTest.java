package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.inspector.domain.ReleaseChannel.GENERAL;
import static dev.inspector.domain.ReleaseChannel.INTERNAL;
import static dev.inspector.domain.ReleaseChannel.PILOT;
import static dev.inspector.domain.resolution.Scenario.ACME;
import static dev.inspector.domain.resolution.Scenario.ANN;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelDiffTest {

    /** Step 1 of the rollout process: on in internal only. */
    private static Scenario inInternalOnly() {
        return Scenario.standard()
                .flag("new_ui", false)
                .channel("new_ui", INTERNAL, true)
                .channel("new_ui", PILOT, false)
                .channel("new_ui", GENERAL, false);
    }

    @Test
    void showsWhichChannelsWouldFlipTheServerVerdict() {
        ChannelDiff diff = inInternalOnly().gate().channelDiff(ACME, ANN, "new_ui");

        assertThat(diff.currentServer().enabled()).isFalse();
        assertThat(diff.on(PILOT).current()).isTrue();
        assertThat(diff.on(INTERNAL).current()).isFalse();
        assertThat(diff.on(INTERNAL).serverEnabled()).isTrue();
        assertThat(diff.serverChangesOn(INTERNAL)).isTrue();
        assertThat(diff.serverChangesOn(GENERAL)).isFalse();
        assertThat(diff.outcomes()).extracting(ChannelOutcome::channel).containsExactly(INTERNAL, PILOT, GENERAL);
    }

    @Test
    void uiVerdictFollowsTheUserGrant() {
        FeatureGate withGrant = inInternalOnly().grant(ACME, ANN, "new_ui", true).gate();
        FeatureGate withoutGrant = inInternalOnly().gate();

        assertThat(withGrant.channelDiff(ACME, ANN, "new_ui").uiChangesOn(INTERNAL)).isTrue();
        assertThat(withGrant.channelDiff(ACME, ANN, "new_ui").on(INTERNAL).ui().reason()).isEqualTo(ReasonCode.USER_GRANT);
        // Without a grant the server flip is invisible to the user.
        assertThat(withoutGrant.channelDiff(ACME, ANN, "new_ui").uiChangesOn(INTERNAL)).isFalse();
    }

    @Test
    void overrideMakesEveryChannelAlike() {
        ChannelDiff diff = inInternalOnly().override(ACME, "new_ui", true).gate().channelDiff(ACME, ANN, "new_ui");

        for (ReleaseChannel channel : ReleaseChannel.values()) {
            assertThat(diff.on(channel).server().reason()).isEqualTo(ReasonCode.TENANT_OVERRIDE);
            assertThat(diff.serverChangesOn(channel)).isFalse();
        }
    }

    @Test
    void tenantWithUnknownChannelIsCurrentlyOnNoneOfThem() {
        UUID odd = Scenario.id("tenant:odd");
        ChannelDiff diff = inInternalOnly().tenant(odd, "Odd", "beta").gate().channelDiff(odd, ANN, "new_ui");

        assertThat(diff.outcomes()).noneMatch(ChannelOutcome::current);
        assertThat(diff.currentServer().reason()).isEqualTo(ReasonCode.GLOBAL_DEFAULT);
        assertThat(diff.on(INTERNAL).server().reason()).isEqualTo(ReasonCode.CHANNEL_DEFAULT);
        assertThat(diff.on(INTERNAL).server().trace().get(1).observed())
                .contains("release_channel 'beta'", "as if on channel internal");
    }

    @Test
    void unknownFlagGivesTheSameErrorOnEveryChannel() {
        ChannelDiff diff = inInternalOnly().gate().channelDiff(ACME, ANN, "nope");

        assertThat(diff.outcomes()).allSatisfy(o -> assertThat(o.server().reason()).isEqualTo(ReasonCode.FLAG_NOT_FOUND));
    }
}
