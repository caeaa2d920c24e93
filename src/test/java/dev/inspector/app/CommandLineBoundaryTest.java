package dev.inspector.app;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure of a command is one plain sentence on stderr and a documented exit status: bad
 * input is refused before anything reaches the database, usage errors point at the help instead of
 * printing it, and global options work before or after the command.
 */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ)
class CommandLineBoundaryTest {

    private StringWriter out;
    private StringWriter err;

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return InspectorCommand.commandLine(env, "/nonexistent")
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private int run(TestDatabase db, String... args) {
        return run(Map.of("PGUSER", db.settings().user(), "PGPASSWORD", db.settings().password()), args);
    }

    private void oneSentence() {
        assertThat(err.toString().strip().lines().count()).as(err.toString()).isLessThanOrEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception", "\tat ", "Usage:");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand(TestDatabase db) {
        String url = "--db-url=" + db.settings().jdbcUrl();
        assertThat(run(db, "-q", url, "matrix", "--flag", "dark_mode", "--csv", "-")).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(run(db, "matrix", "--flag", "dark_mode", "--csv", "-", url, "-q")).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(run(db, "matrix", "--flag", "dark_mode", "--csv", "-", url)).isZero();
        assertThat(err.toString()).as("progress without -q").contains("Connecting to");
    }

    @Test
    void aUsageErrorSaysWhatIsWrongAndWhereTheHelpIsNotTheWholeHelp(TestDatabase db) {
        assertThat(run(db, "kill", "--db-url=" + db.settings().jdbcUrl())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required").contains("See 'inspector kill --help'.");
        oneSentence();
        assertThat(run(db, "--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'").contains("See 'inspector --help'.");
    }

    @Test
    void inputThatCannotMeanAnythingIsRefusedBeforeTheDatabaseSeesIt(TestDatabase db, @TempDir Path dir) {
        String url = "--db-url=" + db.settings().jdbcUrl();
        assertThat(run(db, "matrix", "--db-url=garbage", "--csv", "-")).isEqualTo(2);
        assertThat(err.toString()).startsWith("'garbage' is not a PostgreSQL JDBC URL");
        oneSentence();

        assertThat(run(db, "audit", url, "-q", "--tenant-column", "x".repeat(5000))).isEqualTo(2);
        assertThat(err.toString()).contains("at most 63 bytes");
        oneSentence();

        assertThat(run(db, "kill", "dark_mode", url, "-q", "--reason", "r".repeat(10_000))).isEqualTo(2);
        assertThat(err.toString()).contains("The reason is too long").contains("Nothing was written");
        oneSentence();

        assertThat(run(db, "explain", url, "-q", "--tenant", "Prairie Line", "--flag", "no_such_flag")).isEqualTo(2);
        assertThat(err.toString()).contains("No flag has the key 'no_such_flag'.");

        assertThat(run(db, "matrix", url, "-q", "--csv", dir.resolve("missing/folder/m.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Cannot read or write a file:");
        oneSentence();
    }

    @Test
    void aRejectedPasswordNamesTheUserTheUrlGaveNotTheEnvironmentsOne(TestDatabase db) {
        String url = db.settings().jdbcUrl() + "?user=" + db.settings().user() + "&password=wrong";
        assertThat(run(Map.of("PGUSER", "someone_else"), "matrix", "--db-url=" + url, "--csv", "-", "-q")).isEqualTo(4);
        assertThat(err.toString()).contains("rejected the password of user '" + db.settings().user() + "'")
                .doesNotContain("someone_else");
        oneSentence();
    }
}
