package dev.inspector.app;

import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.domain.failure.StateChangedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/**
 * The exit statuses of every command, and the one boundary that turns whatever escapes a command
 * into one sentence and one of them. A stack trace is printed only with --verbose.
 */
final class ExitCodes {

    static final int OK = 0;
    /** "No": blocked, findings at or above the threshold, nothing left to restore. */
    static final int NO = 1;
    static final int BAD_INPUT = 2;
    static final int NO_DISPLAY = 3;
    static final int DATABASE_UNUSABLE = 4;
    /** Refused: rows changed since they were looked at; nothing was written. */
    static final int REFUSED_STATE_CHANGED = 5;
    /** Something Inspector did not foresee: a bug, reported in one sentence (details with --verbose). */
    static final int UNEXPECTED = 10;

    private ExitCodes() {
    }

    /** A usage error: its reason and where to read more, not the whole help. */
    static IParameterExceptionHandler usage() {
        return (e, args) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(e.getMessage());
            err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return BAD_INPUT;
        };
    }

    /** Whatever a command did not handle itself. */
    static IExecutionExceptionHandler handler(boolean verbose) {
        return (e, command, parseResult) -> {
            PrintWriter err = command.getErr();
            int code;
            String sentence;
            if (e instanceof StateChangedException) {
                code = REFUSED_STATE_CHANGED;
                sentence = e.getMessage();
            } else if (e instanceof DatabaseException) {
                code = DATABASE_UNUSABLE;
                sentence = e.getMessage();
            } else if (e instanceof IllegalArgumentException) {
                code = BAD_INPUT;
                sentence = e.getMessage();
            } else if (e instanceof IOException || e instanceof UncheckedIOException) {
                code = BAD_INPUT;
                sentence = "Cannot read or write a file: " + rootMessage(e) + ".";
            } else if (e instanceof RuntimeException runtime
                    && (cause(e, SQLException.class) || cause(e, org.jooq.exception.DataAccessException.class))) {
                code = DATABASE_UNUSABLE;
                sentence = dev.inspector.service.DataAccessFailures.explain("The command", runtime).getMessage();
            } else {
                code = UNEXPECTED;
                sentence = "Inspector failed unexpectedly: " + rootMessage(e) + " (run again with --verbose for the details).";
            }
            err.println(sentence);
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        };
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, on one line. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }
}
