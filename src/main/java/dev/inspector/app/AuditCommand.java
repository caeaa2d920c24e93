package dev.inspector.app;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RunComparison;
import dev.inspector.domain.audit.Severity;
import dev.inspector.persistence.audit.AuditProgress;
import dev.inspector.service.AuditRequest;
import dev.inspector.service.Session;
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
        footer = {"", "Exit status: 0 no finding at or above the threshold, 1 some, 2 bad input, 4 database unusable."})
final class AuditCommand extends HeadlessCommand {

    @Option(names = "--tenant", paramLabel = "ID|NAME",
            description = "Tenant to impersonate (repeatable). Default: the first " + AuditRequest.DEFAULT_TENANTS
                    + " tenants with a member.")
    List<String> tenants = new ArrayList<>();

    @Option(names = "--checks", split = ",", paramLabel = "GROUP",
            description = "Check groups, comma-separated: ${COMPLETION-CANDIDATES}. "
                    + "Default: SCHEMA,DATA,CROSS_TENANT_READ (write probes are opt-in).")
    Set<CheckGroup> checks = EnumSet.noneOf(CheckGroup.class);

    @Option(names = "--tenant-column", defaultValue = "tenant_id", description = "Default: ${DEFAULT-VALUE}.")
    String tenantColumn;

    @Option(names = "--tenant-role", paramLabel = "PATTERN",
            description = "Role-per-tenant setups: probe as the database role PATTERN names for each tenant "
                    + "({id} = the tenant id, e.g. tenant_{id}) instead of Supabase's authenticated role with JWT claims.")
    String tenantRole;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the findings as CSV ('-' for stdout).")
    String csv;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "HIGH",
            description = "CRITICAL, HIGH or MEDIUM (default ${DEFAULT-VALUE}).")
    Severity failOn;

    @Override
    int run(Session session, PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        AuditRun run = session.audits().run(new AuditRequest(tenantColumn, checks, tenants).withTenantRoles(tenantRole), new AuditProgress() {
            @Override
            public void step(String message, int done, int total) {
                if (!quiet) {
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
        summary.printf("Audit run %d of %s (%s), impersonating: %s%n", run.id(), run.database(),
                String.join(", ", run.groups().stream().map(Enum::name).sorted().toList()),
                run.tenants().isEmpty() ? "nobody" : run.tenants());
        for (Severity s : Severity.values()) {
            summary.printf("  %-8s %d%n", s, run.count(s));
        }
        run.findings().stream()
                .filter(f -> f.severity().atLeast(Severity.MEDIUM))
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::relation))
                .forEach(f -> summary.printf("  [%s] %s %s%s: %s%n", f.severity(), f.checkId(), f.relation(),
                        f.tenant().isEmpty() ? "" : " as " + f.tenant(), f.finding()));
        session.audits().previous(run).ifPresent(previous -> {
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
        return failed ? 1 : 0;
    }
}
