package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A count and a hash over every row of the probed tables, taken before and after the
 * cross-tenant probes, so the report can show that the audit left no trace in the audited data.
 */
public final class DataFingerprint {

    private final DSLContext dsl;

    public DataFingerprint(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** relation → "rows:hash". */
    public Map<String, String> take(List<RelationFacts> relations) {
        Map<String, String> prints = new LinkedHashMap<>();
        for (RelationFacts r : relations) {
            if (r.kind() != RelationKind.TABLE && r.kind() != RelationKind.PARTITIONED_TABLE || !r.readableByAuditor()) {
                continue;
            }
            Table<?> table = Relations.table(r.qualifiedName()).as("t");
            // sum() of bigint hashes is numeric and overflows a long; keep it as text
            Field<String> hash = DSL.field("coalesce(sum(hashtextextended({0}::text, 0)), 0)::text", String.class,
                    DSL.name("t"));
            Record2<Integer, String> print = dsl.select(DSL.count(), hash).from(table).fetchOne();
            prints.put(r.qualifiedName(), print.value1() + ":" + print.value2());
        }
        return prints;
    }
}
