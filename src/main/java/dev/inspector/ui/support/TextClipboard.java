package dev.inspector.ui.support;

/** Puts plain text where the admin can paste it. An interface so view-model tests can read what was copied. */
@FunctionalInterface
public interface TextClipboard {
    void putText(String text);
}
