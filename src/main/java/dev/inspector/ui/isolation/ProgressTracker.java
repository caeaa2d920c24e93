package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.ui.support.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audit's progress on the worker thread. It keeps the per-relation counts itself and publishes
 * an immutable {@link RunProgress} after every step; the FX thread reads the newest one. Progress
 * messages are coalesced on the way to the FX thread, so counting them there would lose steps.
 *
 * <p>The audit reports a step before doing it; a step counts as done when the next one starts.
 * Steps name their relation after the last ": " ("Data: public.loads", "As … of Talbi: public.loads");
 * foreign-key steps ("child → parent") count for the overall bar only.
 */
final class ProgressTracker implements AuditProgress {

    private final TaskRunner.Progress progress;
    private final AtomicBoolean cancelRequested;
    private final int expectedPerRelation;
    private final AtomicReference<RunProgress> latest;
    private final Map<String, Integer> done = new LinkedHashMap<>();
    private String current;

    ProgressTracker(TaskRunner.Progress progress, AtomicBoolean cancelRequested, int expectedPerRelation,
                    AtomicReference<RunProgress> latest) {
        this.progress = progress;
        this.cancelRequested = cancelRequested;
        this.expectedPerRelation = expectedPerRelation;
        this.latest = latest;
    }

    @Override
    public void step(String message, int stepDone, int total) {
        if (current != null) {
            done.merge(current, 1, Integer::sum);
        }
        current = relationOf(message);
        if (current != null) {
            done.putIfAbsent(current, 0);
        }
        latest.set(new RunProgress(message, stepDone, total, rows(false)));
        progress.message(message);
        progress.fraction(stepDone, total);
    }

    @Override
    public boolean cancelled() {
        return cancelRequested.get() || progress.isCancelled();
    }

    /** The rows once the audit has finished: every relation it reached is complete. */
    List<RelationProgress> finished() {
        if (current != null) {
            done.merge(current, 1, Integer::sum);
            current = null;
        }
        return rows(true);
    }

    private List<RelationProgress> rows(boolean complete) {
        List<RelationProgress> rows = new ArrayList<>(done.size());
        done.forEach((relation, count) -> rows.add(new RelationProgress(relation,
                complete ? expectedPerRelation : count, expectedPerRelation, relation.equals(current))));
        return rows;
    }

    static String relationOf(String message) {
        int at = message.lastIndexOf(": ");
        if (at < 0 || message.contains(" → ")) {
            return null;
        }
        return message.substring(at + 2);
    }
}
