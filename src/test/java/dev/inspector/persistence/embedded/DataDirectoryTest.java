package dev.inspector.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void explicitDirectoryWins() {
        assertThat(DataDirectory.resolve(Path.of("/srv/insp"), Map.of("XDG_DATA_HOME", "/x"), "/home/a").root())
                .isEqualTo(Path.of("/srv/insp"));
    }

    @Test
    void followsXdgDataHome() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data/me"), "/home/a").root())
                .isEqualTo(Path.of("/data/me/inspector"));
    }

    @Test
    void fallsBackToLocalShareUnderHome() {
        assertThat(DataDirectory.resolve(null, Map.of(), "/home/a").root())
                .isEqualTo(Path.of("/home/a/.local/share/inspector"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", " "), "/home/a").root())
                .isEqualTo(Path.of("/home/a/.local/share/inspector"));
    }
}
