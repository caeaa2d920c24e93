package dev.inspector.domain.audit.probe;

import java.util.List;
import java.util.Objects;

/**
 * What one probe showed: counts and row addresses, never another tenant's data.
 *
 * @param tenant   the impersonated tenant's name ("" for probes that act for no tenant)
 * @param actingAs who the probe acted as, e.g. "alice@acme.test of Acme" or "anon, signed out"
 * @param rows     rows of other tenants read or written (for WRITE_SKIPPED: 0)
 * @param tenants  how many other tenants those rows belong to (0 when unknown)
 * @param sample   up to five row addresses (ctid) or ids of those rows
 * @param detail   what was forged, which role was taken, why a probe was skipped
 */
public record ProbeResult(ProbeKind kind, String relation, String tenant, String actingAs, long rows, long tenants,
                          List<String> sample, String detail) {

    public ProbeResult {
        Objects.requireNonNull(kind, "kind");
        tenant = tenant == null ? "" : tenant;
        actingAs = actingAs == null ? "" : actingAs;
        sample = List.copyOf(sample);
        detail = detail == null ? "" : detail;
    }
}
