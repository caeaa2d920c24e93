package dev.inspector.domain.promotion;

import java.util.List;
import java.util.Objects;

/**
 * Which tenants one way of promoting to general would turn on, computed with the engine on the
 * changed snapshot, and a sentence saying why the others stay as they are.
 */
public record WayReach(GeneralWay way, List<String> newlyOn, String summary, String explanation) {

    public WayReach {
        Objects.requireNonNull(way, "way");
        newlyOn = List.copyOf(newlyOn);
    }

    public int newlyOnCount() {
        return newlyOn.size();
    }
}
