package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import org.junit.jupiter.api.Test;

import static dev.inspector.domain.resolution.Scenario.ACME;
import static dev.inspector.domain.resolution.Scenario.ANN;
import static dev.inspector.domain.resolution.Scenario.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateSnapshotTest {

    @Test
    void indexesFollowInputOrderAndLookupsFindEveryKind() {
        GateSnapshot snapshot = Scenario.standard().flag("a", true).flag("b", false)
                .grant(ACME, ANN, "b", false).snapshot();

        assertThat(snapshot.tenants()).extracting(Tenant::name).containsExactly("Acme", "Globex");
        assertThat(snapshot.tenantIndex(GLOBEX)).isEqualTo(1);
        assertThat(snapshot.flagIndex("b")).isEqualTo(1);
        assertThat(snapshot.flagIndexById(Scenario.flagId("b"))).isEqualTo(1);
        assertThat(snapshot.findFlag("a")).get().extracting(f -> f.defaultEnabled()).isEqualTo(true);
        assertThat(snapshot.findUser(ANN)).get().extracting(u -> u.fullName()).isEqualTo("Ann");
        assertThat(snapshot.grant(ACME, ANN, "b")).get().extracting(g -> g.enabled()).isEqualTo(false);
    }

    @Test
    void unknownIdsAndKeysGiveMinusOneOrEmpty() {
        GateSnapshot snapshot = Scenario.standard().flag("a", true).snapshot();

        assertThat(snapshot.tenantIndex(Scenario.id("x"))).isEqualTo(-1);
        assertThat(snapshot.flagIndex("zzz")).isEqualTo(-1);
        assertThat(snapshot.flagIndexById(Scenario.id("x"))).isEqualTo(-1);
        assertThat(snapshot.findTenant(Scenario.id("x"))).isEmpty();
        assertThat(snapshot.findUser(Scenario.id("x"))).isEmpty();
        assertThat(snapshot.grant(ACME, ANN, "a")).isEmpty();
    }

    @Test
    void overridesGivenInAnyOrderAreFoundPerTenantAndFlag() {
        Scenario scenario = Scenario.standard();
        for (String key : new String[] {"e", "d", "c", "b", "a"}) {
            scenario.flag(key, false);
        }
        GateSnapshot snapshot = scenario
                .override(GLOBEX, "a", true)
                .override(ACME, "c", false)
                .override(ACME, "a", true)
                .override(ACME, "e", true)
                .snapshot();

        int acme = snapshot.tenantIndex(ACME);
        assertThat(snapshot.override(acme, snapshot.flagIndex("a"))).get().extracting(o -> o.enabled()).isEqualTo(true);
        assertThat(snapshot.override(acme, snapshot.flagIndex("c"))).get().extracting(o -> o.enabled()).isEqualTo(false);
        assertThat(snapshot.override(acme, snapshot.flagIndex("b"))).isEmpty();
        assertThat(snapshot.override(snapshot.tenantIndex(GLOBEX), snapshot.flagIndex("c"))).isEmpty();
        assertThat(snapshot.overrideCount()).isEqualTo(4);
    }

    @Test
    void channelSettingsAreFoundPerFlagAndChannel() {
        GateSnapshot snapshot = Scenario.standard().flag("a", false)
                .channel("a", ReleaseChannel.INTERNAL, true).channel("a", ReleaseChannel.GENERAL, false).snapshot();

        assertThat(snapshot.channelSetting(0, ReleaseChannel.INTERNAL)).contains(true);
        assertThat(snapshot.channelSetting(0, ReleaseChannel.PILOT)).isEmpty();
        assertThat(snapshot.channelSetting(0, ReleaseChannel.GENERAL)).contains(false);
    }

    @Test
    void rowsPointingOutsideTheSnapshotAreDroppedAndCounted() {
        GateSnapshot snapshot = Scenario.standard().flag("a", false)
                .override(Scenario.id("tenant:gone"), "a", true)
                .override(ACME, "gone", true)
                .channel("gone", ReleaseChannel.PILOT, true)
                .snapshot();

        assertThat(snapshot.overrideCount()).isZero();
        assertThat(snapshot.ignoredRowCount()).isEqualTo(3);
    }

    @Test
    void rejectsRowsThePrimaryKeysForbid() {
        assertThatThrownBy(() -> Scenario.standard().tenant(ACME, "Acme again", "general").snapshot())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant id");
        assertThatThrownBy(() -> Scenario.standard().flag("a", true).flag("a", false).snapshot())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flag key");
        assertThatThrownBy(() -> Scenario.standard().flag("a", true)
                .override(ACME, "a", true).override(ACME, "a", false).snapshot())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two overrides");
        assertThatThrownBy(() -> Scenario.standard().flag("a", true)
                .channel("a", ReleaseChannel.PILOT, true).channel("a", ReleaseChannel.PILOT, true).snapshot())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two channel rows");
        assertThatThrownBy(() -> Scenario.standard().user(ANN, null, "Ann twin", false).snapshot())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user id");
        assertThatThrownBy(() -> Scenario.standard().grant(ACME, ANN, "a", true).grant(ACME, ANN, "a", false).snapshot())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grant");
    }

    @Test
    void sameFlagOverriddenByTwoTenantsIsNotADuplicate() {
        GateSnapshot snapshot = Scenario.standard().flag("a", false)
                .override(ACME, "a", true).override(GLOBEX, "a", false).snapshot();

        assertThat(snapshot.overrideCount()).isEqualTo(2);
    }

    @Test
    void exposedListsCannotBeModified() {
        GateSnapshot snapshot = Scenario.standard().snapshot();

        assertThatThrownBy(() -> snapshot.tenants().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.flags().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.users().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void usersAreListedInInputOrder() {
        GateSnapshot snapshot = Scenario.standard().snapshot();

        assertThat(snapshot.users()).extracting(u -> u.fullName()).containsExactly("Ann", "Bob", "Root");
    }
}
