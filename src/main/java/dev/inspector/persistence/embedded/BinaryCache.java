package dev.inspector.persistence.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded PostgreSQL binaries are unpacked: {@code $XDG_CACHE_HOME/inspector}, else
 * {@code ~/.cache/inspector}, a folder only the user can write. zonky makes its own working folder
 * writable by everyone and trusts what it finds there, so that folder ({@code postgres}) lives
 * inside this private one, where no other user can reach it.
 */
record BinaryCache(Path root) {

    static BinaryCache resolve(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".cache");
        return new BinaryCache(base.resolve("inspector").toAbsolutePath().normalize());
    }

    /** The checked working folder for zonky; refuses (one sentence) when the cache is not private. */
    Path workingDirectory() {
        return PrivateDirectory.require(root, "cache for the PostgreSQL binaries").resolve("postgres");
    }
}
