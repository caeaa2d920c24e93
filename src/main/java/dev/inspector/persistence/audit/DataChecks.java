package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.probe.DataResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Counts NULL and orphaned tenant ids, and children whose tenant differs from their parent's. Runs
 * in a read-only transaction with a statement timeout; existence is asked first (an index answers
 * it) and rows are counted only where some exist. Returns counts; the domain judges them.
 */
public final class DataChecks {

    private static final int SAMPLE = 5;
    private final DSLContext dsl;

    public DataChecks(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<DataResult> run(DatabaseFacts facts, AuditProgress progress) {
        List<DataResult> results = new ArrayList<>();
        TenancyModel model = facts.model();
        List<RelationFacts> tables = facts.tenantRelations().stream()
                .filter(r -> r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE)
                .filter(r -> !facts.isRegistry(r)).filter(RelationFacts::readableByAuditor).toList();
        int total = tables.size() + facts.tenantForeignKeys().size();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION READ ONLY");
            tx.execute("SET LOCAL statement_timeout = '30s'");
            int done = 0;
            for (RelationFacts r : tables) {
                if (progress.cancelled()) {
                    return;
                }
                progress.step("Data: " + r.qualifiedName(), done++, total);
                nullTenants(tx, r).ifPresent(results::add);
                if (!r.tenantColumnReferencesTenants() && model.tenants().isPresent()) {
                    orphans(tx, r, model.tenants().get()).ifPresent(results::add);
                }
            }
            for (DatabaseFacts.ForeignKey fk : facts.tenantForeignKeys()) {
                if (progress.cancelled()) {
                    return;
                }
                progress.step("Data: " + fk.child() + " → " + fk.parent(), done++, total);
                Optional<RelationFacts> child = facts.relation(fk.child());
                Optional<RelationFacts> parent = facts.relation(fk.parent());
                if (child.isPresent() && parent.isPresent() && !facts.isRegistry(parent.get())
                        && child.get().readableByAuditor() && parent.get().readableByAuditor()) {
                    mismatchedParents(tx, fk, child.get().tenant(), parent.get().tenant()).ifPresent(results::add);
                }
            }
        });
        return results;
    }

    private Optional<DataResult> nullTenants(DSLContext tx, RelationFacts r) {
        Table<?> table = Relations.table(r.qualifiedName());
        Field<Object> tenant = Relations.column(r.tenant());
        if (!tx.fetchExists(DSL.selectOne().from(table).where(tenant.isNull()))) {
            return Optional.empty();
        }
        int count = tx.fetchCount(table, tenant.isNull());
        return Optional.of(new DataResult(DataResult.Kind.NULL_TENANT, r.qualifiedName(), r.tenant(), "", count,
                sampleIds(tx, r, table, tenant.isNull())));
    }

    private Optional<DataResult> orphans(DSLContext tx, RelationFacts r, TenancyModel.RelationRef registry) {
        Table<?> table = Relations.table(r.qualifiedName()).as("t");
        Table<?> tenants = DSL.table(DSL.name(registry.schema(), registry.name())).as("x");
        Field<Object> tenant = Relations.column(table, r.tenant());
        Condition orphan = tenant.isNotNull().andNotExists(DSL.selectOne().from(tenants)
                .where(Relations.column(tenants, registry.idColumn()).cast(String.class).eq(tenant.cast(String.class))));
        int count = tx.fetchCount(table, orphan);
        return count == 0 ? Optional.empty() : Optional.of(new DataResult(DataResult.Kind.ORPHAN_TENANT, r.qualifiedName(),
                r.tenant(), registry.qualifiedName(), count, sampleIds(tx, r, table, orphan)));
    }

    private Optional<DataResult> mismatchedParents(DSLContext tx, DatabaseFacts.ForeignKey fk, String childTenant,
                                                   String parentTenant) {
        Table<?> child = Relations.table(fk.child()).as("c");
        Table<?> parent = Relations.table(fk.parent()).as("p");
        Condition mismatch = DSL.exists(DSL.selectOne().from(parent)
                .where(Relations.column(parent, fk.parentColumn()).eq(Relations.column(child, fk.childColumn())))
                .and(Relations.column(parent, parentTenant).cast(String.class)
                        .isDistinctFrom(Relations.column(child, childTenant).cast(String.class))));
        int count = tx.fetchCount(child, mismatch);
        return count == 0 ? Optional.empty() : Optional.of(new DataResult(DataResult.Kind.PARENT_MISMATCH, fk.child(),
                fk.childColumn(), fk.parent() + "(" + fk.parentColumn() + ")", count,
                sampleIds(tx, null, child, mismatch, fk.child())));
    }

    private List<String> sampleIds(DSLContext tx, RelationFacts r, Table<?> table, Condition where) {
        return sampleIds(tx, r, table, where, r.qualifiedName());
    }

    /** Up to five row ids (or physical row addresses where there is no id column), never the rows themselves. */
    private List<String> sampleIds(DSLContext tx, RelationFacts r, Table<?> table, Condition where, String relation) {
        boolean hasId = r != null ? r.columns().contains("id") : tx.fetchExists(DSL.selectOne()
                .from(DSL.table(DSL.name("information_schema", "columns")))
                .where(DSL.field(DSL.name("table_schema")).eq(relation.substring(0, relation.indexOf('.'))))
                .and(DSL.field(DSL.name("table_name")).eq(relation.substring(relation.indexOf('.') + 1)))
                .and(DSL.field(DSL.name("column_name")).eq("id")));
        Field<String> id = hasId ? Relations.column(table, "id").cast(String.class)
                : DSL.field(DSL.name(table.getName(), "ctid")).cast(String.class);
        return tx.select(id).from(table).where(where).limit(SAMPLE).fetch(id);
    }
}
