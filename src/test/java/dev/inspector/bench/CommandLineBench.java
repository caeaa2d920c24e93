package dev.inspector.bench;

import dev.inspector.persistence.embedded.DataDirectory;
import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run by hand (README, "Measuring the command line"): the command line beside its peers, measured
 * in one run, rounds interleaved so a busy moment of the machine hits every contender alike.
 *
 * <p>It starts an embedded PostgreSQL in a temporary directory, adds {@link BenchData} (default
 * 10,000 tenants × 500 flags, 30,000 users), then runs each contender as its own process under
 * {@code /usr/bin/time}: a bare start of the launcher ({@code --version}), {@code explain} of one
 * tenant and flag, psql answering that question with the rollout document's verification query,
 * {@code matrix --csv} of every cell, and psql writing the verification query's rows as CSV. It
 * prints the median wall time, CPU time and peak memory of each, and the ratios the README quotes.
 * Needs {@code psql} and {@code /usr/bin/time} (Debian: postgresql-client, time) and a built
 * launcher ({@code ./mvnw package -DskipTests}).
 */
public final class CommandLineBench {

    private static final PrintStream OUT = System.out;

    /** Section 4 step 2 of the rollout process, as the admins run it today. */
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

    public static void main(String[] args) throws Exception {
        BenchData data = BenchData.fromArgs(args, 10_000, 500, 30_000);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path launcher = Path.of(System.getProperty("bench.launcher", "target/inspector")).toAbsolutePath();
        Path jar = launcher.resolveSibling("inspector.jar");
        if (!Files.exists(launcher) || !Files.exists(jar)) {
            throw new IllegalStateException(launcher + " is missing: run ./mvnw package -DskipTests first");
        }
        awaitArchives(launcher);
        Path dir = Files.createTempDirectory("inspector-cli-bench");
        Path out = Files.createTempDirectory("inspector-cli-bench-out");
        try (Session session = new SessionOpener().open(new DatabaseTarget.Embedded(new DataDirectory(dir)), m -> { })) {
            long built = System.nanoTime();
            data.populate(session.database().dsl());
            OUT.printf("database: %s (built in %d s)%n", data.describe(session.database().dsl()),
                    (System.nanoTime() - built) / 1_000_000_000L);
            DataDirectory directory = new DataDirectory(dir);
            String port = Files.readString(directory.portFile()).strip();
            Map<String, String> env = Map.of("PGHOST", "localhost", "PGPORT", port, "PGUSER", "postgres",
                    "PGPASSWORD", Files.readString(directory.passwordFile()).strip(), "PGDATABASE", "postgres");
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            String explainSql = REFERENCE_QUERY + "WHERE ff.key = '" + BenchData.sampleFlagKey()
                    + "' AND t.name = '" + BenchData.sampleTenantName() + "'";

            if (Boolean.getBoolean("bench.hold")) {   // keep the database up for measuring by hand
                OUT.println("holding: " + url + " " + env);
                Thread.sleep(Long.MAX_VALUE);
            }
            Map<String, List<String>> contenders = new LinkedHashMap<>();
            String inspector = launcher.toString();
            contenders.put("launcher --version (bare JVM start)", List.of(inspector, "--version"));
            contenders.put("java -jar --version (no archive)", List.of("java", "-jar", jar.toString(), "--version"));
            contenders.put("inspector explain", List.of(inspector, "--db-url", url, "-q", "explain",
                    "--tenant", BenchData.sampleTenantName(), "--flag", BenchData.sampleFlagKey()));
            contenders.put("psql, the same question", List.of("psql", "-X", "-q", "-c", explainSql, "-o", "/dev/null"));
            contenders.put("inspector matrix --csv", List.of(inspector, "--db-url", url, "-q",
                    "matrix", "--csv", out.resolve("inspector.csv").toString()));
            contenders.put("psql --csv, reference query", List.of("psql", "-X", "-q", "--csv", "-c", REFERENCE_QUERY,
                    "-o", out.resolve("psql.csv").toString()));

            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            contenders.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
            for (int round = 0; round <= rounds; round++) {   // round 0 warms the page cache and is not counted
                for (var contender : contenders.entrySet()) {
                    Sample sample = timed(contender.getValue(), env, out);
                    if (round > 0) {
                        samples.get(contender.getKey()).add(sample);
                    }
                }
            }
            OUT.printf("%n%d rounds, medians (wall s, CPU s, peak RSS MB):%n", rounds);
            Map<String, Sample> median = new LinkedHashMap<>();
            samples.forEach((name, list) -> {
                Sample m = Sample.median(list);
                median.put(name, m);
                OUT.printf(Locale.ROOT, "  %-38s %6.2f s  %6.2f s  %5d MB   (wall %s)%n", name, m.wall, m.cpu, m.rssMb,
                        list.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.wall)).toList());
            });
            double bare = median.get("launcher --version (bare JVM start)").wall;
            OUT.printf(Locale.ROOT, "%nexplain / bare JVM start: %.2f× (target ≤ 2×)%n",
                    median.get("inspector explain").wall / bare);
            OUT.printf(Locale.ROOT, "matrix: %.2f× as fast as psql with the reference query (target ≥ 4×)%n",
                    median.get("psql --csv, reference query").wall / median.get("inspector matrix --csv").wall);
            OUT.printf("rows: inspector %d, psql %d (each with a header)%n",
                    lines(out.resolve("inspector.csv")), lines(out.resolve("psql.csv")));
        } finally {
            deleteTree(out);
            deleteTree(dir);
        }
    }

    /** The launcher makes its class-data sharing archives in the background on first use; measure with them. */
    private static void awaitArchives(Path launcher) throws Exception {
        Path archive = launcher.resolveSibling("inspector-commands.jsa");
        if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(
                Files.getLastModifiedTime(launcher.resolveSibling("inspector.jar"))) < 0) {
            new ProcessBuilder(launcher.toString(), "--version").redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        for (int i = 0; i < 120 && !Files.exists(launcher.resolveSibling("inspector-window.jsa")); i++) {
            Thread.sleep(1_000);
        }
        OUT.println("class-data sharing archives: " + (Files.exists(archive) ? "made" : "missing, measuring without"));
    }

    private record Sample(double wall, double cpu, long rssMb) {
        static Sample median(List<Sample> list) {
            return new Sample(mid(list.stream().mapToDouble(Sample::wall).sorted().toArray()),
                    mid(list.stream().mapToDouble(Sample::cpu).sorted().toArray()),
                    (long) mid(list.stream().mapToDouble(Sample::rssMb).sorted().toArray()));
        }

        private static double mid(double[] sorted) {
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
    }

    private static Sample timed(List<String> command, Map<String, String> env, Path out) throws Exception {
        Path report = out.resolve("time.txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", report.toString()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(out.resolve("stderr.txt").toFile());
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit > 1) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": "
                    + Files.readString(out.resolve("stderr.txt")));
        }
        String[] f = Files.readAllLines(report).get(Files.readAllLines(report).size() - 1).trim().split(" ");
        return new Sample(Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
                Long.parseLong(f[3]) / 1024);
    }

    private static long lines(Path file) throws IOException {
        try (var stream = Files.lines(file)) {
            return stream.count();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
