package dev.inspector.ui.support;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells the admin something and asks questions, in dialogs owned by the main window. An interface
 * so view-model tests can record what was said and answer what was asked; every sentence comes
 * from the caller.
 */
public interface DialogService {

    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    /**
     * Asks for a reason to record with a change. Empty when cancelled; with {@code required} the
     * confirm button stays disabled until something is typed.
     */
    Optional<String> askReason(String title, String question, boolean required);

    /**
     * Asks for a reason, offering the SQL the write would run and its undo ("Show SQL") before the
     * admin decides. Implementations without a window ask as above.
     */
    default Optional<String> askReason(String title, String question, boolean required, SqlPreview sql) {
        return askReason(title, question, required);
    }

    /** A list of pairs (e.g. keys and what they do) in two columns; by default as lines of text. */
    default void showPairs(String title, java.util.List<java.util.Map.Entry<String, String>> pairs) {
        showInfo(title, pairs.stream().map(p -> p.getKey() + "  " + p.getValue())
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    /** Where to save a file, suggesting a name; empty when cancelled. */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String extensionLabel, String extension);

    /** The plain sentence for an error: its own message for the ones we raise, a generic one otherwise. */
    static String plainMessage(Throwable error) {
        Throwable t = error;
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof dev.inspector.domain.failure.DatabaseException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof java.util.concurrent.CancellationException) {
            return "Cancelled.";
        }
        return "Something went wrong: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
}
