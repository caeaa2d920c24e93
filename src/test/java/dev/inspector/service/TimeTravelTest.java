package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.RollbackOption;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.testing.Cli;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Looking into the past from the change history, on a real database: after a kill, a tenant move,
 * a grant, an override and a channel change, the snapshot "as of" the moment before them answers
 * every server and UI question exactly as the snapshot taken at that moment did, and reading it
 * leaves the tables as they are.
 */
@ExtendWith(PostgresExtension.class)
class TimeTravelTest {

    private static final UUID TALBI = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SUMMIT = UUID.fromString("00000000-0000-0000-0000-000000000008");
    private static final UUID MARCUS = UUID.fromString("00000000-0000-0000-0001-000000000010");
    private static final UUID NORTHWIND = UUID.fromString("00000000-0000-0000-0000-000000000003");

    @Test
    void theSnapshotAsOfAMomentAnswersAsTheSnapshotTakenThenDid(TestDatabase db) {
        try (Session session = new SessionOpener().open(db.target(), m -> { })) {
            GateSnapshot then = session.gates().snapshot();
            OffsetDateTime moment = db.dsl().fetchValue(org.jooq.impl.DSL.currentOffsetDateTime());
            session.flagCommands().rollback("live_tracking_map", RollbackOption.KILLSWITCH, "incident 1");
            session.tenantCommands().moveTenant(SUMMIT, Optional.of("general"), ReleaseChannel.PILOT, "pilot");
            session.tenantCommands().setGrants("advanced_analytics", NORTHWIND, List.of(MARCUS), true, "reports");
            session.flagCommands().setChannel("ai_load_matching", ReleaseChannel.PILOT,
                    then.channelSetting(then.flagIndex("ai_load_matching"), ReleaseChannel.PILOT), Optional.of(false),
                    "pilot paused");
            Optional<Boolean> talbiDark = then.override(then.tenantIndex(TALBI), then.flagIndex("dark_mode"))
                    .map(dev.inspector.domain.TenantOverride::enabled);
            session.flagCommands().setOverrides("dark_mode", java.util.Map.of(TALBI, talbiDark),
                    Optional.of(!talbiDark.orElse(false)), "Talbi flips");
            GateSnapshot now = session.gates().snapshot();
            assertThat(answers(now)).as("the writes changed answers").isNotEqualTo(answers(then));
            String tables = checksum(db);

            GateSnapshot past = session.gates().snapshotAsOf(moment);

            assertThat(answers(past)).isEqualTo(answers(then));
            assertThat(past.tenants()).isEqualTo(then.tenants());
            assertThat(past.flags()).isEqualTo(then.flags());
            assertThat(past.grant(NORTHWIND, MARCUS, "advanced_analytics")).isEqualTo(then.grant(NORTHWIND, MARCUS,
                    "advanced_analytics"));
            assertThat(checksum(db)).as("looking back writes nothing").isEqualTo(tables);
            assertThat(answers(session.gates().snapshotAsOf(OffsetDateTime.now().plusSeconds(1))))
                    .as("as of now is now").isEqualTo(answers(now));
        }
    }

    @Test
    void onTheReferenceTablesAloneAndOnTheCommandLine(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference(); Session session = new SessionOpener().open(db.target(), m -> { })) {
            GateSnapshot then = session.gates().snapshot();
            Cli before = new Cli(db);
            assertThat(before.run("matrix", "--csv", "-", "-q")).isZero();
            String matrixThen = before.out();
            OffsetDateTime moment = db.dsl().fetchValue(org.jooq.impl.DSL.currentOffsetDateTime());
            String flag = then.flag(0).key();
            Tenant tenant = then.tenant(0);
            session.flagCommands().rollback(flag, RollbackOption.OVERRIDE_ALL_OFF, "incident 2");
            assertThat(answers(session.gates().snapshot())).isNotEqualTo(answers(then));
            assertThat(answers(session.gates().snapshotAsOf(moment))).isEqualTo(answers(then));

            Cli cli = new Cli(db);
            int exit = cli.run("explain", "--tenant", tenant.id().toString(), "--flag", flag, "--as-of", moment.toString());
            assertThat(exit).as(cli.err()).isIn(0, 1);
            assertThat(cli.out()).startsWith("As of " + moment).contains("Recorded changes since (newest first):")
                    .contains("overrode every tenant off for " + flag).contains(": \u201cincident 2\u201d");
            assertThat(cli.run("matrix", "--csv", "-", "-q")).isZero();
            assertThat(cli.out()).as("the kill changed the matrix").isNotEqualTo(matrixThen);
            assertThat(cli.run("matrix", "--as-of", moment.toString(), "--csv", "-", "-q")).as(cli.err()).isZero();
            assertThat(cli.out()).isEqualTo(matrixThen);
            assertThat(cli.run("explain", "--tenant", tenant.id().toString(), "--flag", flag, "--as-of", "yesterday noon"))
                    .isEqualTo(2);
            assertThat(cli.err()).contains("'yesterday noon' is not a moment");
            assertThat(cli.run("explain", "--tenant", tenant.id().toString(), "--flag", flag, "--as-of", "2999-01-01"))
                    .isEqualTo(2);
            assertThat(cli.err()).contains("is in the future");
        }
    }

    /** Every server answer and, for every directory user, every UI answer, as one comparable list. */
    private static List<String> answers(GateSnapshot snapshot) {
        MatrixResult matrix = MatrixResult.compute(snapshot);
        FeatureGate gate = new FeatureGate(snapshot);
        List<String> out = new ArrayList<>();
        for (int t = 0; t < matrix.tenantCount(); t++) {
            for (int f = 0; f < matrix.flagCount(); f++) {
                out.add(matrix.tenant(t).id() + "/" + matrix.flag(f).key() + "=" + matrix.enabled(t, f));
            }
        }
        snapshot.users().forEach(u -> u.tenant().ifPresent(t -> snapshot.flags().forEach(f ->
                out.add(u.id() + "/" + f.key() + "=" + gate.explainUi(t, u.id(), f.key()).enabled()))));
        return out;
    }

    private static String checksum(TestDatabase db) {
        return String.valueOf(db.dsl().fetchValue("SELECT md5(string_agg(t, ',' ORDER BY t)) FROM ("
                + "SELECT to_jsonb(x)::text t FROM public.feature_flags x UNION ALL "
                + "SELECT to_jsonb(x)::text FROM public.tenants x UNION ALL "
                + "SELECT to_jsonb(x)::text FROM public.release_channel_feature_flags x UNION ALL "
                + "SELECT to_jsonb(x)::text FROM public.tenant_feature_flags x UNION ALL "
                + "SELECT to_jsonb(x)::text FROM public.tenant_feature_access x) s"));
    }
}
