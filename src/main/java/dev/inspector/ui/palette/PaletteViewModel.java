package dev.inspector.ui.palette;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.change.ChangeWords;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.GateData;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.TaskRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The command palette (Ctrl+P): one search over flags (and the jumps from each to its matrix
 * column and the simulator), tenants, users, the window's actions and the recent change history.
 * Choosing an entry runs it; the entries come from the live data, so they follow every change.
 */
public final class PaletteViewModel {

    /** Enough to choose from; typing narrows it. */
    static final int SHOWN = 60;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PaletteEntry> results = FXCollections.observableArrayList();
    private final ObjectProperty<PaletteEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final List<PaletteEntry> entries = new ArrayList<>();
    private final List<PaletteEntry> history = new ArrayList<>();
    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final LiveGateData live;
    private final Navigator navigator;

    public PaletteViewModel(TaskRunner tasks, SessionState sessionState, LiveGateData live, Navigator navigator) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.live = live;
        this.navigator = navigator;
        query.addListener((obs, old, text) -> search());
    }

    /** The palette opens: empty query, entries of the data shown now, the recent history read in the background. */
    public void open() {
        entries.clear();
        entries.addAll(navigator.actions());
        entries.addAll(dataEntries(live.current(), navigator));
        history.clear();
        query.set("");
        search();
        Session session = sessionState.current();
        if (session != null) {
            tasks.run(p -> session.history().recent(Optional.empty(), 50), changes -> {
                history.clear();
                changes.forEach(change -> history.add(historyEntry(change)));
                search();
            }, failure -> { });
        }
    }

    private PaletteEntry historyEntry(ChangeRecord change) {
        String flag = change.flagKeys().size() == 1 ? change.flagKeys().iterator().next() : null;
        Runnable go = flag != null ? () -> navigator.flag(flag)
                : !change.tenantIds().isEmpty() ? () -> navigator.tenant(change.tenantIds().iterator().next(), null)
                : () -> { };
        return new PaletteEntry("Change", ChangeWords.line(change), change.action(), go);
    }

    /** Background-free: a few list walks over the snapshot already in memory. */
    static List<PaletteEntry> dataEntries(GateData data, Navigator navigator) {
        List<PaletteEntry> found = new ArrayList<>();
        if (data == null) {
            return found;
        }
        for (var overview : data.flags()) {
            FeatureFlag flag = overview.flag();
            found.add(new PaletteEntry("Flag", flag.key(), flag.name(), () -> navigator.flag(flag.key())));
            found.add(new PaletteEntry("Matrix", flag.key(), "its column in the Tenant Matrix", () -> navigator.matrixColumn(flag.key())));
            found.add(new PaletteEntry("Simulate", flag.key(), "in the Gate Simulator", () -> navigator.simulate(flag.key())));
        }
        if (data.snapshot().isPresent()) {
            GateSnapshot snapshot = data.snapshot().get();
            for (Tenant tenant : snapshot.tenants()) {
                found.add(new PaletteEntry("Tenant", tenant.name(), tenant.releaseChannel() + " · " + tenant.id(),
                        () -> navigator.tenant(tenant.id(), null)));
            }
            for (UserProfile user : snapshot.users()) {
                String tenant = user.tenant().flatMap(snapshot::findTenant).map(Tenant::name).orElse("no tenant");
                found.add(new PaletteEntry("User", user.fullName().isBlank() ? user.id().toString() : user.fullName(),
                        user.email() + " · " + tenant, () -> user.tenant().ifPresent(t -> navigator.tenant(t, user.id()))));
            }
        }
        return found;
    }

    private void search() {
        String text = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
        List<PaletteEntry> all = new ArrayList<>(entries);
        all.addAll(history);
        List<PaletteEntry> matches = all.stream().filter(e -> e.score(words) > 0)
                .sorted(Comparator.comparingInt((PaletteEntry e) -> -e.score(words)))
                .limit(SHOWN).toList();
        results.setAll(matches);
        selected.set(matches.isEmpty() ? null : matches.get(0));
        long total = all.stream().filter(e -> e.score(words) > 0).count();
        hint.set(matches.isEmpty() ? "Nothing matches." : total > SHOWN ? SHOWN + " of " + total + " shown: type more."
                : "↑↓ to choose, Enter to go, Esc to close.");
    }

    /** Runs the chosen entry; true if there was one (the palette then closes). */
    public boolean choose() {
        PaletteEntry entry = selected.get();
        if (entry == null) {
            return false;
        }
        entry.run().run();
        return true;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PaletteEntry> results() {
        return results;
    }

    public ObjectProperty<PaletteEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }
}
