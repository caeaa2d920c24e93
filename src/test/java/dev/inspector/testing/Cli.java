package dev.inspector.testing;

import dev.inspector.app.InspectorCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code inspector} command lines in this JVM against a test database, capturing what they print. */
public final class Cli {

    private final TestDatabase db;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    public Cli(TestDatabase db) {
        this.db = db;
    }

    /** Runs {@code inspector COMMAND --db-url … ARGS…} with credentials in PGUSER/PGPASSWORD; returns the exit status. */
    public int run(String command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> env = Map.of("PGUSER", db.settings().user(), "PGPASSWORD", db.settings().password());
        List<String> all = new ArrayList<>();
        all.add(command);
        all.add("--db-url=" + db.settings().jdbcUrl());
        all.addAll(List.of(args));
        return InspectorCommand.commandLine(env, "/nonexistent")
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all.toArray(String[]::new));
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }
}
