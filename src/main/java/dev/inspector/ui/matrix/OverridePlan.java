package dev.inspector.ui.matrix;

import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.resolution.GateSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The writes a change of many selected cells needs: one per flag, each naming what the admin saw
 * for every tenant so a concurrent change is refused. Cells already in the wanted state are left
 * out: writing them would only add noise to the change history.
 */
record OverridePlan(Optional<Boolean> value, List<FlagWrite> writes) {

    /** The overrides of one flag, tenant to the override seen in the snapshot (empty: none). */
    record FlagWrite(String flagKey, Map<UUID, Optional<Boolean>> seen) {
    }

    static OverridePlan of(GateSnapshot snapshot, CellSelection selection, Optional<Boolean> value) {
        int flagCount = selection.flagCount();
        Map<Integer, Map<UUID, Optional<Boolean>>> byFlag = new TreeMap<>();
        selection.forEach(cell -> {
            int tenant = cell / flagCount;
            int flag = cell % flagCount;
            Optional<Boolean> seen = snapshot.override(tenant, flag).map(TenantOverride::enabled);
            if (!seen.equals(value)) {
                byFlag.computeIfAbsent(flag, f -> new LinkedHashMap<>()).put(snapshot.tenant(tenant).id(), seen);
            }
        });
        List<FlagWrite> writes = new ArrayList<>();
        byFlag.forEach((flag, seen) -> writes.add(new FlagWrite(snapshot.flag(flag).key(), Map.copyOf(seen))));
        return new OverridePlan(value, List.copyOf(writes));
    }

    int cellCount() {
        return writes.stream().mapToInt(w -> w.seen().size()).sum();
    }
}
