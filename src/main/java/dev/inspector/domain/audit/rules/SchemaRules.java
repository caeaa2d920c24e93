package dev.inspector.domain.audit.rules;

import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.reading.Readings;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the catalog facts. Check ids are stable (runs are compared by them) and documented in the
 * README. Severities follow one idea: critical when the catalogs make a leak certain (RLS off on
 * tenant data an API role may use), high when a path to other tenants' rows is read from policies,
 * functions, views, grants or roles, medium where a rule cannot decide ("needs review") or a layer
 * of defence is missing, info for what is safe but surprising. Probes then prove or disprove.
 */
public final class SchemaRules {

    private SchemaRules() {
    }

    public static List<Finding> evaluate(DatabaseFacts facts) {
        Readings readings = new Readings(facts);
        List<Finding> findings = new ArrayList<>();
        TenantColumnRules.withoutRegistry(facts.model(), findings);
        for (RelationFacts r : facts.relations()) {
            RowSecurityRules.evaluate(r, facts, findings);
            PolicyRules.evaluate(r, readings, findings);
            ExposureRules.evaluate(r, readings, findings);
            GrantRules.evaluate(r, findings);
            TenantColumnRules.evaluate(r, facts, findings);
        }
        FunctionRules.evaluate(readings, findings);
        RoleRules.evaluate(facts, findings);
        return findings;
    }
}
