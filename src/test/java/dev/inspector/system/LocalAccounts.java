package dev.inspector.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real local accounts for the system tests (they run as root, as .ci/run runs them): create one,
 * run a command as it with its own environment, and copy the built console where every account can
 * run it.
 */
final class LocalAccounts {

    /** What a command did. */
    record Result(int exit, String out, String err) {
    }

    private LocalAccounts() {
    }

    static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The system tests create local accounts: run them as root (.ci/run does).");
        }
    }

    static void ensure(String account) throws Exception {
        if (run(List.of("id", "-u", account), Map.of(), 10).exit() != 0) {
            Result made = run(List.of("useradd", "-m", "-s", "/bin/sh", account), Map.of(), 30);
            if (made.exit() != 0) {
                throw new IllegalStateException("useradd " + account + ": " + made.err());
            }
        }
    }

    static Path home(String account) {
        return Path.of("/home", account);
    }

    /** A folder every account may use, like /tmp: world-writable with the sticky bit. */
    static Path sharedFolder() throws Exception {
        Path shared = Files.createTempDirectory("inspector-shared");
        run(List.of("chmod", "1777", shared.toString()), Map.of(), 10);
        return shared;
    }

    /** target/inspector.jar and target/lib, copied where another account can read them. */
    static Path installConsole(Path shared) throws IOException {
        Path app = Files.createDirectories(shared.resolve("app"));
        Files.copy(Path.of("target", "inspector.jar"), app.resolve("inspector.jar"));
        Path lib = Files.createDirectories(app.resolve("lib"));
        try (var jars = Files.list(Path.of("target", "lib"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        try {
            run(List.of("chmod", "-R", "a+rX", app.toString()), Map.of(), 30);
        } catch (Exception e) {
            throw new IOException(e);
        }
        return app.resolve("inspector.jar");
    }

    /** Runs the console as {@code account}, with only the environment given (HOME set to its home). */
    static Result console(String account, Path jar, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", account, "--", "env", "-i",
                "HOME=" + home(account), "PATH=/usr/bin:/bin", "USER=" + account));
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return run(command, Map.of(), 240);
    }

    /** Runs a shell command as {@code account}. */
    static Result shell(String account, String script) throws Exception {
        return run(List.of("runuser", "-u", account, "--", "sh", "-c", script), Map.of(), 30);
    }

    static Result run(List<String> command, Map<String, String> env, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path out = Files.createTempFile("inspector-run", ".out");
        Path err = Files.createTempFile("inspector-run", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }
}
