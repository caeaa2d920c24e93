package dev.inspector.app;

import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every headless subcommand shares: the database options of the parent command, a session
 * with progress on stderr (so stdout stays for results), and one exit status per kind of failure.
 * Failures no command foresaw end in {@link ExitCodes#handler}, the one boundary of the CLI.
 */
abstract class HeadlessCommand implements Callable<Integer> {

    static final int NO = ExitCodes.NO;
    static final int BAD_INPUT = ExitCodes.BAD_INPUT;
    static final int DATABASE_UNUSABLE = ExitCodes.DATABASE_UNUSABLE;
    /** Refused because the rows moved since they were looked at; nothing was written. */
    static final int REFUSED_STATE_CHANGED = ExitCodes.REFUSED_STATE_CHANGED;

    @ParentCommand
    InspectorCommand parent;

    @Spec
    CommandSpec spec;

    /** The command's own work; return its exit status. */
    abstract int run(Session session, PrintWriter out) throws Exception;

    /** Whether progress messages are silenced (-q, before or after the command). */
    boolean quiet() {
        return parent.quiet;
    }

    @Override
    public final Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        DatabaseTarget target;
        try {
            // a command shares the embedded server of a window that is open on the same directory
            target = parent.target(true);
        } catch (DatabaseException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        try (Session session = new SessionOpener().open(target, message -> {
            if (!quiet()) {
                err.println(message);
                err.flush();
            }
        })) {
            PrintWriter out = spec.commandLine().getOut();
            int exit = run(session, out);
            out.flush();
            return exit;
        } catch (StateChangedException e) {
            err.println(e.getMessage());
            return REFUSED_STATE_CHANGED;
        } catch (DatabaseException e) {
            err.println(e.getMessage());
            return DATABASE_UNUSABLE;
        } catch (ParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
    }

    /** A usage error: reported in one line with a pointer to the command's help, exit 2. */
    ParameterException badInput(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A moment typed for --as-of, in the local time zone unless it says otherwise; refused (exit 2) if unusable. */
    java.time.OffsetDateTime pastMoment(String text) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        dev.inspector.domain.change.PastMoment.problem(text, zone, java.time.Instant.now()).ifPresent(why -> {
            throw badInput(why);
        });
        return dev.inspector.domain.change.PastMoment.parse(text, zone).orElseThrow();
    }
}
