package dev.inspector.app;

import picocli.CommandLine;

/**
 * The one entry point, for the window and for headless commands alike. It does not extend
 * javafx.application.Application, so the launcher also works with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int exit = new CommandLine(new InspectorCommand(System.getenv(), System.getProperty("user.home")))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        System.exit(exit);
    }
}
