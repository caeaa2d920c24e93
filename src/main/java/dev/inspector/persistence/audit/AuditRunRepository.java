package dev.inspector.persistence.audit;

import static dev.inspector.persistence.jooq.inspector.Tables.AUDIT_FINDING;
import static dev.inspector.persistence.jooq.inspector.Tables.AUDIT_RUN;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Coverage;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import dev.inspector.persistence.jooq.inspector.tables.records.AuditRunRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Saves audit runs with their findings in the console's schema, and reads them back. */
public final class AuditRunRepository {

    private final DSLContext dsl;

    public AuditRunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One transaction: the run and all its findings, or nothing. */
    public AuditRun save(OffsetDateTime startedAt, String database, String osUser, String tenantColumn,
                         Set<CheckGroup> groups, String tenants, boolean cancelled, List<Finding> findings,
                         Coverage coverage) {
        long id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long runId = tx.insertInto(AUDIT_RUN, AUDIT_RUN.STARTED_AT, AUDIT_RUN.FINISHED_AT, AUDIT_RUN.DATABASE_LABEL,
                            AUDIT_RUN.OS_USER, AUDIT_RUN.TENANT_COLUMN, AUDIT_RUN.CHECK_GROUPS, AUDIT_RUN.TENANTS,
                            AUDIT_RUN.CANCELLED, AUDIT_RUN.RELATIONS_AUDITED, AUDIT_RUN.TENANTS_IMPERSONATED,
                            AUDIT_RUN.INCOMPLETE_REASON)
                    .values(startedAt, OffsetDateTime.now(), clip(database, 400), osUser, clip(tenantColumn, 128),
                            groups.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                            clip(tenants), cancelled, coverage.relationsAudited(), coverage.tenantsImpersonated(),
                            coverage.incompleteReason().map(r -> clip(r, 1000)).orElse(null))
                    .returning(AUDIT_RUN.ID).fetchSingle(AUDIT_RUN.ID);
            if (!findings.isEmpty()) {
                var insert = tx.insertInto(AUDIT_FINDING, AUDIT_FINDING.RUN_ID, AUDIT_FINDING.CHECK_ID,
                        AUDIT_FINDING.SEVERITY, AUDIT_FINDING.CHECK_GROUP, AUDIT_FINDING.RELATION, AUDIT_FINDING.TENANT,
                        AUDIT_FINDING.FINDING, AUDIT_FINDING.EVIDENCE, AUDIT_FINDING.FIX_HINT);
                for (Finding f : findings) {
                    insert = insert.values(runId, f.checkId(), f.severity().name(), f.group().name(), clip(f.relation(), 400),
                            clip(f.tenant(), 400), clip(f.finding()), clip(f.evidence()), clip(f.fixHint()));
                }
                insert.execute();
            }
            return runId;
        });
        return find(id).orElseThrow();
    }

    public Optional<AuditRun> find(long id) {
        return runs(AUDIT_RUN.ID.eq(id), 1).stream().findFirst();
    }

    /** The newest run before {@code id} (or the newest of all when id is empty). */
    public Optional<AuditRun> latest(Optional<Long> before) {
        return runs(before.map(AUDIT_RUN.ID::lt).orElse(DSL.noCondition()), 1).stream().findFirst();
    }

    /** The newest runs with their findings, newest first. */
    public List<AuditRun> recent(int limit) {
        return runs(DSL.noCondition(), limit);
    }

    /** One query: the runs, each with its findings nested as a multiset, in the order they were found. */
    private List<AuditRun> runs(Condition which, int limit) {
        Field<List<Finding>> findings = DSL.multiset(DSL.select(AUDIT_FINDING.CHECK_ID, AUDIT_FINDING.SEVERITY,
                                AUDIT_FINDING.CHECK_GROUP, AUDIT_FINDING.RELATION, AUDIT_FINDING.TENANT,
                                AUDIT_FINDING.FINDING, AUDIT_FINDING.EVIDENCE, AUDIT_FINDING.FIX_HINT)
                        .from(AUDIT_FINDING).where(AUDIT_FINDING.RUN_ID.eq(AUDIT_RUN.ID)).orderBy(AUDIT_FINDING.ID))
                .as("findings").convertFrom(rows -> rows.map(f -> new Finding(f.value1(), Severity.valueOf(f.value2()),
                        CheckGroup.valueOf(f.value3()), f.value4(), f.value5(), f.value6(), f.value7(), f.value8())));
        return dsl.select(AUDIT_RUN, findings).from(AUDIT_RUN).where(which)
                .orderBy(AUDIT_RUN.ID.desc()).limit(limit)
                .fetch(r -> withFindings(r.value1(), r.value2()));
    }

    private static AuditRun withFindings(AuditRunRecord run, List<Finding> findings) {
        Set<CheckGroup> groups = run.getCheckGroups().isEmpty() ? EnumSet.noneOf(CheckGroup.class)
                : Arrays.stream(run.getCheckGroups().split(",")).map(CheckGroup::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckGroup.class)));
        Coverage coverage = run.getRelationsAudited() == null ? Coverage.unknown()
                : new Coverage(run.getRelationsAudited(), run.getTenantsImpersonated(),
                        java.util.Optional.ofNullable(run.getIncompleteReason()));
        return new AuditRun(run.getId(), run.getStartedAt(), run.getFinishedAt(), run.getDatabaseLabel(),
                run.getDbRole(), run.getOsUser(), groups, run.getTenants(), run.getCancelled(), findings, coverage);
    }

    private static String clip(String s) {
        return clip(s, 4000);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
