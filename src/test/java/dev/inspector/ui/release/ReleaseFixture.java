package dev.inspector.ui.release;

import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.TestDatabase;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.support.UiExecutor;

/** A Release Control view-model on a session of a test database, with background work inline. */
final class ReleaseFixture implements AutoCloseable {

    final SessionState state = new SessionState();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final DirectTaskRunner tasks = new DirectTaskRunner();
    final ReleaseControlViewModel vm;
    final Session session;

    /** Notifications from the database are dropped: these tests call refresh themselves. */
    ReleaseFixture(TestDatabase db) {
        this(db, action -> { });
    }

    ReleaseFixture(TestDatabase db, UiExecutor ui) {
        vm = new ReleaseControlViewModel(tasks, state, dialogs, ui);
        session = new SessionOpener().open(db.target(), m -> { });
        state.replace(session);
    }

    FlagRow row(String key) {
        return vm.visibleFlags().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key));
    }

    FlagRow select(String key) {
        FlagRow row = row(key);
        vm.selectedFlagProperty().set(row);
        return row;
    }

    @Override
    public void close() {
        session.close();
    }
}
