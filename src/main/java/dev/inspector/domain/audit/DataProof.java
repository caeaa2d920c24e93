package dev.inspector.domain.audit;

import java.util.Optional;

/**
 * Whether a run proves it left no trace: the fingerprint finding its probes end with, worded for
 * the one line above the findings. Runs without probes carry no proof.
 */
public record DataProof(boolean holds, String sentence) {

    public static final String UNCHANGED = "AUDIT-DATA-UNCHANGED";
    public static final String MOVED = "AUDIT-DATA-MOVED";

    public static Optional<DataProof> of(AuditRun run) {
        for (Finding f : run.findings()) {
            if (f.checkId().equals(UNCHANGED)) {
                return Optional.of(new DataProof(true, "✔ Audited data unchanged: " + f.evidence() + " the probes."));
            }
            if (f.checkId().equals(MOVED)) {
                return Optional.of(new DataProof(false,
                        "✘ The data changed while the audit ran (other sessions wrote); no proof this time."));
            }
        }
        return Optional.empty();
    }
}
