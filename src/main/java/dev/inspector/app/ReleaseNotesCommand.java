package dev.inspector.app;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.wording.ReleaseNotes;
import dev.inspector.service.Session;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inspector release-notes}: what changed in a period, as Markdown, from the change history. */
@Command(name = "release-notes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Release notes for a period from the change history, as Markdown on stdout: what was promoted, "
                + "rolled back, killed, restored or otherwise changed, when, by whom and why.",
        footer = {"", "Exit status: 0, 2 bad input, 4 database unusable."})
final class ReleaseNotesCommand extends HeadlessCommand {

    static final int MOST = 100_000;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (local time).")
    String from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day, included; default today.")
    String until;

    @Override
    int run(Session session, PrintWriter out) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate first = day(from, "--from");
        LocalDate last = until == null ? LocalDate.now(zone) : day(until, "--until");
        if (last.isBefore(first)) {
            throw badInput("--until " + last + " is before --from " + first + ".");
        }
        List<ChangeRecord> changes = session.history().between(first.atStartOfDay(zone).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), MOST);
        out.print(ReleaseNotes.markdown(changes, first, last, zone));
        if (changes.size() == MOST) {
            out.println("(Only the newest " + MOST + " changes of the period are listed: choose a shorter period.)");
        }
        return 0;
    }

    private LocalDate day(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw badInput(option + " '" + text + "' is not a date like 2026-12-01.");
        }
    }
}
