package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionReview;
import dev.inspector.domain.promotion.PromotionRules;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.service.PromotionService;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.Cli;
import dev.inspector.testing.FlagRows;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console on a database with exactly the reference document's tables and columns: no profiles,
 * no updated_at, no foreign keys. Everything the document's SQL does, the console does there too.
 */
@ExtendWith(PostgresExtension.class)
class ReferenceSchemaTest {

    private static final String ACME = "10000000-0000-0000-0000-000000000003";
    private static final String GRANTED = "30000000-0000-0000-0000-000000000001";

    @Test
    void matrixAndExplainNeedNoUserDirectory(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference()) {
            Cli cli = new Cli(db);

            assertThat(cli.run("matrix", "--csv", "-", "-q")).as(cli.err()).isZero();
            assertThat(cli.out().lines()).hasSize(1 + 5 * 5);
            assertThat(cli.out()).contains(ACME + ",Acme Freight,general,live_map,true,CHANNEL_DEFAULT")
                    .contains("10000000-0000-0000-0000-000000000004,Globex Haulage,general,live_map,false,TENANT_OVERRIDE");

            assertThat(cli.run("explain", "--tenant", "Acme", "--user", GRANTED, "--flag", "analytics", "-q"))
                    .as(cli.err()).isZero();
            assertThat(cli.out()).contains("UI gate: ON  reason USER_GRANT")
                    .contains("name and membership unknown, the database has no user directory");
        }
    }

    @Test
    void everyKillOptionAndRestoreWorkAndAreRecorded(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference()) {
            Cli cli = new Cli(db);
            String original = FlagRows.of(db, "live_map");

            assertThat(cli.run("kill", "live_map", "--reason", "tiles leak", "-q")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("live_map: Trip the killswitch. The feature was on for 4 tenant(s), now for 0.");
            assertThat(cli.run("kill", "live_map", "--reason", "second console", "-q")).isZero();
            assertThat(cli.out()).startsWith("live_map is tripped already since ").contains("tiles leak");
            assertThat(cli.run("kill", "live_map", "--option", "CHANNELS_OFF", "--reason", "belt", "-q")).isZero();
            assertThat(cli.run("kill", "live_map", "--option", "OVERRIDE_ALL_OFF", "--reason", "braces", "-q")).isZero();
            assertThat(cli.out()).contains("Override every tenant off");

            assertThat(cli.run("restore", "live_map", "-q")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("An older rollback still stands: change ");
            assertThat(cli.run("restore", "live_map", "--all", "-q")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("restored the state before the incident, undoing change ");
            assertThat(cli.run("restore", "live_map", "-q")).isEqualTo(1);

            assertThat(FlagRows.of(db, "live_map")).isEqualTo(original);
        }
    }

    @Test
    void promotionsAndOverridesAreWrittenOnTheDocumentsColumnsAndRecorded(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference();
             Session session = new SessionOpener().open(db.target(), m -> { })) {
            assertThat(session.schema().complete()).as(session.schema().summary()).isTrue();
            assertThat(session.schema().notes()).singleElement().asString().startsWith("No public.profiles");
            PromotionService promotions = new PromotionService(session, PromotionRules.DEFAULT_SOAK_DAYS, Clock.systemUTC());
            PromotionReview review = promotions.review("load_board", PromotionTarget.GENERAL);

            promotions.promote(review, Optional.of(GeneralWay.GENERAL_ROW),
                    Set.of(PromotionRules.NO_SUPPORT_ISSUES, PromotionRules.PERFORMANCE), "soaked before Inspector");
            session.flagCommands().setOverrides(Map.of("route_planner",
                            Map.of(UUID.fromString(ACME), Optional.<Boolean>empty())),
                    Optional.of(true), "Acme beta");

            List<ChangeRecord> history = session.history().recent(Optional.empty(), 10);
            assertThat(history).extracting(ChangeRecord::kind)
                    .containsExactly(ChangeKind.OVERRIDES, ChangeKind.PROMOTION_OVERRIDDEN);
            assertThat(db.dsl().fetchValue("SELECT enabled FROM public.release_channel_feature_flags r "
                    + "JOIN public.feature_flags f ON f.id = r.feature_flag_id "
                    + "WHERE f.key = 'load_board' AND r.release_channel = 'general'")).isEqualTo(true);
            assertThat(session.restores().undo(history.get(0).id(), "").changed()).isTrue();
            assertThat(db.dsl().fetchCount(db.dsl().selectOne().from("public.tenant_feature_flags")
                    .where("tenant_id = '" + ACME + "'::uuid AND feature_flag_id = '20000000-0000-0000-0000-000000000001'::uuid")))
                    .isZero();
        }
    }

    @Test
    void aMissingTableDisablesWhatNeedsItAndNeverTheKillswitch(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference()) {
            db.execute("DROP TABLE public.tenant_feature_access");
            db.execute("DROP TABLE public.release_channel_feature_flags");
            Cli cli = new Cli(db);

            assertThat(cli.run("kill", "live_map", "--reason", "incident", "-q")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("live_map: Trip the killswitch. (Tenant numbers unavailable: The server gate (tenant numbers");

            assertThat(cli.run("kill", "live_map", "--option", "CHANNELS_OFF", "--reason", "x", "-q")).isEqualTo(4);
            assertThat(cli.err().strip()).isEqualTo("Channel rows, promotions and the channel rollback need "
                    + "public.release_channel_feature_flags, which this database lacks, has incomplete, or does not let this role read. Nothing was written.");
            assertThat(cli.run("restore", "live_map", "-q")).as(cli.err()).isZero();
        }
    }
}
