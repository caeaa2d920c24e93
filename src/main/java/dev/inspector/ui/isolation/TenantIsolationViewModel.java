package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.service.AuditOperations;
import dev.inspector.service.AuditRequest;
import dev.inspector.service.TenantChoice;
import dev.inspector.service.report.AuditCsv;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.FirstShow;
import dev.inspector.ui.support.TaskRunner;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The Tenant Isolation tab: set up and run the audit in the background with progress per relation
 * and a Cancel that still saves what was found, browse saved runs, filter their findings, compare
 * a run with the one before it, and export a run as CSV. Each of those is a collaborator over the
 * same run list; this class owns the commands and the session.
 */
public final class TenantIsolationViewModel {

    private final AuditSetupViewModel setup = new AuditSetupViewModel();
    private final AuditProgressViewModel progress = new AuditProgressViewModel();
    private final SavedRunsViewModel saved = new SavedRunsViewModel();
    private final FindingsViewModel findings = new FindingsViewModel(saved);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(this, "canExport");

    private final TaskRunner tasks;
    private final ObservableValue<? extends AuditOperations> audits;
    private final DialogService dialogs;
    private final FirstShow firstShow;
    /** Bumped when the session changes, so results for an old database are dropped. */
    private long generation;

    /**
     * @param audits the current session's audits; null while disconnected
     */
    public TenantIsolationViewModel(TaskRunner tasks, ObservableValue<? extends AuditOperations> audits,
                                    DialogService dialogs) {
        this.tasks = tasks;
        this.audits = audits;
        this.dialogs = dialogs;
        canRun.bind(Bindings.createBooleanBinding(() -> setup.validBinding().get() && !progress.runningProperty().get()
                && audits.getValue() != null, setup.validBinding(), progress.runningProperty(), audits));
        canExport.bind(saved.selectedRunProperty().isNotNull());
        firstShow = new FirstShow(this::refresh);
        audits.addListener((obs, old, now) -> {
            generation++;
            if (now != null) {
                firstShow.reload();
            } else {
                forget();
            }
        });
    }

    public AuditSetupViewModel setup() {
        return setup;
    }

    public AuditProgressViewModel progress() {
        return progress;
    }

    public SavedRunsViewModel savedRuns() {
        return saved;
    }

    public FindingsViewModel findings() {
        return findings;
    }

    /** Loads on the first call and whenever the session changes after it: tabs never opened cost nothing. */
    public void shown() {
        firstShow.shown();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the last export went. */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    /** Reloads the tenants and the saved runs. */
    public void refresh() {
        AuditOperations current = audits.getValue();
        if (current == null) {
            return;
        }
        long asked = generation;
        error.set("");
        tasks.run(p -> new Loaded(current.tenantChoices(), current.recent(SavedRunsViewModel.RUNS_SHOWN)),
                loaded -> {
                    if (asked == generation) {
                        setup.showTenants(loaded.tenants());
                        saved.showAll(loaded.runs());
                    }
                },
                failure -> {
                    if (asked == generation) {
                        error.set("Could not read the saved audits: " + DialogService.plainMessage(failure));
                    }
                });
    }

    /** Starts an audit with the current setup; the finished run becomes the shown one. */
    public void run() {
        AuditOperations current = audits.getValue();
        if (current == null || !canRun.get()) {
            return;
        }
        AuditRequest request = setup.request();
        int perRelation = setup.expectedStepsPerRelation(request);
        AtomicReference<RunProgress> latest = new AtomicReference<>();
        long asked = generation;
        progress.started();
        exportMessage.set("");
        tasks.run(p -> {
                    ProgressTracker t = new ProgressTracker(p, progress.cancelRequested(), perRelation, latest);
                    return new Finished(current.run(request, t), t.finished());
                },
                finished -> {
                    if (asked != generation) {
                        progress.stopped();
                        return;
                    }
                    progress.finished(finished.run(), finished.relations());
                    saved.add(finished.run());
                },
                failure -> {
                    progress.failed();
                    dialogs.showError("The audit failed", failure);
                },
                update -> progress.advanced(latest.get()));
    }

    /** Asks the running audit to stop after its current step; the partial run is saved as cancelled. */
    public void cancel() {
        progress.cancel();
    }

    /** Asks where to write the shown run as CSV (UTF-8), then writes it in the background. */
    public void exportCsv() {
        AuditRun run = saved.shown();
        if (run == null) {
            return;
        }
        dialogs.chooseSaveFile("Export the audit run as CSV", "isolation-audit-run-" + run.id() + ".csv", "CSV (UTF-8)", "csv")
                .ifPresent(target -> exportCsv(run, target));
    }

    private void exportCsv(AuditRun run, Path target) {
        exportMessage.set("Exporting…");
        tasks.run(p -> {
                    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                        AuditCsv.write(run, out);
                    }
                    return run.findings().size();
                },
                count -> exportMessage.set("Exported run " + run.id() + " (" + count + " findings) to " + target.getFileName()),
                failure -> {
                    exportMessage.set("");
                    dialogs.showError("Export failed", failure);
                });
    }

    private void forget() {
        setup.showTenants(List.of());
        saved.clear();
        progress.clear();
        error.set("");
    }

    private record Loaded(List<TenantChoice> tenants, List<AuditRun> runs) {
    }

    private record Finished(AuditRun run, List<RelationProgress> relations) {
    }
}
