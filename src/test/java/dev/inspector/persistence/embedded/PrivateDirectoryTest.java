package dev.inspector.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.failure.DatabaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders the console executes from or keeps its password in are private, or refused. (That
 * another real account cannot get in is shown by the system test with a second account.)
 */
class PrivateDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingFolderIsCreatedPrivateWithItsParents() throws Exception {
        Path dir = PrivateDirectory.require(tmp.resolve("a/b/cache"), "cache");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a")))).isEqualTo("rwx------");
    }

    @Test
    void aFolderOthersCanWriteIsRefusedNotRepaired() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PrivateDirectory.require(open, "cache for the PostgreSQL binaries"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("will not use " + open + " as its cache for the PostgreSQL binaries: other users may write into it");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwxrwxrwx");
    }

    @Test
    void aFolderUnderOneOthersCanSwapIsRefused() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx")); // like /tmp without the sticky bit

        assertThatThrownBy(() -> PrivateDirectory.require(shared.resolve("inspector"), "data directory"))
                .hasMessageContaining("the folder above it, " + shared + ", lets another user replace it");
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path target = PrivateDirectory.require(tmp.resolve("real"), "cache");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);

        assertThatThrownBy(() -> PrivateDirectory.require(link, "cache")).hasMessageContaining("it is a symbolic link");
    }

    @Test
    void theBinariesGoToTheUsersOwnCacheNeverToTheSharedTemporaryFolder() {
        assertThat(BinaryCache.resolve(Map.of("XDG_CACHE_HOME", "/home/ana/.cache"), "/home/ana").root())
                .isEqualTo(Path.of("/home/ana/.cache/inspector"));
        assertThat(BinaryCache.resolve(Map.of(), "/home/ana").root()).isEqualTo(Path.of("/home/ana/.cache/inspector"));
    }
}
