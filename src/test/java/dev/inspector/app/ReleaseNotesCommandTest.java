package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.testing.Cli;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestPostgres;
import dev.inspector.testing.TestDatabase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code inspector release-notes}: the change history of a period as Markdown a reason cannot break. */
@ExtendWith(PostgresExtension.class)
class ReleaseNotesCommandTest {

    @Test
    void aPeriodListsItsChangesBySectionWithTheirReasonsEscaped(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            Cli cli = new Cli(db);
            assertThat(cli.run("kill", "customer_portal", "--reason", "*urgent* see [ticket](http://x) #42", "-q")).isZero();
            assertThat(cli.run("restore", "customer_portal", "--reason", "fixed upstream", "-q")).isZero();
            assertThat(cli.run("grant", "--tenant", "Northwind", "--user", "grace.whitfield@northwind-freight.example",
                    "--flag", "carrier_payments", "--reason", "trial", "-q")).isZero();
            String today = LocalDate.now().toString();

            assertThat(cli.run("release-notes", "--from", today, "-q")).as(cli.err()).isZero();

            String notes = cli.out();
            assertThat(notes).startsWith("# Release notes, " + today + " to " + today + "\n\n");
            assertThat(notes).contains("## Rolled back\n\n").contains("## Restored\n\n").contains("## User grants\n\n");
            assertThat(notes.indexOf("## Restored")).as("incident sections first").isLessThan(notes.indexOf("## User grants"));
            assertThat(notes).containsPattern("- \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d · `customer_portal` · rollback:killswitch by .+: "
                    + "\\\\\\*urgent\\\\\\* see \\\\\\[ticket\\\\\\]\\(http://x\\) #42 \\(change \\d+\\)");
            assertThat(notes.indexOf("## Rolled back")).isLessThan(notes.indexOf("## Restored"));
        }
    }

    @Test
    void anEmptyPeriodAndBadDates(TestDatabase db) {
        Cli cli = new Cli(db);
        assertThat(cli.run("release-notes", "--from", "2020-01-01", "--until", "2020-01-31", "-q")).isZero();
        assertThat(cli.out()).isEqualTo("# Release notes, 2020-01-01 to 2020-01-31\n\nNo recorded changes in this period.\n");
        assertThat(cli.run("release-notes", "--from", "yesterday")).isEqualTo(2);
        assertThat(cli.err()).contains("--from 'yesterday' is not a date like 2026-12-01.");
        assertThat(cli.run("release-notes", "--from", "2026-02-01", "--until", "2026-01-01")).isEqualTo(2);
    }
}
