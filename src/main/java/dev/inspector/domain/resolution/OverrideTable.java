package dev.inspector.domain.resolution;

import java.util.Arrays;

/**
 * Overrides in compressed sparse rows: tenant t's overrides are the slots {@code start[t]} until
 * {@code start[t + 1]}, sorted by flag index, so a look-up is a binary search in a few ints and the
 * matrix walks a tenant's overrides in flag order. Only primitives: a row's ids are those of its
 * tenant and flag, so nothing per row needs keeping. Rows naming an unknown tenant or flag are
 * counted and left out.
 */
final class OverrideTable {

    final int[] start;
    final int[] flag;
    final boolean[] value;
    final int ignored;

    /** @throws IllegalArgumentException when a tenant has two overrides for one flag */
    OverrideTable(OverrideRows rows, int tenantCount, IdIndex tenants, IdIndex flagById) {
        Collected kept = new Collected();
        int[] skipped = {0};
        start = new int[tenantCount + 1];
        rows.forEach((tenantHigh, tenantLow, flagHigh, flagLow, enabled) -> {
            int t = tenants.indexOf(tenantHigh, tenantLow);
            int f = flagById.indexOf(flagHigh, flagLow);
            if (t < 0 || f < 0) {
                skipped[0]++;
                return;
            }
            kept.add(t, f, enabled);
            start[t + 1]++;
        });
        ignored = skipped[0];
        for (int t = 0; t < tenantCount; t++) {
            start[t + 1] += start[t];
        }
        // Counting sort by tenant; inside a tenant's segment the flag index and the value share a long.
        int[] fill = Arrays.copyOf(start, tenantCount);
        long[] flagAndValue = new long[kept.size];
        for (int i = 0; i < kept.size; i++) {
            flagAndValue[fill[kept.tenant[i]]++] = (long) kept.flag[i] << 1 | (kept.value[i] ? 1 : 0);
        }
        flag = new int[kept.size];
        value = new boolean[kept.size];
        for (int t = 0; t < tenantCount; t++) {
            Arrays.sort(flagAndValue, start[t], start[t + 1]);
            for (int k = start[t]; k < start[t + 1]; k++) {
                flag[k] = (int) (flagAndValue[k] >>> 1);
                value[k] = (flagAndValue[k] & 1) == 1;
                if (k > start[t] && flag[k] == flag[k - 1]) {
                    throw new IllegalArgumentException("two overrides for tenant index " + t + " and flag index " + flag[k]);
                }
            }
        }
    }

    /** The slot of the tenant's override for the flag, or a negative number if there is none. */
    int slot(int tenantIndex, int flagIndex) {
        return Arrays.binarySearch(flag, start[tenantIndex], start[tenantIndex + 1], flagIndex);
    }

    /** Growable parallel arrays: the rows as they arrive, before they are sorted. */
    private static final class Collected {
        int[] tenant = new int[1024];
        int[] flag = new int[1024];
        boolean[] value = new boolean[1024];
        int size;

        void add(int t, int f, boolean v) {
            if (size == tenant.length) {
                int grown = Math.max(16, size + (size >> 1));
                tenant = Arrays.copyOf(tenant, grown);
                flag = Arrays.copyOf(flag, grown);
                value = Arrays.copyOf(value, grown);
            }
            tenant[size] = t;
            flag[size] = f;
            value[size] = v;
            size++;
        }
    }
}
