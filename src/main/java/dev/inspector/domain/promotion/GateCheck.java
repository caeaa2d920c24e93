package dev.inspector.domain.promotion;

import java.util.Objects;

/**
 * One line of a promotion checklist. Automatic checks are decided by the console; manual ones
 * stay {@link Status#NEEDS_TICK} until the admin ticks them.
 */
public record GateCheck(String id, String title, Kind kind, Status status, String detail) {

    public enum Kind { AUTOMATIC, MANUAL }

    public enum Status { PASSED, FAILED, NEEDS_TICK }

    public GateCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    static GateCheck automatic(String id, String title, boolean passed, String detail) {
        return new GateCheck(id, title, Kind.AUTOMATIC, passed ? Status.PASSED : Status.FAILED, detail);
    }

    static GateCheck manual(String id, String title, boolean ticked, String how) {
        return new GateCheck(id, title, Kind.MANUAL, ticked ? Status.PASSED : Status.NEEDS_TICK, how);
    }

    public boolean failedAutomatically() {
        return kind == Kind.AUTOMATIC && status == Status.FAILED;
    }
}
