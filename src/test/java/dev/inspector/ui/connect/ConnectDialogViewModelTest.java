package dev.inspector.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.service.DatabaseTarget;
import dev.inspector.testing.MemorySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectDialogViewModelTest {

    @Test
    void rejectsUrlsThatAreNotPostgres() {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(Map.of(), new MemorySettings());
        vm.urlProperty().set("jdbc:mysql://db/app");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get()).isEqualTo("The URL must start with jdbc:postgresql:");
        assertThat(vm.target()).isEmpty();

        vm.urlProperty().set(" ");
        assertThat(vm.validationMessageProperty().get()).isEqualTo("Enter a JDBC URL.");
    }

    @Test
    void emptyCredentialsFallBackToTheEnvironment() {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(Map.of("PGUSER", "ops", "PGPASSWORD", "s3cret"), new MemorySettings());
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
        ConnectDialogViewModel vm = new ConnectDialogViewModel(Map.of("PGUSER", "ops"), new MemorySettings());
        vm.urlProperty().set("jdbc:postgresql://db/app?sslmode=require");
        vm.userProperty().set("admin");
        vm.passwordProperty().set("pw");

        DatabaseTarget.External target = (DatabaseTarget.External) vm.target().orElseThrow();

        assertThat(target.settings().user()).isEqualTo("admin");
        assertThat(target.settings().password()).isEqualTo("pw");
        assertThat(target.settings().label()).as("no parameters in the label").isEqualTo("db:5432/app");
    }

    @Test
    void theUrlsConnectedToAreOfferedNextTimeNewestFirstAndNeverWithTheirPassword() {
        MemorySettings settings = new MemorySettings();
        for (int i = 1; i <= 7; i++) {
            ConnectDialogViewModel vm = new ConnectDialogViewModel(Map.of(), settings);
            vm.urlProperty().set("jdbc:postgresql://db" + i + ".internal:5432/app?user=ops&password=s3cret&ssl=true");
            assertThat(vm.target()).isPresent();
        }

        ConnectDialogViewModel next = new ConnectDialogViewModel(Map.of(), settings);

        assertThat(next.urlProperty().get()).isEqualTo("jdbc:postgresql://db7.internal:5432/app?user=ops&ssl=true");
        assertThat(next.recentUrls()).hasSize(ConnectDialogViewModel.MAX_RECENT).first().isEqualTo(next.urlProperty().get());
        assertThat(settings.values.values()).noneMatch(v -> v.contains("s3cret"));
        assertThat(ConnectDialogViewModel.withoutPassword("jdbc:postgresql://h/db?password=x")).isEqualTo("jdbc:postgresql://h/db");
        assertThat(ConnectDialogViewModel.withoutPassword("jdbc:postgresql://h/db?PASSWORD=x&user=a")).isEqualTo("jdbc:postgresql://h/db?user=a");
    }
}
