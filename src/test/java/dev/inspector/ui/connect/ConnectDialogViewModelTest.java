package dev.inspector.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.service.DatabaseTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectDialogViewModelTest {

    @Test
    void rejectsUrlsThatAreNotPostgres() {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(Map.of());
        vm.urlProperty().set("jdbc:mysql://db/app");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get()).isEqualTo("The URL must start with jdbc:postgresql:");
        assertThat(vm.target()).isEmpty();

        vm.urlProperty().set(" ");
        assertThat(vm.validationMessageProperty().get()).isEqualTo("Enter a JDBC URL.");
    }

    @Test
    void emptyCredentialsFallBackToTheEnvironment() {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(Map.of("PGUSER", "ops", "PGPASSWORD", "s3cret"));
        vm.urlProperty().set("jdbc:postgresql://db.internal:5432/app");
        vm.initDemoProperty().set(true);

        DatabaseTarget.External target = (DatabaseTarget.External) vm.target().orElseThrow();

        assertThat(target.settings().user()).isEqualTo("ops");
        assertThat(target.settings().password()).isEqualTo("s3cret");
        assertThat(target.settings().label()).isEqualTo("db.internal:5432/app");
        assertThat(target.initDemo()).isTrue();
    }

    @Test
    void typedCredentialsWin() {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(Map.of("PGUSER", "ops"));
        vm.urlProperty().set("jdbc:postgresql://db/app?sslmode=require");
        vm.userProperty().set("admin");
        vm.passwordProperty().set("pw");

        DatabaseTarget.External target = (DatabaseTarget.External) vm.target().orElseThrow();

        assertThat(target.settings().user()).isEqualTo("admin");
        assertThat(target.settings().password()).isEqualTo("pw");
        assertThat(target.settings().label()).as("no parameters in the label").isEqualTo("db:5432/app");
    }
}
