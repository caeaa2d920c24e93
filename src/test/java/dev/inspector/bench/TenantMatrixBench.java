package dev.inspector.bench;

import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.persistence.embedded.DataDirectory;
import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.FxUiExecutor;
import java.time.Clock;
import dev.inspector.ui.matrix.MatrixData;
import dev.inspector.ui.matrix.MatrixGrid;
import dev.inspector.ui.matrix.TenantMatrixView;
import dev.inspector.ui.matrix.TenantMatrixViewModel;
import dev.inspector.ui.support.FxDialogService;
import dev.inspector.ui.support.FxTaskRunner;
import dev.inspector.ui.support.ViewLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Run by hand, not by the test suite (see README, "Measuring the tenant matrix"): builds a
 * database of {@link BenchData} (default 10,000 tenants × 500 flags, 5 % overrides, 30,000 users; the
 * arguments change the sizes), opens the Tenant Matrix on it and prints
 * how long opening takes, the heap it holds, and how long a scroll repaint takes.
 *
 * <p>It uses headless Monocle with software rendering, as the UI tests do, so paint times are an
 * upper bound for a desktop with a GPU pipeline; canvas commands are the same either way.
 */
public final class TenantMatrixBench {

    private static final PrintStream OUT = System.out;

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        BenchData data = BenchData.fromArgs(args, 10_000, 500, 30_000);

