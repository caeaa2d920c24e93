package dev.inspector.bench;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The gate tables as Unleash feature toggles (the client API's {@code features} JSON, which the
 * Java SDK takes as a bootstrap, offline), so the SDK decides the same cells as the server gate:
 * a tripped killswitch is a disabled toggle; otherwise, with context fields {@code tenantId} and
 * {@code channel}, a toggle is on when (1) the tenant is among its ON overrides, or (2) the tenant
 * has no override and its channel is among the channels whose row is on, or (3) the tenant has no
 * override, its channel has no row, and the global default is on. Unleash ORs strategies, and each
 * strategy ANDs its IN / NOT_IN constraints, which is exactly this.
 */
final class UnleashFeatures {

    private UnleashFeatures() {
    }

    static String json(SyntheticGateData data) {
        Map<UUID, List<TenantOverride>> byFlag = data.overrides.stream()
                .collect(Collectors.groupingBy(TenantOverride::flagId));
        Map<UUID, List<ChannelSetting>> rows = data.channelSettings.stream()
                .collect(Collectors.groupingBy(ChannelSetting::flagId));
        StringBuilder out = new StringBuilder("{\"version\":2,\"features\":[");
        for (int f = 0; f < data.flags.size(); f++) {
            FeatureFlag flag = data.flags.get(f);
            boolean tripped = flag.killswitch() && !flag.defaultEnabled();
            List<TenantOverride> overrides = byFlag.getOrDefault(flag.id(), List.of());
            List<String> on = overrides.stream().filter(TenantOverride::enabled).map(o -> o.tenantId().toString()).toList();
            List<String> overridden = overrides.stream().map(o -> o.tenantId().toString()).toList();
            List<ChannelSetting> channelRows = rows.getOrDefault(flag.id(), List.of());
            List<String> channelsOn = channelRows.stream().filter(ChannelSetting::enabled)
                    .map(c -> c.channel().dbValue()).toList();
            List<String> channelsWithRow = channelRows.stream().map(c -> c.channel().dbValue()).toList();
            List<String> strategies = new ArrayList<>();
            strategies.add(strategy(constraint("tenantId", "IN", on)));
            strategies.add(strategy(constraint("tenantId", "NOT_IN", overridden) + "," + constraint("channel", "IN", channelsOn)));
            if (flag.defaultEnabled()) {
                strategies.add(strategy(constraint("tenantId", "NOT_IN", overridden) + ","
                        + constraint("channel", "NOT_IN", channelsWithRow)));
            }
            out.append(f == 0 ? "" : ",").append("{\"name\":\"").append(flag.key()).append("\",\"enabled\":")
                    .append(!tripped).append(",\"strategies\":[").append(String.join(",", strategies)).append("]}");
        }
        return out.append("]}").toString();
    }

    /** The context of a tenant: its id and its channel (none for a null or unknown one). */
    static String channelOf(Tenant tenant) {
        return tenant.channel().map(ReleaseChannel::dbValue).orElse("");
    }

    private static String strategy(String constraints) {
        return "{\"name\":\"default\",\"parameters\":{},\"constraints\":[" + constraints + "]}";
    }

    private static String constraint(String field, String operator, List<String> values) {
        return "{\"contextName\":\"" + field + "\",\"operator\":\"" + operator + "\",\"values\":["
                + values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",")) + "]}";
    }
}
