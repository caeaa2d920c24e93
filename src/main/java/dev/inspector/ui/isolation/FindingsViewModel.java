package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RunComparison;
import dev.inspector.domain.audit.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shown run's findings through the filters, worst first; with comparison on, which are new
 * and which of the previous run's are gone. The selection survives a change of filter when the
 * selected finding still passes.
 */
public final class FindingsViewModel {

    private static final Comparator<Finding> WORST_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::checkId).thenComparing(Finding::relation).thenComparing(Finding::tenant);

    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(this, "minimumSeverity", Severity.INFO);
    private final ObjectProperty<GroupChoice> groupFilter = new SimpleObjectProperty<>(this, "groupFilter", GroupChoice.ALL);
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ObservableList<GroupChoice> groupChoices = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> fixedFindings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fixedTitle = new ReadOnlyStringWrapper(this, "fixedTitle", "");
    private final ReadOnlyStringWrapper findingsCount = new ReadOnlyStringWrapper(this, "findingsCount", "");
    private final ObjectProperty<FindingRow> selectedFinding = new SimpleObjectProperty<>(this, "selectedFinding");
    private final FindingDetailViewModel detail = new FindingDetailViewModel(selectedFinding);
    private final SavedRunsViewModel saved;

    FindingsViewModel(SavedRunsViewModel saved) {
        this.saved = saved;
        groupChoices.add(GroupChoice.ALL);
        for (CheckGroup g : CheckGroup.values()) {
            groupChoices.add(new GroupChoice(g));
        }
        saved.selectedRunProperty().addListener((obs, old, run) -> show());
        saved.compareWithPreviousProperty().addListener((obs, old, on) -> show());
        minimumSeverity.addListener((obs, old, s) -> show());
        groupFilter.addListener((obs, old, g) -> show());
        textFilter.addListener((obs, old, t) -> show());
    }

    /** Show findings at or above this severity. */
    public ObjectProperty<Severity> minimumSeverityProperty() {
        return minimumSeverity;
    }

    public ObjectProperty<GroupChoice> groupFilterProperty() {
        return groupFilter;
    }

    public ObservableList<GroupChoice> groupChoices() {
        return groupChoices;
    }

    /** Matched against check id, relation, tenant and finding text, ignoring case. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** The shown run's findings that pass the filters, worst first. */
    public ObservableList<FindingRow> findings() {
        return findings;
    }

    /** When comparing: findings of the previous run that are gone (filters apply too). */
    public ObservableList<Finding> fixedFindings() {
        return fixedFindings;
    }

    public ReadOnlyStringProperty fixedTitleProperty() {
        return fixedTitle.getReadOnlyProperty();
    }

    /** "12 of 15 findings". */
    public ReadOnlyStringProperty findingsCountProperty() {
        return findingsCount.getReadOnlyProperty();
    }

    public ObjectProperty<FindingRow> selectedFindingProperty() {
        return selectedFinding;
    }

    /** The selected finding's evidence and fix. */
    public FindingDetailViewModel detail() {
        return detail;
    }

    private void show() {
        FindingRow keep = selectedFinding.get();
        AuditRun run = saved.shown();
        if (run == null) {
            findings.clear();
            fixedFindings.clear();
            fixedTitle.set("");
            findingsCount.set("");
            selectedFinding.set(null);
            detail.runShown(false, null);
            return;
        }
        AuditRun previous = saved.previousRunProperty().get();
        boolean comparing = saved.compareWithPreviousProperty().get() && previous != null;
        RunComparison comparison = comparing ? RunComparison.of(previous, run) : null;
        Set<String> added = comparing
                ? comparison.added().stream().map(Finding::identity).collect(Collectors.toSet()) : Set.of();
        List<FindingRow> rows = run.findings().stream().filter(this::passes).sorted(WORST_FIRST)
                .map(f -> new FindingRow(f, !comparing ? null : added.contains(f.identity()) ? Change.NEW : Change.UNCHANGED))
                .toList();
        findings.setAll(rows);
        findingsCount.set(rows.size() == run.findings().size() ? rows.size() + " findings"
                : rows.size() + " of " + run.findings().size() + " findings");
        if (comparing) {
            List<Finding> fixed = comparison.fixed().stream().filter(this::passes).sorted(WORST_FIRST).toList();
            fixedFindings.setAll(fixed);
            fixedTitle.set("Fixed since run " + previous.id() + ": " + fixed.size()
                    + "   ·   new: " + comparison.added().size() + "   ·   unchanged: " + comparison.unchanged().size());
        } else {
            fixedFindings.clear();
            fixedTitle.set("");
        }
        Map<String, FindingRow> byIdentity = rows.stream()
                .collect(Collectors.toMap(r -> r.finding().identity(), Function.identity(), (a, b) -> a));
        selectedFinding.set(keep == null ? null : byIdentity.get(keep.finding().identity()));
        detail.runShown(true, selectedFinding.get());
    }

    private boolean passes(Finding f) {
        if (!f.severity().atLeast(minimumSeverity.get() == null ? Severity.INFO : minimumSeverity.get())) {
            return false;
        }
        if (groupFilter.get() != null && !groupFilter.get().accepts(f.group())) {
            return false;
        }
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() || (f.checkId() + "\n" + f.relation() + "\n" + f.tenant() + "\n" + f.finding())
                .toLowerCase(Locale.ROOT).contains(text);
    }
}
