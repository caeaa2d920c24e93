package dev.inspector.service;

import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.embedded.DataDirectory;

/** Which database a session opens: the embedded demo, or an existing one. */
public sealed interface DatabaseTarget {

    record Embedded(DataDirectory directory) implements DatabaseTarget {
    }

    record External(ConnectionSettings settings, boolean initDemo) implements DatabaseTarget {
    }
}
