package dev.inspector.domain.audit.rules;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.probe.DataResult;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.List;

/**
 * Turns what the data checks counted into findings: rows without a tenant (legitimate only where
 * the model says so), rows naming a tenant that does not exist, and children pointing at another
 * tenant's parent. Each a high finding: no policy can keep such a row where it belongs.
 */
public final class DataRules {

    private DataRules() {
    }

    public static List<Finding> evaluate(List<DataResult> results, TenancyModel model) {
        return results.stream().map(r -> finding(r, model)).toList();
    }

    private static Finding finding(DataResult r, TenancyModel model) {
        String table = SqlText.qualified(r.relation());
        String column = SqlText.ident(r.column());
        String sample = r.rows() + " rows; sample ids: " + r.sample();
        return switch (r.kind()) {
            case NULL_TENANT -> {
                boolean allowed = model.nullTenantAllowed().contains(r.relation());
                yield new Finding(allowed ? "DATA-NULL-TENANT-ALLOWED" : "DATA-NULL-TENANT", allowed ? Severity.INFO : Severity.HIGH,
                        CheckGroup.DATA, r.relation(), "",
                        r.rows() + " row(s) of " + r.relation() + " belong to no tenant (" + r.column() + " IS NULL)"
                                + (allowed ? ", which this audit was told is legitimate here." : "."),
                        sample, "Give each row its tenant or delete it, then ALTER TABLE " + table + " ALTER COLUMN " + column
                                + " SET NOT NULL;");
            }
            case ORPHAN_TENANT -> new Finding("DATA-ORPHAN-TENANT", Severity.HIGH, CheckGroup.DATA, r.relation(), "",
                    r.rows() + " row(s) of " + r.relation() + " name a tenant that does not exist in " + r.parent() + ".",
                    sample, "Reassign or delete them, then ALTER TABLE " + table + " ADD FOREIGN KEY (" + column + ") REFERENCES "
                            + model.tenants().map(t -> SqlText.qualified(t.schema(), t.name()) + " (" + SqlText.ident(t.idColumn()) + ")")
                                    .orElse(SqlText.qualified(r.parent())) + ";");
            case PARENT_MISMATCH -> {
                int open = r.parent().indexOf('(');
                String parent = open < 0 ? r.parent() : r.parent().substring(0, open);
                yield new Finding("DATA-PARENT-TENANT-MISMATCH", Severity.HIGH, CheckGroup.DATA, r.relation(), "",
                        r.rows() + " row(s) of " + r.relation() + " point through " + r.column() + " at a row of " + parent
                                + " that belongs to another tenant.", sample,
                        "Fix the rows; a composite foreign key from " + table + " (" + column + ", <tenant column>) to "
                                + SqlText.qualified(parent) + " (<key>, <tenant column>) prevents it.");
            }
        };
    }
}
