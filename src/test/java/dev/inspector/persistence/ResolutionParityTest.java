package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.PROFILES;
import static dev.inspector.persistence.jooq.public_.Tables.RELEASE_CHANNEL_FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANTS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_ACCESS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.auth.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.resolution.Decider;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.Stage;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For random tenants, flags, channel rows, overrides, grants and killswitch states written to
 * PostgreSQL, every cell must come out the same from the engine and from the database's
 * inspector.effective_feature_flags(); and the same as the reference document's original query
 * wherever no tripped killswitch is involved (where it is, the engine's trace must say so).
 */
@ExtendWith(PostgresExtension.class)
class ResolutionParityTest {

    private static final String[] CHANNELS = {"internal", "pilot", "general", "general", "general", "beta", null};
    private static final String REFERENCE_QUERY = """
            SELECT t.id AS tenant_id, ff.key AS feature_key,
                   COALESCE(tff.enabled, rcff.enabled, ff.default_enabled) AS enabled
            FROM tenants t
            CROSS JOIN feature_flags ff
            LEFT JOIN tenant_feature_flags tff
              ON tff.tenant_id = t.id AND tff.feature_flag_id = ff.id
            LEFT JOIN release_channel_feature_flags rcff
              ON rcff.feature_flag_id = ff.id AND rcff.release_channel = t.release_channel
            """;

    private static TestDatabase db;

    @BeforeAll
    static void database(TestPostgres postgres) {
        db = postgres.cloneDemo();
        // Real databases may hold channels the process does not know, or none: allow both here.
        db.execute("ALTER TABLE public.tenants DROP CONSTRAINT IF EXISTS tenants_release_channel_check");
        db.execute("ALTER TABLE public.tenants ALTER COLUMN release_channel DROP NOT NULL");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void engineAgreesWithTheDatabaseOnEveryCell(long seed) {
        DSLContext dsl = db.dsl();
        writeRandomGateTables(dsl, new Random(seed));

        GateSnapshot snapshot = new GateSnapshotRepository(dsl).load();
        FeatureGate gate = new FeatureGate(snapshot);
        List<GateSnapshotRepository.EffectiveRow> fromDatabase = new GateSnapshotRepository(dsl).effectiveFromDatabase();
        assertThat(fromDatabase).hasSize(snapshot.tenantCount() * snapshot.flagCount());

        int killswitchDifferences = 0;
        Map<String, Boolean> reference = new HashMap<>();
        dsl.fetch(REFERENCE_QUERY).forEach(r ->
                reference.put(r.get("tenant_id") + "/" + r.get("feature_key"), r.get("enabled", Boolean.class)));

        for (GateSnapshotRepository.EffectiveRow row : fromDatabase) {
            int t = snapshot.tenantIndex(row.tenantId());
            int f = snapshot.flagIndex(row.flagKey());
            String cell = row.tenantName() + " / " + row.flagKey();
            assertThat(gate.serverEnabled(t, f)).as("engine vs function, " + cell).isEqualTo(row.enabled());
            assertThat(gate.serverDecider(t, f).name()).as("decider, " + cell).isEqualTo(row.decidedBy());

            boolean original = reference.get(row.tenantId() + "/" + row.flagKey());
            if (gate.serverDecider(t, f) == Decider.KILLSWITCH) {
                if (original != row.enabled()) {
                    killswitchDifferences++;
                    assertThat(gate.explainServer(row.tenantId(), row.flagKey()).decidingStep().stage())
                            .as("where the original query differs, the trace names the killswitch")
                            .isEqualTo(Stage.KILLSWITCH);
                }
            } else {
                assertThat(gate.serverEnabled(t, f)).as("engine vs original query, " + cell).isEqualTo(original);
            }
        }
        assertThat(killswitchDifferences).as("the data exercised a tripped killswitch the original query misses")
                .isPositive();
    }

    private static void writeRandomGateTables(DSLContext dsl, Random random) {
        dsl.execute("TRUNCATE public.tenant_feature_access, public.tenant_feature_flags, "
                + "public.release_channel_feature_flags, public.feature_flags, public.profiles, auth.users, "
                + "public.loads, public.customers, public.vehicles, public.drivers, public.tenants CASCADE");
        List<Query> inserts = new ArrayList<>();
        List<UUID> tenants = new ArrayList<>();
        for (int i = 0; i < 25 + random.nextInt(15); i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            tenants.add(id);
            inserts.add(dsl.insertInto(TENANTS, TENANTS.ID, TENANTS.NAME, TENANTS.RELEASE_CHANNEL)
                    .values(id, "Tenant " + i, CHANNELS[random.nextInt(CHANNELS.length)]));
        }
        List<UUID> flags = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 15 + random.nextInt(15); i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            flags.add(id);
            keys.add("flag_" + i);
            inserts.add(dsl.insertInto(FEATURE_FLAGS, FEATURE_FLAGS.ID, FEATURE_FLAGS.KEY, FEATURE_FLAGS.NAME,
                            FEATURE_FLAGS.DEFAULT_ENABLED, FEATURE_FLAGS.IS_KILLSWITCH)
                    .values(id, "flag_" + i, "Flag " + i, random.nextBoolean(), random.nextInt(4) == 0));
            for (String channel : new String[] {"internal", "pilot", "general"}) {
                if (random.nextInt(4) != 0) {
                    inserts.add(dsl.insertInto(RELEASE_CHANNEL_FEATURE_FLAGS, RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID,
                                    RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL, RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED)
                            .values(id, channel, random.nextBoolean()));
                }
            }
        }
        for (UUID tenant : tenants) {
            for (UUID flag : flags) {
                if (random.nextInt(5) == 0) {
                    inserts.add(dsl.insertInto(TENANT_FEATURE_FLAGS, TENANT_FEATURE_FLAGS.TENANT_ID,
                                    TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID, TENANT_FEATURE_FLAGS.ENABLED)
                            .values(tenant, flag, random.nextBoolean()));
                }
            }
        }
        for (int i = 0; i < 20; i++) {
            UUID user = new UUID(random.nextLong(), random.nextLong());
            UUID tenant = tenants.get(random.nextInt(tenants.size()));
            inserts.add(dsl.insertInto(USERS, USERS.ID, USERS.EMAIL).values(user, "user" + i + "@example.test"));
            inserts.add(dsl.insertInto(PROFILES, PROFILES.ID, PROFILES.TENANT_ID, PROFILES.FULL_NAME, PROFILES.EMAIL,
                            PROFILES.IS_PLATFORM_ADMIN)
                    .values(user, tenant, "User " + i, "user" + i + "@example.test", random.nextInt(10) == 0));
            inserts.add(dsl.insertInto(TENANT_FEATURE_ACCESS, TENANT_FEATURE_ACCESS.TENANT_ID, TENANT_FEATURE_ACCESS.USER_ID,
                            TENANT_FEATURE_ACCESS.FEATURE_KEY, TENANT_FEATURE_ACCESS.IS_ENABLED)
                    .values(tenant, user, keys.get(random.nextInt(keys.size())), random.nextBoolean()));
        }
        // A tripped killswitch overridden on: the case the original query gets wrong, every round.
        inserts.add(dsl.update(FEATURE_FLAGS).set(FEATURE_FLAGS.IS_KILLSWITCH, true)
                .set(FEATURE_FLAGS.DEFAULT_ENABLED, false).where(FEATURE_FLAGS.ID.eq(flags.get(0))));
        inserts.add(dsl.insertInto(TENANT_FEATURE_FLAGS, TENANT_FEATURE_FLAGS.TENANT_ID,
                        TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID, TENANT_FEATURE_FLAGS.ENABLED)
                .values(tenants.get(0), flags.get(0), true)
                .onConflict(TENANT_FEATURE_FLAGS.TENANT_ID, TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID)
                .doUpdate().set(TENANT_FEATURE_FLAGS.ENABLED, true));
        dsl.batch(inserts).execute();
    }
}
