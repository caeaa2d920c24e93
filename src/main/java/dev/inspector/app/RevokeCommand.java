package dev.inspector.app;

import picocli.CommandLine.Command;

/** {@code inspector revoke}: as {@code grant}, setting is_enabled = false and keeping the row. */
@Command(name = "revoke", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Revoke users' access to a premium feature in a tenant: the row stays, with is_enabled = false; "
                + "recorded with the reason.",
        footer = {"", "Exit status: 0 done (or nothing to do: it says so), 2 bad input, 4 database unusable."})
final class RevokeCommand extends GrantCommand {

    @Override
    boolean enabled() {
        return false;
    }
}
