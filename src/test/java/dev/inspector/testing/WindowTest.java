package dev.inspector.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxToolkit;

/**
 * A test of the real window: the shared database fixture, the TestFX toolkit registered once, and
 * the window lock, so no other window test runs beside it. Open and close the window with
 * {@link ConsoleWindow}; read FX state inside {@code robot.interact} or after
 * {@code WaitForAsyncUtils.waitForFxEvents()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({PostgresExtension.class, WindowTest.Toolkit.class})
@ResourceLock(Locks.WINDOW)
public @interface WindowTest {

    /** Registers TestFX's primary stage before the class's first test. */
    final class Toolkit implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            FxToolkit.registerPrimaryStage();
        }
    }
}
