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
}
