package dev.inspector.app;

import dev.inspector.persistence.ConnectionSettings;
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
            "  PGUSER=admin inspector --db-url jdbc:postgresql://db.internal:5432/app"
        })
public final class InspectorCommand implements Callable<Integer> {

    @Option(scope = ScopeType.INHERIT, names = "--db-url", paramLabel = "JDBC_URL",
            description = "Connect to an existing database instead of the embedded one.")
    String dbUrl;

    @Option(scope = ScopeType.INHERIT, names = "--data-dir", paramLabel = "DIR",
            description = {"Where the embedded database lives.", "Default: $XDG_DATA_HOME/inspector,",
                    "else ~/.local/share/inspector."})
    Path dataDir;

    @Option(scope = ScopeType.INHERIT, names = "--init-demo",
            description = "With --db-url: install the SaaS schema and demo data into that database, which must not have them yet.")
    boolean initDemo;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final String userHome;

    public InspectorCommand(Map<String, String> env, String userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    /** The command line as Main runs it, so tests parse exactly what users type. */
    public static CommandLine commandLine(Map<String, String> env, String userHome) {
        return new CommandLine(new InspectorCommand(env, userHome)).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The database the options name; validated before any window opens. */
    DatabaseTarget target() {
        if (dbUrl != null) {
            if (dataDir != null) {
                throw new DatabaseException("--data-dir is for the embedded database; it cannot be combined with --db-url.");
            }
            return new DatabaseTarget.External(ConnectionSettings.external(dbUrl, null, null, env), initDemo);
        }
        if (initDemo) {
            throw new DatabaseException("--init-demo needs --db-url: the embedded database always has the demo.");
        }
        return new DatabaseTarget.Embedded(DataDirectory.resolve(dataDir, env, userHome));
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
