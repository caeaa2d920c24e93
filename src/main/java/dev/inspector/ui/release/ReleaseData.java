package dev.inspector.ui.release;

import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.persistence.DatabaseException;
import dev.inspector.service.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the Release Control tab loads in one background step: the flag list and one gate snapshot
 * with its matrix, from which the per-flag numbers come. Without a usable snapshot (the user
 * tables are missing) the flags still show, without numbers.
 */
record ReleaseData(List<FlagRow> rows, Optional<GateSnapshot> snapshot, String snapshotProblem) {

    static ReleaseData load(Session session) {
        List<FlagOverview> flags = session.releaseControl().listFlags();
        GateSnapshot snapshot;
        try {
            snapshot = session.gates().snapshot();
        } catch (DatabaseException e) {
            return new ReleaseData(flags.stream().map(o -> new FlagRow(o, -1, -1, -1)).toList(),
                    Optional.empty(), e.getMessage());
        }
        return new ReleaseData(rows(flags, snapshot), Optional.of(snapshot), "");
    }

    /** The table rows: each flag with its override count and the tenants the server gate lets in. */
    static List<FlagRow> rows(List<FlagOverview> flags, GateSnapshot snapshot) {
        MatrixResult matrix = new FeatureGate(snapshot).computeMatrix();
        List<FlagRow> rows = new ArrayList<>(flags.size());
        for (FlagOverview overview : flags) {
            int f = snapshot.flagIndex(overview.flag().key());
            if (f < 0) { // created between the two reads; the next refresh has it
                rows.add(new FlagRow(overview, -1, -1, -1));
                continue;
            }
            int overrides = 0;
            for (int t = 0; t < snapshot.tenantCount(); t++) {
                if (snapshot.override(t, f).isPresent()) {
                    overrides++;
                }
            }
            rows.add(new FlagRow(overview, overrides, matrix.enabledTenantCount(f), snapshot.tenantCount()));
        }
        return List.copyOf(rows);
    }
}
