package dev.inspector.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the embedded database keeps its files: {@code --data-dir}, else {@code $XDG_DATA_HOME/inspector},
 * else {@code ~/.local/share/inspector}. The folder is private to its owner (0700), like PGDATA itself.
 */
public record DataDirectory(Path root) {

    public static DataDirectory resolve(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) {
            return new DataDirectory(explicit.toAbsolutePath().normalize());
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return new DataDirectory(base.resolve("inspector").toAbsolutePath().normalize());
    }

    public Path pgData() {
        return root.resolve("pgdata");
    }

    public Path passwordFile() {
        return root.resolve("db-password");
    }

    public Path lockFile() {
        return root.resolve("console.lock");
    }

    /** The running server's port, written by the console that owns it, so commands can share it. */
    public Path portFile() {
        return root.resolve("server.port");
    }

    public Path serverLog() {
        return root.resolve("postgres.log");
    }

    /**
     * Creates the folder (0700) if needed and refuses one another local user could have prepared:
     * the server's configuration and password live here, and a configuration can run commands.
     */
    public void prepare() throws IOException {
        PrivateDirectory.require(root, "data directory");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    }
}
