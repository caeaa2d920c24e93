package dev.inspector.bench;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.util.UnleashConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same 5,000,000 server-gate cells (10,000 tenants × 500 flags of {@link SyntheticGateData})
 * decided by Inspector's engine and by a feature-flag SDK: the Unleash Java SDK, offline, its
 * toggles bootstrapped from {@link UnleashFeatures} (the gate tables as IN / NOT_IN constraints on
 * tenantId and channel). The set-up checks that both give the same verdict on every cell before
 * anything is timed. Single-shot: one call is one whole pass over the cells.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class SdkComparisonBenchmark {

    private GateSnapshot snapshot;
    private FeatureGate gate;
    private Unleash unleash;
    private UnleashContext[] contexts;
    private String[] keys;
    private Path backup;

    @Setup
    public void setUp() throws Exception {
        SyntheticGateData data = new SyntheticGateData();
        snapshot = data.snapshot();
        gate = new FeatureGate(snapshot);
        String features = UnleashFeatures.json(data);
        backup = Files.createTempFile("unleash-backup", ".json");   // its own, so no earlier state is read
        Files.delete(backup);
        unleash = new DefaultUnleash(UnleashConfig.builder().appName("inspector-bench").instanceId("bench")
                .unleashAPI("http://127.0.0.1:9/api/").disablePolling().disableMetrics()
                .backupFile(backup.toString()).toggleBootstrapProvider(() -> Optional.of(features)).build());
        contexts = new UnleashContext[snapshot.tenantCount()];
        for (int t = 0; t < contexts.length; t++) {
            Tenant tenant = snapshot.tenant(t);
            contexts[t] = UnleashContext.builder().addProperty("tenantId", tenant.id().toString())
                    .addProperty("channel", UnleashFeatures.channelOf(tenant)).build();
        }
        keys = snapshot.flags().stream().map(f -> f.key()).toArray(String[]::new);
        long differences = 0;
        for (int t = 0; t < contexts.length; t++) {
            for (int f = 0; f < keys.length; f++) {
                if (unleash.isEnabled(keys[f], contexts[t]) != gate.serverEnabled(t, f)) {
                    differences++;
                }
            }
        }
        if (differences != 0) {
            throw new IllegalStateException(differences + " cells differ between the SDK and the engine");
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        unleash.shutdown();
        Files.deleteIfExists(backup);
    }

    /** Inspector: the whole matrix at once (what the Tenant Matrix and matrix --csv compute). */
    @Benchmark
    public Object inspectorWholeMatrix() {
        return gate.computeMatrix();
    }

    /** Inspector: 5 M single verdicts, cell by cell, the way an SDK is asked. */
    @Benchmark
    public long inspectorCellByCell() {
        long on = 0;
        for (int t = 0; t < snapshot.tenantCount(); t++) {
            for (int f = 0; f < snapshot.flagCount(); f++) {
                on += gate.serverEnabled(t, f) ? 1 : 0;
            }
        }
        return on;
    }

    /** The Unleash Java SDK: 5 M isEnabled calls with the tenant's context. */
    @Benchmark
    public long unleashCellByCell() {
        long on = 0;
        for (UnleashContext context : contexts) {
            for (String key : keys) {
                on += unleash.isEnabled(key, context) ? 1 : 0;
            }
        }
        return on;
    }
}
