package dev.inspector.domain.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.Cli;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.simulator.FlagChoice;
import dev.inspector.ui.simulator.GateSimulatorViewModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gate's words are written once ({@link ExplanationText}) and read in three places: the
 * terminal, the clipboard and the screen. These golden texts pin them on the demo data; a change
 * of wording shows here as a diff to review, and the three places cannot drift apart.
 */
@ExtendWith(PostgresExtension.class)
class GateWordingGoldenTest {

    static final UUID NORTHWIND = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID PRAIRIE = UUID.fromString("00000000-0000-0000-0000-000000000006");
    static final UUID GRACE = UUID.fromString("00000000-0000-0000-0001-000000000009");

    @Test
    void explainPrintsTheGoldenText(TestDatabase db) throws IOException {
        Cli cli = new Cli(db);
        int exit = cli.run("explain", "--tenant", "Northwind", "--user", "grace.whitfield@northwind-freight.example",
                "--flag", "advanced_analytics", "-q");

        assertThat(exit).isZero();
        assertGolden(cli.out(), "explain-northwind-grace-advanced_analytics.txt");
    }

    @Test
    void aBlockedFlagWithoutAUserPrintsTheGoldenText(TestDatabase db) throws IOException {
        Cli cli = new Cli(db);
        int exit = cli.run("explain", "--tenant", "Prairie Line", "--flag", "fuel_card_sync", "-q");

        assertThat(exit).as("blocked").isEqualTo(1);
        assertGolden(cli.out(), "explain-prairie-fuel_card_sync.txt");
    }

    @Test
    void theSimulatorCopiesWordForWordWhatTheCommandLinePrints(TestDatabase db) throws IOException {
        List<String> copied = new ArrayList<>();
        try (Session session = new SessionOpener().open(db.target(), m -> { })) {
            GateSimulatorViewModel simulator = simulator(session, copied);
            choose(simulator, NORTHWIND, GRACE, new FlagChoice("advanced_analytics"));
            simulator.copyResult();

            choose(simulator, NORTHWIND, GRACE, FlagChoice.ALL);
            simulator.copyResult();
        }

        assertThat(copied).hasSize(2);
        assertGolden(copied.get(0), "explain-northwind-grace-advanced_analytics.txt");
        assertGolden(copied.get(1), "all-flags-northwind-grace.txt");
    }

    @Test
    void theScreenShowsTheSameVerdictAndReasonWords() {
        assertThat(ExplanationText.word(true)).isEqualTo("On");
        assertThat(ExplanationText.verdict(false)).isEqualTo("BLOCKED");
        assertThat(ExplanationText.reasonWords(dev.inspector.domain.resolution.ReasonCode.KILLSWITCH_TRIPPED))
                .isEqualTo("Killswitch tripped");
    }

    private static GateSimulatorViewModel simulator(Session session, List<String> copied) {
        SessionState state = new SessionState();
        DirectTaskRunner tasks = new DirectTaskRunner();
        GateSimulatorViewModel simulator = new GateSimulatorViewModel(tasks, state, copied::add,
                new LiveGateData(tasks, state, action -> { }, Clock.systemUTC()));
        simulator.shown();
        state.replace(session);
        return simulator;
    }

    private static void choose(GateSimulatorViewModel simulator, UUID tenant, UUID user, FlagChoice flag) {
        simulator.choices().selectedTenantProperty().set(simulator.choices().tenants().stream()
                .filter(t -> t.id().equals(tenant)).findFirst().orElseThrow());
        simulator.choices().selectedUserProperty().set(simulator.choices().users().stream()
                .filter(u -> u.id().equals(user)).findFirst().orElseThrow());
        simulator.choices().selectedFlagProperty().set(flag);
    }

    /**
     * Compares with the golden text; with {@code -Dinspector.golden.update=true} writes it instead,
     * for a person to review in the diff before committing.
     */
    private static void assertGolden(String actual, String name) throws IOException {
        if (Boolean.getBoolean("inspector.golden.update")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden", name), actual);
            return;
        }
        assertThat(actual).isEqualTo(golden(name));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GateWordingGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden text " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
