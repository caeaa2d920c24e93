package dev.inspector.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.service.SessionOpener;
import dev.inspector.service.Session;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.ui.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ReleaseControlViewModelTest {

    @Test
    void loadsTheFlagsWhenASessionArrives(TestDatabase db) {
        SessionState state = new SessionState();
        ReleaseControlViewModel vm = new ReleaseControlViewModel(new DirectTaskRunner(), state);

        try (Session session = new SessionOpener().open(db.target(), m -> { })) {
            state.replace(session);

            assertThat(vm.visibleFlags()).hasSize(15);
            assertThat(vm.summaryProperty().get()).isEqualTo("15 flags");
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.loadingProperty().get()).isFalse();
        }
    }

    @Test
    void searchFiltersByKeyNameOrDescriptionIgnoringCase(TestDatabase db) {
        SessionState state = new SessionState();
        ReleaseControlViewModel vm = new ReleaseControlViewModel(new DirectTaskRunner(), state);
        try (Session session = new SessionOpener().open(db.target(), m -> { })) {
            state.replace(session);

            vm.searchTextProperty().set("no such flag");
            assertThat(vm.visibleFlags()).isEmpty();
            assertThat(vm.summaryProperty().get()).isEqualTo("0 of 15 flags");

            vm.searchTextProperty().set("KiLl");
            assertThat(vm.visibleFlags()).as("descriptions count too").extracting(f -> f.flag().key())
                    .containsExactlyInAnyOrder("carrier_payments", "fuel_card_sync");

            vm.searchTextProperty().set("fuel");
            assertThat(vm.visibleFlags()).extracting(f -> f.flag().key()).containsExactly("fuel_card_sync");
            assertThat(vm.summaryProperty().get()).isEqualTo("1 of 15 flags");

            vm.searchTextProperty().set("  ");
            assertThat(vm.visibleFlags()).hasSize(15);
        }
    }

    @Test
    void aDatabaseThatWentAwayBecomesAPlainErrorAndKeepsTheOldList(TestDatabase db) {
        SessionState state = new SessionState();
        ReleaseControlViewModel vm = new ReleaseControlViewModel(new DirectTaskRunner(), state);
        Session session = new SessionOpener().open(db.target(), m -> { });
        state.replace(session);
        assertThat(vm.visibleFlags()).hasSize(15);

        session.database().close(); // the pool is gone, as if the server vanished
        vm.refresh();

        assertThat(vm.errorProperty().get()).startsWith("Loading the flags failed");
        assertThat(vm.visibleFlags()).hasSize(15);
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
