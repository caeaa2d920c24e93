package dev.inspector.app;

import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.persistence.embedded.DataDirectory;
import dev.inspector.service.DatabaseTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inspector} with no subcommand opens the window. */
@Command(name = "inspector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ExplainCommand.class, MatrixCommand.class, KillCommand.class, KillswitchCommand.class, RestoreCommand.class,
            GrantCommand.class, RevokeCommand.class, MoveTenantCommand.class, ArchiveCommand.class,
            ArchiveCommand.Unarchive.class, ReleaseNotesCommand.class,
            AuditCommand.class},
        sortOptions = false,
        description = {
            "Release control and tenant isolation console for a multi-tenant SaaS on PostgreSQL.",
            "",
            "With no options it opens the window on an embedded PostgreSQL with demo data."
        },
        footer = {
            "",
            "Credentials for --db-url: the URL's user and password parameters,",
            "else PGUSER and PGPASSWORD, else ~/.pgpass (or PGPASSFILE), as psql does.",
            "",
            "Examples:",
            "  inspector",
            "  inspector --data-dir /tmp/inspector-demo",
            "  PGUSER=admin inspector --db-url jdbc:postgresql://db.internal:5432/app",
            "",
            "Exit status: 0 ok, 1 no (blocked, findings, nothing to restore), 2 bad input, 3 no display,",
            "4 database unusable, 5 refused: the state changed meanwhile (nothing written), 10 unexpected failure."
        })
public final class InspectorCommand implements Callable<Integer> {

    @Option(scope = ScopeType.INHERIT, names = "--db-url", paramLabel = "JDBC_URL",
            description = "Connect to an existing database instead of the embedded one.")
    String dbUrl;

    @Option(scope = ScopeType.INHERIT, names = "--data-dir", paramLabel = "DIR",
            description = {"Where the embedded database lives.", "Default: $XDG_DATA_HOME/inspector,",
                    "else ~/.local/share/inspector."})
    Path dataDir;

    @Option(scope = ScopeType.INHERIT, names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    boolean quiet;

    @Option(scope = ScopeType.INHERIT, names = "--verbose",
            description = "Log what the libraries say, and print the details of an unexpected failure.")
    boolean verbose;

    @Option(scope = ScopeType.INHERIT, names = "--init-demo",
            description = "With --db-url: install the SaaS schema and demo data into that database, which must not have them yet.")
    boolean initDemo;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final String userHome;
    /** The process's standard output as bytes, for output too large to go through a writer; null when captured as text. */
    java.io.OutputStream stdout;

    public InspectorCommand(Map<String, String> env, String userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    /** The command line as Main runs it, so tests parse exactly what users type. */
    public static CommandLine commandLine(Map<String, String> env, String userHome) {
        return commandLine(env, userHome, null);
    }

    /** As above; {@code stdout}: where bulk output (a matrix to "-") goes as bytes, past the text writer. */
    public static CommandLine commandLine(Map<String, String> env, String userHome, java.io.OutputStream stdout) {
        InspectorCommand root = new InspectorCommand(env, userHome);
        root.stdout = stdout;
        CommandLine line = new CommandLine(root).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(ExitCodes.usage());
        // --verbose is known only after parsing; the handler asks the parsed command when it runs
        return line.setExecutionExceptionHandler((e, command, result) ->
                ExitCodes.handler(root.verbose).handleExecutionException(e, command, result));
    }

    /** The database the options name (for the window: its own embedded server); validated before any window opens. */
    DatabaseTarget target() {
        return target(false);
    }

    /** As {@link #target()}; {@code shareRunning}: a command may use the server of a window open on the same directory. */
    DatabaseTarget target(boolean shareRunning) {
        if (dbUrl != null) {
            if (dataDir != null) {
                throw new DatabaseException("--data-dir is for the embedded database; it cannot be combined with --db-url.");
            }
            return DatabaseTarget.external(dbUrl, null, null, env, initDemo);
        }
        if (initDemo) {
            throw new DatabaseException("--init-demo needs --db-url: the embedded database always has the demo.");
        }
        return new DatabaseTarget.Embedded(DataDirectory.resolve(dataDir, env, userHome), shareRunning);
    }

    @Override
    public Integer call() {
        DatabaseTarget target;
        try {
            target = target();
        } catch (DatabaseException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        return new DesktopLauncher(spec.commandLine().getErr()).run(new CompositionRoot(target, env));
    }
}
