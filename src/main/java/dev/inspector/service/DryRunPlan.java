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

    /**
     * The plan in the words both the command line and the window show: what would change, the
     * statements, and the statements that undo them; or why nothing would change.
     */
    public List<String> lines() {
        if (!changesSomething()) {
            return List.of(message.isEmpty() ? "Nothing would change." : message);
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add("It would change " + rows + " row" + (rows == 1 ? "" : "s") + " with:");
        statements.forEach(sql -> lines.add("  " + sql));
        lines.add("and record the change in the console's history. To undo it afterwards:");
        undo.forEach(sql -> lines.add("  " + sql));
        return lines;
    }
}
