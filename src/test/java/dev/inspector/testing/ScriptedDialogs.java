package dev.inspector.testing;

import dev.inspector.ui.support.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A dialog service for view-model tests: remembers what was shown (as "title: message") and what
 * was asked, and answers questions from a script. An unscripted question is answered as a cancel.
 */
public final class ScriptedDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();
    public final List<String> asked = new ArrayList<>();
    private final Deque<Optional<String>> reasons = new ArrayDeque<>();
    private final Deque<Optional<Path>> files = new ArrayDeque<>();

    /** The next question for a reason is answered with {@code reason}. */
    public ScriptedDialogs answer(String reason) {
        reasons.add(Optional.of(reason));
        return this;
    }

    /** The next question for a reason is cancelled. */
    public ScriptedDialogs cancel() {
        reasons.add(Optional.empty());
        return this;
    }

    public ScriptedDialogs saveTo(Path file) {
        files.add(Optional.of(file));
        return this;
    }

    /** The last question asked, "title: question". */
    public String lastQuestion() {
        return asked.isEmpty() ? "" : asked.get(asked.size() - 1);
    }

    @Override
    public void showError(String title, Throwable error) {
        shown.add(title + ": " + DialogService.plainMessage(error));
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add(title + ": " + message);
    }

    @Override
    public Optional<String> askReason(String title, String question, boolean required) {
        asked.add(title + ": " + question + (required ? " [required]" : ""));
        Optional<String> answer = reasons.isEmpty() ? Optional.empty() : reasons.poll();
        if (required && answer.isPresent() && answer.get().isBlank()) {
            throw new AssertionError("a required reason cannot be answered with a blank one");
        }
        return answer;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extensionLabel, String extension) {
        asked.add(title + ": " + suggestedName);
        return files.isEmpty() ? Optional.empty() : files.poll();
    }
}
