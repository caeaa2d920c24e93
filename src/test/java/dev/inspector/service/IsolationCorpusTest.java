package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.TenancyHints;
import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.Database;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.testing.IsolationCase;
import dev.inspector.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The isolation corpus ({@code src/test/resources/isolation-corpus}): for every case, a fresh
 * database proves the case leaky or safe by impersonating alice of Acme, and the full audit (all
 * groups, write probes included) must then flag every leaky one at critical or high on a relation
 * or function the case names, and raise nothing critical or high on a safe one.
 */
class IsolationCorpusTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** One line per case: which part of the audit caught it; written to target/ for the figures. */
    private static final List<String> REPORT = java.util.Collections.synchronizedList(new ArrayList<>());
    private static TestPostgres server;

    /**
     * A server of its own: the cases create, grant and drop roles, which belong to the whole server,
     * so on the shared one no audit could run beside them.
     */
    @BeforeAll
    static void ownServer() {
        server = TestPostgres.start();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsProvenAndJudgedRight() {
        TestPostgres postgres = server;
        String only = System.getProperty("corpus.only", "");
        return IsolationCase.all().stream().filter(c -> c.name().contains(only)).map(c -> DynamicTest.dynamicTest(c.name(), () -> check(postgres, c)));
    }

    /**
     * Empties the corpus database between cases: every schema goes (with everything the cases'
     * roles own in it) and comes back bare, which is much quicker than a new database per case.
     */
    private static final String EMPTY = """
            DO $$
            DECLARE s text;
            BEGIN
              FOR s IN SELECT nspname FROM pg_namespace
                       WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
              LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', s);
              END LOOP;
            END
            $$;
            CREATE SCHEMA public AUTHORIZATION pg_database_owner;
            GRANT USAGE ON SCHEMA public TO PUBLIC;
            """;

    private static void check(TestPostgres postgres, IsolationCase c) throws SQLException {
        String name = database(postgres);
        postgres.execute(name, EMPTY);
        postgres.execute(name, IsolationCase.base());
        postgres.execute(name, c.setup());
        boolean leaked = prove(postgres.settings(name), c);
        assertThat(leaked).as("the proof of " + c.name() + " (as alice)").isEqualTo(c.leaky());

        List<Finding> serious;
        List<Finding> all;
        try (Database db = Database.open(postgres.settings(name))) {
            IsolationAuditor.Outcome outcome = new IsolationAuditor(db).audit(new AuditRequest(hints(c),
                    EnumSet.allOf(CheckGroup.class), List.of(), false), AuditProgress.SILENT);
            assertThat(outcome.coverage().incompleteReason()).as("coverage of " + c.name()).isEmpty();
            all = outcome.findings();
            serious = outcome.findings().stream().filter(f -> f.severity().atLeast(Severity.HIGH)).toList();
        }
        if (c.leaky()) {
            assertThat(serious).as(c.name() + " must be flagged at critical/high on one of " + c.flags() + "; found " + words(all))
                    .anyMatch(f -> c.flags().stream().anyMatch(flag -> names(f, flag)));
        } else {
            assertThat(serious).as(c.name() + " is safe: nothing critical or high; found " + words(all)).isEmpty();
        }
        REPORT.add(String.format("%-58s %-4s schema %-5s probes %-5s medium %s", c.name(), c.leaky() ? "LEAK" : "SAFE",
                flagged(serious, c, true), flagged(serious, c, false),
                all.stream().filter(f -> f.severity() == Severity.MEDIUM).map(f -> f.checkId() + "@" + f.relation()).toList()));
    }

    /** Whether schema findings (or probe findings) alone name a flagged relation at critical/high. */
    private static boolean flagged(List<Finding> serious, IsolationCase c, boolean schema) {
        return serious.stream().filter(f -> (f.group() == CheckGroup.SCHEMA) == schema)
                .anyMatch(f -> c.flags().stream().anyMatch(flag -> names(f, flag)));
    }

    private static String database(TestPostgres postgres) {
        if (COUNTER.get() == 0) {
            postgres.execute("postgres", "CREATE DATABASE corpus");
            COUNTER.incrementAndGet();
        }
        return "corpus";
    }

    private static String words(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.checkId() + "@" + f.relation() + " " + f.finding() + " [" + f.evidence() + "]")
                .collect(java.util.stream.Collectors.joining("\n  ", "\n  ", ""));
    }

    /**
     * Nothing but what no catalog can tell: the audit detects the tenant column, the tenants and the
     * membership itself, as it would for a new user. Only a role per tenant must be named.
     */
    private static TenancyHints hints(IsolationCase c) {
        TenancyHints hints = TenancyHints.detect();
        if (c.claims().equals("role")) {
            hints = hints.withTenantRoles("{slug}_tenant");
        }
        return hints;
    }

    /** A finding names the flagged relation or function: as its relation, a policy of it, or its function. */
    private static boolean names(Finding f, String flag) {
        return f.relation().equals(flag) || f.relation().startsWith(flag + " ") || f.relation().startsWith(flag + "(");
    }

    /** Runs the proof as alice in a transaction that is rolled back; the last statement says whether it leaked. */
    private static boolean prove(ConnectionSettings settings, IsolationCase c) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties())) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE authenticated");
                statement.execute("SELECT set_config('request.jwt.claims', '" + IsolationCase.ALICE_CLAIMS + "', true)");
                List<String> proof = new ArrayList<>(c.proof());
                String last = proof.remove(proof.size() - 1);
                for (String sql : proof) {
                    statement.execute(sql);
                }
                try (ResultSet rs = statement.executeQuery(last)) {
                    rs.next();
                    return rs.getBoolean("leaked");
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @AfterAll
    static void stopServer() throws java.io.IOException {
        java.nio.file.Files.write(java.nio.file.Path.of("target", "isolation-corpus-report.txt"), REPORT);
        if (server != null) {
            server.close();
        }
    }
}
