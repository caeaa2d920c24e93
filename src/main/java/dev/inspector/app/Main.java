package dev.inspector.app;


/**
 * The one entry point, for the window and for headless commands alike. It does not extend
 * javafx.application.Application, so the launcher also works with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            // before the first logger is made: SimpleLogger reads its level once
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.dev.inspector", "debug");
        } else {
            // the JDK's own logging too (the preference store says so when it creates its folder)
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int exit = InspectorCommand.commandLine(System.getenv(), System.getProperty("user.home"), System.out).execute(args);
        System.exit(exit);
    }
}
