package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.DataProof;
import dev.inspector.domain.audit.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The saved runs, newest first, and what the shown one covered, proved and counted. */
public final class SavedRunsViewModel {

    static final int RUNS_SHOWN = 30;

    private final ObservableList<RunItem> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunItem> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ReadOnlyObjectWrapper<AuditRun> previousRun = new ReadOnlyObjectWrapper<>(this, "previousRun");
    private final BooleanProperty compareWithPrevious = new SimpleBooleanProperty(this, "compareWithPrevious");
    private final ReadOnlyStringWrapper compareLabel = new ReadOnlyStringWrapper(this, "compareLabel", "Compare");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper proofLine = new ReadOnlyStringWrapper(this, "proofLine", "");
    private final ReadOnlyBooleanWrapper proofHolds = new ReadOnlyBooleanWrapper(this, "proofHolds", true);
    private final ObservableList<SeverityCount> severityCounts = FXCollections.observableArrayList();

    SavedRunsViewModel() {
        selectedRun.addListener((obs, old, item) -> showRun());
        showRun();
    }

    /** The newest saved runs first. */
    public ObservableList<RunItem> runs() {
        return runs;
    }

    public ObjectProperty<RunItem> selectedRunProperty() {
        return selectedRun;
    }

    /** The shown run, or null. */
    public AuditRun shown() {
        return selectedRun.get() == null ? null : selectedRun.get().run();
    }

    /** The run before the shown one; null when there is none. */
    public ReadOnlyObjectProperty<AuditRun> previousRunProperty() {
        return previousRun.getReadOnlyProperty();
    }

    public BooleanProperty compareWithPreviousProperty() {
        return compareWithPrevious;
    }

    /** "Compare with run 11", or why there is nothing to compare with. */
    public ReadOnlyStringProperty compareLabelProperty() {
        return compareLabel.getReadOnlyProperty();
    }

    /** What the shown run covered: who ran it, which groups, as which tenants. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "✔ Audited data unchanged: row count and hash of 11 tables …"; empty without probes. */
    public ReadOnlyStringProperty proofLineProperty() {
        return proofLine.getReadOnlyProperty();
    }

    /** False when the proof line says the data moved during the run. */
    public ReadOnlyBooleanProperty proofHoldsProperty() {
        return proofHolds.getReadOnlyProperty();
    }

    /** The shown run's findings per severity, worst first, every severity present (filters ignored). */
    public ObservableList<SeverityCount> severityCounts() {
        return severityCounts;
    }

    void showAll(List<AuditRun> saved) {
        runs.setAll(saved.stream().map(RunItem::new).toList());
        selectedRun.set(runs.isEmpty() ? null : runs.get(0));
        showRun();
    }

    /** A run that just finished becomes the newest and the shown one. */
    void add(AuditRun run) {
        runs.add(0, new RunItem(run));
        if (runs.size() > RUNS_SHOWN) {
            runs.remove(RUNS_SHOWN, runs.size());
        }
        selectedRun.set(runs.get(0));
    }

    void clear() {
        runs.clear();
        selectedRun.set(null);
        showRun();
    }

    private void showRun() {
        AuditRun run = shown();
        previousRun.set(run == null ? null : previousOf(run));
        compareLabel.set(previousRun.get() == null ? "No earlier run" : "Compare with run " + previousRun.get().id());
        if (previousRun.get() == null) {
            compareWithPrevious.set(false);
        }
        summary.set(run == null ? "No audit has run on this database yet." : summaryOf(run));
        Optional<DataProof> proof = run == null ? Optional.empty() : DataProof.of(run);
        proofLine.set(proof.map(DataProof::sentence).orElse(""));
        proofHolds.set(proof.map(DataProof::holds).orElse(true));
        severityCounts.setAll(Arrays.stream(Severity.values())
                .map(s -> new SeverityCount(s, run == null ? 0 : run.count(s))).toList());
    }

    /** The next older run in the list: runs are listed newest first, as the repository orders them. */
    private AuditRun previousOf(AuditRun run) {
        for (int i = 0; i < runs.size() - 1; i++) {
            if (runs.get(i).run().id() == run.id()) {
                return runs.get(i + 1).run();
            }
        }
        return null;
    }

    private static String summaryOf(AuditRun run) {
        String groups = run.groups().stream().sorted().map(g -> new GroupChoice(g).label())
                .collect(Collectors.joining(", "));
        return run.database() + " · by " + run.osUser() + " as " + run.dbRole() + " · " + groups
                + (run.tenants().isEmpty() ? "" : " · as " + shortList(run.tenants()))
                + run.coverage().incompleteReason().map(why -> " · INCOMPLETE: " + why)
                        .orElse(" · covered " + run.coverage().words());
    }

    /** Three names and a count: the full list of ten tenants would push the findings down. */
    private static String shortList(String tenants) {
        List<String> names = List.of(tenants.split(", "));
        return names.size() <= 3 ? tenants : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
