package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the roles script the tests run, word for word. */
class ReadmeTest {

    @Test
    void theRolesScriptInTheReadmeIsTheOneTheTestsRun() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String script = Files.readString(Path.of("docs", "inspector-roles.sql"));

        assertThat(readme).contains("```sql\n" + script + "```");
    }
}
