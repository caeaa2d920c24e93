package dev.inspector.service;

import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.embedded.DataDirectory;

/** Which database a session opens: the embedded demo, or an existing one. */
public sealed interface DatabaseTarget {

    /** @param shareRunning whether to use the server of a console already open on the directory (commands do) */
    record Embedded(DataDirectory directory, boolean shareRunning) implements DatabaseTarget {

        public Embedded(DataDirectory directory) {
            this(directory, false);
        }
    }

    record External(ConnectionSettings settings, boolean initDemo) implements DatabaseTarget {
    }

    /**
     * An existing database by JDBC URL; user and password may be null (then the URL's, else
     * PGUSER / PGPASSWORD from {@code env}). An unreadable URL is a {@code DatabaseException}.
     */
    static DatabaseTarget external(String jdbcUrl, String user, String password, java.util.Map<String, String> env,
                                   boolean initDemo) {
        return new External(ConnectionSettings.external(jdbcUrl, user, password, env), initDemo);
    }
}
