package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * NULL and orphaned tenant ids, and children whose tenant differs from their parent's. Runs in a
 * read-only transaction with a statement timeout; existence is asked first (an index answers it)
 * and rows are counted only where some exist.
 */
public final class DataChecks {

    private static final int SAMPLE = 5;
    private final DSLContext dsl;

    public DataChecks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code nullAllowed}: relations where rows without a tenant are legitimate (reported as info). */
    public List<Finding> run(DatabaseFacts facts, String tenantsTable, Set<String> nullAllowed, AuditProgress progress) {
        List<Finding> findings = new ArrayList<>();
        List<RelationFacts> tables = facts.relations().stream()
                .filter(r -> r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE)
                .toList();
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
                nullTenants(tx, r, nullAllowed.contains(r.qualifiedName()), findings);
                if (!r.tenantColumnReferencesTenants()) {
                    orphans(tx, r, tenantsTable, findings);
                }
            }
            for (DatabaseFacts.ForeignKey fk : facts.tenantForeignKeys()) {
                if (progress.cancelled()) {
                    return;
                }
                progress.step("Data: " + fk.child() + " → " + fk.parent(), done++, total);
                mismatchedParents(tx, fk, facts.relations().get(0).tenantColumn(), findings);
            }
        });
        return findings;
    }

    private void nullTenants(DSLContext tx, RelationFacts r, boolean allowed, List<Finding> out) {
        Table<?> table = Relations.table(r.qualifiedName());
        Field<Object> tenant = Relations.column(r.tenantColumn());
        if (!tx.fetchExists(DSL.selectOne().from(table).where(tenant.isNull()))) {
            return;
        }
        int count = tx.fetchCount(table, tenant.isNull());
        out.add(new Finding(allowed ? "DATA-NULL-TENANT-ALLOWED" : "DATA-NULL-TENANT", allowed ? Severity.INFO : Severity.HIGH,
                CheckGroup.DATA, r.qualifiedName(), "",
                count + " row(s) of " + r.qualifiedName() + " belong to no tenant (" + r.tenantColumn() + " IS NULL)"
                        + (allowed ? ", which this audit was told is legitimate here." : "."),
                count + " rows; sample ids: " + sampleIds(tx, r.qualifiedName(), table, tenant.isNull()),
                "Give each row its tenant or delete it, then ALTER COLUMN " + r.tenantColumn() + " SET NOT NULL."));
    }

    private void orphans(DSLContext tx, RelationFacts r, String tenantsTable, List<Finding> out) {
        Table<?> table = Relations.table(r.qualifiedName()).as("t");
        Table<?> tenants = Relations.table(tenantsTable).as("x");
        Field<Object> tenant = Relations.column(table, r.tenantColumn());
        var orphan = tenant.isNotNull().andNotExists(DSL.selectOne().from(tenants)
                .where(Relations.column(tenants, "id").eq(tenant)));
        int count = tx.fetchCount(table, orphan);
        if (count > 0) {
            out.add(new Finding("DATA-ORPHAN-TENANT", Severity.HIGH, CheckGroup.DATA, r.qualifiedName(), "",
                    count + " row(s) of " + r.qualifiedName() + " name a tenant that does not exist.",
                    count + " rows; sample ids: " + sampleIds(tx, r.qualifiedName(), table, orphan),
                    "Reassign or delete them, then add FOREIGN KEY (" + r.tenantColumn() + ") REFERENCES " + tenantsTable + " (id)."));
        }
    }

    private void mismatchedParents(DSLContext tx, DatabaseFacts.ForeignKey fk, String tenantColumn, List<Finding> out) {
        Table<?> child = Relations.table(fk.child()).as("c");
        Table<?> parent = Relations.table(fk.parent()).as("p");
        var join = DSL.selectOne().from(parent)
                .where(Relations.column(parent, fk.parentColumn()).eq(Relations.column(child, fk.childColumn())))
                .and(Relations.column(parent, tenantColumn).isDistinctFrom(Relations.column(child, tenantColumn)));
        var mismatch = DSL.exists(join);
        int count = tx.fetchCount(child, mismatch);
        if (count > 0) {
            out.add(new Finding("DATA-PARENT-TENANT-MISMATCH", Severity.HIGH, CheckGroup.DATA, fk.child(), "",
                    count + " row(s) of " + fk.child() + " point through " + fk.childColumn() + " at a row of "
                            + fk.parent() + " that belongs to another tenant.",
                    count + " rows; sample ids: " + sampleIds(tx, fk.child(), child, mismatch),
                    "Fix the rows; a composite foreign key (" + fk.childColumn() + ", " + tenantColumn + ") → "
                            + fk.parent() + " (" + fk.parentColumn() + ", " + tenantColumn + ") prevents it."));
        }
    }

    /** Up to five row ids (or physical row addresses where there is no id), never the rows themselves. */
    private static List<String> sampleIds(DSLContext tx, String qualifiedName, Table<?> table, org.jooq.Condition where) {
        int dot = qualifiedName.indexOf('.');
        boolean hasId = tx.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("information_schema", "columns")))
                .where(DSL.field(DSL.name("table_schema")).eq(qualifiedName.substring(0, dot)))
                .and(DSL.field(DSL.name("table_name")).eq(qualifiedName.substring(dot + 1)))
                .and(DSL.field(DSL.name("column_name")).eq("id")));
        Field<String> id = hasId ? Relations.column(table, "id").cast(String.class)
                : DSL.field(DSL.name(table.getName(), "ctid")).cast(String.class);
        return tx.select(id).from(table).where(where).limit(SAMPLE).fetch(id);
    }
}
