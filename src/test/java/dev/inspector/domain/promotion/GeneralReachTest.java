package dev.inspector.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.GateSnapshotBuilder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Both ways of promoting to general, and exactly whom each reaches. */
class GeneralReachTest {

    private static final String KEY = PromotionRulesTest.KEY;

    @Test
    void theGeneralRowReachesGeneralTenantsWithoutAnOverrideAndTheDefaultNobodyWhileTheRowIsOff() {
        GateSnapshot s = base(false)
                .channelSetting(row(ReleaseChannel.GENERAL, false))
                .override(new TenantOverride(id("Gen B"), flagId(), false))
                .override(new TenantOverride(id("Gen C"), flagId(), true))
                .build();

        List<WayReach> ways = ways(s);

        WayReach row = ways.get(0);
        assertThat(row.way()).isEqualTo(GeneralWay.GENERAL_ROW);
        assertThat(row.newlyOn()).containsExactly("Gen A", "Gen D");
        assertThat(row.summary()).isEqualTo("General row on: 2 tenants newly on");
        assertThat(row.explanation()).isEqualTo("Decides for the 4 general tenants unless an override says otherwise; "
                + "2 newly on (Gen A, Gen D); 1 on already (Gen C); 1 keeps its off override (Gen B).");

        WayReach global = ways.get(1);
        assertThat(global.way()).isEqualTo(GeneralWay.GLOBAL_DEFAULT);
        assertThat(global.newlyOn()).isEmpty();
        assertThat(global.explanation()).isEqualTo("Reaches only tenants with no override and no row for their "
                + "channel — here: none, because the general row exists and is off and 1 tenant with an off override.");
    }

    @Test
    void withoutAGeneralRowTheDefaultReachesGeneralTenantsAndTenantsOfUnknownChannels() {
        GateSnapshot s = base(false)
                .tenant(new Tenant(id("Odd"), "Odd", "Beta"))
                .override(new TenantOverride(id("Gen B"), flagId(), false))
                .build();

        List<WayReach> ways = ways(s);

        assertThat(ways.get(0).newlyOn()).containsExactly("Gen A", "Gen C", "Gen D");
        assertThat(ways.get(1).newlyOn()).containsExactly("Gen A", "Gen C", "Gen D", "Odd");
        assertThat(ways.get(1).summary()).isEqualTo("Global default on: 4 tenants newly on");
        assertThat(ways.get(1).explanation()).endsWith("here: 4 tenants (Gen A, Gen C, Gen D, Odd).");
    }

    @Test
    void aTrippedKillswitchKeepsTheRowFromReachingAnyoneAndTheDefaultWouldReleaseIt() {
        GateSnapshot s = base(true).channelSetting(row(ReleaseChannel.GENERAL, false)).build();

        List<WayReach> ways = ways(s);

        assertThat(ways.get(0).newlyOn()).isEmpty();
        assertThat(ways.get(0).explanation()).contains("4 stay blocked by the tripped killswitch");
        assertThat(ways.get(1).explanation()).endsWith("It also releases the tripped killswitch.");
    }

    private static List<WayReach> ways(GateSnapshot s) {
        return new PromotionRules(7).review(new PromotionInputs(s, KEY, PromotionTarget.GENERAL, Optional.empty(),
                Optional.empty(), PromotionRulesTest.NOW)).ways();
    }

    /** Internal and pilot rows on; four general tenants. */
    private static GateSnapshotBuilder base(boolean killswitchTripped) {
        GateSnapshotBuilder b = GateSnapshot.builder()
                .tenant(new Tenant(id("Dev"), "Dev", "internal"))
                .tenant(new Tenant(id("Pilot"), "Pilot", "pilot"));
        for (String name : List.of("Gen A", "Gen B", "Gen C", "Gen D")) {
            b.tenant(new Tenant(id(name), name, "general"));
        }
        return b.flag(new FeatureFlag(flagId(), KEY, "New", "", false, killswitchTripped))
                .channelSetting(row(ReleaseChannel.INTERNAL, true))
                .channelSetting(row(ReleaseChannel.PILOT, true));
    }

    private static ChannelSetting row(ReleaseChannel channel, boolean on) {
        return new ChannelSetting(flagId(), channel, on);
    }

    private static UUID flagId() {
        return PromotionRulesTest.flagId();
    }

    private static UUID id(String name) {
        return PromotionRulesTest.id(name);
    }
}
