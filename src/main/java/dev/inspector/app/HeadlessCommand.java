package dev.inspector.app;

import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every headless subcommand shares: the database options of the parent command, a session
 * with progress on stderr (so stdout stays for results), and one exit status per kind of failure.
 */
abstract class HeadlessCommand implements Callable<Integer> {

    static final int NO = 1;
    static final int BAD_INPUT = 2;
    static final int DATABASE_UNUSABLE = 4;
    /** Refused because the rows moved since they were looked at; nothing was written. */
    static final int REFUSED_STATE_CHANGED = 5;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    boolean quiet;

    @ParentCommand
    InspectorCommand parent;

    @Spec
    CommandSpec spec;

    /** The command's own work; return its exit status. */
    abstract int run(Session session, PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (Session session = new SessionOpener().open(parent.target(), message -> {
            if (!quiet) {
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

    /** A usage error: picocli prints it and exits with 2. */
    ParameterException badInput(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
