package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.Severity;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A saved run as the runs list shows it: number, time, counts, and whether it was cancelled. */
public record RunItem(AuditRun run) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String label() {
        String time = run.startedAt().atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
        long critical = run.count(Severity.CRITICAL);
        long high = run.count(Severity.HIGH);
        long other = run.findings().size() - critical - high;
        return "Run " + run.id() + " · " + time + " · " + critical + " critical, " + high + " high, " + other + " other"
                + (run.cancelled() ? " · CANCELLED" : "");
    }

    @Override
    public String toString() {
        return label();
    }
}
