package dev.inspector.bench;

import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.GateSnapshotRepository;
import dev.inspector.persistence.Migrations;
import dev.inspector.persistence.embedded.DataDirectory;
import dev.inspector.persistence.embedded.Durability;
import dev.inspector.persistence.embedded.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side on production-sized data: an embedded PostgreSQL 16 (the console's own,
 * {@link Durability#THROWAWAY}) with the SaaS schema, 10,000 tenants × 500 flags, 250,000
 * {@code tenant_feature_flags} rows, 1,350 channel rows, 2,000 users and 6,000 grants, generated
 * set-based in SQL (a few seconds per fork). The server runs with PostgreSQL's default settings
 * (shared_buffers 128 MB, work_mem 4 MB) on the same two cores as the benchmark.
 *
 * <p>The two 5,000,000-row queries are measured in two ways: fetched fully by the client (a
 * forward-only cursor of 10,000 rows, every column read) and wrapped in {@code count(*)}, which
 * leaves only the server's work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SnapshotLoadBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoadBenchmark.class);

    static final int TENANTS = 10_000;
    static final int FLAGS = 500;
    static final int OVERRIDES_PER_TENANT = 25;
    static final int USERS = 2_000;

    /** Section 4 step 2 of the rollout process, without {@code WHERE ff.key = ...}. */
    static final String REFERENCE_QUERY = """
            SELECT
              t.name AS tenant,
              t.release_channel,
              ff.key AS feature,
              COALESCE(tff.enabled, rcff.enabled, ff.default_enabled) AS enabled
            FROM tenants t
            CROSS JOIN feature_flags ff
            LEFT JOIN tenant_feature_flags tff
              ON tff.tenant_id = t.id AND tff.feature_flag_id = ff.id
            LEFT JOIN release_channel_feature_flags rcff
              ON rcff.feature_flag_id = ff.id AND rcff.release_channel = t.release_channel
            """;

    static final String CORRECTED_QUERY = "SELECT * FROM inspector.effective_feature_flags()";

    private Path directory;
    private EmbeddedDatabase server;
    private Database database;
    private GateSnapshotRepository repository;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        directory = Files.createTempDirectory("inspector-bench-pg");
        server = EmbeddedDatabase.start(new DataDirectory(directory), Durability.THROWAWAY, message -> { });
        database = Database.open(new ConnectionSettings(server.jdbcUrl(), server.user(), server.password(),
                "bench", true));
        // The demo brings the SaaS schema; its few rows go before the bulk data comes in.
        Migrations.installDemo(database.dataSource(), database.dsl());
        Migrations.migrateInspectorSchema(database.dataSource());
        long started = System.nanoTime();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE public.tenants, public.feature_flags, auth.users CASCADE");
            s.execute(GENERATE);
            s.execute("VACUUM (ANALYZE)");
            verifyCounts(s);
        }
        LOG.info("Generated the benchmark data in {} ms", (System.nanoTime() - started) / 1_000_000);
        repository = new GateSnapshotRepository(database.dsl());
        GateSnapshot check = repository.load();
        if (check.tenantCount() != TENANTS || check.flagCount() != FLAGS
                || check.overrideCount() != TENANTS * OVERRIDES_PER_TENANT) {
            throw new IllegalStateException("unexpected snapshot: " + check.tenantCount() + " tenants, "
                    + check.flagCount() + " flags, " + check.overrideCount() + " overrides");
        }
    }

    private static void verifyCounts(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                SELECT (SELECT count(*) FROM tenants), (SELECT count(*) FROM feature_flags),
                       (SELECT count(*) FROM tenant_feature_flags), (SELECT count(*) FROM release_channel_feature_flags),
                       (SELECT count(*) FROM profiles), (SELECT count(*) FROM tenant_feature_access)""")) {
            rs.next();
            long[] expected = {TENANTS, FLAGS, (long) TENANTS * OVERRIDES_PER_TENANT, 1_350, USERS, 3L * USERS};
            for (int i = 0; i < expected.length; i++) {
                if (rs.getLong(i + 1) != expected[i]) {
                    throw new IllegalStateException("column " + (i + 1) + ": " + rs.getLong(i + 1)
                            + " rows, expected " + expected[i]);
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** What the console does to get its snapshot: six queries in one read-only transaction, then indexing. */
    @Benchmark
    public GateSnapshot loadSnapshot() {
        return repository.load();
    }

    /** The reference verification query over all tenants × flags, every row fetched by the client. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 4, time = 1)
    public long referenceQueryFetched(Blackhole bh) throws SQLException {
        return fetchAll(REFERENCE_QUERY, 4, bh);
    }

    /**
     * The same, counted by the server. The count of enabled cells is needed: a bare
     * {@code count(*)} lets PostgreSQL drop both LEFT JOINs (their keys are unique and no column
     * of theirs is used), leaving a 10,000 × 500 cross join that measures nothing of interest.
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 4, time = 1)
    public long referenceQueryCounted() throws SQLException {
        return count(REFERENCE_QUERY);
    }

    /** {@code SELECT * FROM inspector.effective_feature_flags()}, every row fetched by the client. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 4, time = 1)
    public long correctedFunctionFetched(Blackhole bh) throws SQLException {
        return fetchAll(CORRECTED_QUERY, 7, bh);
    }

    /** The same, counted by the server. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 4, time = 1)
    public long correctedFunctionCounted() throws SQLException {
        return count(CORRECTED_QUERY);
    }

    /** Streams the result (without a fetch size the driver would hold all 5,000,000 rows at once). */
    private long fetchAll(String sql, int columns, Blackhole bh) throws SQLException {
        long rows = 0;
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            bh.consume(rs.getString(i));
                        }
                        rows++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        expectAllCells(rows);
        return rows;
    }

    /** Rows and enabled rows, counted by the server; returns the enabled count. */
    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE q.enabled) FROM (" + sql + ") AS q")) {
            rs.next();
            expectAllCells(rs.getLong(1));
            return rs.getLong(2);
        }
    }

    private static void expectAllCells(long rows) {
        if (rows != (long) TENANTS * FLAGS) {
            throw new IllegalStateException(rows + " rows, expected " + (long) TENANTS * FLAGS);
        }
    }

    /**
     * The bulk data, deterministic. Tenant 0 is internal, every 100th pilot, the rest general (the
     * SaaS schema forbids a null or unknown channel). Flags: a third on by default, every 25th a
     * killswitch, tripped when its number is a multiple of 50. About 10 % of flag × channel rows
     * are missing. Each tenant overrides 25 distinct flags (j = 37 t + 20 k mod 500).
     */
    private static final String GENERATE = """
            INSERT INTO tenants (id, name, release_channel)
            SELECT md5('tenant' || t)::uuid, 'Tenant ' || lpad(t::text, 5, '0'),
                   CASE WHEN t = 0 THEN 'internal' WHEN t % 100 = 1 THEN 'pilot' ELSE 'general' END
            FROM generate_series(0, 9999) AS t;

            INSERT INTO feature_flags (id, key, name, default_enabled, is_killswitch)
            SELECT md5('flag' || f)::uuid, 'flag_' || lpad(f::text, 3, '0'), 'Flag ' || f,
                   CASE WHEN f % 25 = 0 THEN f % 50 = 25 ELSE f % 3 = 0 END,
                   f % 25 = 0
            FROM generate_series(0, 499) AS f;

            INSERT INTO release_channel_feature_flags (feature_flag_id, release_channel, enabled)
            SELECT md5('flag' || f)::uuid, (ARRAY['internal', 'pilot', 'general'])[c + 1], (f + c) % 2 = 0
            FROM generate_series(0, 499) AS f, generate_series(0, 2) AS c
            WHERE (f * 3 + c) % 10 <> 0;

            INSERT INTO tenant_feature_flags (tenant_id, feature_flag_id, enabled)
            SELECT md5('tenant' || t)::uuid, md5('flag' || ((t * 37 + k * 20) % 500))::uuid, (t * 31 + k * 17) % 2 = 0
            FROM generate_series(0, 9999) AS t, generate_series(0, 24) AS k;

            INSERT INTO auth.users (id, email)
            SELECT md5('user' || u)::uuid, 'user' || u || '@example.test'
            FROM generate_series(0, 1999) AS u;

            INSERT INTO profiles (id, tenant_id, full_name, email, is_platform_admin)
            SELECT md5('user' || u)::uuid,
                   CASE WHEN u % 500 = 0 THEN NULL ELSE md5('tenant' || (u * 5))::uuid END,
                   'User ' || u, 'user' || u || '@example.test', u % 500 = 0
            FROM generate_series(0, 1999) AS u;

            INSERT INTO tenant_feature_access (tenant_id, user_id, feature_key, is_enabled)
            SELECT md5('tenant' || CASE WHEN u % 500 = 0 THEN 0 ELSE u * 5 END)::uuid, md5('user' || u)::uuid,
                   'flag_' || lpad(((u * 7 + k * 131) % 500)::text, 3, '0'), k <> 2
            FROM generate_series(0, 1999) AS u, generate_series(0, 2) AS k;
            """;
}
