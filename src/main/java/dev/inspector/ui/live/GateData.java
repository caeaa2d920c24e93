package dev.inspector.ui.live;

import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.lifecycle.LifecycleFacts;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.service.Session;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the screens read of the gate tables, loaded once for all of them: the flag list, one
 * consistent snapshot and its server-gate matrix. Without a usable snapshot (a table of the server
 * gate is missing) the flags still show, and {@code snapshotProblem} says why the numbers do not.
 *
 * @param session  the session it was read from; screens ignore data of a session that is no longer current
 * @param loadedAt when the reading began: changes committed after it are not in it
 * @param lifecycle archived flags and the history's marks of each flag's way; none without a console schema
 */
public record GateData(Session session, List<FlagOverview> flags, Optional<GateSnapshot> snapshot,
                       Optional<MatrixResult> matrix, String snapshotProblem, Instant loadedAt,
                       LifecycleFacts lifecycle) {

    public GateData {
        Objects.requireNonNull(session, "session");
        flags = List.copyOf(flags);
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(matrix, "matrix");
        snapshotProblem = snapshotProblem == null ? "" : snapshotProblem;
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }
}
