package dev.inspector.ui.release;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.service.FlagCommands;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "New flag" and "Edit" forms against a real database. */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ_WRITE)
class FlagFormsViewModelTest {

    @Test
    void showSqlOfANewFlagListsItsFourRowsAndTheirUndoAndCreatesNothing(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            CreateFlagDialogViewModel form = f.vm.newFlagForm();
            form.keyProperty().set("invoice_export");
            form.nameProperty().set("Invoice export");
            form.showSql();
            assertThat(form.sql().textProperty().get()).startsWith("It would change 4 rows with:")
                    .contains("insert into \"public\".\"feature_flags\"")
                    .contains("delete from \"public\".\"feature_flags\"");
            f.vm.refresh();
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).doesNotContain("invoice_export");
            form.keyProperty().set("Not A Key");
            form.showSql();
            assertThat(form.sql().textProperty().get()).doesNotContain("insert");
        }
    }

    @Test
    void aValidFlagIsCreatedOffButInternalSelectedAndListed(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            CreateFlagDialogViewModel form = f.vm.newFlagForm();
            form.keyProperty().set("invoice_export");
            form.nameProperty().set("Invoice export");
            form.descriptionProperty().set("CSV of invoices");
            form.reasonProperty().set("ticket 42");
            assertThat(form.keyProblemProperty().get()).isEmpty();
            assertThat(form.canCreateProperty().get()).isTrue();

            form.create();

            assertThat(form.doneProperty().get()).isTrue();
            assertThat(form.errorProperty().get()).isEmpty();
            assertThat(f.vm.summaryProperty().get()).isEqualTo("16 flags");
            FlagRow created = f.row("invoice_export");
            assertThat(created.flag().defaultEnabled()).isFalse();
            assertThat(created.flag().killswitch()).isFalse();
            assertThat(created.channel(ReleaseChannel.INTERNAL)).contains(true);
            assertThat(created.channel(ReleaseChannel.PILOT)).contains(false);
            assertThat(created.channel(ReleaseChannel.GENERAL)).contains(false);
            assertThat(created.enabledTenants()).as("only the internal tenant").isEqualTo(1);
            assertThat(f.vm.selectedFlagProperty().get()).isSameAs(created);
        }
    }

    @Test
    void anInvalidKeyIsExplainedUnderTheFieldAndCreateStaysDisabled(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            CreateFlagDialogViewModel form = f.vm.newFlagForm();
            form.nameProperty().set("Something");
            assertThat(form.keyProblemProperty().get()).as("untouched: no shouting yet").isEmpty();
            assertThat(form.canCreateProperty().get()).isFalse();

            form.keyProperty().set("Invoice-Export");
            assertThat(form.keyProblemProperty().get()).startsWith("A key is lowercase snake_case");
            assertThat(form.canCreateProperty().get()).isFalse();
            form.keyProperty().set("ab");
            assertThat(form.keyProblemProperty().get()).isEqualTo("A key has 3 to 64 characters; this one has 2.");

            form.create();
            assertThat(form.doneProperty().get()).isFalse();
            assertThat(f.vm.summaryProperty().get()).isEqualTo("15 flags");

            form.keyProperty().set("abc");
            form.nameProperty().set("  ");
            assertThat(form.canCreateProperty().get()).as("a name is needed too").isFalse();
        }
    }

    @Test
    void aDuplicateKeyIsRefusedAsItIsTypedAndOneCreatedMeanwhileOnSubmit(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            int changesBefore = f.session.history().recent(java.util.Optional.empty(), 500).size();
            CreateFlagDialogViewModel form = f.vm.newFlagForm();
            form.nameProperty().set("Another dark mode");

            form.keyProperty().set("dark_mode");
            assertThat(form.keyProblemProperty().get()).as("checked live").isEqualTo("A flag with the key 'dark_mode' exists already.");
            assertThat(form.canCreateProperty().get()).isFalse();
            form.keyProperty().set("dark_mode_v2");
            assertThat(form.keyProblemProperty().get()).isEmpty();

            // another console creates the key after the form opened: the service refuses it on submit
            db.commands("bob").create("dark_mode_v2", "Bob's dark mode", "", "bob's");
            form.create();

            assertThat(form.errorProperty().get()).isEqualTo("A flag with the key 'dark_mode_v2' exists already.");
            assertThat(form.doneProperty().get()).isFalse();
            assertThat(form.runningProperty().get()).isFalse();
            assertThat(f.row("dark_mode").flag().name()).isEqualTo("Dark Mode");
            assertThat(f.session.history().recent(java.util.Optional.empty(), 500)).as("only bob's change").hasSize(changesBefore + 1);

            form.keyProperty().set("dark_mode_v3");
            assertThat(form.errorProperty().get()).as("typing clears the refusal").isEmpty();
        }
    }

    @Test
    void editingChangesNameAndDescriptionUnlessSomeoneChangedTheFlagMeanwhile(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            EditFlagDialogViewModel form = f.vm.editForm(f.row("dark_mode"));
            assertThat(form.canSaveProperty().get()).as("nothing changed yet").isFalse();
            form.nameProperty().set("Dark theme");
            form.save();
            assertThat(form.doneProperty().get()).isTrue();
            assertThat(f.row("dark_mode").flag().name()).isEqualTo("Dark theme");

            EditFlagDialogViewModel stale = f.vm.editForm(f.row("dark_mode"));
            db.commands("bob").setDefault(f.row("dark_mode").flag(), false, "bob");
            stale.descriptionProperty().set("new words");
            stale.save();
            assertThat(stale.doneProperty().get()).isFalse();
            assertThat(stale.errorProperty().get()).contains("was changed meanwhile");
            assertThat(f.row("dark_mode").flag().defaultEnabled()).as("the list reloaded").isFalse();
        }
    }
}
