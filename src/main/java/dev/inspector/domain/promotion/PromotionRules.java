package dev.inspector.domain.promotion;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verification gates of the rollout process (section 5 of the reference document), as
 * checks the console can decide and checks only the admin can tick.
 */
public final class PromotionRules {

    public static final int DEFAULT_SOAK_DAYS = 7;

    public static final String INTERNAL_ON = "internal-on";
    public static final String AUDIT_PASSED = "isolation-audit";
    public static final String NO_CONSOLE_ERRORS = "console-errors";
    public static final String EDGE_LOGS_CLEAN = "edge-logs";
    public static final String PILOT_SOAK = "pilot-soak";
    public static final String NO_SUPPORT_ISSUES = "support-issues";
    public static final String PERFORMANCE = "performance";
    public static final String AUDIT_SINCE_PILOT = "isolation-since-pilot";

    /** A run counts when it was not cancelled, audited tenant relations and read them as real tenant members. */
    static final String NO_AUDIT = "No complete isolation audit run yet";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final int soakDays;

    public PromotionRules(int soakDays) {
        if (soakDays < 0) {
            throw new IllegalArgumentException("The soak time cannot be negative.");
        }
        this.soakDays = soakDays;
    }

    public int soakDays() {
        return soakDays;
    }

    /** The checklist with no manual check ticked yet. */
    public PromotionReview review(PromotionInputs in) {
        GateSnapshot snapshot = in.snapshot();
        int flagIndex = snapshot.flagIndex(in.flagKey());
        if (flagIndex < 0) {
            throw new IllegalArgumentException("There is no flag '" + in.flagKey() + "'.");
        }
        FeatureFlag flag = snapshot.flag(flagIndex);
        Optional<Boolean> targetRow = snapshot.channelSetting(flagIndex, in.target().to());
        List<GateCheck> checks = new ArrayList<>();
        List<WayReach> ways = List.of();
        if (in.target() == PromotionTarget.PILOT) {
            checks.add(internalTenantsOn(snapshot, flagIndex));
            checks.add(latestAudit(in.latestAudit()));
            checks.add(GateCheck.manual(NO_CONSOLE_ERRORS, "No console errors specific to the feature", false,
                    "Browser dev tools, signed in to the internal tenant."));
            checks.add(GateCheck.manual(EDGE_LOGS_CLEAN, "Edge-function logs clean", false,
                    "supabase--edge-function-logs: no 500s since the feature shipped to internal."));
        } else {
            checks.add(pilotSoak(in.pilotEnabledAt(), in.now()));
            checks.add(GateCheck.manual(NO_SUPPORT_ISSUES, "No support issues from the pilot tenant", false,
                    "Check the support tickets of the pilot tenant."));
            checks.add(GateCheck.manual(PERFORMANCE, "Performance acceptable", false, "Check the analytics."));
            checks.add(auditSincePilot(in.latestAudit(), in.pilotEnabledAt()));
            ways = GeneralReach.of(snapshot, flagIndex);
        }
        return new PromotionReview(flag, in.target(), targetRow, checks, ways);
    }

    private static GateCheck internalTenantsOn(GateSnapshot snapshot, int flagIndex) {
        String title = "On for every internal tenant";
        FeatureGate gate = new FeatureGate(snapshot);
        List<String> internal = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (int t = 0; t < snapshot.tenantCount(); t++) {
            Tenant tenant = snapshot.tenant(t);
            if (tenant.channel().equals(Optional.of(ReleaseChannel.INTERNAL))) {
                internal.add(tenant.name());
                if (!gate.serverEnabled(t, flagIndex)) {
                    off.add(tenant.name());
                }
            }
        }
        if (internal.isEmpty()) {
            return GateCheck.automatic(INTERNAL_ON, title, false,
                    "No tenant is in the internal channel, so nobody can have verified the feature there.");
        }
        if (off.isEmpty()) {
            return GateCheck.automatic(INTERNAL_ON, title, true, (internal.size() == 1
                    ? "On for the only internal tenant: "
                    : "On for all " + internal.size() + " internal tenants: ") + Names.list(internal) + ".");
        }
        return GateCheck.automatic(INTERNAL_ON, title, false, "Off for " + off.size() + " of "
                + Names.count(internal.size(), "internal tenant") + ": " + Names.list(off) + ".");
    }

    private static GateCheck latestAudit(Optional<AuditSummary> audit) {
        String title = "Latest isolation audit passed (no critical or high findings)";
        if (audit.isEmpty()) {
            return GateCheck.automatic(AUDIT_PASSED, title, false, NO_AUDIT + ".");
        }
        return GateCheck.automatic(AUDIT_PASSED, title, audit.get().passed(), auditWords(audit.get()));
    }

    private GateCheck pilotSoak(Optional<OffsetDateTime> pilotEnabledAt, OffsetDateTime now) {
        String title = "At least " + Names.count(soakDays, "day") + " in pilot";
        if (pilotEnabledAt.isEmpty()) {
            return GateCheck.automatic(PILOT_SOAK, title, false, "No record of the pilot promotion in the change "
                    + "history: it was probably done outside Inspector (by SQL), so its date is unknown. Check the "
                    + "date yourself and override with it as the reason.");
        }
        OffsetDateTime since = pilotEnabledAt.get();
        long days = Math.max(0, Duration.between(since, now).toDays());
        boolean passed = !now.isBefore(since.plusDays(soakDays));
        String detail = "In pilot since " + when(since) + ": " + Names.count(days, "day") + " of "
                + Names.count(soakDays, "day") + (passed ? "." : "; " + Names.count(soakDays - days, "more day")
                + " to go.");
        return GateCheck.automatic(PILOT_SOAK, title, passed, detail);
    }

    private static GateCheck auditSincePilot(Optional<AuditSummary> audit, Optional<OffsetDateTime> pilotEnabledAt) {
        String title = "Isolation audit passed since the pilot promotion";
        if (audit.isEmpty()) {
            return GateCheck.automatic(AUDIT_SINCE_PILOT, title, false, NO_AUDIT + ".");
        }
        AuditSummary latest = audit.get();
        if (!latest.passed()) {
            return GateCheck.automatic(AUDIT_SINCE_PILOT, title, false, auditWords(latest));
        }
        if (pilotEnabledAt.isEmpty()) {
            return GateCheck.automatic(AUDIT_SINCE_PILOT, title, false, auditWords(latest)
                    + " Whether it ran after the pilot promotion is unknown: the promotion is not in the change history.");
        }
        if (latest.ranAt().isBefore(pilotEnabledAt.get())) {
            return GateCheck.automatic(AUDIT_SINCE_PILOT, title, false, "The latest audit (" + when(latest.ranAt())
                    + ") ran before the pilot promotion (" + when(pilotEnabledAt.get()) + ").");
        }
        return GateCheck.automatic(AUDIT_SINCE_PILOT, title, true, auditWords(latest));
    }

    private static String auditWords(AuditSummary audit) {
        String run = "Audit run " + audit.runId() + " of " + when(audit.ranAt())
                + (audit.coverage().isEmpty() ? "" : " (" + audit.coverage() + ")");
        if (audit.passed()) {
            return run + " passed: no critical or high findings.";
        }
        return run + " found " + Names.count(audit.criticalFindings(), "critical finding")
                + " and " + Names.count(audit.highFindings(), "high finding") + ".";
    }

    static String when(OffsetDateTime time) {
        return WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
