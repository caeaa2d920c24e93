package dev.inspector.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One name per control: the fx:id is the field a view binds and, because FXMLLoader copies it, the
 * id tests and styles look up. A second, different {@code id} made two names for one control, and
 * an id used twice in one scene made a lookup find the wrong control.
 */
class FxmlIdsTest {

    private static final Path FXML = Path.of("fxml");
    private static final Pattern TAG = Pattern.compile("<[A-Za-z][^>]*>");
    private static final Pattern FX_ID = Pattern.compile("fx:id=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern INCLUDE = Pattern.compile("<fx:include source=\"([^\"]+)\"");

    @Test
    void noControlHasAnIdBesideItsFxId() throws IOException {
        List<String> both = new ArrayList<>();
        for (Path file : files()) {
            Matcher tag = TAG.matcher(Files.readString(file));
            while (tag.find()) {
                Matcher fxId = FX_ID.matcher(tag.group());
                if (fxId.find() && ID.matcher(tag.group()).find()) {
                    both.add(file.getFileName() + ": " + fxId.group(1));
                }
            }
        }
        assertThat(both).isEmpty();
    }

    @Test
    void everyIdIsUniqueInItsWindow() throws IOException {
        for (Path file : files()) {
            String text = Files.readString(file);
            if (text.contains("fx:include") || !isIncluded(file)) {
                Map<String, String> seen = new HashMap<>();
                List<String> twice = new ArrayList<>();
                collect(file, seen, twice);
                assertThat(twice).as("ids used twice in the scene of %s", file.getFileName()).isEmpty();
                assertThat(seen).as("the rule sees the ids of %s", file.getFileName()).isNotEmpty();
            }
        }
    }

    private static void collect(Path file, Map<String, String> seen, List<String> twice) throws IOException {
        String text = Files.readString(file);
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            Matcher fxId = FX_ID.matcher(tag.group());
            Matcher id = ID.matcher(tag.group());
            String name = fxId.find() ? fxId.group(1) : id.find() ? id.group(1) : null;
            if (name != null) {
                String before = seen.put(name, file.getFileName().toString());
                if (before != null) {
                    twice.add(name + " in " + before + " and " + file.getFileName());
                }
            }
        }
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            collect(FXML.resolve(include.group(1)), seen, twice);
        }
    }

    private static boolean isIncluded(Path file) throws IOException {
        for (Path other : files()) {
            if (Files.readString(other).contains("source=\"" + file.getFileName() + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(FXML)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".fxml")).sorted().toList();
            assertThat(all).hasSizeGreaterThan(10);
            return all;
        }
    }
}
