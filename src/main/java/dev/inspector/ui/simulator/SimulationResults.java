package dev.inspector.ui.simulator;

import dev.inspector.domain.resolution.TraceStep;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the simulator answered: one flag with verdicts, channels and the UI trace, or the all-flags table. */
public final class SimulationResults {

    private static final String PICK_A_ROW = "Select a flag to see its UI gate step by step";

    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyBooleanWrapper allFlagsMode = new ReadOnlyBooleanWrapper(this, "allFlagsMode");
    private final ReadOnlyObjectWrapper<Simulation> simulation = new ReadOnlyObjectWrapper<>(this, "simulation");
    private final ReadOnlyObjectWrapper<Verdict> serverVerdict = new ReadOnlyObjectWrapper<>(this, "serverVerdict");
    private final ReadOnlyObjectWrapper<Verdict> uiVerdict = new ReadOnlyObjectWrapper<>(this, "uiVerdict");
    private final ObservableList<ChannelRow> channelRows = FXCollections.observableArrayList();
    private final ObservableList<FlagRow> flagRows = FXCollections.observableArrayList();
    private final ObjectProperty<FlagRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ObservableList<TraceStep> trace = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper traceTitle = new ReadOnlyStringWrapper(this, "traceTitle", "");
    private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper(this, "canCopy");

    SimulationResults() {
        selectedRow.addListener((obs, old, row) -> showRowTrace());
    }

    /** True while the all-flags table is computed. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty allFlagsModeProperty() {
        return allFlagsMode.getReadOnlyProperty();
    }

    /** The one-flag result; null in all-flags mode or before a full choice. */
    public ReadOnlyObjectProperty<Simulation> simulationProperty() {
        return simulation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> serverVerdictProperty() {
        return serverVerdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> uiVerdictProperty() {
        return uiVerdict.getReadOnlyProperty();
    }

    /** Internal, pilot, general: what each would give, and whether it changes the verdicts. */
    public ObservableList<ChannelRow> channelRows() {
        return channelRows;
    }

    /** The all-flags table. */
    public ObservableList<FlagRow> flagRows() {
        return flagRows;
    }

    public ObjectProperty<FlagRow> selectedRowProperty() {
        return selectedRow;
    }

    /** The UI gate's steps for the one flag, or for the selected row in all-flags mode. */
    public ObservableList<TraceStep> trace() {
        return trace;
    }

    public ReadOnlyStringProperty traceTitleProperty() {
        return traceTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy.getReadOnlyProperty();
    }

    /** Empties the answer; {@code allFlags} says which kind of answer comes next. */
    void clear(boolean allFlags) {
        allFlagsMode.set(allFlags);
        computing.set(false);
        simulation.set(null);
        serverVerdict.set(null);
        uiVerdict.set(null);
        channelRows.clear();
        flagRows.clear();
        selectedRow.set(null);
        trace.clear();
        traceTitle.set(allFlags ? PICK_A_ROW : "");
        canCopy.set(false);
    }

    void computing() {
        computing.set(true);
    }

    void showOne(Simulation result) {
        simulation.set(result);
        serverVerdict.set(result.serverVerdict());
        uiVerdict.set(result.uiVerdict());
        channelRows.setAll(result.channelRows());
        trace.setAll(result.ui().trace());
        traceTitle.set("UI gate for " + result.flagKey() + ", step by step");
        canCopy.set(true);
    }

    void showAll(List<FlagRow> rows) {
        computing.set(false);
        flagRows.setAll(rows);
        canCopy.set(!rows.isEmpty());
    }

    void failed() {
        computing.set(false);
    }

    private void showRowTrace() {
        FlagRow row = selectedRow.get();
        if (!allFlagsMode.get()) {
            return;
        }
        if (row == null) {
            trace.clear();
            traceTitle.set(PICK_A_ROW);
        } else {
            trace.setAll(row.ui().trace());
            traceTitle.set("UI gate for " + row.key() + ", step by step");
        }
    }
}
