package dev.inspector.ui.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Coverage;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.service.AuditOperations;
import dev.inspector.service.AuditRequest;
import dev.inspector.service.TenantChoice;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.ScriptedDialogs;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * The isolation tab's logic against a hand-written fake of its one service seam: no database, no
 * window, milliseconds. What only a real database can show is in TenantIsolationViewModelTest.
 */
class TenantIsolationFakeTest {

    private final FakeAudits fake = new FakeAudits();
    private final SimpleObjectProperty<AuditOperations> audits = new SimpleObjectProperty<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final TenantIsolationViewModel vm = new TenantIsolationViewModel(new DirectTaskRunner(), audits, dialogs);

    @Test
    void aTabNeverOpenedReadsNothingThenFollowsEverySession() {
        audits.set(fake);
        assertThat(fake.reads).as("connected, tab not shown").isZero();
        assertThat(vm.canRunProperty().get()).isTrue();

        vm.shown();
        assertThat(fake.reads).isEqualTo(1);
        assertThat(vm.setup().tenants()).extracting(t -> t.tenant().name()).containsExactly("Acme", "Globex", "Initech");
        assertThat(vm.setup().tenantHintProperty().get()).isEqualTo("None checked: impersonates the 2 tenants marked default.");
        vm.shown();
        assertThat(fake.reads).as("shown again: nothing new to read").isEqualTo(1);

        audits.set(null);
        assertThat(vm.setup().tenants()).isEmpty();
        assertThat(vm.canRunProperty().get()).isFalse();
        audits.set(new FakeAudits());
        assertThat(vm.setup().tenants()).as("once shown, a new session loads at once").hasSize(3);
    }

    @Test
    void aRunReportsProgressPerRelationAndBecomesTheShownRun() {
        audits.set(fake);
        vm.shown();
        vm.setup().tenants().get(2).checkedProperty().set(true);
        List<String> messages = new ArrayList<>();
        vm.progress().progressMessageProperty().addListener((obs, old, now) -> messages.add(now));
        fake.onRun = (request, progress) -> {
            assertThat(request.tenants()).containsExactly("t3");
            progress.step("Data: public.loads", 0, 2);
            progress.step("As a member of Initech: public.loads", 1, 2);
            return savedRun(7, false, finding("RLS-DISABLED", Severity.CRITICAL, "public.loads"));
        };

        vm.run();

        assertThat(messages).anyMatch(m -> m.startsWith("Data: public.loads  (0 of 2)"));
        assertThat(vm.progress().progressMessageProperty().get()).isEqualTo("Finished: run 7 saved, 1 findings.");
        assertThat(vm.progress().relationProgress()).extracting(RelationProgress::relation).containsExactly("public.loads");
        assertThat(vm.savedRuns().runs()).extracting(r -> r.run().id()).containsExactly(7L, 3L);
        assertThat(vm.savedRuns().compareLabelProperty().get()).isEqualTo("Compare with run 3");
        assertThat(vm.findings().findings()).extracting(r -> r.finding().checkId()).containsExactly("RLS-DISABLED");
        assertThat(vm.progress().runningProperty().get()).isFalse();
    }

    @Test
    void cancelLetsTheStepFinishAndTheRunIsSavedAsCancelled() {
        audits.set(fake);
        vm.shown();
        fake.onRun = (request, progress) -> {
            progress.step("Data: public.loads", 0, 3);
            vm.cancel(); // the admin clicks Cancel while the first step runs
            assertThat(vm.progress().cancellingProperty().get()).isTrue();
            assertThat(progress.cancelled()).as("the audit learns it between steps").isTrue();
            return savedRun(8, true);
        };

        vm.run();

        assertThat(vm.progress().progressMessageProperty().get()).isEqualTo("Cancelled: run 8 saved with what it found so far.");
        assertThat(vm.progress().cancellingProperty().get()).isFalse();
    }

    @Test
    void aFailedRunSaysSoInOneSentenceAndKeepsTheSavedRuns() {
        audits.set(fake);
        vm.shown();
        fake.onRun = (request, progress) -> {
            throw new DatabaseException("The database went away; nothing was written.");
        };

        vm.run();

        assertThat(dialogs.shown).containsExactly("The audit failed: The database went away; nothing was written.");
        assertThat(vm.progress().progressMessageProperty().get()).isEqualTo("The audit failed; nothing was saved.");
        assertThat(vm.savedRuns().runs()).hasSize(1);
        assertThat(vm.canRunProperty().get()).isTrue();
    }

    @Test
    void filtersNarrowTheFindingsAndKeepTheSelectionWhileItStillShows() {
        fake.saved = List.of(savedRun(4, false, finding("RLS-DISABLED", Severity.CRITICAL, "public.drivers"),
                finding("DATA-NULL-TENANT", Severity.MEDIUM, "public.loads"), finding("INFO-ONLY", Severity.INFO, "")));
        audits.set(fake);
        vm.shown();
        vm.findings().selectedFindingProperty().set(vm.findings().findings().get(0));

        vm.findings().minimumSeverityProperty().set(Severity.MEDIUM);
        assertThat(vm.findings().findingsCountProperty().get()).isEqualTo("2 of 3 findings");
        assertThat(vm.findings().selectedFindingProperty().get().finding().checkId()).isEqualTo("RLS-DISABLED");
        assertThat(vm.findings().detail().detailTitleProperty().get()).isEqualTo("CRITICAL · RLS-DISABLED · public.drivers");

        vm.findings().textFilterProperty().set("loads");
        assertThat(vm.findings().findings()).extracting(r -> r.finding().checkId()).containsExactly("DATA-NULL-TENANT");
        assertThat(vm.findings().selectedFindingProperty().get()).as("the selected finding is filtered out").isNull();
        assertThat(vm.findings().detail().detailTitleProperty().get()).startsWith("Select a finding");
    }

    @Test
    void exportAsksWhereAndACancelledChoiceWritesNothing() {
        audits.set(fake);
        vm.shown();

        vm.exportCsv();

        assertThat(dialogs.lastQuestion()).isEqualTo("Export the audit run as CSV: isolation-audit-run-3.csv");
        assertThat(vm.exportMessageProperty().get()).isEmpty();
    }

    private static AuditRun savedRun(long id, boolean cancelled, Finding... findings) {
        return new AuditRun(id, OffsetDateTime.now(), OffsetDateTime.now(), "demo", "postgres", "admin",
                EnumSet.of(CheckGroup.SCHEMA), "", cancelled, List.of(findings), new Coverage(3, 2, Optional.empty()));
    }

    private static Finding finding(String id, Severity severity, String relation) {
        return new Finding(id, severity, CheckGroup.SCHEMA, relation, "", "found " + id, "evidence", "");
    }

    /** Three tenants (two default picks), one saved run, and a run that does what the test says. */
    private static final class FakeAudits implements AuditOperations {
        int reads;
        List<AuditRun> saved = List.of(savedRun(3, false));
        BiFunction<AuditRequest, AuditProgress, AuditRun> onRun = (request, progress) -> savedRun(99, false);

        @Override
        public List<TenantChoice> tenantChoices() {
            reads++;
            return List.of(new TenantChoice("t1", "Acme", true), new TenantChoice("t2", "Globex", true),
                    new TenantChoice("t3", "Initech", false));
        }

        @Override
        public List<AuditRun> recent(int limit) {
            return saved;
        }

        @Override
        public AuditRun run(AuditRequest request, AuditProgress progress) {
            return onRun.apply(request, progress);
        }
    }
}
