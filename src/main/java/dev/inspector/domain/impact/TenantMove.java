package dev.inspector.domain.impact;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.ChannelDiff;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What moving a tenant to another release channel changes for it, before anything is written:
 * which flags its servers would turn on or off, and for how many of its users the UI gate's answer
 * flips with them. Computed by the engine itself (the channel outcomes of every flag), so the
 * preview is what the servers will decide.
 *
 * @param users the tenant's members the directory knows (0 without a user directory)
 */
public record TenantMove(Tenant tenant, ReleaseChannel to, List<Shift> turnsOn, List<Shift> turnsOff, int users) {

    /** A flag whose server verdict flips, with how many of the tenant's users see the UI gate flip too. */
    public record Shift(String flagKey, int usersFlipping) {
    }

    public TenantMove {
        turnsOn = List.copyOf(turnsOn);
        turnsOff = List.copyOf(turnsOff);
    }

    public static TenantMove of(GateSnapshot snapshot, Tenant tenant, ReleaseChannel to) {
        FeatureGate gate = new FeatureGate(snapshot);
        List<UUID> members = snapshot.users().stream().filter(u -> u.isMemberOf(tenant.id())).map(UserProfile::id).toList();
        List<Shift> on = new ArrayList<>();
        List<Shift> off = new ArrayList<>();
        for (FeatureFlag flag : snapshot.flags()) {
            ChannelDiff server = gate.channelDiff(tenant.id(), new UUID(0, 0), flag.key());
            if (!server.serverChangesOn(to)) {
                continue;
            }
            int flipping = (int) members.stream()
                    .filter(user -> gate.channelDiff(tenant.id(), user, flag.key()).uiChangesOn(to)).count();
            (server.on(to).serverEnabled() ? on : off).add(new Shift(flag.key(), flipping));
        }
        return new TenantMove(tenant, to, on, off, members.size());
    }

    /** Whether the move changes anything at all (the channel itself counts). */
    public boolean changesChannel() {
        return tenant.channel().map(c -> c != to).orElse(true);
    }

    /** The preview in lines, one flag each: what turns on, what turns off, and for how many users. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        String from = tenant.releaseChannel() == null ? "no channel" : tenant.releaseChannel();
        lines.add("Moving " + tenant.name() + " from " + from + " to " + to.dbValue() + ":");
        add(lines, "  turns on:", turnsOn);
        add(lines, "  turns off:", turnsOff);
        return lines;
    }

    private void add(List<String> lines, String label, List<Shift> shifts) {
        if (shifts.isEmpty()) {
            lines.add(label + " nothing");
            return;
        }
        lines.add(label);
        shifts.forEach(s -> lines.add("    " + s.flagKey() + (users == 0 ? ""
                : " (UI changes for " + s.usersFlipping() + " of " + users + " users)")));
    }
}
