package dev.inspector.service;

import java.util.List;

/**
 * What a write would do, found by running it and rolling it back: the statements it runs on the
 * SaaS tables and the statements that would undo them, both as SQL ready to paste.
 *
 * @param message what to tell the admin when the write would change nothing; empty otherwise
 * @param rows how many rows it would change
 */
public record DryRunPlan(List<String> statements, List<String> undo, String message, int rows) {

    public boolean changesSomething() {
        return rows > 0;
    }
}
