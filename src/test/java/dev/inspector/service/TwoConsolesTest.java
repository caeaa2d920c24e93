package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.persistence.StateChangedException;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two sessions on one database, as two consoles of two admins would be. */
@ExtendWith(PostgresExtension.class)
class TwoConsolesTest {

    @Test
    void aCommittedChangeReachesTheOtherConsoleAndAStaleWriteIsRefused(TestDatabase db) throws Exception {
        SessionOpener opener = new SessionOpener();
        try (Session a = opener.open(db.target(), m -> { }); Session b = opener.open(db.target(), m -> { })) {
            LinkedBlockingQueue<String> seenByB = new LinkedBlockingQueue<>();
            b.onCommittedChange(seenByB::add);

            a.flagCommands().setChannel("eld_hos_dashboard", ReleaseChannel.GENERAL, Optional.of(false),
                    Optional.of(true), "promote");

            assertThat(seenByB.poll(10, TimeUnit.SECONDS)).isEqualTo("eld_hos_dashboard");
            assertThatThrownBy(() -> b.flagCommands().setChannel("eld_hos_dashboard", ReleaseChannel.GENERAL,
                    Optional.of(false), Optional.of(false), "B still saw it off"))
                    .isInstanceOf(StateChangedException.class);
        }
    }

    @Test
    void aRolledBackChangeIsNeverAnnounced(TestDatabase db) throws Exception {
        SessionOpener opener = new SessionOpener();
        try (Session a = opener.open(db.target(), m -> { }); Session b = opener.open(db.target(), m -> { })) {
            LinkedBlockingQueue<String> seenByB = new LinkedBlockingQueue<>();
            b.onCommittedChange(seenByB::add);

            assertThatThrownBy(() -> a.flagCommands().setChannel("eld_hos_dashboard", ReleaseChannel.PILOT,
                    Optional.of(false), Optional.of(true), "stale"))
                    .isInstanceOf(StateChangedException.class);

            assertThat(seenByB.poll(2, TimeUnit.SECONDS)).isNull();
        }
    }
}
