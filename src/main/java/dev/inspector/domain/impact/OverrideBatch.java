package dev.inspector.domain.impact;

import dev.inspector.domain.Tenant;
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
 * A change of many tenant overrides at once (cells of the matrix), planned before anything is
 * written: per flag what the admin saw for each tenant (so a concurrent change is refused), and in
 * words what it does, naming every tenant whose existing override it replaces or removes. Cells
 * already as wanted are left out: writing them would only add noise to the change history.
 *
 * @param seen     flag key → tenant id → the override seen (empty: none)
 * @param replaced "Northwind Freight: ai_load_matching on → off", for every override that exists and changes
 */
public record OverrideBatch(Optional<Boolean> value, Map<String, Map<UUID, Optional<Boolean>>> seen,
                            int added, int changed, int removed, List<String> replaced) {

    private static final int NAMED = 12;

    public OverrideBatch {
        seen = Map.copyOf(seen);
        replaced = List.copyOf(replaced);
    }

    /** @param cells selected cells as {@code tenantIndex * flagCount + flagIndex} of the snapshot */
    public static OverrideBatch plan(GateSnapshot snapshot, int[] cells, Optional<Boolean> value) {
        int flagCount = snapshot.flagCount();
        Map<String, Map<UUID, Optional<Boolean>>> byFlag = new TreeMap<>();
        List<String> replaced = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int removed = 0;
        for (int cell : cells) {
            int t = cell / flagCount;
            int f = cell % flagCount;
            Optional<Boolean> now = snapshot.override(t, f).map(TenantOverride::enabled);
            if (now.equals(value)) {
                continue;
            }
            Tenant tenant = snapshot.tenant(t);
            String key = snapshot.flag(f).key();
            byFlag.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(tenant.id(), now);
            if (now.isEmpty()) {
                added++;
            } else {
                replaced.add(tenant.name() + ": " + key + " " + word(now) + " → " + word(value));
                if (value.isPresent()) {
                    changed++;
                } else {
                    removed++;
                }
            }
        }
        return new OverrideBatch(value, byFlag, added, changed, removed, replaced);
    }

    public int cellCount() {
        return added + changed + removed;
    }

    public boolean empty() {
        return cellCount() == 0;
    }

    /**
     * "Sets 3 new overrides to off, changes 1 and removes none, over 2 flags. Existing overrides
     * replaced: Northwind Freight: ai_load_matching on → off."
     */
    public String preview() {
        String flags = seen.size() == 1 ? "flag " + seen.keySet().iterator().next() : seen.size() + " flags";
        StringBuilder text = new StringBuilder();
        if (value.isPresent()) {
            text.append("Sets ").append(count(added, "new override")).append(" to ").append(word(value))
                    .append(" and changes ").append(changed == 0 ? "none" : changed + " existing");
        } else {
            text.append("Removes ").append(count(removed, "override"));
        }
        text.append(", over ").append(flags).append(", all in one recorded change (undo restores it exactly).");
        if (!replaced.isEmpty()) {
            text.append("\nExisting overrides ").append(value.isPresent() ? "replaced" : "removed").append(": ")
                    .append(String.join("; ", replaced.subList(0, Math.min(NAMED, replaced.size()))));
            if (replaced.size() > NAMED) {
                text.append("; and ").append(replaced.size() - NAMED).append(" more");
            }
            text.append('.');
        }
        return text.toString();
    }

    private static String word(Optional<Boolean> state) {
        return state.map(on -> on ? "on" : "off").orElse("cleared");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
