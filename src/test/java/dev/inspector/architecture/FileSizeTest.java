package dev.inspector.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No hand-written source file over 300 lines: past that a class holds several concerns, and the
 * next change lands in the wrong one. Split it into collaborators instead (CONTRIBUTING.md).
 */
class FileSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsLongerThanThreeHundredLines() throws IOException {
        Path root = Path.of("src", "main", "java");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(root)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> lines(p) > MAX_LINES)
                    .map(p -> root.relativize(p) + " (" + lines(p) + " lines)")
                    .sorted().toList();
        }
        assertThat(tooLong).as("files over %d lines", MAX_LINES).isEmpty();
    }

    @Test
    void theRuleSeesTheSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(100);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
