package dev.inspector.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class FlagRepositoryTest {

    @Test
    void overviewCarriesEveryFlagWithItsChannelRowsSortedByKey(TestDatabase db) {
        List<FlagOverview> flags = new FlagRepository(db.dsl()).overview();

        assertThat(flags).hasSize(15);
        assertThat(flags).extracting(f -> f.flag().key()).isSorted();
        Map<String, FlagOverview> byKey = flags.stream().collect(Collectors.toMap(f -> f.flag().key(), Function.identity()));

        FlagOverview pilot = byKey.get("ai_load_matching");
        assertThat(pilot.channel(ReleaseChannel.INTERNAL)).contains(true);
        assertThat(pilot.channel(ReleaseChannel.PILOT)).contains(true);
        assertThat(pilot.channel(ReleaseChannel.GENERAL)).contains(false);

        assertThat(byKey.get("fuel_card_sync").flag().killswitchState()).isEqualTo(KillswitchState.TRIPPED);
        assertThat(byKey.get("carrier_payments").flag().killswitchState()).isEqualTo(KillswitchState.ARMED);
        assertThat(byKey.get("dark_mode").channels()).isEmpty();
        assertThat(byKey.get("detention_billing").channel(ReleaseChannel.PILOT)).isEqualTo(Optional.empty());
    }

    @Test
    void channelValuesOutsideTheProcessAreLeftOutNotMisread(TestDatabase db) {
        db.execute("ALTER TABLE public.release_channel_feature_flags DROP CONSTRAINT IF EXISTS release_channel_feature_flags_release_channel_check");
        db.execute("INSERT INTO public.release_channel_feature_flags (feature_flag_id, release_channel, enabled) "
                + "SELECT id, 'beta', true FROM public.feature_flags WHERE key = 'dark_mode'");

        FlagOverview darkMode = new FlagRepository(db.dsl()).overview().stream()
                .filter(f -> f.flag().key().equals("dark_mode")).findFirst().orElseThrow();

        assertThat(darkMode.channels()).isEmpty();
    }
}
