package dev.inspector.service;

import org.junit.jupiter.api.parallel.Isolated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.persistence.ChangeHistoryReader;
import dev.inspector.persistence.RowImages;
import dev.inspector.testing.FlagRows;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consoles racing on the same flags: four sessions in threads of this JVM and two in processes of
 * their own, each doing kills, restores, promotions, override edits and channel switches in random
 * order. Afterwards the change history must be a seamless chain (every before-image is exactly what
 * the previous change left), no deadlock may have reached an admin, and undoing everything must
 * give back the original rows byte for byte.
 */
@ExtendWith(PostgresExtension.class)
/** Alone: its races are timed against lock_timeout, which a busy neighbour would skew. */
@Isolated
class ConcurrentConsolesTest {

    private static final int THREADS = 4;
    private static final int PROCESSES = 2;
    private static final int ROUNDS = Integer.getInteger("inspector.race.rounds", 25);

    @Test
    void racingConsolesNeverDeadlockNeverLieAndEverythingCanBeUndone(TestPostgres postgres) throws Exception {
        try (TestDatabase db = postgres.cloneDemo()) {
            Map<String, String> original = new LinkedHashMap<>();
            ConsoleWorker.FLAGS.forEach(key -> original.put(key, FlagRows.of(db, key)));
            Map<String, String> initialRows = rowImages(db);
            String tenantsAndGrants = tenantsGrantsAndArchive(db);

            List<Process> processes = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                processes.add(worker(db, 1000 + p));
            }
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<ConsoleWorker.Counts>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                results.add(threads.submit(() -> {
                    try (Session session = new SessionOpener().open(db.target(), m -> { })) {
                        return ConsoleWorker.run(session, seed, ROUNDS);
                    }
                }));
            }
            ConsoleWorker.Counts total = new ConsoleWorker.Counts(0, 0, 0, 0, 0, "");
            for (Future<ConsoleWorker.Counts> result : results) {
                total = total.plus(result.get(3, TimeUnit.MINUTES));
            }
            threads.shutdown();
            for (Process process : processes) {
                total = total.plus(countsOf(process));
            }

            assertThat(total.deadlocks()).as("deadlocks surfaced to an admin").isZero();
            assertThat(total.failures()).as("failures other than refusals: " + total.firstFailure()).isZero();
            assertThat(total.written()).as("the race wrote something").isGreaterThan(THREADS * ROUNDS / 4);

            List<ChangeRecord> history = new ChangeHistoryReader(db.dsl()).recent(Optional.empty(), 100_000);
            assertThat(brokenChainLinks(history, initialRows)).as("before-images that were not the state before")
                    .isEmpty();

