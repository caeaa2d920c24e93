package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the flag table is filtered by: the search words, the channel and killswitch states, and the
 * part of the flags' lives (active, under watch after a promotion, cleanup candidates, archived).
 * Calls {@code changed} whenever any of them changes.
 */
public final class FlagFilters {

    /** The cleanup threshold an admin starts from: a month on for everyone. */
    public static final int DEFAULT_CLEANUP_DAYS = 30;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<ChannelFilter> channel = new SimpleObjectProperty<>(this, "channel", ChannelFilter.ANY);
    private final ObjectProperty<KillswitchFilter> killswitch = new SimpleObjectProperty<>(this, "killswitch", KillswitchFilter.ANY);
    private final ObjectProperty<LifecycleFilter> lifecycle = new SimpleObjectProperty<>(this, "lifecycle", LifecycleFilter.ACTIVE);
    private final IntegerProperty cleanupDays = new SimpleIntegerProperty(this, "cleanupDays", DEFAULT_CLEANUP_DAYS);
    private final Clock clock;

    FlagFilters(Clock clock, Runnable changed) {
        this.clock = clock;
        searchText.addListener((obs, old, now) -> changed.run());
        channel.addListener((obs, old, now) -> changed.run());
        killswitch.addListener((obs, old, now) -> changed.run());
        lifecycle.addListener((obs, old, now) -> changed.run());
        cleanupDays.addListener((obs, old, now) -> changed.run());
    }

    /** The rows all filters accept, as of now. */
    Predicate<FlagRow> predicate() {
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        ChannelFilter channels = channel.get() == null ? ChannelFilter.ANY : channel.get();
        KillswitchFilter switches = killswitch.get() == null ? KillswitchFilter.ANY : killswitch.get();
        LifecycleFilter lives = lifecycle.get() == null ? LifecycleFilter.ACTIVE : lifecycle.get();
        var now = clock.instant();
        int days = Math.max(0, cleanupDays.get());
        return row -> (needle.isEmpty() || matches(row, needle)) && channels.accepts(row) && switches.accepts(row)
                && lives.accepts(row, now, days);
    }

    static boolean matches(FlagRow row, String needle) {
        FeatureFlag flag = row.flag();
        return flag.key().toLowerCase(Locale.ROOT).contains(needle)
                || flag.name().toLowerCase(Locale.ROOT).contains(needle)
                || flag.description().toLowerCase(Locale.ROOT).contains(needle);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<ChannelFilter> channelProperty() {
        return channel;
    }

    public ObjectProperty<KillswitchFilter> killswitchProperty() {
        return killswitch;
    }

    public ObjectProperty<LifecycleFilter> lifecycleProperty() {
        return lifecycle;
    }

    /** Days on for every tenant after which a flag is a cleanup candidate. */
    public IntegerProperty cleanupDaysProperty() {
        return cleanupDays;
    }
}
