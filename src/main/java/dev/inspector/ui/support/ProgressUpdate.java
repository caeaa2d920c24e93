package dev.inspector.ui.support;

/** A progress report on the UI thread; {@code fraction} is negative when indeterminate. */
public record ProgressUpdate(String message, double fraction) {
}
