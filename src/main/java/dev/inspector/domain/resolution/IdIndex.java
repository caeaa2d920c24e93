package dev.inspector.domain.resolution;

import dev.inspector.domain.Tenant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Id → index (of the tenants, and of the flags), open addressing with linear probing over
 * primitive arrays: slot i holds the id's two halves and the index, or index -1 when empty. A by-id
 * evaluation is one or two probes into these arrays, without a HashMap node, a boxed Integer or a
 * UUID object to chase (at 10,000 tenants those were cache misses on every call), and a row read
 * as two longs needs no UUID at all.
 */
final class IdIndex {

    private final long[] high;
    private final long[] low;
    private final int[] index;
    private final int mask;

    /** @throws IllegalArgumentException when two tenants share an id */
    IdIndex(List<Tenant> tenants) {
        this(tenants.stream().map(Tenant::id).toList(), "tenant");
    }

    /** Any ids (the flags' too), indexed by position. @throws IllegalArgumentException when two share an id */
    IdIndex(List<UUID> ids, String what) {
        int slots = Integer.highestOneBit(Math.max(2, ids.size()) * 2 - 1) << 1; // a power of two ≥ 2 × count
        high = new long[slots];
        low = new long[slots];
        index = new int[slots];
        mask = slots - 1;
        Arrays.fill(index, -1);
        for (int t = 0; t < ids.size(); t++) {
            UUID id = ids.get(t);
            long h = id.getMostSignificantBits();
            long l = id.getLeastSignificantBits();
            int slot = firstSlot(h, l);
            while (index[slot] >= 0) {
                if (high[slot] == h && low[slot] == l) {
                    throw new IllegalArgumentException("duplicate " + what + " id: " + id);
                }
                slot = (slot + 1) & mask;
            }
            high[slot] = h;
            low[slot] = l;
            index[slot] = t;
        }
    }

    /** The tenant's index, or -1 if there is no such tenant. */
    int indexOf(UUID tenantId) {
        if (tenantId == null) {
            return -1;
        }
        return indexOf(tenantId.getMostSignificantBits(), tenantId.getLeastSignificantBits());
    }

    /** The index of the id with these halves, or -1; no UUID object needed. */
    int indexOf(long h, long l) {
        for (int slot = firstSlot(h, l); ; slot = (slot + 1) & mask) {
            int found = index[slot];
            if (found < 0 || high[slot] == h && low[slot] == l) {
                return found;
            }
        }
    }

    /** The first slot to probe: the id's bits mixed (Fibonacci hashing), so sequential ids spread too. */
    private int firstSlot(long h, long l) {
        return (int) ((h * 0x9E3779B97F4A7C15L ^ l) * 0x9E3779B97F4A7C15L >>> 32) & mask;
    }
}
