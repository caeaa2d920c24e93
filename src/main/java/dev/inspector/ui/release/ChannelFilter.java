package dev.inspector.ui.release;

import dev.inspector.domain.ReleaseChannel;
import java.util.function.Predicate;

/** The channel-state filter of the flag table. "Off" includes a missing row: the channel does not give the feature. */
public enum ChannelFilter {
    ANY("Any channel state", row -> true),
    ON_IN_INTERNAL("On in internal", row -> on(row, ReleaseChannel.INTERNAL)),
    ON_IN_PILOT("On in pilot", row -> on(row, ReleaseChannel.PILOT)),
    OFF_IN_PILOT("Not on in pilot", row -> !on(row, ReleaseChannel.PILOT)),
    ON_IN_GENERAL("On in general", row -> on(row, ReleaseChannel.GENERAL)),
    OFF_IN_GENERAL("Not on in general", row -> !on(row, ReleaseChannel.GENERAL));

    private final String label;
    private final Predicate<FlagRow> test;

    ChannelFilter(String label, Predicate<FlagRow> test) {
        this.label = label;
        this.test = test;
    }

    public boolean accepts(FlagRow row) {
        return test.test(row);
    }

    private static boolean on(FlagRow row, ReleaseChannel channel) {
        return row.channel(channel).orElse(false);
    }

    @Override
    public String toString() {
        return label;
    }
}
