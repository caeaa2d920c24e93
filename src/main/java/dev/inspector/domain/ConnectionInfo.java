package dev.inspector.domain;

/** What the status bar says about the connection. */
public record ConnectionInfo(String label, String serverVersion, String role, boolean embedded) {
}
