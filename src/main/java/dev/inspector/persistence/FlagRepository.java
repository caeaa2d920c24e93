package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.RELEASE_CHANNEL_FEATURE_FLAGS;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.ReleaseChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;

/** Reads feature flags with their channel rows. Two queries however many flags there are. */
public final class FlagRepository {

    private final DSLContext dsl;

    public FlagRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<FeatureFlag> findAll() {
        return dsl.select(FEATURE_FLAGS.ID, FEATURE_FLAGS.KEY, FEATURE_FLAGS.NAME, FEATURE_FLAGS.DESCRIPTION,
                        FEATURE_FLAGS.DEFAULT_ENABLED, FEATURE_FLAGS.IS_KILLSWITCH)
                .from(FEATURE_FLAGS)
                .orderBy(FEATURE_FLAGS.KEY)
                .fetch(Records.mapping(FeatureFlag::new));
    }

    public Optional<FeatureFlag> find(String key) {
        return dsl.select(FEATURE_FLAGS.ID, FEATURE_FLAGS.KEY, FEATURE_FLAGS.NAME, FEATURE_FLAGS.DESCRIPTION,
                        FEATURE_FLAGS.DEFAULT_ENABLED, FEATURE_FLAGS.IS_KILLSWITCH)
                .from(FEATURE_FLAGS).where(FEATURE_FLAGS.KEY.eq(key))
                .fetchOptional(Records.mapping(FeatureFlag::new));
    }

    public List<FlagOverview> overview() {
        return overview(true);
    }

    /** Flags with their channel rows; {@code withChannels} false for a database without the channel table. */
    public List<FlagOverview> overview(boolean withChannels) {
        List<FeatureFlag> flags = findAll();
        Map<UUID, Map<ReleaseChannel, Boolean>> channels = new HashMap<>();
        if (withChannels) {
            dsl.select(RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID, RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL,
                            RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED)
                    .from(RELEASE_CHANNEL_FEATURE_FLAGS)
                    .forEach(r -> ReleaseChannel.fromDb(r.value2()).ifPresent(channel ->
                            channels.computeIfAbsent(r.value1(), id -> new EnumMap<>(ReleaseChannel.class))
                                    .put(channel, r.value3())));
        }
        List<FlagOverview> result = new ArrayList<>(flags.size());
        for (FeatureFlag flag : flags) {
            result.add(new FlagOverview(flag, channels.getOrDefault(flag.id(), Map.of())));
        }
        return result;
    }
}
