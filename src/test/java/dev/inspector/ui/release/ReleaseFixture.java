package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.ScriptedDialogs;
import dev.inspector.testing.TestDatabase;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.UiExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Release Control view-model on a session of a test database, with background work inline. */
final class ReleaseFixture implements AutoCloseable {

    /** A promotion checklist the view-model asked to open. */
    record Opened(FeatureFlag flag, PromotionTarget target, Optional<GeneralWay> way) {
    }

    final SessionState state = new SessionState();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final DirectTaskRunner tasks = new DirectTaskRunner();
    final List<Opened> promotions = new ArrayList<>();
    final LiveGateData live;
    final ReleaseControlViewModel vm;
    final Session session;

    /** Notifications from the database are dropped: these tests call refresh themselves. */
    ReleaseFixture(TestDatabase db) {
        this(db, action -> { });
    }

    ReleaseFixture(TestDatabase db, UiExecutor ui) {
        live = new LiveGateData(tasks, state, ui, Clock.systemUTC());
        vm = new ReleaseControlViewModel(tasks, state, dialogs, live,
                (flag, target, way) -> promotions.add(new Opened(flag, target, way)));
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

    FlagChanges changes() {
        return vm.changes();
    }

    @Override
    public void close() {
        session.close();
    }
}
