package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.service.DatabaseTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InspectorCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(InspectorCommand command) {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    @Test
    void helpListsTheOptions() {
        int exit = cli(new InspectorCommand(Map.of(), "/home/a")).execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--db-url", "--data-dir", "--init-demo", "--version", "PGPASSWORD");
    }

    @Test
    void versionNamesTheBuild() {
        int exit = cli(new InspectorCommand(Map.of(), "/home/a")).execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Inspector ").doesNotContain("${");
    }

    @Test
    void noOptionsMeansTheEmbeddedDatabaseInTheXdgDirectory() {
        InspectorCommand command = new InspectorCommand(Map.of("XDG_DATA_HOME", "/d"), "/home/a");
        cli(command).parseArgs();

        DatabaseTarget target = command.target();

        assertThat(target).isInstanceOf(DatabaseTarget.Embedded.class);
        assertThat(((DatabaseTarget.Embedded) target).directory().root()).isEqualTo(Path.of("/d/inspector"));
    }

    @Test
    void dbUrlTakesCredentialsFromTheEnvironment() {
        InspectorCommand command = new InspectorCommand(Map.of("PGUSER", "ops"), "/home/a");
        cli(command).parseArgs("--db-url", "jdbc:postgresql://db/app", "--init-demo");

        DatabaseTarget.External target = (DatabaseTarget.External) command.target();

        assertThat(target.settings().user()).isEqualTo("ops");
        assertThat(target.initDemo()).isTrue();
    }

    @Test
    void contradictoryOptionsAreRefusedWithAReasonAndExitCodeTwo() {
        int exit = cli(new InspectorCommand(Map.of(), "/home/a")).execute("--init-demo");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--init-demo needs --db-url");

        InspectorCommand both = new InspectorCommand(Map.of(), "/home/a");
        cli(both).parseArgs("--db-url", "jdbc:postgresql://db/app", "--data-dir", "/x");
        Assertions.assertThatThrownBy(both::target).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("cannot be combined");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        int exit = cli(new InspectorCommand(Map.of(), "/home/a")).execute("--frobnicate");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }
}
