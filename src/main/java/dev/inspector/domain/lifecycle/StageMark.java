package dev.inspector.domain.lifecycle;

import java.time.Instant;
import java.util.Objects;

/** A recorded change that moved a flag along its way: what, when and who (the OS user, else the role). */
public record StageMark(String action, Instant at, String who) {

    public StageMark {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        who = who == null ? "" : who;
    }
}
