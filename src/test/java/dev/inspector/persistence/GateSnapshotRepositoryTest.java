package dev.inspector.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class GateSnapshotRepositoryTest {

    @Test
    void everyOverrideRowIsLoadedWithItsValue(TestDatabase db) {
        Set<TenantOverride> expected = new HashSet<>();
        for (Record3<UUID, UUID, Boolean> r : db.dsl().select(
                        DSL.field(DSL.name("tenant_id"), UUID.class),
                        DSL.field(DSL.name("feature_flag_id"), UUID.class),
                        DSL.field(DSL.name("enabled"), Boolean.class))
                .from(DSL.table(DSL.name("public", "tenant_feature_flags"))).fetch()) {
            expected.add(new TenantOverride(r.value1(), r.value2(), r.value3()));
        }
        assertThat(expected).isNotEmpty();

        // More loads than pgjdbc's prepare threshold (5), so text and binary transfer are both covered.
        for (int i = 0; i < 7; i++) {
            GateSnapshot snapshot = new GateSnapshotRepository(db.dsl()).load();
            Set<TenantOverride> loaded = new HashSet<>();
            for (int t = 0; t < snapshot.tenantCount(); t++) {
                for (int f = 0; f < snapshot.flagCount(); f++) {
                    snapshot.override(t, f).ifPresent(loaded::add);
                }
            }
            assertThat(loaded).isEqualTo(expected);
            assertThat(snapshot.overrideCount()).isEqualTo(expected.size());
        }
    }

    @Test
    void theLoadedSnapshotAgreesWithTheDatabaseFunction(TestDatabase db) {
        GateSnapshotRepository repository = new GateSnapshotRepository(db.dsl());
        GateSnapshot snapshot = repository.load();
        MatrixResult matrix = new FeatureGate(snapshot).computeMatrix();

        var rows = repository.effectiveFromDatabase();
        assertThat(rows).hasSize(snapshot.tenantCount() * snapshot.flagCount());
        for (GateSnapshotRepository.EffectiveRow row : rows) {
            int t = snapshot.tenantIndex(row.tenantId());
            int f = snapshot.flagIndexById(row.flagId());
            assertThat(matrix.enabled(t, f)).as("%s / %s", row.tenantName(), row.flagKey()).isEqualTo(row.enabled());
            assertThat(matrix.decider(t, f).name()).isEqualTo(row.decidedBy());
        }
    }
}
