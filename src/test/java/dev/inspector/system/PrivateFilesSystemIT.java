package dev.inspector.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second, unprivileged local account against the console of the first, on a shared /tmp-like
 * folder: it cannot plant the PostgreSQL binaries the console runs, cannot prepare a data
 * directory for it, and cannot read, change or swap anything the console keeps.
 */
class PrivateFilesSystemIT {

    private static final String OWNER = "inspector-owner";
    private static final String INTRUDER = "inspector-intruder";
    private static Path shared;
    private static Path jar;

    @BeforeAll
    static void accounts() throws Exception {
        LocalAccounts.requireRoot();
        LocalAccounts.ensure(OWNER);
        LocalAccounts.ensure(INTRUDER);
        shared = LocalAccounts.sharedFolder();
        jar = LocalAccounts.installConsole(shared);
    }

    /** The folder name zonky derives from the binaries: what an attacker would prepare. */
    private static String binariesFolder() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream in = PrivateFilesSystemIT.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            md5.update(in.readAllBytes());
        }
        return "PG-" + HexFormat.of().formatHex(md5.digest());
    }

    @Test
    void binariesPlantedByAnotherAccountAreNeverRun() throws Exception {
        Path cache = shared.resolve("cache-owner");
        Path planted = cache.resolve("inspector/postgres/" + binariesFolder());
        Path pwned = shared.resolve("pwned-by-binaries");
        String evil = "#!/bin/sh\ntouch " + pwned + "\nexit 1\n";
        LocalAccounts.Result prepared = LocalAccounts.shell(INTRUDER, "mkdir -p " + planted + "/bin && chmod -R 777 " + cache
                + " && for f in initdb postgres pg_ctl; do printf '" + evil.replace("\n", "\\n") + "' > " + planted
                + "/bin/$f; chmod 755 " + planted + "/bin/$f; done && touch " + planted + "/.exists");
        assertThat(prepared.exit()).as(prepared.err()).isZero();

        LocalAccounts.Result run = LocalAccounts.console(OWNER, jar, Map.of("XDG_CACHE_HOME", cache.toString()),
                "matrix", "--data-dir", shared.resolve("data-owner-1").toString(), "--csv", "-");

        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        assertThat(run.err().strip()).contains("will not use " + cache.resolve("inspector") + " as its cache for the PostgreSQL "
                + "binaries: it belongs to " + INTRUDER).doesNotContain("Exception");
        assertThat(pwned).as("the planted pg_ctl never ran").doesNotExist();
    }

    @Test
    void aDataDirectoryPreparedByAnotherAccountIsRefused() throws Exception {
        Path data = shared.resolve("data-prepared");
        Path pwned = shared.resolve("pwned-by-config");
        LocalAccounts.Result prepared = LocalAccounts.shell(INTRUDER, "mkdir -p " + data + "/pgdata && chmod -R 777 " + data
                + " && echo \"archive_mode = on\narchive_command = 'touch " + pwned + "'\" > " + data + "/pgdata/postgresql.conf");
        assertThat(prepared.exit()).as(prepared.err()).isZero();

        LocalAccounts.Result run = LocalAccounts.console(OWNER, jar, Map.of(), "matrix", "--data-dir", data.toString(),
                "--csv", "-");

        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("will not use " + data + " as its data directory: it belongs to " + INTRUDER);
        assertThat(pwned).doesNotExist();
    }

    @Test
    void whatTheConsoleKeepsIsClosedToAnotherAccount() throws Exception {
        Path data = shared.resolve("data-owner-2");
        LocalAccounts.Result run = LocalAccounts.console(OWNER, jar, Map.of(), "matrix", "--data-dir", data.toString(),
                "--flag", "dark_mode", "--csv", "-", "-q");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("dark_mode");
        Path cache = LocalAccounts.home(OWNER).resolve(".cache/inspector");
        assertThat(Files.isDirectory(cache.resolve("postgres"))).as("the binaries went to the owner's own cache").isTrue();

        for (String attempt : new String[] {
            "ls " + cache,
            "touch " + cache.resolve("postgres/planted"),
            "cat " + data.resolve("db-password"),
            "ls " + data.resolve("pgdata"),
            "touch " + data.resolve("pgdata/postgresql.auto.conf"),
            "mv " + data + " " + shared.resolve("stolen"),
            "rm -rf " + data}) {
            LocalAccounts.Result tried = LocalAccounts.shell(INTRUDER, attempt);
            assertThat(tried.exit()).as(INTRUDER + ": " + attempt + " must be refused").isNotZero();
        }
        assertThat(Files.exists(data.resolve("db-password"))).isTrue();
        LocalAccounts.Result again = LocalAccounts.console(OWNER, jar, Map.of(), "matrix", "--data-dir", data.toString(),
                "--flag", "dark_mode", "--csv", "-", "-q");
        assertThat(again.exit()).as(again.err()).isZero();
    }
}
