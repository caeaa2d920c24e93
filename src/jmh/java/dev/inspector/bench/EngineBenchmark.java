package dev.inspector.bench;

import dev.inspector.domain.resolution.Decision;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The resolution engine on a production-sized snapshot (see {@link SyntheticGateData}):
 * 10,000 tenants × 500 flags, 250,000 overrides. Single-threaded.
 *
 * <p>The single evaluations walk a table of 4,096 random cells with a counter, so the JIT can
 * neither fold the call into a constant nor keep hitting one cache line; the table itself is
 * 32 KB and stays in L1/L2, so what is measured is the gate, not the picking.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmark {

    private static final int CELLS = 4096; // a power of two: the counter is masked, not divided
    private static final int MASK = CELLS - 1;

    private SyntheticGateData rows;
    private FeatureGate gate;
    private final int[] tenantIndex = new int[CELLS];
    private final int[] flagIndex = new int[CELLS];
    private final UUID[] tenantId = new UUID[CELLS];
    private final String[] flagKey = new String[CELLS];
    private int counter;

    @Setup(Level.Trial)
    public void setUp() {
        rows = new SyntheticGateData();
        GateSnapshot snapshot = rows.snapshot();
        gate = new FeatureGate(snapshot);
        Random random = new Random(SyntheticGateData.SEED + 1);
        for (int i = 0; i < CELLS; i++) {
            int t = random.nextInt(snapshot.tenantCount());
            int f = random.nextInt(snapshot.flagCount());
            tenantIndex[i] = t;
            flagIndex[i] = f;
            // Copies, as a caller's request would carry: the lookup cannot win on reference equality.
            UUID id = snapshot.tenant(t).id();
            tenantId[i] = new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
            flagKey[i] = new String(snapshot.flag(f).key().toCharArray());
        }
    }

    /** One server-gate verdict by snapshot index: the fast path the matrix and the services use. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean serverEnabledByIndex() {
        int i = counter++ & MASK;
        return gate.serverEnabled(tenantIndex[i], flagIndex[i]);
    }

    /** One server-gate verdict by tenant id and flag key: two hash look-ups, then the fast path. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean serverEnabledById() {
        int i = counter++ & MASK;
        return gate.serverEnabled(tenantId[i], flagKey[i]);
    }

    /** One explained server-gate decision: every step in words, as the simulator shows it. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Decision explainServer() {
        int i = counter++ & MASK;
        return gate.explainServer(tenantId[i], flagKey[i]);
    }

    /** The whole 10,000 × 500 matrix (5,000,000 cells) with its per-flag and per-tenant counts. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public MatrixResult computeMatrix() {
        return gate.computeMatrix();
    }

    /**
     * Building the indexed snapshot from the rows {@code GateSnapshotRepository.load()} returns:
     * the in-memory part of a load, so the database part can be told apart from it.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public GateSnapshot buildSnapshot() {
        return rows.snapshot();
    }
}
