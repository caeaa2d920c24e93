package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RunComparison;
import dev.inspector.domain.audit.Severity;
import dev.inspector.service.AuditRequest;
import dev.inspector.service.Session;
import dev.inspector.service.TenantChoice;
import dev.inspector.service.report.AuditCsv;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tenant Isolation tab: set up and run the audit in the background with progress per relation
 * and a Cancel that still saves what was found, browse saved runs, filter their findings, compare
 * a run with the one before it, and export a run as CSV.
 */
public final class TenantIsolationViewModel {

    static final int RUNS_SHOWN = 30;
    private static final Pattern TABLE_COUNT = Pattern.compile("of (\\d+) tables");
    private static final Comparator<Finding> WORST_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::checkId).thenComparing(Finding::relation).thenComparing(Finding::tenant);

    // run setup
    private final ObservableList<TenantOption> tenants = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper tenantHint = new ReadOnlyStringWrapper(this, "tenantHint", "");
    private final BooleanProperty schemaChecks = new SimpleBooleanProperty(this, "schemaChecks", true);
    private final BooleanProperty dataChecks = new SimpleBooleanProperty(this, "dataChecks", true);
    private final BooleanProperty readProbes = new SimpleBooleanProperty(this, "readProbes", true);
    private final BooleanProperty writeProbes = new SimpleBooleanProperty(this, "writeProbes", false);
    private final StringProperty tenantColumn = new SimpleStringProperty(this, "tenantColumn", "");

    // a run in progress
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ObservableList<RelationProgress> relationProgress = FXCollections.observableArrayList();

    // saved runs and the one shown
    private final ObservableList<RunItem> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunItem> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ReadOnlyObjectWrapper<AuditRun> previousRun = new ReadOnlyObjectWrapper<>(this, "previousRun");
    private final BooleanProperty compareWithPrevious = new SimpleBooleanProperty(this, "compareWithPrevious");
    private final ReadOnlyStringWrapper compareLabel = new ReadOnlyStringWrapper(this, "compareLabel", "Compare");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper proofLine = new ReadOnlyStringWrapper(this, "proofLine", "");
    private final ReadOnlyBooleanWrapper proofHolds = new ReadOnlyBooleanWrapper(this, "proofHolds");

    // findings of the shown run
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(this, "minimumSeverity", Severity.INFO);
    private final ObjectProperty<GroupChoice> groupFilter = new SimpleObjectProperty<>(this, "groupFilter", GroupChoice.ALL);
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ObservableList<GroupChoice> groupChoices = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> fixedFindings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fixedTitle = new ReadOnlyStringWrapper(this, "fixedTitle", "");
    private final ReadOnlyStringWrapper findingsCount = new ReadOnlyStringWrapper(this, "findingsCount", "");
    private final ObservableList<SeverityCount> severityCounts = FXCollections.observableArrayList();
    private final ObjectProperty<FindingRow> selectedFinding = new SimpleObjectProperty<>(this, "selectedFinding");
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper(this, "detailTitle", "");
    private final ReadOnlyStringWrapper detailFinding = new ReadOnlyStringWrapper(this, "detailFinding", "");
    private final ReadOnlyStringWrapper detailEvidence = new ReadOnlyStringWrapper(this, "detailEvidence", "");
    private final ReadOnlyStringWrapper detailFix = new ReadOnlyStringWrapper(this, "detailFix", "");

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(this, "canExport");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final DialogService dialogs;
    /** Read by the worker between steps; set by Cancel on the FX thread. */
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    /** Bumped when the session changes, so results for an old database are dropped. */
    private long generation;

    public TenantIsolationViewModel(TaskRunner tasks, SessionState sessionState, DialogService dialogs) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.dialogs = dialogs;
        groupChoices.add(GroupChoice.ALL);
        for (CheckGroup g : CheckGroup.values()) {
            groupChoices.add(new GroupChoice(g));
        }
        selectedRun.addListener((obs, old, run) -> showRun());
        compareWithPrevious.addListener((obs, old, on) -> showFindings());
        minimumSeverity.addListener((obs, old, s) -> showFindings());
        groupFilter.addListener((obs, old, g) -> showFindings());
        textFilter.addListener((obs, old, t) -> showFindings());
        selectedFinding.addListener((obs, old, row) -> showDetail());
        for (BooleanProperty group : List.of(schemaChecks, dataChecks, readProbes, writeProbes)) {
            group.addListener((obs, old, on) -> updateCanRun());
        }
        tenantColumn.addListener((obs, old, c) -> updateCanRun());
        running.addListener((obs, old, r) -> updateCanRun());
        sessionState.sessionProperty().addListener((obs, old, session) -> {
            generation++;
            updateCanRun();
            if (session != null) {
                refresh();
            } else {
                forget();
            }
        });
        updateCanRun();
        if (sessionState.current() != null) {
            refresh();
        }
    }

    // --- run setup ---------------------------------------------------------------------------

    /** Every tenant of the session; the checked ones are impersonated, none checked means the defaults. */
    public ObservableList<TenantOption> tenants() {
        return tenants;
    }

    /** Who a run impersonates with nothing checked, or how many are checked. */
    public ReadOnlyStringProperty tenantHintProperty() {
        return tenantHint.getReadOnlyProperty();
    }

    public BooleanProperty schemaChecksProperty() {
        return schemaChecks;
    }

    public BooleanProperty dataChecksProperty() {
        return dataChecks;
    }

    public BooleanProperty readProbesProperty() {
        return readProbes;
    }

    /** Opt-in: attempted writes into other tenants' data, always rolled back. */
    public BooleanProperty writeProbesProperty() {
        return writeProbes;
    }

    public StringProperty tenantColumnProperty() {
        return tenantColumn;
    }

    // --- a run in progress -------------------------------------------------------------------

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True between Cancel and the end of the run, while the audit finishes its current step. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** Of the current phase, 0..1; negative while indeterminate. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** One row per relation the audit reached, in the order it reached them. */
    public ObservableList<RelationProgress> relationProgress() {
        return relationProgress;
    }

    // --- saved runs --------------------------------------------------------------------------

    /** The newest saved runs first. */
    public ObservableList<RunItem> runs() {
        return runs;
    }

    public ObjectProperty<RunItem> selectedRunProperty() {
        return selectedRun;
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

    /** "Audited data unchanged: 11 tables, count+hash equal before and after"; empty without probes. */
    public ReadOnlyStringProperty proofLineProperty() {
        return proofLine.getReadOnlyProperty();
    }

    /** False when the proof line says the data moved during the run. */
    public ReadOnlyBooleanProperty proofHoldsProperty() {
        return proofHolds.getReadOnlyProperty();
    }

    // --- findings ----------------------------------------------------------------------------

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

    /** The shown run's findings per severity, worst first, every severity present (filters ignored). */
    public ObservableList<SeverityCount> severityCounts() {
        return severityCounts;
    }

    public ObjectProperty<FindingRow> selectedFindingProperty() {
        return selectedFinding;
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailFindingProperty() {
        return detailFinding.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailEvidenceProperty() {
        return detailEvidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailFixProperty() {
        return detailFix.getReadOnlyProperty();
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

    // --- commands ----------------------------------------------------------------------------

    /** Reloads the tenants and the saved runs. */
    public void refresh() {
        Session session = sessionState.current();
        if (session == null) {
            return;
        }
        long asked = generation;
        error.set("");
        tasks.run(p -> new Loaded(session.audits().tenantChoices(), session.audits().recent(RUNS_SHOWN)),
                loaded -> {
                    if (asked == generation) {
                        apply(loaded);
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
        Session session = sessionState.current();
        if (session == null || !canRun.get()) {
            return;
        }
        AuditRequest request = request();
        int perRelation = expectedStepsPerRelation(request);
        AtomicReference<RunProgress> latest = new AtomicReference<>();
        long asked = generation;
        cancelRequested.set(false);
        cancelling.set(false);
        running.set(true);
        progress.set(-1);
        progressMessage.set("Starting the audit…");
        relationProgress.clear();
        exportMessage.set("");
        tasks.run(p -> {
                    ProgressTracker t = new ProgressTracker(p, cancelRequested, perRelation, latest);
                    AuditRun run = session.audits().run(request, t);
                    return new Finished(run, t.finished());
                },
                finished -> {
                    running.set(false);
                    cancelling.set(false);
                    if (asked != generation) {
                        return;
                    }
                    AuditRun run = finished.run();
                    relationProgress.setAll(finished.relations());
                    progress.set(1);
                    progressMessage.set(run.cancelled()
                            ? "Cancelled: run " + run.id() + " saved with what it found so far."
                            : "Finished: run " + run.id() + " saved, " + run.findings().size() + " findings.");
                    runs.add(0, new RunItem(run));
                    if (runs.size() > RUNS_SHOWN) {
                        runs.remove(RUNS_SHOWN, runs.size());
                    }
                    selectedRun.set(runs.get(0));
                },
                failure -> {
                    running.set(false);
                    cancelling.set(false);
                    progress.set(0);
                    progressMessage.set("The audit failed; nothing was saved.");
                    dialogs.showError("The audit failed", failure);
                },
                update -> {
                    RunProgress now = latest.get();
                    if (now != null && running.get()) {
                        progress.set(now.fraction());
                        progressMessage.set(now.message() + "  (" + now.done() + " of " + now.total() + ")");
                        relationProgress.setAll(now.relations());
                    }
                });
    }

    /** Asks the running audit to stop after its current step; the partial run is saved as cancelled. */
    public void cancel() {
        if (running.get()) {
            cancelRequested.set(true);
            cancelling.set(true);
            progressMessage.set("Cancelling after the current step…");
        }
    }

    /** Writes the shown run as CSV (UTF-8) in the background. */
    public void exportCsv(Path target) {
        RunItem item = selectedRun.get();
        if (item == null) {
            return;
        }
        AuditRun run = item.run();
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

    /** A file name for the export dialog to suggest. */
    public String suggestedFileName() {
        RunItem item = selectedRun.get();
        return item == null ? "isolation-audit.csv" : "isolation-audit-run-" + item.run().id() + ".csv";
    }

    // --- internals ---------------------------------------------------------------------------

    private AuditRequest request() {
        Set<CheckGroup> groups = EnumSet.noneOf(CheckGroup.class);
        if (schemaChecks.get()) {
            groups.add(CheckGroup.SCHEMA);
        }
        if (dataChecks.get()) {
            groups.add(CheckGroup.DATA);
        }
        if (readProbes.get()) {
            groups.add(CheckGroup.CROSS_TENANT_READ);
        }
        if (writeProbes.get()) {
            groups.add(CheckGroup.CROSS_TENANT_WRITE);
        }
        List<String> chosen = tenants.stream().filter(t -> t.checkedProperty().get())
                .map(t -> t.tenant().id().toString()).toList();
        String column = tenantColumn.get() == null || tenantColumn.get().isBlank() ? null : tenantColumn.get().strip();
        return new AuditRequest(column, groups, chosen);
    }

    /** A data check per table and a probe per impersonated tenant: what fills a relation's bar. */
    private int expectedStepsPerRelation(AuditRequest request) {
        long checked = tenants.stream().filter(t -> t.checkedProperty().get()).count();
        long impersonated = checked > 0 ? checked : tenants.stream().filter(t -> t.tenant().defaultPick()).count();
        boolean probes = request.groups().contains(CheckGroup.CROSS_TENANT_READ)
                || request.groups().contains(CheckGroup.CROSS_TENANT_WRITE);
        return (request.groups().contains(CheckGroup.DATA) ? 1 : 0) + (probes ? (int) Math.max(1, impersonated) : 0);
    }

    private void apply(Loaded loaded) {
        tenants.setAll(loaded.tenants().stream().map(TenantOption::new).toList());
        tenants.forEach(t -> t.checkedProperty().addListener((obs, old, on) -> updateTenantHint()));
        updateTenantHint();
        runs.setAll(loaded.runs().stream().map(RunItem::new).toList());
        selectedRun.set(runs.isEmpty() ? null : runs.get(0));
        if (runs.isEmpty()) {
            showRun();
        }
    }

    private void updateTenantHint() {
        List<String> checked = tenants.stream().filter(t -> t.checkedProperty().get()).map(t -> t.tenant().name()).toList();
        if (!checked.isEmpty()) {
            tenantHint.set("Impersonates a member of " + checked.size() + (checked.size() == 1 ? " tenant." : " tenants."));
            return;
        }
        List<String> defaults = tenants.stream().filter(t -> t.tenant().defaultPick()).map(t -> t.tenant().name()).toList();
        tenantHint.set(defaults.isEmpty() ? "No tenant has an ordinary member to impersonate."
                : "None checked: impersonates the " + defaults.size() + " tenants marked default.");
    }

    private void updateCanRun() {
        boolean anyGroup = schemaChecks.get() || dataChecks.get() || readProbes.get() || writeProbes.get();
        // blank: detected from the catalogs; otherwise it must be a column name
        boolean column = tenantColumn.get() == null || tenantColumn.get().isBlank()
                || tenantColumn.get().strip().matches("[A-Za-z_][A-Za-z0-9_$]*");
        canRun.set(!running.get() && anyGroup && column && sessionState.current() != null);
    }

    private void showRun() {
        RunItem item = selectedRun.get();
        AuditRun run = item == null ? null : item.run();
        canExport.set(run != null);
        previousRun.set(run == null ? null : previousOf(run));
        compareLabel.set(previousRun.get() == null ? "No earlier run"
                : "Compare with run " + previousRun.get().id());
        if (previousRun.get() == null) {
            compareWithPrevious.set(false);
        }
        summary.set(run == null ? "No audit has run on this database yet." : summaryOf(run));
        proof(run);
        severityCounts.setAll(countsOf(run));
        showFindings();
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

    private void proof(AuditRun run) {
        Finding same = run == null ? null : run.findings().stream()
                .filter(f -> f.checkId().equals("AUDIT-DATA-UNCHANGED")).findFirst().orElse(null);
        Finding moved = run == null ? null : run.findings().stream()
                .filter(f -> f.checkId().equals("AUDIT-DATA-MOVED")).findFirst().orElse(null);
        if (same != null) {
            Matcher m = TABLE_COUNT.matcher(same.evidence());
            String tables = m.find() ? m.group(1) + " tables" : "every probed table";
            proofLine.set("✔ Audited data unchanged: " + tables + ", row count + hash equal before and after the probes.");
            proofHolds.set(true);
        } else if (moved != null) {
            proofLine.set("✘ The data changed while the audit ran (other sessions wrote); no proof this time.");
            proofHolds.set(false);
        } else {
            proofLine.set("");
            proofHolds.set(true);
        }
    }

    private static List<SeverityCount> countsOf(AuditRun run) {
        return java.util.Arrays.stream(Severity.values())
                .map(s -> new SeverityCount(s, run == null ? 0 : run.count(s))).toList();
    }

    private void showFindings() {
        FindingRow keep = selectedFinding.get();
        RunItem item = selectedRun.get();
        if (item == null) {
            findings.clear();
            fixedFindings.clear();
            fixedTitle.set("");
            findingsCount.set("");
            selectedFinding.set(null);
            return;
        }
        AuditRun run = item.run();
        boolean comparing = compareWithPrevious.get() && previousRun.get() != null;
        RunComparison comparison = comparing ? RunComparison.of(previousRun.get(), run) : null;
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
            fixedTitle.set("Fixed since run " + previousRun.get().id() + ": " + fixed.size()
                    + "   ·   new: " + comparison.added().size() + "   ·   unchanged: " + comparison.unchanged().size());
        } else {
            fixedFindings.clear();
            fixedTitle.set("");
        }
        Map<String, FindingRow> byIdentity = rows.stream()
                .collect(Collectors.toMap(r -> r.finding().identity(), Function.identity(), (a, b) -> a));
        selectedFinding.set(keep == null ? null : byIdentity.get(keep.finding().identity()));
        showDetail();
    }

    private boolean passes(Finding f) {
        if (!f.severity().atLeast(minimumSeverity.get() == null ? Severity.INFO : minimumSeverity.get())) {
            return false;
        }
        if (groupFilter.get() != null && !groupFilter.get().accepts(f.group())) {
            return false;
        }
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return true;
        }
        return (f.checkId() + "\n" + f.relation() + "\n" + f.tenant() + "\n" + f.finding())
                .toLowerCase(Locale.ROOT).contains(text);
    }

    private void showDetail() {
        FindingRow row = selectedFinding.get();
        if (row == null) {
            detailTitle.set("Select a finding to see its evidence and how to fix it.");
            detailFinding.set("");
            detailEvidence.set("");
            detailFix.set("");
            return;
        }
        Finding f = row.finding();
        detailTitle.set(f.severity() + " · " + f.checkId() + (f.relation().isEmpty() ? "" : " · " + f.relation())
                + (f.tenant().isEmpty() ? "" : " · as " + f.tenant()));
        detailFinding.set(f.finding());
        detailEvidence.set(f.evidence());
        detailFix.set(f.fixHint().isEmpty() ? "Nothing to fix." : f.fixHint());
    }

    private void forget() {
        tenants.clear();
        runs.clear();
        selectedRun.set(null);
        relationProgress.clear();
        progressMessage.set("");
        error.set("");
        updateTenantHint();
        updateCanRun();
        showRun();
    }

    private record Loaded(List<TenantChoice> tenants, List<AuditRun> runs) {
    }

    private record Finished(AuditRun run, List<RelationProgress> relations) {
    }
}