        Path dir = Files.createTempDirectory("inspector-bench");
        try (Session session = new SessionOpener().open(new DatabaseTarget.Embedded(new DataDirectory(dir)), m -> { })) {
            long built = System.nanoTime();
            data.populate(session.database().dsl());
            OUT.printf("database: %s (built in %d ms)%n", data.describe(session.database().dsl()),
                    ms(System.nanoTime() - built));

            // the pieces, off the UI thread, three times each: the first run pays class loading and JIT
            for (int i = 1; i <= 3; i++) {
                long t0 = System.nanoTime();
                GateSnapshot snapshot = session.gates().snapshot();
                long t1 = System.nanoTime();
                MatrixData matrixData = MatrixData.of(snapshot);
                long t2 = System.nanoTime();
                OUT.printf("run %d: snapshot %d ms, matrix + filter keys %d ms (%,d cells)%n", i, ms(t1 - t0), ms(t2 - t1),
                        (long) matrixData.matrix().tenantCount() * matrixData.matrix().flagCount());
            }

            long baseline = usedHeapAfterGc();
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            Window window = onFx(() -> Window.open());
            for (int i = 1; i <= 3; i++) {
                OUT.printf("open %d: snapshot + matrix + first paint: %d ms%n", i, window.open(session));
            }
            long used = usedHeapAfterGc();
            OUT.printf("heap after GC: %,d MB in use with the matrix open, %,d MB of it for the matrix screen"
                    + " (baseline before opening: %,d MB)%n", used >> 20, (used - baseline) >> 20, baseline >> 20);
            OUT.printf("scene graph: %d nodes in the whole tab%n", onFx(window::nodeCount));
            onFx(() -> {
                window.scroll("vertical scroll", true);
                window.scroll("horizontal scroll", false);
                window.selectColumnsAndScroll();
                return null;
            });
            OUT.println(window.frames());
            onFx(() -> state(window).replace(null));
            long closed = usedHeapAfterGc();
            OUT.printf("heap after GC with the matrix closed again: %,d MB, so the loaded matrix holds %,d MB%n",
                    closed >> 20, (used - closed) >> 20);
            onFx(() -> {
                window.stage.close();
                return null;
            });
        } finally {
            Platform.exit();
        }
    }

    private static SessionState state(Window window) {
        return window.state;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    /** The real FXML view on a 1280 × 800 stage, wired as the composition root wires it. */
    private static final class Window {
        final SessionState state = new SessionState();
        final TenantMatrixViewModel viewModel;
        final Stage stage = new Stage();
        final MatrixGrid grid;
        final Parent root;

        private Window() {
            FxTaskRunner tasks = new FxTaskRunner();
            viewModel = new TenantMatrixViewModel(tasks, state, new FxDialogService(),
                    new LiveGateData(tasks, state, new FxUiExecutor(), Clock.systemDefaultZone()));
            root = new ViewLoader(type -> new TenantMatrixView(viewModel)).load("TenantMatrix");
            viewModel.shown();
            Scene scene = new Scene(root, 1280, 800);
            scene.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().add(TenantMatrixBench.class.getResource("/styles/inspector.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            grid = (MatrixGrid) root.lookup("#matrixGrid");
        }

        static Window open() {
            return new Window();
        }

        /** From handing the session over to the first paint of the loaded matrix, in ms. */
        long open(Session session) throws Exception {
            onFx(() -> state.replace(null));
            CompletableFuture<Long> painted = new CompletableFuture<>();
            long start = System.nanoTime();
            onFx(() -> {
                long before = grid.paintCount();
                viewModel.layoutVersionProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number old, Number now) {
                        // the view repaints synchronously on this change; the data is in when rows appear
                        if (viewModel.cells().rowCount() > 0 && grid.paintCount() > before) {
                            painted.complete(System.nanoTime());
                            viewModel.layoutVersionProperty().removeListener(this);
                        }
                    }
                });
                state.replace(session);
                return null;
            });
            return ms(painted.get(5, TimeUnit.MINUTES) - start);
        }

        /**
         * Recording canvas commands is cheap; the rasterising happens in the render pulse. So this
         * scrolls three rows per frame for 300 frames and reports the time between frames, which is
         * what the eye sees (16.7 ms is the 60 Hz pulse).
         */
        String frames() throws Exception {
            CompletableFuture<long[]> done = new CompletableFuture<>();
            onFx(() -> {
                new javafx.animation.AnimationTimer() {
                    final long[] stamps = new long[301];
                    int i;

                    @Override
                    public void handle(long now) {
                        stamps[i++] = now;
                        if (i == stamps.length) {
                            stop();
                            long[] gaps = new long[stamps.length - 1];
                            for (int k = 1; k < stamps.length; k++) {
                                gaps[k - 1] = stamps[k] - stamps[k - 1];
                            }
                            done.complete(gaps);
                            return;
                        }
                        var bar = grid.verticalBar();
                        bar.setValue(Math.min(bar.getMax(), bar.getValue() + 3 * 20));
                    }
                }.start();
                return null;
            });
            long[] gaps = done.get(2, TimeUnit.MINUTES);
            Arrays.sort(gaps);
            return String.format("continuous scroll, 300 frames: frame interval median %.1f ms, p95 %.1f ms, max %.1f ms",
                    gaps[gaps.length / 2] / 1e6, gaps[(int) (gaps.length * 0.95)] / 1e6, gaps[gaps.length - 1] / 1e6);
        }

        int nodeCount() {
            return count(root);
        }

        private static int count(Node node) {
            int n = 1;
            if (node instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    n += count(child);
                }
            }
            return n;
        }

        /** 400 jumps to random positions, each a synchronous repaint of the viewport. */
        void scroll(String what, boolean vertical) {
            var bar = vertical ? grid.verticalBar() : grid.horizontalBar();
            Random random = new Random(42);
            long[] nanos = new long[400];
            for (int i = 0; i < nanos.length; i++) {
                bar.setValue(random.nextDouble() * bar.getMax());
                nanos[i] = grid.lastPaintNanos();
            }
            report(what + " (" + (int) bar.getMax() + " px range)", nanos);
        }

        void selectColumnsAndScroll() {
            viewModel.selection().pressColumnHeader(0, false, false);
            viewModel.selection().pressColumnHeader(viewModel.cells().columnCount() / 2, true, false);
            OUT.printf("selection: %,d cells (half the columns, every tenant)%n", viewModel.selection().selectedCountProperty().get());
            scroll("vertical scroll with that selection", true);
        }

        private static void report(String what, long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            OUT.printf("%s: repaint median %.2f ms, p95 %.2f ms, max %.2f ms%n", what,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
        }
    }
}
