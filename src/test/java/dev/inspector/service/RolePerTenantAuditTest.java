package dev.inspector.service;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cross-tenant probes for a setup where each tenant has a database role of its own. */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ_WRITE)
class RolePerTenantAuditTest {

    private static final String TALBI = "00000000-0000-0000-0000-000000000002";
    private static final String NORTHWIND = "00000000-0000-0000-0000-000000000003";

    @Test
    void probesActAsTheTenantsOwnRoleAndFindOnlyTheUnprotectedTable(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); Session session = new SessionOpener().open(db.target(), m -> { })) {
            try {
                for (String tenant : List.of(TALBI, NORTHWIND)) {
                    db.execute("CREATE ROLE \"tenant_" + tenant + "\" NOLOGIN");
                }
                db.execute("CREATE TABLE public.role_notes (id int PRIMARY KEY, "
                        + "tenant_id uuid NOT NULL REFERENCES public.tenants (id), body text)");
                db.execute("CREATE INDEX ON public.role_notes (tenant_id)");
                db.execute("ALTER TABLE public.role_notes ENABLE ROW LEVEL SECURITY");
                db.execute("CREATE POLICY own_tenant ON public.role_notes "
                        + "USING (tenant_id::text = substr(current_user, 8)) WITH CHECK (tenant_id::text = substr(current_user, 8))");
                db.execute("CREATE TABLE public.role_leaky (id int PRIMARY KEY, "
                        + "tenant_id uuid NOT NULL REFERENCES public.tenants (id), body text)");
                db.execute("CREATE INDEX ON public.role_leaky (tenant_id)");
                for (String table : List.of("role_notes", "role_leaky")) {
                    db.execute("INSERT INTO public." + table + " VALUES (1, '" + TALBI + "', 'a'), (2, '" + NORTHWIND + "', 'b')");
                    db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON public." + table + " TO \"tenant_" + TALBI
                            + "\", \"tenant_" + NORTHWIND + "\"");
                }

                AuditRun run = session.audits().run(new AuditRequest(null,
                        EnumSet.of(CheckGroup.CROSS_TENANT_READ, CheckGroup.CROSS_TENANT_WRITE), List.of("Talbi Logistics LLC"))
                        .withTenantRoles("tenant_{id}"), AuditProgress.SILENT);

                assertThat(run.findings()).filteredOn(f -> f.checkId().startsWith("XT-"))
                        .extracting(f -> f.checkId() + "@" + f.relation())
                        .containsExactlyInAnyOrder("XT-READ-OTHER-TENANTS@public.role_leaky",
                                "XT-WRITE-UPDATE-OTHER@public.role_leaky", "XT-WRITE-MOVE-OWN@public.role_leaky",
                                "XT-WRITE-DELETE-OTHER@public.role_leaky", "XT-WRITE-INSERT-OTHER@public.role_leaky");
                assertThat(run.findings()).filteredOn(f -> f.checkId().equals("XT-READ-OTHER-TENANTS")).singleElement()
                        .extracting(Finding::evidence).asString().contains("as role tenant_" + TALBI);
                assertThat(run.findings()).extracting(Finding::checkId).contains("AUDIT-DATA-UNCHANGED");
            } finally {
                // roles belong to the whole server every test class shares
                for (String tenant : List.of(TALBI, NORTHWIND)) {
                    db.execute("DROP OWNED BY \"tenant_" + tenant + "\"");
                    db.execute("DROP ROLE IF EXISTS \"tenant_" + tenant + "\"");
                }
            }
        }
    }
}
