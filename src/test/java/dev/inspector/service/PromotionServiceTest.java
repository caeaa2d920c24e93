package dev.inspector.service;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.ChangeKind;
import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.promotion.AuditSummary;
import dev.inspector.domain.promotion.GateCheck;
import dev.inspector.domain.promotion.GateCheck.Status;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionReview;
import dev.inspector.domain.promotion.PromotionRules;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.domain.promotion.WayReach;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Promotion on a real database: gates from the snapshot and the change history, writes recorded. */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ_WRITE)
class PromotionServiceTest {

    private static final Set<String> PILOT_TICKS = Set.of(PromotionRules.NO_CONSOLE_ERRORS, PromotionRules.EDGE_LOGS_CLEAN);
    private static final Set<String> GENERAL_TICKS = Set.of(PromotionRules.NO_SUPPORT_ISSUES, PromotionRules.PERFORMANCE);
    private static final List<String> GENERAL_TENANTS = List.of("Northwind Freight Co.", "Blue Ridge Haulage",
            "Cascade Cold Chain", "Prairie Line Trucking", "Harbor Point Logistics", "Summit Express Carriers",
            "Lone Star Flatbed", "Great Lakes Intermodal");

    private TestDatabase db;
    private Session session;

    @BeforeEach
    void freshDatabase(TestPostgres postgres) {
        db = postgres.cloneDemo();
        session = new SessionOpener().open(db.target(), m -> { });
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void internalToPilotIsBlockedByTheMissingAuditUntilAnOverrideReasonIsTyped() {
        PromotionService service = service(Clock.systemUTC());
        PromotionReview review = service.review("route_optimizer_v2", PromotionTarget.PILOT);

        assertThat(check(review, PromotionRules.INTERNAL_ON).status()).isEqualTo(Status.PASSED);
        assertThat(check(review, PromotionRules.INTERNAL_ON).detail()).isEqualTo("On for the only internal tenant: Default Tenant.");
        assertThat(check(review, PromotionRules.AUDIT_PASSED).status()).isEqualTo(Status.FAILED);
        assertThat(check(review, PromotionRules.AUDIT_PASSED).detail()).isEqualTo("No complete isolation audit run yet.");
        assertThat(review.targetRow()).contains(false);

        assertThatThrownBy(() -> service.promote(review, Optional.empty(), PILOT_TICKS, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Type a reason to override");
        assertThat(pilotRow("route_optimizer_v2")).contains(false);
        int changesBefore = changeCount();

        WriteOutcome outcome = service.promote(review, Optional.empty(), PILOT_TICKS,
                "Audit not built yet (issue #5); RLS checked by hand");

        assertThat(pilotRow("route_optimizer_v2")).contains(true);
        assertThat(changeCount()).isEqualTo(changesBefore + 1);
        ChangeRecord change = latestChange("route_optimizer_v2");
        assertThat(change.id()).isEqualTo(outcome.changeId());
        assertThat(change.action()).as("an overridden gate is told apart from a passed one")
                .isEqualTo("promote-overridden:pilot");
        assertThat(change.kind()).isEqualTo(ChangeKind.PROMOTION_OVERRIDDEN);
        assertThat(change.reason())
                .startsWith("Promoted to pilot.")
                .contains("Overridden gates: \"Latest isolation audit passed (no critical or high findings)\" (No complete isolation audit run yet.)")
                .endsWith("Reason: Audit not built yet (issue #5); RLS checked by hand");
        assertThat(change.rows()).singleElement().satisfies(row -> {
            assertThat(row.table()).isEqualTo("release_channel_feature_flags");
            assertThat(row.rowKey()).isEqualTo("route_optimizer_v2/pilot");
        });
    }

    @Test
    void theAuditGateReadsTheLatestCompleteIsolationAuditRun() {
        PromotionService service = new PromotionService(session, PromotionRules.DEFAULT_SOAK_DAYS, Clock.systemUTC());
        session.audits().run(new AuditRequest(null, Set.of(), List.of()), AuditProgress.SILENT);

        GateCheck failing = check(service.review("route_optimizer_v2", PromotionTarget.PILOT), PromotionRules.AUDIT_PASSED);
        assertThat(failing.status()).isEqualTo(GateCheck.Status.FAILED);
        assertThat(failing.detail()).doesNotContain("No complete isolation audit run yet");

        db.execute("DELETE FROM public.customers WHERE tenant_id IS NULL");
        db.execute("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
        db.execute("CREATE POLICY d ON public.drivers TO authenticated USING (tenant_id = auth.tenant_id()) "
                + "WITH CHECK (tenant_id = auth.tenant_id())");
        session.audits().run(new AuditRequest(null, Set.of(dev.inspector.domain.audit.CheckGroup.SCHEMA), List.of()),
                AuditProgress.SILENT);
        assertThat(check(service.review("route_optimizer_v2", PromotionTarget.PILOT), PromotionRules.AUDIT_PASSED).status())
                .as("a schema-only run proves too little to count").isEqualTo(GateCheck.Status.FAILED);

        var clean = session.audits().run(new AuditRequest(null, Set.of(), List.of()), AuditProgress.SILENT);
        GateCheck passed = check(service.review("route_optimizer_v2", PromotionTarget.PILOT), PromotionRules.AUDIT_PASSED);
        assertThat(passed.status()).isEqualTo(GateCheck.Status.PASSED);
        assertThat(passed.detail()).as("which run, when, and what it covered")
                .startsWith("Audit run " + clean.id() + " of ").contains("(8 tenant relations, 5 tenants impersonated)");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.audits().run(
                        new AuditRequest("tenant_idd", Set.of(), List.of()), AuditProgress.SILENT))
                .as("a mistyped tenant column is refused before anything runs")
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No relation has a column 'tenant_idd'");

        db.execute("CREATE TABLE public.nobody_here (user_id uuid, tenant_id uuid)");
        var empty = session.audits().run(new AuditRequest(dev.inspector.domain.audit.TenancyHints.detect()
                .withMembership("public.nobody_here(user_id, tenant_id)"), Set.of(), List.of(), false), AuditProgress.SILENT);
        assertThat(empty.coverage().incompleteReason()).hasValueSatisfying(why -> assertThat(why).contains("nobody could be impersonated"));
        assertThat(empty.passes(dev.inspector.domain.audit.Severity.HIGH)).as("a run that impersonated nobody passes nothing").isFalse();
        assertThat(check(service.review("route_optimizer_v2", PromotionTarget.PILOT), PromotionRules.AUDIT_PASSED).detail())
                .as("an incomplete run is ignored by the gate").startsWith("Audit run " + clean.id() + " of ");
    }

    @Test
    void aPilotPromotionThroughInspectorStartsTheSoakThatTheGeneralGateCounts() {
        Clock now = Clock.systemUTC();
        PromotionReview toPilot = service(now).review("route_optimizer_v2", PromotionTarget.PILOT);
        service(now).promote(toPilot, Optional.empty(), PILOT_TICKS, "override: no audit yet");

        GateCheck today = check(service(now).review("route_optimizer_v2", PromotionTarget.GENERAL), PromotionRules.PILOT_SOAK);
        assertThat(today.status()).isEqualTo(Status.FAILED);
        assertThat(today.detail()).contains(": 0 days of 7 days; 7 more days to go.");

        Clock eightDaysLater = Clock.offset(now, Duration.ofDays(8));
        GateCheck later = check(service(eightDaysLater).review("route_optimizer_v2", PromotionTarget.GENERAL),
                PromotionRules.PILOT_SOAK);
        assertThat(later.status()).isEqualTo(Status.PASSED);
        assertThat(later.detail()).contains(": 8 days of 7 days.");
    }

    @Test
    void theSoakOfAPilotPromotionOutsideInspectorIsUnknownAndItsRecordedDateCounts() {
        PromotionService service = service(Clock.systemUTC());
        GateCheck unknown = check(service.review("ai_load_matching", PromotionTarget.GENERAL), PromotionRules.PILOT_SOAK);
        assertThat(unknown.status()).isEqualTo(Status.FAILED);
        assertThat(unknown.detail()).startsWith("No record of the pilot promotion in the change history").contains("outside Inspector");

        recordPilotSwitch("ai_load_matching", "2 days", "{\"enabled\": false}", "{\"enabled\": true}");
        assertThat(check(service.review("ai_load_matching", PromotionTarget.GENERAL), PromotionRules.PILOT_SOAK).status())
                .isEqualTo(Status.FAILED);

        db.execute("DELETE FROM inspector.change_set");
        recordPilotSwitch("ai_load_matching", "8 days", null, "{\"feature_flag_id\": \"x\", \"enabled\": true}");
        assertThat(check(service.review("ai_load_matching", PromotionTarget.GENERAL), PromotionRules.PILOT_SOAK).status())
                .isEqualTo(Status.PASSED);

        // switching it off and on again restarts the soak; an on → on rewrite does not
        recordPilotSwitch("ai_load_matching", "3 days", "{\"enabled\": true}", "{\"enabled\": false}");
        recordPilotSwitch("ai_load_matching", "1 day", "{\"enabled\": true}", "{\"enabled\": true}");
        assertThat(check(service.review("ai_load_matching", PromotionTarget.GENERAL), PromotionRules.PILOT_SOAK).status())
                .as("the off in between does not move the latest switch-on").isEqualTo(Status.PASSED);
        recordPilotSwitch("ai_load_matching", "2 days", "{\"enabled\": false}", "{\"enabled\": true}");
        assertThat(check(service.review("ai_load_matching", PromotionTarget.GENERAL), PromotionRules.PILOT_SOAK).status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void bothWaysToGeneralShowTheirReachOnTheDemoData() {
        PromotionService service = service(Clock.systemUTC());

        List<WayReach> aiLoad = service.review("ai_load_matching", PromotionTarget.GENERAL).ways();
        assertThat(aiLoad.get(0).newlyOn()).containsExactlyInAnyOrderElementsOf(without("Northwind Freight Co."));
        assertThat(aiLoad.get(0).explanation()).contains("1 on already (Northwind Freight Co.)");
        assertThat(aiLoad.get(1).newlyOn()).isEmpty();
        assertThat(aiLoad.get(1).explanation()).isEqualTo("Reaches only tenants with no override and no row for their "
                + "channel — here: none, because the general row exists and is off.");

        List<WayReach> eld = service.review("eld_hos_dashboard", PromotionTarget.GENERAL).ways();
        assertThat(eld.get(0).newlyOnCount()).isEqualTo(7);
        assertThat(eld.get(0).newlyOn()).doesNotContain("Cascade Cold Chain");
        assertThat(eld.get(1).newlyOnCount()).isZero();

        List<WayReach> edi = service.review("edi_status_feed", PromotionTarget.GENERAL).ways();
        assertThat(edi.get(0).newlyOn()).containsExactlyInAnyOrderElementsOf(without("Great Lakes Intermodal"));
        assertThat(edi.get(1).newlyOn()).as("no channel rows: the default reaches every tenant without an override")
                .hasSize(9).contains("Default Tenant", "Talbi Logistics LLC").doesNotContain("Great Lakes Intermodal");

        List<WayReach> multiStop = service.review("multi_stop_loads", PromotionTarget.GENERAL).ways();
        assertThat(multiStop.get(0).newlyOn()).isEmpty();
        assertThat(multiStop.get(0).explanation()).contains("1 keeps its off override (Summit Express Carriers)");
    }

    @Test
    void promotingToGeneralWritesTheChosenWay() {
        PromotionService service = service(Clock.systemUTC());
        PromotionReview row = service.review("ai_load_matching", PromotionTarget.GENERAL);
        assertThatThrownBy(() -> service.promote(row, Optional.empty(), GENERAL_TICKS, "soak before Inspector"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Choose how");

        service.promote(row, Optional.of(GeneralWay.GENERAL_ROW), GENERAL_TICKS, "soak before Inspector");
        assertThat(generalRow("ai_load_matching")).contains(true);
        assertThat(session.gates().gate().computeMatrix().enabledTenantCount(
                session.gates().snapshot().flagIndex("ai_load_matching"))).isEqualTo(10);
        assertThat(latestChange("ai_load_matching").reason()).startsWith("Promoted to general (general channel row on).");

        PromotionReview global = service.review("eld_hos_dashboard", PromotionTarget.GENERAL);
        service.promote(global, Optional.of(GeneralWay.GLOBAL_DEFAULT), GENERAL_TICKS, "checked by hand");
        assertThat(session.gates().snapshot().findFlag("eld_hos_dashboard").orElseThrow().defaultEnabled()).isTrue();
        assertThat(generalRow("eld_hos_dashboard")).contains(false);
        assertThat(latestChange("eld_hos_dashboard").reason()).startsWith("Promoted to general (global default on).");
    }

    @Test
    void aReviewThatWentStaleIsRefusedAndWritesNothing() {
        PromotionService service = service(Clock.systemUTC());
        PromotionReview review = service.review("temperature_alerts", PromotionTarget.PILOT);
        session.flagCommands().setChannel("temperature_alerts", ReleaseChannel.PILOT, Optional.of(false),
                Optional.empty(), "someone else removed the row");
        int changes = changeCount();

        assertThatThrownBy(() -> service.promote(review, Optional.empty(), PILOT_TICKS, "override"))
                .isInstanceOf(StateChangedException.class)
                .hasMessage("The pilot row of 'temperature_alerts' is now not set, not off as in the checklist. "
                        + "Nothing was written; look at the checklist again.");
        assertThat(changeCount()).isEqualTo(changes);
        assertThat(pilotRow("temperature_alerts")).isEmpty();
    }

    @Test
    void aCleanAuditLetsThePilotGatePassWithoutOverride() {
        AuditSummary clean = new AuditSummary(1, OffsetDateTime.now(), 0, 0, "");
        PromotionService service = new PromotionService(session.gates(), session.flagCommands(), session.database(),
                () -> Optional.of(clean), 7, Clock.systemUTC());

        PromotionReview review = service.review("route_optimizer_v2", PromotionTarget.PILOT).withTicks(PILOT_TICKS);

        assertThat(review.allowed()).isTrue();
        service.promote(review, Optional.empty(), PILOT_TICKS, "");
        assertThat(pilotRow("route_optimizer_v2")).contains(true);
        ChangeRecord change = latestChange("route_optimizer_v2");
        assertThat(change.action()).isEqualTo("promote:pilot");
        assertThat(change.kind()).isEqualTo(ChangeKind.PROMOTION);
        assertThat(change.reason()).contains("All automatic gates passed.");
    }

    @Test
    void aGateThatFailsAfterTheReviewStopsThePromotion() {
        AuditSummary clean = new AuditSummary(1, OffsetDateTime.now(), 0, 0, "");
        PromotionService service = new PromotionService(session.gates(), session.flagCommands(), session.database(),
                () -> Optional.of(clean), 7, Clock.systemUTC());
        PromotionReview review = service.review("route_optimizer_v2", PromotionTarget.PILOT);
        assertThat(review.withTicks(PILOT_TICKS).allowed()).isTrue();
        // meanwhile the internal tenant loses the feature: the checklist the admin sees went stale
        db.execute("INSERT INTO public.tenant_feature_flags (tenant_id, feature_flag_id, enabled) "
                + "SELECT '00000000-0000-0000-0000-000000000001', id, false FROM public.feature_flags "
                + "WHERE key = 'route_optimizer_v2'");
        int changes = changeCount();

        assertThatThrownBy(() -> service.promote(review, Optional.empty(), PILOT_TICKS, ""))
                .isInstanceOf(StateChangedException.class)
                .hasMessageStartingWith("The gates of 'route_optimizer_v2' changed since the checklist was made: "
                        + "now failing \u201cOn for every internal tenant\u201d (Off for 1 of 1 internal tenant: Default Tenant.)")
                .hasMessageEndingWith("Nothing was written; look at the checklist again.");
        assertThat(pilotRow("route_optimizer_v2")).contains(false);
        assertThat(changeCount()).isEqualTo(changes);
    }

    @Test
    void pilotOrGeneralCannotBeSwitchedOnAroundTheGates() {
        FeatureFlag flag = session.releaseControl().findFlag("route_optimizer_v2").orElseThrow();
        assertThatThrownBy(() -> session.flagCommands().setChannel("route_optimizer_v2", ReleaseChannel.GENERAL,
                Optional.of(false), Optional.of(true), "just do it"))
                .isInstanceOf(GateRequiredException.class)
                .hasMessage("Turning the general channel of route_optimizer_v2 on is a promotion to general: it goes "
                        + "through the verification gates (Promote to general…). Nothing was written.");
        assertThatThrownBy(() -> session.flagCommands().setDefault(flag, true, "sneaky"))
                .isInstanceOf(GateRequiredException.class).hasMessageContaining("promotion to general");
        assertThat(changeCount()).isZero();
        assertThat(generalRow("route_optimizer_v2")).contains(false);
    }

    // --- helpers ---------------------------------------------------------------------------

    private PromotionService service(Clock clock) {
        return new PromotionService(session, PromotionRules.DEFAULT_SOAK_DAYS, clock);
    }

    private static GateCheck check(PromotionReview review, String id) {
        return review.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> without(String tenant) {
        return GENERAL_TENANTS.stream().filter(t -> !t.equals(tenant)).toList();
    }

    private void recordPilotSwitch(String key, String ago, String before, String after) {
        db.execute("WITH s AS (INSERT INTO inspector.change_set (happened_at, os_user, action, flag_key, reason) "
                + "VALUES (now() - interval '" + ago + "', 'sql', 'set-channel', '" + key + "', 'by hand') RETURNING id) "
                + "INSERT INTO inspector.change_entry (change_set_id, table_name, row_key, before_value, after_value) "
                + "SELECT id, 'release_channel_feature_flags', '" + key + "/pilot', "
                + (before == null ? "NULL" : "'" + before + "'::jsonb") + ", '" + after + "'::jsonb FROM s");
    }

    private Optional<Boolean> pilotRow(String key) {
        return session.releaseControl().listFlags().stream().filter(f -> f.flag().key().equals(key)).findFirst()
                .orElseThrow().channel(ReleaseChannel.PILOT);
    }

    private Optional<Boolean> generalRow(String key) {
        return session.releaseControl().listFlags().stream().filter(f -> f.flag().key().equals(key)).findFirst()
                .orElseThrow().channel(ReleaseChannel.GENERAL);
    }

    private ChangeRecord latestChange(String key) {
        return session.history().recent(Optional.of(key), 1).get(0);
    }

    private int changeCount() {
        return session.history().recent(Optional.empty(), 10_000).size();
    }
}
