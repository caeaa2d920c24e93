package dev.inspector.domain.resolution;

import dev.inspector.domain.TenantOverride;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Overrides in compressed sparse rows: tenant t's overrides are the slots {@code start[t]} until
 * {@code start[t + 1]}, sorted by flag index, so a look-up is a binary search in a few ints and the
 * matrix walks a tenant's overrides in flag order. Rows naming an unknown tenant or flag are counted
 * and left out.
 */
final class OverrideTable {

    final int[] start;
    final int[] flag;
    final boolean[] value;
    final TenantOverride[] row;
    final int ignored;

    /** @throws IllegalArgumentException when a tenant has two overrides for one flag */
    OverrideTable(List<TenantOverride> overrides, int tenantCount, TenantIdIndex tenants, Map<UUID, Integer> flagById) {
        // Counting sort by tenant, then a sort by flag inside each tenant's segment.
        List<TenantOverride> kept = new ArrayList<>(overrides.size());
        int[] tenantOfKept = new int[overrides.size()];
        int[] flagOfKept = new int[overrides.size()];
        start = new int[tenantCount + 1];
        int skipped = 0;
        for (TenantOverride override : overrides) {
            int t = tenants.indexOf(override.tenantId());
            Integer f = flagById.get(override.flagId());
            if (t < 0 || f == null) {
                skipped++;
                continue;
            }
            tenantOfKept[kept.size()] = t;
            flagOfKept[kept.size()] = f;
            kept.add(override);
            start[t + 1]++;
        }
        ignored = skipped;
        for (int t = 0; t < tenantCount; t++) {
            start[t + 1] += start[t];
        }
        int[] fill = Arrays.copyOf(start, tenantCount);
        long[] flagAndPosition = new long[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            flagAndPosition[fill[tenantOfKept[i]]++] = (long) flagOfKept[i] << 32 | i;
        }
        flag = new int[kept.size()];
        value = new boolean[kept.size()];
        row = new TenantOverride[kept.size()];
        for (int t = 0; t < tenantCount; t++) {
            Arrays.sort(flagAndPosition, start[t], start[t + 1]);
        }
        for (int k = 0; k < kept.size(); k++) {
            int position = (int) flagAndPosition[k];
            flag[k] = (int) (flagAndPosition[k] >>> 32);
            row[k] = kept.get(position);
            value[k] = row[k].enabled();
            if (k > 0 && flag[k] == flag[k - 1] && k != start[tenantOfKept[position]]) {
                throw new IllegalArgumentException("two overrides for tenant " + row[k].tenantId()
                        + " and flag " + row[k].flagId());
            }
        }
    }

    /** The slot of the tenant's override for the flag, or a negative number if there is none. */
    int slot(int tenantIndex, int flagIndex) {
        return Arrays.binarySearch(flag, start[tenantIndex], start[tenantIndex + 1], flagIndex);
    }
}
