package dev.inspector.ui.support;

/** Tells the admin something in a dialog. An interface so view-model tests can record what was said. */
public interface DialogService {

    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    /** The plain sentence for an error: its own message for the ones we raise, a generic one otherwise. */
    static String plainMessage(Throwable error) {
        Throwable t = error;
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof dev.inspector.persistence.DatabaseException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof java.util.concurrent.CancellationException) {
            return "Cancelled.";
        }
        return "Something went wrong: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
}
