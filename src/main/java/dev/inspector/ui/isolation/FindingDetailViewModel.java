package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.Finding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The selected finding in words: title, what was found, the evidence, how to fix it. */
public final class FindingDetailViewModel {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "detailTitle", "");
    private final ReadOnlyStringWrapper finding = new ReadOnlyStringWrapper(this, "detailFinding", "");
    private final ReadOnlyStringWrapper evidence = new ReadOnlyStringWrapper(this, "detailEvidence", "");
    private final ReadOnlyStringWrapper fix = new ReadOnlyStringWrapper(this, "detailFix", "");

    private boolean anyRun;

    FindingDetailViewModel(ReadOnlyObjectProperty<FindingRow> selected) {
        selected.addListener((obs, old, row) -> show(row));
        show(selected.get());
    }

    /** Without a run there is nothing to select, and the pane says nothing. */
    void runShown(boolean shown, FindingRow selected) {
        anyRun = shown;
        show(selected);
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailFindingProperty() {
        return finding.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailEvidenceProperty() {
        return evidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailFixProperty() {
        return fix.getReadOnlyProperty();
    }

    private void show(FindingRow row) {
        if (row == null) {
            title.set(anyRun ? "Select a finding to see its evidence and how to fix it." : "");
            finding.set("");
            evidence.set("");
            fix.set("");
            return;
        }
        Finding f = row.finding();
        title.set(f.severity() + " · " + f.checkId() + (f.relation().isEmpty() ? "" : " · " + f.relation())
                + (f.tenant().isEmpty() ? "" : " · as " + f.tenant()));
        finding.set(f.finding());
        evidence.set(f.evidence());
        fix.set(f.fixHint().isEmpty() ? "Nothing to fix." : f.fixHint());
    }
}
