package dev.inspector.domain.resolution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "KILLSWITCH_TRIPPED, DISABLED",
            "TENANT_OVERRIDE,    TARGETING_MATCH",
            "CHANNEL_DEFAULT,    DEFAULT",
            "GLOBAL_DEFAULT,     DEFAULT",
            "PLATFORM_ADMIN,     TARGETING_MATCH",
            "USER_GRANT,         TARGETING_MATCH",
            "GRANT_REVOKED,      TARGETING_MATCH",
            "NO_USER_GRANT,      DEFAULT",
            "FLAG_NOT_FOUND,     ERROR",
            "TENANT_NOT_FOUND,   ERROR",
    })
    void mapsToOpenFeatureReason(ReasonCode code, String openFeatureReason) {
        assertThat(code.openFeatureReason()).isEqualTo(openFeatureReason);
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void onlyNotFoundCodesAreErrors(ReasonCode code) {
        assertThat(code.isError()).isEqualTo(code.openFeatureReason().equals("ERROR"));
    }
}
