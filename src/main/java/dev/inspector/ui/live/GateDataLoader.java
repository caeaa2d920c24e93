package dev.inspector.ui.live;

import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.domain.lifecycle.LifecycleFacts;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.service.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Background work: reads the gate tables and computes the matrix, touching no property. With a
 * snapshot, the flag list comes from it too, so the table's channel columns and its numbers are
 * one consistent reading.
 */
final class GateDataLoader {

    private GateDataLoader() {
    }

    static GateData load(Session session, Clock clock) {
        var loadedAt = clock.instant();
        LifecycleFacts lifecycle = lifecycle(session);
        if (!session.schema().supports(ConsoleFeature.SERVER_GATE)) {
            return new GateData(session, session.releaseControl().listFlags(), Optional.empty(), Optional.empty(),
                    session.schema().unavailable(ConsoleFeature.SERVER_GATE), loadedAt, lifecycle);
        }
        GateSnapshot snapshot;
        try {
            snapshot = session.gates().snapshot();
        } catch (DatabaseException snapshotFailed) {
            // Rows the server gate reads are unreadable (privileges?): show the flags without numbers,
            // unless the database is gone altogether, which the first failure says best.
            try {
                return new GateData(session, session.releaseControl().listFlags(), Optional.empty(), Optional.empty(),
                        snapshotFailed.getMessage(), loadedAt, lifecycle);
            } catch (DatabaseException listFailed) {
                throw snapshotFailed;
            }
        }
        return new GateData(session, overviews(snapshot), Optional.of(snapshot),
                Optional.of(MatrixResult.compute(snapshot)), "", loadedAt, lifecycle);
    }

    /** The history's marks are a nicety: without a readable console schema the flags show without them. */
    private static LifecycleFacts lifecycle(Session session) {
        if (!session.schema().supports(ConsoleFeature.HISTORY)) {
            return LifecycleFacts.none();
        }
        try {
            return session.history().lifecycle();
        } catch (DatabaseException unreadable) {
            return LifecycleFacts.none();
        }
    }

    static List<FlagOverview> overviews(GateSnapshot snapshot) {
        List<FlagOverview> flags = new ArrayList<>(snapshot.flagCount());
        for (int f = 0; f < snapshot.flagCount(); f++) {
            Map<ReleaseChannel, Boolean> channels = new EnumMap<>(ReleaseChannel.class);
            for (ReleaseChannel channel : ReleaseChannel.values()) {
                int flag = f;
                snapshot.channelSetting(flag, channel).ifPresent(on -> channels.put(channel, on));
            }
            flags.add(new FlagOverview(snapshot.flag(f), channels));
        }
        return flags;
    }
}
