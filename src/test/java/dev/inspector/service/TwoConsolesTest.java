package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.change.ChangeFeed;
import dev.inspector.domain.change.ChangeNotice;
import dev.inspector.domain.failure.StateChangedException;
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
            LinkedBlockingQueue<ChangeNotice> seenByB = new LinkedBlockingQueue<>();
            b.onCommittedChange(seenByB::add);
            // through PgBouncer in transaction mode a LISTEN hears nothing: the console polls, and still hears
            assertThat(b.changeFeed()).as("a direct connection can LISTEN; a pooled one polls")
                    .isEqualTo(db.server().pooled() ? ChangeFeed.POLLING : ChangeFeed.LIVE);

            long change = a.flagCommands().setChannel("eld_hos_dashboard", ReleaseChannel.INTERNAL, Optional.of(true),
                    Optional.of(false), "dashboard times out").changeId();

            ChangeNotice notice = seenByB.poll(10, TimeUnit.SECONDS);
            assertThat(notice).isNotNull();
            assertThat(notice.changeSetId()).isEqualTo(change);
            assertThat(notice.flagKey()).isEqualTo("eld_hos_dashboard");
            assertThat(notice.from(a.consoleId())).as("B can tell it came from A").isTrue();
            assertThat(notice.from(b.consoleId())).isFalse();
            assertThatThrownBy(() -> b.flagCommands().setChannel("eld_hos_dashboard", ReleaseChannel.INTERNAL,
                    Optional.of(true), Optional.of(false), "B still saw it on"))
                    .isInstanceOf(StateChangedException.class);
        }
    }

    @Test
    void aRolledBackChangeIsNeverAnnounced(TestDatabase db) throws Exception {
        SessionOpener opener = new SessionOpener();
        try (Session a = opener.open(db.target(), m -> { }); Session b = opener.open(db.target(), m -> { })) {
            LinkedBlockingQueue<ChangeNotice> seenByB = new LinkedBlockingQueue<>();
            b.onCommittedChange(seenByB::add);

            assertThatThrownBy(() -> a.flagCommands().setChannel("temperature_alerts", ReleaseChannel.INTERNAL,
                    Optional.of(false), Optional.of(false), "stale: internal is on"))
                    .isInstanceOf(StateChangedException.class);

            assertThat(seenByB.poll(2, TimeUnit.SECONDS)).isNull();
        }
    }
}
