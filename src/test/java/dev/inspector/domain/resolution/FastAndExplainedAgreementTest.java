package dev.inspector.domain.resolution;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path, the matrix and the explained path are three implementations of one rule set;
 * over many random snapshots they must agree on every cell, and all must agree with the naive
 * reading of the rules.
 */
class FastAndExplainedAgreementTest {

    private static final long SEED = 20260111L;
    private static final int SNAPSHOTS = 400;

    @Test
    void serverVerdictsAndDecidersAgreeOnEveryCell() {
        Random random = new Random(SEED);
        Set<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        int cells = 0;
        for (int round = 0; round < SNAPSHOTS; round++) {
            RandomSnapshots.Rows rows = RandomSnapshots.nextRows(random);
            GateSnapshot snapshot = rows.snapshot();
            FeatureGate gate = new FeatureGate(snapshot);
            MatrixResult matrix = gate.computeMatrix();
            NaiveGate naive = new NaiveGate(rows);
            for (int t = 0; t < snapshot.tenantCount(); t++) {
                for (int f = 0; f < snapshot.flagCount(); f++) {
                    UUID tenantId = snapshot.tenant(t).id();
                    String key = snapshot.flag(f).key();
                    Decision explained = gate.explainServer(tenantId, key);
                    NaiveGate.Verdict expected = naive.server(tenantId, key);
                    String where = "round " + round + ", tenant " + t + ", flag " + f + ": " + explained.trace();

                    assertThat(explained.enabled()).as(where).isEqualTo(expected.enabled());
                    assertThat(explained.reason()).as(where).isEqualTo(expected.reason());
                    assertThat(gate.serverEnabled(t, f)).as(where).isEqualTo(explained.enabled());
                    assertThat(gate.serverDecider(t, f)).as(where).isEqualTo(explained.serverDecider());
                    assertThat(gate.serverEnabled(tenantId, key)).as(where).isEqualTo(explained.enabled());
                    assertThat(matrix.enabled(t, f)).as(where).isEqualTo(explained.enabled());
                    assertThat(matrix.decider(t, f)).as(where).isEqualTo(explained.serverDecider());
                    seen.add(explained.reason());
                    cells++;
                }
            }
        }
        // Guards the generator: agreement over data that never reaches a layer would prove nothing.
        assertThat(seen).contains(ReasonCode.KILLSWITCH_TRIPPED, ReasonCode.TENANT_OVERRIDE,
                ReasonCode.CHANNEL_DEFAULT, ReasonCode.GLOBAL_DEFAULT);
        assertThat(cells).isGreaterThan(5_000);
    }

    @Test
    void uiVerdictsAgreeWithNaiveRules() {
        Random random = new Random(SEED + 1);
        Set<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        for (int round = 0; round < SNAPSHOTS; round++) {
            RandomSnapshots.Rows rows = RandomSnapshots.nextRows(random);
            FeatureGate gate = new FeatureGate(rows.snapshot());
            NaiveGate naive = new NaiveGate(rows);
            List<UUID> users = new ArrayList<>(rows.users().stream().map(UserProfile::id).toList());
            users.add(new UUID(random.nextLong(), random.nextLong())); // a user with no profile
            for (Tenant tenant : rows.tenants()) {
                for (UUID user : users) {
                    for (int f = 0; f < rows.flags().size(); f++) {
                        String key = rows.flags().get(f).key();
                        Decision explained = gate.explainUi(tenant.id(), user, key);
                        NaiveGate.Verdict expected = naive.ui(tenant.id(), user, key);
                        String where = "round " + round + ": " + explained.trace();

                        assertThat(explained.enabled()).as(where).isEqualTo(expected.enabled());
                        assertThat(explained.reason()).as(where).isEqualTo(expected.reason());
                        assertThat(explained.serverDecider()).as(where).isEqualTo(
                                gate.serverDecider(gate.snapshot().tenantIndex(tenant.id()), f));
                        seen.add(explained.reason());
                    }
                }
            }
        }
        assertThat(seen).contains(ReasonCode.PLATFORM_ADMIN, ReasonCode.USER_GRANT,
                ReasonCode.GRANT_REVOKED, ReasonCode.NO_USER_GRANT);
    }
}
