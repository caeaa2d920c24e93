package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.Severity;

/** A bar of the findings-by-severity chart. */
public record SeverityCount(Severity severity, long count) {
}