            undoEverything(db, history);
            ConsoleWorker.FLAGS.forEach(key -> assertThat(FlagRows.of(db, key)).as(key).isEqualTo(original.get(key)));
            assertThat(tenantsGrantsAndArchive(db)).as("tenants' channels, grants and the archive as at the start")
                    .isEqualTo(tenantsAndGrants);
            System.out.printf("Concurrent consoles: %d threads + %d processes x %d rounds: %d written, %d unchanged, "
                            + "%d refused, %d deadlocks, %d failures; %d change sets, chain intact, all undone.%n",
                    THREADS, PROCESSES, ROUNDS, total.written(), total.unchanged(), total.refused(), total.deadlocks(),
                    total.failures(), history.size());
        }
    }

    /** Each row's recorded before-image must equal what the previous change of that row left (or the initial row). */
    static List<String> brokenChainLinks(List<ChangeRecord> newestFirst, Map<String, String> initialRows) {
        Map<String, String> last = new HashMap<>(initialRows);
        List<String> broken = new ArrayList<>();
        List<ChangeRecord> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        for (ChangeRecord change : oldestFirst) {
            for (ChangeRecord.RowChange row : change.rows()) {
                String id = row.table() + " " + row.rowKey();
                String expected = last.get(id);
                if (!RowImages.same(expected, row.before())) {
                    broken.add("change " + change.id() + " (" + change.action() + ") " + id + ": recorded " + row.before()
                            + ", was " + expected);
                }
                last.put(id, row.after());
            }
        }
        return broken;
    }

    /** Undoes every standing change, newest first: the way back to the start. */
    private static void undoEverything(TestDatabase db, List<ChangeRecord> newestFirst) {
        RestoreCommands restores = db.restores("cleanup");
        for (ChangeRecord change : newestFirst) {
            ChangeRecord now = new ChangeHistoryReader(db.dsl()).find(change.id()).orElseThrow();
            if (now.kind().undoable() && now.restoredBy().isEmpty()) {
                restores.undo(change.id(), "undo everything");
            }
        }
    }

    /** The rows the workers can touch, keyed like the history keys them, as they are now. */
    private static Map<String, String> rowImages(TestDatabase db) {
        Map<String, String> rows = new HashMap<>();
        db.dsl().fetch("SELECT 'feature_flags ' || f.key, to_jsonb(f)::text FROM public.feature_flags f")
                .forEach(r -> rows.put(r.get(0, String.class), r.get(1, String.class)));
        db.dsl().fetch("SELECT 'release_channel_feature_flags ' || f.key || '/' || c.release_channel, to_jsonb(c)::text "
                        + "FROM public.release_channel_feature_flags c JOIN public.feature_flags f ON f.id = c.feature_flag_id")
                .forEach(r -> rows.put(r.get(0, String.class), r.get(1, String.class)));
        db.dsl().fetch("SELECT 'tenant_feature_flags ' || o.tenant_id || '/' || f.key, to_jsonb(o)::text "
                        + "FROM public.tenant_feature_flags o JOIN public.feature_flags f ON f.id = o.feature_flag_id")
                .forEach(r -> rows.put(r.get(0, String.class), r.get(1, String.class)));
        db.dsl().fetch("SELECT 'tenant_feature_access ' || g.tenant_id || '/' || g.user_id || '/' || g.feature_key, "
                        + "to_jsonb(g)::text FROM public.tenant_feature_access g")
                .forEach(r -> rows.put(r.get(0, String.class), r.get(1, String.class)));
        db.dsl().fetch("SELECT 'tenants ' || t.id, to_jsonb(t)::text FROM public.tenants t")
                .forEach(r -> rows.put(r.get(0, String.class), r.get(1, String.class)));
        db.dsl().fetch("SELECT 'inspector.flag_archive ' || a.flag_key, to_jsonb(a)::text FROM inspector.flag_archive a")
                .forEach(r -> rows.put(r.get(0, String.class), r.get(1, String.class)));
        return rows;
    }

    private static String tenantsGrantsAndArchive(TestDatabase db) {
        return db.dsl().fetch("SELECT * FROM public.tenants ORDER BY id").formatCSV()
                + db.dsl().fetch("SELECT * FROM public.tenant_feature_access ORDER BY 1, 2, 3").formatCSV()
                + db.dsl().fetch("SELECT flag_key FROM inspector.flag_archive ORDER BY 1").formatCSV();
    }

    private static Process worker(TestDatabase db, long seed) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ConsoleWorker.class.getName(),
                db.settings().jdbcUrl(), db.settings().user(), db.settings().password(), Long.toString(seed),
                Integer.toString(ROUNDS))
                .redirectErrorStream(true).start();
    }

    private static ConsoleWorker.Counts countsOf(Process process) throws Exception {
        StringBuilder output = new StringBuilder();
        ConsoleWorker.Counts counts = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("COUNTS ")) {
                    counts = ConsoleWorker.Counts.parse(line.substring("COUNTS ".length()));
                }
            }
        }
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(counts).as("the worker process reported: " + output).isNotNull();
        return counts;
    }
}
