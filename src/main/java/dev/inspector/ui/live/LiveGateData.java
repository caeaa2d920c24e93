package dev.inspector.ui.live;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.change.ChangeFeed;
import dev.inspector.domain.change.ChangeNotice;
import dev.inspector.domain.change.ChangeWords;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.support.CoalescingSignal;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import dev.inspector.ui.support.UiExecutor;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one gate snapshot every screen reads (Release Control, the matrix, the simulator, the kill
 * and promotion numbers), bound to the current session: it loads when a session opens, follows
 * committed changes (LISTEN/NOTIFY, or polling behind a pooler), and says how current it is. A
 * result read from a session that is no longer current is dropped, so switching databases mid-load
 * can never show the previous database. Touched on the UI thread only.
 */
public final class LiveGateData {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ReadOnlyObjectWrapper<GateData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper(this, "freshness", "");
    private final ReadOnlyStringWrapper otherConsoleChange = new ReadOnlyStringWrapper(this, "otherConsoleChange", "");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final UiExecutor ui;
    private final Clock clock;
    private final ZoneId zone;
    private boolean reloadAgain;

    public LiveGateData(TaskRunner tasks, SessionState sessionState, UiExecutor ui, Clock clock) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.ui = ui;
        this.clock = clock;
        this.zone = clock.getZone();
        sessionState.sessionProperty().addListener((obs, old, session) -> onSession(session));
        if (sessionState.current() != null) {
            onSession(sessionState.current());
        }
    }

    // --- properties -------------------------------------------------------------------------

    /** The newest data of the current session; null before the first load and without a session. */
    public ReadOnlyObjectProperty<GateData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public GateData current() {
        return data.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the data could not be loaded; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "As of 14:02:33 · live" (or "· checked every few seconds (…)", or "· Refresh to update"). */
    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    /** The latest change another console committed, in one sentence; empty until there is one. */
    public ReadOnlyStringProperty otherConsoleChangeProperty() {
        return otherConsoleChange.getReadOnlyProperty();
    }

    // --- commands ---------------------------------------------------------------------------

    /** Reads everything again in the background; a refresh asked for while one runs runs once more afterwards. */
    public void refresh() {
        Session session = sessionState.current();
        if (session == null) {
            return;
        }
        if (loading.get()) {
            reloadAgain = true;
            return;
        }
        loading.set(true);
        tasks.run(progress -> GateDataLoader.load(session, clock), loaded -> {
            loading.set(false);
            if (loaded.session() == sessionState.current()) {
                error.set("");
                data.set(loaded);
                updateFreshness();
            }
            again();
        }, failure -> {
            loading.set(false);
            if (session == sessionState.current()) {
                error.set(DialogService.plainMessage(failure));
            }
            again();
        });
    }

    /** Drops what another console did from the status line. */
    public void dismissOtherConsoleChange() {
        otherConsoleChange.set("");
    }

    private void again() {
        if (reloadAgain) {
            reloadAgain = false;
            refresh();
        }
    }

    private void onSession(Session session) {
        data.set(null);
        error.set("");
        otherConsoleChange.set("");
        freshness.set("");
        reloadAgain = false;
        if (session == null) {
            return;
        }
        refresh();
        CoalescingSignal reload = new CoalescingSignal(ui, () -> {
            if (session == sessionState.current()) {
                refresh();
            }
        });
        // Subscribing decides LISTEN or polling, which takes a moment: off the UI thread.
        tasks.run(progress -> {
            session.onCommittedChange(notice -> {
                reload.signal();
                if (!notice.from(session.consoleId())) {
                    describeLater(session, notice);
                }
            });
            return null;
        }, ignored -> updateFreshness(), failure -> updateFreshness());
    }

    /** Reads the other console's change set in the background and says in one line what it did. */
    private void describeLater(Session session, ChangeNotice notice) {
        ui.execute(() -> tasks.run(progress -> session.history().find(notice.changeSetId()), found -> {
            if (session == sessionState.current()) {
                found.ifPresent(change -> otherConsoleChange.set(describe(change)));
            }
        }, failure -> { }));
    }

    /** "Another console: alice (postgres) tripped the killswitch of fuel_card_sync at 14:02:11: “duplicate charges”." */
    public String describe(ChangeRecord change) {
        String reason = change.reason() == null || change.reason().isBlank() ? "" : ": \u201c" + change.reason() + "\u201d";
        return "Another console: " + change.osUser() + " (" + change.dbRole() + ") " + ChangeWords.did(change) + " at "
                + TIME.format(change.happenedAt().atZoneSameInstant(zone)) + reason + ".";
    }

    private void updateFreshness() {
        GateData current = data.get();
        Session session = sessionState.current();
        if (current == null || session == null) {
            freshness.set("");
            return;
        }
        ChangeFeed feed = session.changeFeed();
        String how = switch (feed) {
            case LIVE -> "live";
            case POLLING -> "checked every few seconds (no LISTEN through this connection)";
            case OFF -> "Refresh to update (no change history to follow)";
            case STARTING -> "connecting…";
        };
        freshness.set("As of " + TIME.format(current.loadedAt().atZone(zone)) + " \u00b7 " + how);
    }
}
