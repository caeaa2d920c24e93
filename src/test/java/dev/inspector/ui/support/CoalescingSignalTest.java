package dev.inspector.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingSignalTest {

    @Test
    void aBurstOfSignalsBeforeTheUiThreadRunsBecomesOneRun() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        CoalescingSignal signal = new CoalescingSignal(queued::add, runs::incrementAndGet);

        for (int i = 0; i < 50; i++) {
            signal.signal();
        }
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(runs).hasValue(1);

        signal.signal(); // after the run started, a new signal queues a new run
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(runs).hasValue(2);
    }
}
