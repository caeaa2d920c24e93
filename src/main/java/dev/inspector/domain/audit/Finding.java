package dev.inspector.domain.audit;

import java.util.Objects;

/**
 * One thing the audit found. {@code checkId} is stable across versions so runs can be compared;
 * {@code evidence} names probes, counts and row ids, never another tenant's data itself.
 *
 * @param tenant the impersonated tenant for cross-tenant findings, empty otherwise
 */
public record Finding(String checkId, Severity severity, CheckGroup group, String relation, String tenant,
                      String finding, String evidence, String fixHint) {

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(group, "group");
        relation = relation == null ? "" : relation;
        tenant = tenant == null ? "" : tenant;
        finding = finding == null ? "" : finding;
        evidence = evidence == null ? "" : evidence;
        fixHint = fixHint == null ? "" : fixHint;
    }

    /** What makes two runs' findings "the same finding" when comparing them. */
    public String identity() {
        return checkId + "|" + relation + "|" + tenant;
    }
}
