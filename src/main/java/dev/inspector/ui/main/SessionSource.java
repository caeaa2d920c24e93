package dev.inspector.ui.main;

import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.Session;
import java.util.function.Consumer;

/** Opens sessions; blocking, so it is only ever called off the JavaFX thread. */
@FunctionalInterface
public interface SessionSource {
    Session open(DatabaseTarget target, Consumer<String> progress);
}
