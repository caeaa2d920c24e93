package dev.inspector.bench;

import dev.inspector.domain.audit.ColumnFacts;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.TenancyDetection;
import dev.inspector.domain.audit.TenancyHints;
import dev.inspector.domain.audit.probe.ProbePlan;
import dev.inspector.domain.audit.probe.ProbeResult;
import dev.inspector.domain.audit.rules.DataRules;
import dev.inspector.domain.audit.rules.ProbePlanner;
import dev.inspector.domain.audit.rules.SchemaRules;
import dev.inspector.persistence.Database;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.persistence.audit.CatalogReader;
import dev.inspector.persistence.audit.ColumnCatalog;
import dev.inspector.persistence.audit.CrossTenantProbes;
import dev.inspector.persistence.audit.DataChecks;
import dev.inspector.persistence.audit.Impersonation;
import dev.inspector.persistence.audit.TenantDirectory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tenant isolation audit at the sizes issue #5 names. Two data sets, each in its own embedded
 * PostgreSQL 16 (demo schema, {@code Durability.THROWAWAY}, default settings), built set-based
 * once per fork; JMH forks per benchmark, so a fork builds only the set its benchmark uses.
 *
 * <ul>
 *   <li>{@link SchemaSet}: 200 tenant relations in all (the demo's plus generated ones in schema
 *       {@code app}): mostly protected tables, partitioned tables with partitions, views,
 *       materialized views and a few broken relations; 2,000 rows per table.</li>
 *   <li>{@link DataSet}: 20,000,034 rows in five narrow tables of schema {@code big}
 *       (4,000,000 each plus a few NULL tenants, orphans and parent mismatches), every tenant
 *       column with a btree index, one table without a foreign key to tenants.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AuditBenchmark {

    static final int TENANT_RELATIONS = 200;
    /** Relations of the schema set the read probes visit: every tenant relation the authenticated role may read. */
    static final int PROBED_RELATIONS = 200;
    static final int BIG_TABLES = 5;
    static final long BIG_ROWS = 20_000_034L;

    @State(Scope.Benchmark)
    public static class SchemaSet {
        BenchServer server;
        Database database;
        DatabaseFacts facts;
        ProbePlan plan;
        Impersonation user;
        List<String> tenants;

        @Setup(Level.Trial)
        public void setUp() throws IOException, SQLException {
            server = BenchServer.startWithDemo("inspector-bench-audit-schema");
            try {
                build();
            } catch (RuntimeException | SQLException e) {
                // JMH skips the tear-down when the set-up fails; the data directory would stay behind.
                tearDown();
                throw e;
            }
        }

        private void build() throws SQLException {
            database = server.database();
            long started = System.nanoTime();
            int existing = read(database).tenantRelations().size();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute(SCHEMA_TENANTS);
                s.execute(SCHEMA_SET.replace(":target", Integer.toString(TENANT_RELATIONS - existing)));
                s.execute("VACUUM (ANALYZE)");
            }
            long built = System.nanoTime();
            facts = read(database);
            if (facts.tenantRelations().size() != TENANT_RELATIONS) {
                throw new IllegalStateException(facts.tenantRelations().size() + " tenant relations, expected " + TENANT_RELATIONS);
            }
            List<Finding> findings = SchemaRules.evaluate(facts);
            plan = ProbePlanner.plan(facts, false, false, false);
            if (plan.reads().size() != PROBED_RELATIONS) {
                throw new IllegalStateException(plan.reads().size() + " probed relations, expected " + PROBED_RELATIONS);
            }
            TenantDirectory directory = new TenantDirectory(database.dsl(), facts.model());
            user = directory.pick(List.of("Bench 001"), 1).get(0);
            tenants = directory.tenants().stream().map(TenantDirectory.Tenant::id).toList();
            System.out.printf("%nSchema set: %d tenant relations (%d existed), built in %d ms; %s; %d findings %s%n",
                    facts.tenantRelations().size(), existing, (built - started) / 1_000_000, kinds(facts),
                    findings.size(), byCheck(findings));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class DataSet {
        BenchServer server;
        Database database;
        DatabaseFacts facts;
        ProbePlan plan;
        Impersonation user;
        List<String> tenants;

        @Setup(Level.Trial)
        public void setUp() throws IOException, SQLException {
            server = BenchServer.startWithDemo("inspector-bench-audit-data");
            try {
                build();
            } catch (RuntimeException | SQLException e) {
                tearDown();
                throw e;
            }
        }

        private void build() throws SQLException {
            database = server.database();
            long started = System.nanoTime();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String step : DATA_SET.split(";\n")) {
                    if (!step.isBlank()) {
                        long t = System.nanoTime();
                        s.execute(step);
                        System.out.printf("  %6d ms  %s%n", (System.nanoTime() - t) / 1_000_000,
                                step.strip().lines().findFirst().orElse(""));
                    }
                }
            }
            long built = System.nanoTime();
            DatabaseFacts all = read(database);
            facts = new DatabaseFacts(all.model(),
                    all.relations().stream().filter(r -> r.schema().equals("big")).toList(),
                    all.apiRoles(), all.roles(), all.functions(),
                    all.tenantForeignKeys().stream().filter(k -> k.child().startsWith("big.")).toList());
            plan = ProbePlanner.plan(facts, false, false, false);
            long rows = ((Number) database.dsl().fetchValue("SELECT (SELECT count(*) FROM big.accounts) + (SELECT count(*) FROM big.documents)"
                    + " + (SELECT count(*) FROM big.events) + (SELECT count(*) FROM big.measurements)"
                    + " + (SELECT count(*) FROM big.audit_log)")).longValue();
            if (facts.relations().size() != BIG_TABLES || plan.reads().size() != BIG_TABLES || rows != BIG_ROWS) {
                throw new IllegalStateException(facts.relations().size() + " tables with " + rows + " rows");
            }
            List<Finding> findings = DataRules.evaluate(new DataChecks(database.dsl()).run(facts, AuditProgress.SILENT),
                    facts.model());
            TenantDirectory directory = new TenantDirectory(database.dsl(), facts.model());
            user = directory.pick(List.of("Data 0001"), 1).get(0);
            tenants = directory.tenants().stream().map(TenantDirectory.Tenant::id).toList();
            System.out.printf("%nData set: %d rows in %d tables, built in %d ms; data findings %s%n", rows,
                    facts.relations().size(), (built - started) / 1_000_000,
                    findings.stream().map(f -> f.checkId() + " " + f.relation() + ": " + f.evidence()).toList());
            if (Boolean.getBoolean("audit.explain")) {
                explain(database);
            }
        }

        /** The plans of the statements DataChecks sends (as jOOQ renders them), for -jvmArgsAppend -Daudit.explain=true. */
        private static void explain(Database database) {
            for (String sql : List.of(
                    "select exists (select 1 as \"one\" from \"big\".\"events\" where \"tenant_id\" is null)",
                    "select count(*) from \"big\".\"events\" where \"tenant_id\" is null",
                    "select count(*) from \"big\".\"audit_log\" as \"t\" where (\"t\".\"tenant_id\" is not null and not exists "
                            + "(select 1 as \"one\" from \"public\".\"tenants\" as \"x\" where \"x\".\"id\" = \"t\".\"tenant_id\"))",
                    "select count(*) from \"big\".\"documents\" as \"c\" where exists (select 1 as \"one\" from \"big\".\"accounts\" as \"p\" "
                            + "where (\"p\".\"id\" = \"c\".\"account_id\" and \"p\".\"tenant_id\" is distinct from \"c\".\"tenant_id\"))")) {
                String plan = database.dsl().fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql).stream()
                        .map(r -> r.get(0, String.class)).collect(Collectors.joining("\n"));
                System.out.printf("%n%s%n%s%n", sql, plan);
            }
            // The read probe as CrossTenantProbes sends it, as tenant Data 0001's user: a protected and an open table.
            database.dsl().transaction(cfg -> {
                var tx = cfg.dsl();
                Object own = tx.fetchValue("SELECT id FROM public.tenants WHERE name = 'Data 0001'");
                tx.fetch("SELECT set_config('request.jwt.claims', ?, true)", "{\"app_metadata\":{\"tenant_id\":\"" + own + "\"}}");
                tx.execute("SET LOCAL ROLE authenticated");
                for (String table : List.of("accounts", "audit_log")) {
                    String sql = "select count(*) filter (where (cast(\"tenant_id\" as uuid) is distinct from '" + own + "'::uuid "
                            + "and \"tenant_id\" is not null)), count(distinct \"tenant_id\") filter (where cast(\"tenant_id\" as uuid) "
                            + "is distinct from '" + own + "'::uuid), count(*) filter (where \"tenant_id\" is null) from (select \"tenant_id\" "
                            + "from \"big\".\"" + table + "\" limit 100000) as \"s\"";
                    System.out.printf("%n%s%n%s%n", sql, tx.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql).stream()
                            .map(r -> r.get(0, String.class)).collect(Collectors.joining("\n")));
                }
                tx.execute("RESET ROLE");
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The schema checks: the tenancy model detected, the catalog queries over 200 tenant relations, then the rules. */
    @Benchmark
    @Fork(2)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<Finding> schemaChecks(SchemaSet set) {
        return SchemaRules.evaluate(read(set.database));
    }

    /** What an audit reads: the columns, the model detected from them, then the catalogs for that model. */
    static DatabaseFacts read(Database database) {
        List<ColumnFacts> columns = new ColumnCatalog(database.dsl()).read();
        return new CatalogReader(database.dsl()).read(TenancyDetection.detect(TenancyHints.detect(), columns), columns);
    }

    /** NULL tenants, orphans and parent mismatches over 20,000,034 rows; one call is one audit's data group. */
    @Benchmark
    @Fork(1)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<Finding> dataChecks(DataSet set) {
        return DataRules.evaluate(new DataChecks(set.database.dsl()).run(set.facts, AuditProgress.SILENT), set.facts.model());
    }

    /**
     * The read probes of one impersonated member (as the member, with what the policies trust forged
     * where they trust something forgeable, then as a user of no tenant and signed out); the score is
     * per relation.
     */
    @Benchmark
    @Fork(2)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @OperationsPerInvocation(PROBED_RELATIONS)
    public List<ProbeResult> readProbes(SchemaSet set) {
        return new CrossTenantProbes(set.database.dsl(), set.facts.model()).run(set.plan, List.of(set.user),
                ProbePlanner.API_ROLE, set.tenants, AuditProgress.SILENT);
    }

    /** The same on the five 4,000,000-row tables; the score is per relation. */
    @Benchmark
    @Fork(1)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @OperationsPerInvocation(BIG_TABLES)
    public List<ProbeResult> readProbesLarge(DataSet set) {
        return new CrossTenantProbes(set.database.dsl(), set.facts.model()).run(set.plan, List.of(set.user),
                ProbePlanner.API_ROLE, set.tenants, AuditProgress.SILENT);
    }

    private static Map<RelationKind, Long> kinds(DatabaseFacts facts) {
        return facts.tenantRelations().stream().collect(Collectors.groupingBy(RelationFacts::kind, TreeMap::new,
                Collectors.counting()));
    }

    private static Map<String, Long> byCheck(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(Finding::checkId, TreeMap::new, Collectors.counting()));
    }

    private static final String SCHEMA_TENANTS = """
            INSERT INTO public.tenants (id, name)
            SELECT md5('bench-tenant' || t)::uuid, 'Bench ' || lpad(t::text, 3, '0') FROM generate_series(0, 99) AS t;
            CREATE TEMP TABLE bench_tenants AS SELECT id FROM public.tenants WHERE name LIKE 'Bench %';
            """;

    /**
     * Relations are numbered; the number decides the kind, so the mix is deterministic: every 25th
     * a hash-partitioned table with two partitions (every 50th with one partition left without
     * RLS), views over the last protected table (every 30th with security_invoker, every 60th
     * without), every 50th a materialized view, and broken tables: RLS off (every 19th), an extra
     * USING (true) read policy (every 23rd), a nullable tenant column without foreign key or index
     * (every 29th). The rest are protected tables: RLS, a tenant policy, a foreign key and an index.
     */
    private static final String SCHEMA_SET = """
            DO $$
            DECLARE
              target CONSTANT int := :target;
              made int := 0;
              i int := 0;
              t text;
              last_clean text;
              protect text[] := '{}';
              r text;
              columns CONSTANT text := '(id bigint, tenant_id uuid NOT NULL REFERENCES public.tenants (id), payload text)';
            BEGIN
              CREATE SCHEMA app;
              GRANT USAGE ON SCHEMA app TO anon, authenticated;
              WHILE made < target LOOP
                i := i + 1;
                t := 'app.r' || lpad(i::text, 3, '0');
                IF i % 25 = 0 AND target - made >= 3 THEN
                  EXECUTE format('CREATE TABLE %s %s PARTITION BY HASH (id)', t, columns);
                  EXECUTE format('CREATE INDEX ON %s (tenant_id)', t);
                  EXECUTE format('CREATE TABLE %s_p0 PARTITION OF %s FOR VALUES WITH (MODULUS 2, REMAINDER 0)', t, t);
                  EXECUTE format('CREATE TABLE %s_p1 PARTITION OF %s FOR VALUES WITH (MODULUS 2, REMAINDER 1)', t, t);
                  protect := protect || t || (t || '_p0');
                  IF i % 50 <> 0 THEN
                    protect := protect || (t || '_p1');
                  END IF;
                  made := made + 3;
                ELSIF i % 30 = 7 AND last_clean IS NOT NULL THEN
                  EXECUTE format('CREATE VIEW %s WITH (security_invoker = true) AS SELECT id, tenant_id, payload FROM %s', t, last_clean);
                  made := made + 1;
                  CONTINUE;
                ELSIF i % 60 = 13 AND last_clean IS NOT NULL THEN
                  EXECUTE format('CREATE VIEW %s AS SELECT id, tenant_id, payload FROM %s', t, last_clean);
                  made := made + 1;
                  CONTINUE;
                ELSIF i % 50 = 21 AND last_clean IS NOT NULL THEN
                  EXECUTE format('CREATE MATERIALIZED VIEW %s AS SELECT tenant_id, count(*) AS n FROM %s GROUP BY tenant_id', t, last_clean);
                  made := made + 1;
                  CONTINUE;
                ELSIF i % 19 = 5 THEN
                  EXECUTE format('CREATE TABLE %s %s', t, columns);
                  EXECUTE format('CREATE INDEX ON %s (tenant_id)', t);
                  made := made + 1;
                ELSIF i % 29 = 11 THEN
                  EXECUTE format('CREATE TABLE %s (id bigint PRIMARY KEY, tenant_id uuid, payload text)', t);
                  protect := protect || t;
                  made := made + 1;
                ELSE
                  EXECUTE format('CREATE TABLE %s (id bigint PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES public.tenants (id), payload text)', t);
                  EXECUTE format('CREATE INDEX ON %s (tenant_id)', t);
                  protect := protect || t;
                  IF i % 23 = 3 THEN
                    EXECUTE format('CREATE POLICY allow_read ON %s FOR SELECT TO authenticated USING (true)', t);
                  ELSE
                    last_clean := t;
                  END IF;
                  made := made + 1;
                END IF;
                EXECUTE format('INSERT INTO %s (id, tenant_id, payload) SELECT g * 100 + row_number() OVER (), b.id, ''row '' || g '
                               'FROM generate_series(0, 19) AS g CROSS JOIN bench_tenants AS b', t);
              END LOOP;
              FOREACH r IN ARRAY protect LOOP
                EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', r);
                EXECUTE format('CREATE POLICY tenant_isolation ON %s TO authenticated '
                               'USING (tenant_id = auth.tenant_id()) WITH CHECK (tenant_id = auth.tenant_id())', r);
              END LOOP;
              GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA app TO authenticated;
            END
            $$;
            """;

    /**
     * 1,000 tenants; per table 4,000 rows for each. Constraints and indexes come after the rows,
     * so the load runs no foreign-key trigger per row. The extra rows: 10 NULL tenants in
     * events, 7 documents whose account belongs to another tenant, 12 orphans and 5 NULL tenants
     * in audit_log (which has no foreign key to tenants and no RLS). maintenance_work_mem is raised
     * for this session only, to build the indexes in memory.
     */
    private static final String DATA_SET = """
            SET maintenance_work_mem = '512MB';
            INSERT INTO public.tenants (id, name)
            SELECT md5('data-tenant' || t)::uuid, 'Data ' || lpad(t::text, 4, '0') FROM generate_series(0, 999) AS t;
            CREATE TEMP TABLE data_tenants AS
            SELECT (row_number() OVER (ORDER BY name) - 1)::int AS n, id FROM public.tenants WHERE name LIKE 'Data %';
            CREATE SCHEMA big;
            GRANT USAGE ON SCHEMA big TO anon, authenticated;
            CREATE TABLE big.accounts (id bigint NOT NULL, tenant_id uuid NOT NULL);
            CREATE TABLE big.documents (id bigint NOT NULL, tenant_id uuid NOT NULL, account_id bigint NOT NULL);
            CREATE TABLE big.events (id bigint NOT NULL, tenant_id uuid);
            CREATE TABLE big.measurements (id bigint NOT NULL, tenant_id uuid NOT NULL);
            CREATE TABLE big.audit_log (id bigint NOT NULL, tenant_id uuid);
            INSERT INTO big.accounts SELECT g * 1000 + d.n, d.id FROM generate_series(0, 3999) AS g CROSS JOIN data_tenants AS d;
            INSERT INTO big.documents SELECT id, tenant_id, id FROM big.accounts;
            INSERT INTO big.documents SELECT 10000000 + k, (SELECT id FROM data_tenants WHERE n = 1), k * 1000
            FROM generate_series(0, 6) AS k;
            INSERT INTO big.events SELECT id, tenant_id FROM big.accounts;
            INSERT INTO big.events SELECT 10000000 + k, NULL FROM generate_series(0, 9) AS k;
            INSERT INTO big.measurements SELECT id, tenant_id FROM big.accounts;
            INSERT INTO big.audit_log SELECT id, tenant_id FROM big.accounts;
            INSERT INTO big.audit_log SELECT 10000000 + k, CASE WHEN k < 12 THEN md5('orphan' || k)::uuid END
            FROM generate_series(0, 16) AS k;
            ALTER TABLE big.accounts ADD PRIMARY KEY (id);
            ALTER TABLE big.documents ADD PRIMARY KEY (id);
            CREATE INDEX ON big.accounts (tenant_id);
            CREATE INDEX ON big.documents (tenant_id);
            CREATE INDEX ON big.events (tenant_id);
            CREATE INDEX ON big.measurements (tenant_id);
            CREATE INDEX ON big.audit_log (tenant_id);
            ALTER TABLE big.accounts ADD FOREIGN KEY (tenant_id) REFERENCES public.tenants (id);
            ALTER TABLE big.documents ADD FOREIGN KEY (tenant_id) REFERENCES public.tenants (id);
            ALTER TABLE big.documents ADD FOREIGN KEY (account_id) REFERENCES big.accounts (id);
            ALTER TABLE big.events ADD FOREIGN KEY (tenant_id) REFERENCES public.tenants (id);
            ALTER TABLE big.measurements ADD FOREIGN KEY (tenant_id) REFERENCES public.tenants (id);
            ALTER TABLE big.accounts ENABLE ROW LEVEL SECURITY;
            ALTER TABLE big.documents ENABLE ROW LEVEL SECURITY;
            ALTER TABLE big.events ENABLE ROW LEVEL SECURITY;
            ALTER TABLE big.measurements ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON big.accounts TO authenticated USING (tenant_id = auth.tenant_id());
            CREATE POLICY tenant_isolation ON big.documents TO authenticated USING (tenant_id = auth.tenant_id());
            CREATE POLICY tenant_isolation ON big.events TO authenticated USING (tenant_id = auth.tenant_id());
            CREATE POLICY tenant_isolation ON big.measurements TO authenticated USING (tenant_id = auth.tenant_id());
            GRANT SELECT ON ALL TABLES IN SCHEMA big TO authenticated;
            VACUUM (ANALYZE);
            """;
}
