package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.Finding;

/** A row of the findings table; {@code change} is null unless compared with the previous run. */
public record FindingRow(Finding finding, Change change) {

    public String changeText() {
        return change == null ? "" : change.name();
    }
}
