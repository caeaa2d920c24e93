package dev.inspector.domain.audit.rules;

import static dev.inspector.domain.audit.rules.Findings.schema;

import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.List;

/**
 * The tenant column itself, in tables: a NULL tenant belongs to nobody and no tenant policy
 * matches it; without a foreign key, ids of deleted tenants stay behind; without an index every
 * policy check scans. Defence in depth, never a leak by itself (medium and low).
 */
final class TenantColumnRules {

    private TenantColumnRules() {
    }

    static void evaluate(RelationFacts r, DatabaseFacts facts, List<Finding> out) {
        if (!Findings.isTable(r) || !r.holdsTenantData() || facts.isRegistry(r)) {
            return;
        }
        String table = SqlText.qualified(r.schema(), r.name());
        String column = SqlText.ident(r.tenant());
        String shown = r.qualifiedName() + "." + r.tenant();
        if (r.tenantColumnNullable() && !facts.model().nullTenantAllowed().contains(r.qualifiedName())) {
            out.add(schema("TENANT-COLUMN-NULLABLE", Severity.MEDIUM, r.qualifiedName(),
                    shown + " accepts NULL: such rows belong to no tenant and no tenant policy matches them.",
                    "attnotnull = false", "ALTER TABLE " + table + " ALTER COLUMN " + column
                            + " SET NOT NULL; (after giving existing rows a tenant)"));
        }
        if (!r.tenantColumnReferencesTenants() && r.kind() != RelationKind.PARTITION) {
            facts.model().tenants().ifPresent(tenants -> out.add(schema("TENANT-COLUMN-NO-FK", Severity.MEDIUM,
                    r.qualifiedName(), shown + " has no foreign key to " + tenants.qualifiedName()
                            + ": ids of deleted or unknown tenants can stay behind.",
                    "no FOREIGN KEY (" + r.tenant() + ") REFERENCES " + tenants.qualifiedName(),
                    "ALTER TABLE " + table + " ADD FOREIGN KEY (" + column + ") REFERENCES "
                            + SqlText.qualified(tenants.schema(), tenants.name()) + " (" + SqlText.ident(tenants.idColumn()) + ");")));
        }
        if (!r.tenantColumnIndexed()) {
            out.add(schema("TENANT-COLUMN-NOT-INDEXED", Severity.LOW, r.qualifiedName(),
                    "No index leads with " + shown + ": every policy check scans the table.",
                    "no index with " + r.tenant() + " first", "CREATE INDEX ON " + table + " (" + column + ");"));
        }
    }

    /** A model whose tenants relation is unknown still reads; say once what that leaves out. */
    static void withoutRegistry(TenancyModel model, List<Finding> out) {
        if (model.tenants().isEmpty()) {
            out.add(schema("AUDIT-NO-TENANTS-RELATION", Severity.INFO, "", "No tenants relation was found or given, so "
                            + "foreign keys to it, orphaned tenant ids and the cross-tenant probes were skipped.",
                    model.describe(), "Name it: --tenants schema.table(id)."));
        }
    }
}
