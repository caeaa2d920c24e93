package dev.inspector.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.promotion.GateCheck.Status;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.GateSnapshotBuilder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each gate of section 5 passes and fails exactly as the process says. */
class PromotionRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);
    static final String KEY = "new_feature";
    static final AuditSummary CLEAN = new AuditSummary(1, NOW.minusDays(1), 0, 0, "");

    // --- internal → pilot ------------------------------------------------------------------

    static Stream<Arguments> internalTenantCases() {
        return Stream.of(
                Arguments.of("internal row on", (Consumer<GateSnapshotBuilder>) b -> channel(b, ReleaseChannel.INTERNAL, true),
                        Status.PASSED, "On for all 2 internal tenants: Dev A, Dev B."),
                Arguments.of("internal row off", (Consumer<GateSnapshotBuilder>) b -> channel(b, ReleaseChannel.INTERNAL, false),
                        Status.FAILED, "Off for 2 of 2 internal tenants: Dev A, Dev B."),
                Arguments.of("no row, default off", (Consumer<GateSnapshotBuilder>) b -> { },
                        Status.FAILED, "Off for 2 of 2 internal tenants: Dev A, Dev B."),
                Arguments.of("one internal tenant opted out", (Consumer<GateSnapshotBuilder>) b -> {
                    channel(b, ReleaseChannel.INTERNAL, true);
                    b.override(new TenantOverride(id("Dev B"), flagId(), false));
                }, Status.FAILED, "Off for 1 of 2 internal tenants: Dev B."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("internalTenantCases")
    void theFlagMustBeOnForEveryInternalTenant(String name, Consumer<GateSnapshotBuilder> setup, Status status,
                                               String detail) {
        GateSnapshotBuilder b = tenants(GateSnapshot.builder()).flag(flag(false, false));
        setup.accept(b);

        GateCheck check = check(review(b.build(), PromotionTarget.PILOT, Optional.of(CLEAN), Optional.empty()),
                PromotionRules.INTERNAL_ON);

        assertThat(check.status()).isEqualTo(status);
        assertThat(check.detail()).isEqualTo(detail);
    }

    @Test
    void aTrippedKillswitchFailsTheInternalCheck() {
        GateSnapshotBuilder b = tenants(GateSnapshot.builder()).flag(flag(false, true));
        channel(b, ReleaseChannel.INTERNAL, true);

        assertThat(check(review(b.build(), PromotionTarget.PILOT, Optional.of(CLEAN), Optional.empty()),
                PromotionRules.INTERNAL_ON).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void withoutInternalTenantsNobodyCanHaveVerifiedIt() {
        GateSnapshot s = GateSnapshot.builder().tenant(new Tenant(id("G"), "G", "general")).flag(flag(true, false)).build();

        GateCheck check = check(review(s, PromotionTarget.PILOT, Optional.of(CLEAN), Optional.empty()), PromotionRules.INTERNAL_ON);

        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.detail()).startsWith("No tenant is in the internal channel");
    }

    static Stream<Arguments> auditCases() {
        return Stream.of(
                Arguments.of(Optional.empty(), Status.FAILED, "No complete isolation audit run yet."),
                Arguments.of(Optional.of(CLEAN), Status.PASSED, "Audit run 1 of 2026-11-26 12:00 UTC passed: no critical or high findings."),
                Arguments.of(Optional.of(new AuditSummary(1, NOW, 0, 1, "")), Status.FAILED,
                        "Audit run 1 of 2026-11-27 12:00 UTC found 0 critical findings and 1 high finding."),
                Arguments.of(Optional.of(new AuditSummary(1, NOW, 2, 0, "")), Status.FAILED,
                        "Audit run 1 of 2026-11-27 12:00 UTC found 2 critical findings and 0 high findings."));
    }

    @ParameterizedTest
    @MethodSource("auditCases")
    void theLatestAuditMustHaveNoCriticalOrHighFindings(Optional<AuditSummary> audit, Status status, String detail) {
        GateCheck check = check(review(standard(), PromotionTarget.PILOT, audit, Optional.empty()), PromotionRules.AUDIT_PASSED);

        assertThat(check.kind()).isEqualTo(GateCheck.Kind.AUTOMATIC);
        assertThat(check.status()).isEqualTo(status);
        assertThat(check.detail()).isEqualTo(detail);
    }

    @Test
    void pilotGateHasTwoManualChecksThatWaitForATick() {
        PromotionReview review = review(standard(), PromotionTarget.PILOT, Optional.of(CLEAN), Optional.empty());

        assertThat(review.checks()).extracting(GateCheck::id).containsExactly(PromotionRules.INTERNAL_ON,
                PromotionRules.AUDIT_PASSED, PromotionRules.NO_CONSOLE_ERRORS, PromotionRules.EDGE_LOGS_CLEAN);
        assertThat(review.unticked()).extracting(GateCheck::title)
                .containsExactly("No console errors specific to the feature", "Edge-function logs clean");
        assertThat(review.allowed()).isFalse();
        assertThat(review.ways()).isEmpty();

        PromotionReview ticked = review.withTicks(Set.of(PromotionRules.NO_CONSOLE_ERRORS, PromotionRules.EDGE_LOGS_CLEAN));
        assertThat(ticked.allowed()).isTrue();
        assertThat(ticked.canPromote("")).isTrue();
        assertThat(ticked.withTicks(Set.of(PromotionRules.EDGE_LOGS_CLEAN)).allowed()).as("unticking counts").isFalse();
    }

    // --- pilot → general -------------------------------------------------------------------

    static Stream<Arguments> soakCases() {
        return Stream.of(
                Arguments.of(7, Optional.empty(), Status.FAILED),
                Arguments.of(7, Optional.of(NOW.minusDays(8)), Status.PASSED),
                Arguments.of(7, Optional.of(NOW.minusDays(7)), Status.PASSED),
                Arguments.of(7, Optional.of(NOW.minusDays(7).plusMinutes(1)), Status.FAILED),
                Arguments.of(7, Optional.of(NOW.minusDays(2)), Status.FAILED),
                Arguments.of(3, Optional.of(NOW.minusDays(2)), Status.FAILED),
                Arguments.of(3, Optional.of(NOW.minusDays(3)), Status.PASSED),
                Arguments.of(0, Optional.of(NOW), Status.PASSED));
    }

    @ParameterizedTest(name = "{0} days needed, in pilot since {1}: {2}")
    @MethodSource("soakCases")
    void thePilotSoakIsTakenFromTheChangeHistory(int soakDays, Optional<OffsetDateTime> since, Status status) {
        PromotionReview review = new PromotionRules(soakDays).review(new PromotionInputs(standard(), KEY,
                PromotionTarget.GENERAL, Optional.of(CLEAN), since, NOW));

        GateCheck check = check(review, PromotionRules.PILOT_SOAK);
        assertThat(check.title()).isEqualTo("At least " + soakDays + " day" + (soakDays == 1 ? "" : "s") + " in pilot");
        assertThat(check.status()).isEqualTo(status);
    }

    @Test
    void soakDetailsSayWhenAndHowLong() {
        assertThat(check(review(standard(), PromotionTarget.GENERAL, Optional.of(CLEAN), Optional.of(NOW.minusDays(2))),
                PromotionRules.PILOT_SOAK).detail())
                .isEqualTo("In pilot since 2026-11-25 12:00 UTC: 2 days of 7 days; 5 more days to go.");
        assertThat(check(review(standard(), PromotionTarget.GENERAL, Optional.of(CLEAN), Optional.empty()),
                PromotionRules.PILOT_SOAK).detail())
                .startsWith("No record of the pilot promotion in the change history")
                .contains("outside Inspector");
    }

    static Stream<Arguments> auditSincePilotCases() {
        OffsetDateTime pilot = NOW.minusDays(8);
        return Stream.of(
                Arguments.of(Optional.empty(), Optional.of(pilot), Status.FAILED, "No complete isolation audit run yet."),
                Arguments.of(Optional.of(new AuditSummary(1, NOW.minusDays(1), 0, 0, "")), Optional.of(pilot), Status.PASSED,
                        "Audit run 1 of 2026-11-26 12:00 UTC passed: no critical or high findings."),
                Arguments.of(Optional.of(new AuditSummary(1, NOW.minusDays(9), 0, 0, "")), Optional.of(pilot), Status.FAILED,
                        "The latest audit (2026-11-18 12:00 UTC) ran before the pilot promotion (2026-11-19 12:00 UTC)."),
                Arguments.of(Optional.of(new AuditSummary(1, NOW.minusDays(1), 1, 0, "")), Optional.of(pilot), Status.FAILED,
                        "Audit run 1 of 2026-11-26 12:00 UTC found 1 critical finding and 0 high findings."),
                Arguments.of(Optional.of(new AuditSummary(1, NOW.minusDays(1), 0, 0, "")), Optional.empty(), Status.FAILED,
                        "Audit run 1 of 2026-11-26 12:00 UTC passed: no critical or high findings. Whether it ran after "
                                + "the pilot promotion is unknown: the promotion is not in the change history."));
    }

    @ParameterizedTest
    @MethodSource("auditSincePilotCases")
    void anAuditMustHavePassedSinceThePilotPromotion(Optional<AuditSummary> audit, Optional<OffsetDateTime> pilot,
                                                    Status status, String detail) {
        GateCheck check = check(review(standard(), PromotionTarget.GENERAL, audit, pilot), PromotionRules.AUDIT_SINCE_PILOT);

        assertThat(check.status()).isEqualTo(status);
        assertThat(check.detail()).isEqualTo(detail);
    }

    @Test
    void generalGateListsTheDocumentsChecksInOrder() {
        PromotionReview review = review(standard(), PromotionTarget.GENERAL, Optional.empty(), Optional.empty());

        assertThat(review.checks()).extracting(GateCheck::id).containsExactly(PromotionRules.PILOT_SOAK,
                PromotionRules.NO_SUPPORT_ISSUES, PromotionRules.PERFORMANCE, PromotionRules.AUDIT_SINCE_PILOT);
        assertThat(review.checks()).filteredOn(c -> c.kind() == GateCheck.Kind.MANUAL).extracting(GateCheck::title)
                .containsExactly("No support issues from the pilot tenant", "Performance acceptable");
        assertThat(review.targetRow()).isEqualTo(Optional.of(false));
    }

    // --- overriding ------------------------------------------------------------------------

    @Test
    void aFailedAutomaticGateBlocksUntilATypedReasonOverridesIt() {
        PromotionReview review = review(standard(), PromotionTarget.PILOT, Optional.empty(), Optional.empty())
                .withTicks(Set.of(PromotionRules.NO_CONSOLE_ERRORS, PromotionRules.EDGE_LOGS_CLEAN));

        assertThat(review.allowed()).isFalse();
        assertThat(review.overrideNeeded()).isTrue();
        assertThat(review.failedGates()).extracting(GateCheck::id).containsExactly(PromotionRules.AUDIT_PASSED);
        assertThat(review.overrideRequirement()).contains("Latest isolation audit passed").contains("type why");
        assertThat(review.canPromote(null)).isFalse();
        assertThat(review.canPromote("   ")).isFalse();
        assertThat(review.problem("")).contains("Blocked by \"Latest isolation audit passed (no critical or high "
                + "findings)\". Type a reason to override.");
        assertThat(review.canPromote("Audit tool not built yet; checked RLS by hand")).isTrue();
        assertThat(review.canPromote("x".repeat(PromotionReview.MAX_REASON_LENGTH + 1))).isFalse();
        assertThat(review.recordedReason(Optional.empty(), " checked RLS by hand "))
                .isEqualTo("Promoted to pilot. Ticked: \"No console errors specific to the feature\", \"Edge-function "
                        + "logs clean\". Overridden gates: \"Latest isolation audit passed (no critical or high findings)\" "
                        + "(No complete isolation audit run yet.). Reason: checked RLS by hand");
    }

    @Test
    void anOverrideReasonNeverReplacesAManualTick() {
        PromotionReview review = review(standard(), PromotionTarget.PILOT, Optional.empty(), Optional.empty());

        assertThat(review.canPromote("I am sure")).isFalse();
        assertThat(review.problem("I am sure")).hasValueSatisfying(p -> assertThat(p).startsWith("Tick the manual checks first"));
    }

    @Test
    void aCleanPromotionIsRecordedWithTheWay() {
        PromotionReview review = review(standard(), PromotionTarget.GENERAL, Optional.of(CLEAN), Optional.of(NOW.minusDays(9)))
                .withTicks(Set.of(PromotionRules.NO_SUPPORT_ISSUES, PromotionRules.PERFORMANCE));

        assertThat(review.allowed()).isTrue();
        assertThat(review.recordedReason(Optional.of(GeneralWay.GENERAL_ROW), ""))
                .isEqualTo("Promoted to general (general channel row on). Ticked: \"No support issues from the pilot "
                        + "tenant\", \"Performance acceptable\". All automatic gates passed.");
    }

    // --- helpers ---------------------------------------------------------------------------

    static PromotionReview review(GateSnapshot snapshot, PromotionTarget target, Optional<AuditSummary> audit,
                                  Optional<OffsetDateTime> pilotSince) {
        return new PromotionRules(PromotionRules.DEFAULT_SOAK_DAYS)
                .review(new PromotionInputs(snapshot, KEY, target, audit, pilotSince, NOW));
    }

    static GateCheck check(PromotionReview review, String id) {
        return review.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** Two internal tenants, a pilot and a general one; the flag as a fresh flag is: on/off/off. */
    static GateSnapshot standard() {
        GateSnapshotBuilder b = tenants(GateSnapshot.builder()).flag(flag(false, false));
        channel(b, ReleaseChannel.INTERNAL, true);
        channel(b, ReleaseChannel.PILOT, false);
        channel(b, ReleaseChannel.GENERAL, false);
        return b.build();
    }

    static GateSnapshotBuilder tenants(GateSnapshotBuilder b) {
        return b.tenant(new Tenant(id("Dev A"), "Dev A", "internal"))
                .tenant(new Tenant(id("Dev B"), "Dev B", "internal"))
                .tenant(new Tenant(id("Pilot"), "Pilot", "pilot"))
                .tenant(new Tenant(id("Gen"), "Gen", "general"));
    }

    static FeatureFlag flag(boolean defaultEnabled, boolean killswitch) {
        return new FeatureFlag(flagId(), KEY, "New feature", "", defaultEnabled, killswitch);
    }

    static void channel(GateSnapshotBuilder b, ReleaseChannel channel, boolean on) {
        b.channelSetting(new ChannelSetting(flagId(), channel, on));
    }

    static UUID flagId() {
        return id("flag:" + KEY);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
