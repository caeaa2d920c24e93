package dev.inspector.ui.release;

import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.ui.live.GateData;
import java.util.ArrayList;
import java.util.List;

/** The rows of the flag table from the shared gate data: each flag with its override count and reach. */
final class ReleaseData {

    private ReleaseData() {
    }

    /** Without a snapshot the flags still show, without numbers. */
    static List<FlagRow> rows(GateData data) {
        List<FlagRow> rows = new ArrayList<>(data.flags().size());
        if (data.snapshot().isEmpty() || data.matrix().isEmpty()) {
            data.flags().forEach(o -> rows.add(new FlagRow(o, -1, -1, -1, data.lifecycle().of(o, -1, -1))));
            return List.copyOf(rows);
        }
        GateSnapshot snapshot = data.snapshot().get();
        MatrixResult matrix = data.matrix().get();
        int[] overrides = snapshot.overrideCountPerFlag();
        for (FlagOverview overview : data.flags()) {
            int f = snapshot.flagIndex(overview.flag().key());
            if (f < 0) { // created between the two reads; the next refresh has it
                rows.add(new FlagRow(overview, -1, -1, -1, data.lifecycle().of(overview, -1, -1)));
            } else {
                int on = matrix.enabledTenantCount(f);
                rows.add(new FlagRow(overview, overrides[f], on, snapshot.tenantCount(),
                        data.lifecycle().of(overview, on, snapshot.tenantCount())));
            }
        }
        return List.copyOf(rows);
    }
}
