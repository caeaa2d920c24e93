package dev.inspector.ui.release;

import dev.inspector.ui.support.DialogService;
import java.util.ArrayList;
import java.util.List;

/** Remembers what would have been shown, as "title: message". */
final class RecordingDialogs implements DialogService {

    final List<String> shown = new ArrayList<>();

    @Override
    public void showError(String title, Throwable error) {
        shown.add(title + ": " + DialogService.plainMessage(error));
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add(title + ": " + message);
    }
}
