package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static dev.inspector.domain.resolution.Scenario.ACME;
import static dev.inspector.domain.resolution.Scenario.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatrixResultTest {

    private static final UUID ODD = Scenario.id("tenant:odd");

    /** Acme: pilot, Globex: general, Odd: unknown channel. Each flag exercises one layer. */
    private static GateSnapshot handMade() {
        return Scenario.standard()
                .tenant(ODD, "Odd", "xyz")
                .killswitch("killed", false)
                .override(ACME, "killed", true)
                .flag("overridden", false)
                .override(ACME, "overridden", true)
                .override(GLOBEX, "overridden", false)
                .flag("by_channel", false)
                .channel("by_channel", ReleaseChannel.PILOT, true)
                .channel("by_channel", ReleaseChannel.GENERAL, false)
                .flag("by_default", true)
                .snapshot();
    }

    @Test
    void cellsCarryVerdictAndDecidingLayer() {
        GateSnapshot snapshot = handMade();
        MatrixResult matrix = MatrixResult.compute(snapshot);
        int acme = snapshot.tenantIndex(ACME);
        int globex = snapshot.tenantIndex(GLOBEX);
        int odd = snapshot.tenantIndex(ODD);

        assertThat(matrix.decider(acme, snapshot.flagIndex("killed"))).isEqualTo(Decider.KILLSWITCH);
        assertThat(matrix.enabled(acme, snapshot.flagIndex("killed"))).isFalse();
        assertThat(matrix.decider(acme, snapshot.flagIndex("overridden"))).isEqualTo(Decider.TENANT_OVERRIDE);
        assertThat(matrix.enabled(acme, snapshot.flagIndex("overridden"))).isTrue();
        assertThat(matrix.enabled(globex, snapshot.flagIndex("overridden"))).isFalse();
        assertThat(matrix.decider(odd, snapshot.flagIndex("overridden"))).isEqualTo(Decider.GLOBAL_DEFAULT);
        assertThat(matrix.enabled(acme, snapshot.flagIndex("by_channel"))).isTrue();
        assertThat(matrix.enabled(globex, snapshot.flagIndex("by_channel"))).isFalse();
        assertThat(matrix.decider(odd, snapshot.flagIndex("by_channel"))).isEqualTo(Decider.GLOBAL_DEFAULT);
        assertThat(matrix.decider(globex, snapshot.flagIndex("by_default"))).isEqualTo(Decider.GLOBAL_DEFAULT);
        assertThat(matrix.enabled(globex, snapshot.flagIndex("by_default"))).isTrue();
    }

    @Test
    void rowsAndColumnsMapBackToTenantsAndFlags() {
        GateSnapshot snapshot = handMade();
        MatrixResult matrix = new FeatureGate(snapshot).computeMatrix();

        assertThat(matrix.tenantCount()).isEqualTo(3);
        assertThat(matrix.flagCount()).isEqualTo(4);
        assertThat(matrix.tenant(snapshot.tenantIndex(ODD)).name()).isEqualTo("Odd");
        assertThat(matrix.flag(snapshot.flagIndex("by_channel")).key()).isEqualTo("by_channel");
    }

    @Test
    void countsPerFlagAndPerTenant() {
        GateSnapshot snapshot = handMade();
        MatrixResult matrix = MatrixResult.compute(snapshot);

        assertThat(matrix.enabledTenantCount(snapshot.flagIndex("killed"))).isZero();
        assertThat(matrix.enabledTenantCount(snapshot.flagIndex("overridden"))).isEqualTo(1);
        assertThat(matrix.enabledTenantCount(snapshot.flagIndex("by_channel"))).isEqualTo(1);
        assertThat(matrix.enabledTenantCount(snapshot.flagIndex("by_default"))).isEqualTo(3);
        assertThat(matrix.enabledFlagCount(snapshot.tenantIndex(ACME))).isEqualTo(3);
        assertThat(matrix.enabledFlagCount(snapshot.tenantIndex(GLOBEX))).isEqualTo(1);
        assertThat(matrix.deciderCount(snapshot.flagIndex("overridden"), Decider.TENANT_OVERRIDE)).isEqualTo(2);
        assertThat(matrix.deciderCount(snapshot.flagIndex("killed"), Decider.KILLSWITCH)).isEqualTo(3);
    }

    @Test
    void derivedCountsEqualCountsByScanningEveryCell() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            MatrixResult matrix = MatrixResult.compute(RandomSnapshots.next(random));
            for (int f = 0; f < matrix.flagCount(); f++) {
                int on = 0;
                for (int t = 0; t < matrix.tenantCount(); t++) {
                    on += matrix.enabled(t, f) ? 1 : 0;
                }
                assertThat(matrix.enabledTenantCount(f)).as("round %d flag %d", round, f).isEqualTo(on);
            }
            for (int t = 0; t < matrix.tenantCount(); t++) {
                int on = 0;
                for (int f = 0; f < matrix.flagCount(); f++) {
                    on += matrix.enabled(t, f) ? 1 : 0;
                }
                assertThat(matrix.enabledFlagCount(t)).as("round %d tenant %d", round, t).isEqualTo(on);
            }
        }
    }

    @Test
    void emptySnapshotGivesEmptyMatrix() {
        MatrixResult matrix = MatrixResult.compute(new Scenario().snapshot());

        assertThat(matrix.tenantCount()).isZero();
        assertThat(matrix.flagCount()).isZero();
    }

    @Test
    void outOfRangeIndexesAreRejectedRatherThanReadingAnotherCell() {
        MatrixResult matrix = MatrixResult.compute(handMade());

        // Flag index 4 of tenant 0 would otherwise land on tenant 1's first cell.
        assertThatThrownBy(() -> matrix.enabled(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> matrix.decider(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
