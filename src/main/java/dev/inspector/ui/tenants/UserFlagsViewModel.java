package dev.inspector.ui.tenants;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.wording.ExplanationText;
import dev.inspector.ui.simulator.FlagRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user view: one member of a tenant, what the server and the UI gate answer them for every
 * flag, and the whole trace of the flag picked, in the words {@code inspector explain} uses.
 */
public final class UserFlagsViewModel {

    private final ObservableList<FlagRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<FlagRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper trace = new ReadOnlyStringWrapper(this, "trace", "");
    private FeatureGate gate;
    private Tenant tenant;
    private UserProfile user;

    public UserFlagsViewModel() {
        selectedRow.addListener((obs, old, row) -> explain());
    }

    /** Shows a user of a tenant, keeping the flag picked when it still exists; null shows nobody. */
    void show(FeatureGate gate, Tenant tenant, UserProfile user) {
        String keep = selectedRow.get() == null ? null : selectedRow.get().key();
        this.gate = gate;
        this.tenant = tenant;
        this.user = user;
        if (gate == null || tenant == null || user == null) {
            rows.clear();
            title.set("Pick a member to see what they see.");
            trace.set("");
            return;
        }
        List<FlagRow> computed = new ArrayList<>(gate.snapshot().flagCount());
        for (FeatureFlag flag : gate.snapshot().flags()) {
            computed.add(new FlagRow(flag.key(), gate.explainServer(tenant.id(), flag.key()),
                    gate.explainUi(tenant.id(), user.id(), flag.key())));
        }
        rows.setAll(computed);
        long on = computed.stream().filter(r -> r.ui().enabled()).count();
        title.set(ExplanationText.describe(user) + " in " + tenant.name() + ": " + on + " of " + computed.size()
                + " flags on in the UI");
        selectedRow.set(computed.stream().filter(r -> r.key().equals(keep)).findFirst().orElse(null));
        explain();
    }

    private void explain() {
        FlagRow row = selectedRow.get();
        if (row == null || gate == null) {
            trace.set(gate == null ? "" : "Pick a flag to see every step of both gates.");
            return;
        }
        trace.set(ExplanationText.render(gate.snapshot(), gate, tenant, Optional.of(user), row.key()));
    }

    public ObservableList<FlagRow> rows() {
        return rows;
    }

    public ObjectProperty<FlagRow> selectedRowProperty() {
        return selectedRow;
    }

    /** "Ada Lovelace <ada@…> in Acme: 9 of 16 flags on in the UI". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Every step of both gates for the picked flag. */
    public ReadOnlyStringProperty traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** The key of the picked flag, if any: what Grant… and Revoke… offer first. */
    public Optional<String> pickedFlag() {
        return Optional.ofNullable(selectedRow.get()).map(FlagRow::key);
    }
}
