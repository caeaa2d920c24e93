package dev.inspector.domain.promotion;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.resolution.Decider;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each way of promoting to general would do, computed exactly: the engine runs on a copy of
 * the gate tables with the one row changed, and the tenants whose verdict flips are listed. Only
 * the promoted flag matters, so the copy holds that flag alone (and no users or grants, which the
 * server gate ignores).
 */
final class GeneralReach {

    private final GateSnapshot snapshot;
    private final FeatureFlag flag;
    private final Map<ReleaseChannel, Boolean> rows = new LinkedHashMap<>();
    private final List<TenantOverride> overrides = new ArrayList<>();

    private GeneralReach(GateSnapshot snapshot, int flagIndex) {
        this.snapshot = snapshot;
        this.flag = snapshot.flag(flagIndex);
        for (ReleaseChannel channel : ReleaseChannel.values()) {
            snapshot.channelSetting(flagIndex, channel).ifPresent(on -> rows.put(channel, on));
        }
        for (int t = 0; t < snapshot.tenantCount(); t++) {
            snapshot.override(t, flagIndex).ifPresent(overrides::add);
        }
    }

    static List<WayReach> of(GateSnapshot snapshot, int flagIndex) {
        GeneralReach reach = new GeneralReach(snapshot, flagIndex);
        MatrixResult before = reach.matrix(reach.flag, reach.rows);
        return List.of(reach.generalRow(before), reach.globalDefault(before));
    }

    private WayReach generalRow(MatrixResult before) {
        Map<ReleaseChannel, Boolean> changed = new LinkedHashMap<>(rows);
        changed.put(ReleaseChannel.GENERAL, true);
        MatrixResult after = matrix(flag, changed);
        List<String> newlyOn = newlyOn(before, after);
        List<String> alreadyOn = new ArrayList<>();
        List<String> keepOff = new ArrayList<>();
        List<String> killed = new ArrayList<>();
        int general = 0;
        for (int t = 0; t < after.tenantCount(); t++) {
            if (!inChannel(t, ReleaseChannel.GENERAL)) {
                continue;
            }
            general++;
            String name = snapshot.tenant(t).name();
            if (before.enabled(t, 0)) {
                alreadyOn.add(name);
            } else if (!after.enabled(t, 0)) {
                (after.decider(t, 0) == Decider.KILLSWITCH ? killed : keepOff).add(name);
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add("Decides for the " + Names.count(general, "general tenant") + " unless an override says otherwise");
        parts.add(newlyOn.isEmpty() ? "none newly on" : newlyOn.size() + " newly on (" + Names.list(newlyOn) + ")");
        if (!alreadyOn.isEmpty()) {
            parts.add(alreadyOn.size() + " on already (" + Names.list(alreadyOn) + ")");
        }
        if (!keepOff.isEmpty()) {
            parts.add(keepOff.size() + (keepOff.size() == 1 ? " keeps its" : " keep their") + " off override ("
                    + Names.list(keepOff) + ")");
        }
        if (!killed.isEmpty()) {
            parts.add(killed.size() + " stay blocked by the tripped killswitch");
        }
        String summary = "General row on: " + Names.count(newlyOn.size(), "tenant") + " newly on";
        return new WayReach(GeneralWay.GENERAL_ROW, newlyOn, summary, String.join("; ", parts) + ".");
    }

    private WayReach globalDefault(MatrixResult before) {
        FeatureFlag changed = new FeatureFlag(flag.id(), flag.key(), flag.name(), flag.description(), true,
                flag.killswitch());
        MatrixResult after = matrix(changed, rows);
        List<String> newlyOn = newlyOn(before, after);
        String lead = "Reaches only tenants with no override and no row for their channel — here: ";
        String explanation;
        if (flag.defaultEnabled()) {
            explanation = "The global default is on already.";
        } else if (newlyOn.isEmpty()) {
            explanation = lead + "none" + becauseNone(after) + ".";
        } else {
            explanation = lead + Names.count(newlyOn.size(), "tenant") + " (" + Names.list(newlyOn) + ").";
        }
        if (flag.killswitchState() == KillswitchState.TRIPPED) {
            explanation += " It also releases the tripped killswitch.";
        }
        String summary = "Global default on: " + Names.count(newlyOn.size(), "tenant") + " newly on";
        return new WayReach(GeneralWay.GLOBAL_DEFAULT, newlyOn, summary, explanation);
    }

    /** Why nobody is reached: the layers above the default that still decide, off. */
    private String becauseNone(MatrixResult after) {
        List<String> reasons = new ArrayList<>();
        for (ReleaseChannel channel : ReleaseChannel.values()) {
            Boolean row = rows.get(channel);
            if (row != null && !row && countOff(after, channel, Decider.CHANNEL_DEFAULT) > 0) {
                reasons.add("the " + channel.dbValue() + " row exists and is off");
            }
        }
        long overrideOff = 0;
        for (int t = 0; t < after.tenantCount(); t++) {
            if (!after.enabled(t, 0) && after.decider(t, 0) == Decider.TENANT_OVERRIDE) {
                overrideOff++;
            }
        }
        if (overrideOff > 0) {
            reasons.add(Names.count(overrideOff, "tenant") + " with an off override");
        }
        boolean everyoneOn = true;
        for (int t = 0; t < after.tenantCount(); t++) {
            everyoneOn &= after.enabled(t, 0);
        }
        if (everyoneOn) {
            return ", because every tenant has it on already";
        }
        return reasons.isEmpty() ? "" : ", because " + String.join(" and ", reasons);
    }

    private long countOff(MatrixResult matrix, ReleaseChannel channel, Decider decider) {
        long n = 0;
        for (int t = 0; t < matrix.tenantCount(); t++) {
            if (inChannel(t, channel) && !matrix.enabled(t, 0) && matrix.decider(t, 0) == decider) {
                n++;
            }
        }
        return n;
    }

    private boolean inChannel(int tenantIndex, ReleaseChannel channel) {
        return snapshot.tenant(tenantIndex).channel().equals(Optional.of(channel));
    }

    private List<String> newlyOn(MatrixResult before, MatrixResult after) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < after.tenantCount(); t++) {
            if (after.enabled(t, 0) && !before.enabled(t, 0)) {
                names.add(snapshot.tenant(t).name());
            }
        }
        return names;
    }

    private MatrixResult matrix(FeatureFlag version, Map<ReleaseChannel, Boolean> channelRows) {
        List<ChannelSetting> settings = new ArrayList<>();
        channelRows.forEach((channel, on) -> settings.add(new ChannelSetting(version.id(), channel, on)));
        List<Tenant> tenants = snapshot.tenants();
        return MatrixResult.compute(GateSnapshot.of(tenants, List.of(version), settings, overrides, List.of(), List.of()));
    }
}
