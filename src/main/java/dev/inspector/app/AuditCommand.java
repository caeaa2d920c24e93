package dev.inspector.app;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RunComparison;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.TenancyHints;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.service.AuditRequest;
import dev.inspector.service.AuditService;
import dev.inspector.service.Session;
import dev.inspector.service.TenancyConfig;
import dev.inspector.service.report.AuditCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inspector audit}: the tenant isolation audit for a pipeline, after every rollout. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the tenant isolation audit without a window, print a summary, save the run, and exit "
                + "non-zero when findings at or above --fail-on exist.",
        footer = {"", "The tenancy model (tenant column, tenants relation, membership) is detected from the catalogs; "
                + "the options and --config correct any part of it.",
                "", "Exit status: 0 no finding at or above the threshold, 1 some (or the run was incomplete: nobody "
                + "impersonated, no tenant relation), 2 bad input, 4 database unusable."})
final class AuditCommand extends HeadlessCommand {

    @Option(names = "--tenant", paramLabel = "ID|NAME",
            description = "Tenant to impersonate (repeatable). Default: the first " + AuditRequest.DEFAULT_TENANTS
                    + " tenants with a member.")
    List<String> tenants = new ArrayList<>();

    @Option(names = "--checks", split = ",", paramLabel = "GROUP",
            description = "Check groups, comma-separated: ${COMPLETION-CANDIDATES}. "
                    + "Default: SCHEMA,DATA,CROSS_TENANT_READ (write probes are opt-in).")
    Set<CheckGroup> checks = EnumSet.noneOf(CheckGroup.class);

    @Option(names = "--tenant-column", paramLabel = "COLUMN",
            description = "The column naming a row's tenant. Default: detected (the commonest of tenant_id, account_id, "
                    + "org_id, organization_id, workspace_id, team_id, …).")
    String tenantColumn;

    @Option(names = "--tenants", paramLabel = "SCHEMA.TABLE(ID)",
            description = "The relation the tenants live in. Default: the one the tenant column references, else public.tenants.")
    String tenantsRelation;

    @Option(names = "--membership", paramLabel = "SCHEMA.TABLE(USER,TENANT)",
            description = "How users belong to tenants (one row per user and tenant). Default: detected; the probes "
                    + "impersonate real members from it.")
    String membership;

    @Option(names = "--tenant-role", paramLabel = "PATTERN",
            description = "Role-per-tenant setups: probe as the database role PATTERN names for each tenant "
                    + "({id}, {name} or {slug} of the tenant, e.g. tenant_{id}) instead of the authenticated role with JWT claims.")
    String tenantRole;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file with any of tenant-column, tenants, membership, tenant-role, "
                    + "null-tenant-allowed and column.<schema.table>; options given here win.")
    Path config;

    @Option(names = "--probe-triggers",
            description = "Write probes also on tables whose triggers may act outside the transaction (dblink, HTTP, "
                    + "C functions): the rollback cannot take those effects back.")
    boolean probeTriggers;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the findings as CSV ('-' for stdout).")
    String csv;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "HIGH",
            description = "CRITICAL, HIGH or MEDIUM (default ${DEFAULT-VALUE}).")
    Severity failOn;

    @Override
    int run(Session session, PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        AuditRun run = session.audits().run(new AuditRequest(tenancy(), checks, tenants, probeTriggers), new AuditProgress() {
            @Override
            public void step(String message, int done, int total) {
                if (!quiet()) {
                    err.println("[" + done + "/" + total + "] " + message);
                    err.flush();
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        PrintWriter summary = "-".equals(csv) ? err : out;
        summary.printf("%s of %s (%s), impersonating: %s%n", run.id() == AuditService.UNSAVED
                        ? "Audit (not saved: this role may not write the console's schema)" : "Audit run " + run.id(),
                run.database(),
                String.join(", ", run.groups().stream().map(Enum::name).sorted().toList()),
                run.tenants().isEmpty() ? "nobody" : run.tenants());
        run.findings().stream().filter(f -> f.checkId().equals("AUDIT-TENANCY-MODEL")).findFirst()
                .ifPresent(model -> summary.println("  " + model.finding()));
        summary.printf("  Covered: %s%s%n", run.coverage().words(),
                run.coverage().incompleteReason().map(why -> "; INCOMPLETE: " + why).orElse(""));
        for (Severity s : Severity.values()) {
            summary.printf("  %-8s %d%n", s, run.count(s));
        }
        run.findings().stream()
                .filter(f -> f.severity().atLeast(Severity.MEDIUM))
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::relation))
                .forEach(f -> summary.printf("  [%s] %s %s%s: %s%n", f.severity(), f.checkId(), f.relation(),
                        f.tenant().isEmpty() ? "" : " as " + f.tenant(), f.finding()));
        (run.id() == AuditService.UNSAVED ? java.util.Optional.<AuditRun>empty() : session.audits().previous(run)).ifPresent(previous -> {
            RunComparison c = RunComparison.of(previous, run);
            summary.printf("Compared with run %d: %d new, %d fixed, %d unchanged.%n", previous.id(),
                    c.added().size(), c.fixed().size(), c.unchanged().size());
        });
        if (csv != null) {
            try (Writer w = "-".equals(csv) ? null : Files.newBufferedWriter(Path.of(csv), StandardCharsets.UTF_8)) {
                AuditCsv.write(run, w == null ? out : w);
            }
        }
        summary.flush();
        boolean failed = run.findings().stream().anyMatch(f -> f.severity().atLeast(failOn));
        if (failed) {
            err.println("Findings at or above " + failOn + ": failing.");
        }
        if (!run.coverage().complete()) {
            err.println("The audit is incomplete: " + run.coverage().incompleteReason().orElseThrow() + "; failing.");
        }
        return failed || !run.coverage().complete() ? NO : 0;
    }

    /** The config file, with each option given on the command line taking its place. */
    private TenancyHints tenancy() {
        TenancyHints hints = config == null ? TenancyHints.detect() : TenancyConfig.read(config);
        if (tenantColumn != null) {
            hints = hints.withTenantColumn(tenantColumn);
        }
        if (tenantsRelation != null) {
            hints = hints.withTenants(tenantsRelation);
        }
        if (membership != null) {
            hints = hints.withMembership(membership);
        }
        if (tenantRole != null) {
            hints = hints.withTenantRoles(tenantRole);
        }
        return hints;
    }
}
