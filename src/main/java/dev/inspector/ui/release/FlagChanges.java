package dev.inspector.ui.release;

import dev.inspector.domain.wording.OnOff;
import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.change.ChangeWords;
import dev.inspector.domain.impact.FlagWhatIf;
import dev.inspector.domain.promotion.Toggle;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.promotion.PromotionOpener;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.SqlPreview;
import dev.inspector.ui.support.TaskRunner;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The switches of Release Control, each decided the way the rollout process wants it: turning a
 * feature on for pilot or general opens the promotion checklist, turning something off is a
 * rollback (one quick step, a reason required), anything else asks for an optional reason. Also
 * restore, "to before the incident" and the killswitch lifecycle. Writes run in the background;
 * what happened is said in {@link #statusProperty()}, a refusal in a dialog.
 */
public final class FlagChanges {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final DialogService dialogs;
    private final PromotionOpener promotions;
    private final Supplier<Optional<GateSnapshot>> snapshot;
    private final Runnable afterWrite;

    public FlagChanges(TaskRunner tasks, SessionState sessionState, DialogService dialogs, PromotionOpener promotions,
                       Supplier<Optional<GateSnapshot>> snapshot, Runnable afterWrite) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.dialogs = dialogs;
        this.promotions = promotions;
        this.snapshot = snapshot;
        this.afterWrite = afterWrite;
    }

    /** True while a write runs. */
    public ReadOnlyBooleanProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /** What the last write did, in one line; empty when a refusal was shown instead. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Forgets the last status: it described a session or a flag that is no longer shown. */
    public void clearStatus() {
        status.set("");
    }

    // --- channel rows and the global default ------------------------------------------------

    /** A double click on a channel cell: on becomes off, off or no row becomes on. */
    public void toggleChannel(FlagRow row, ReleaseChannel channel) {
        changeChannel(row, channel, Optional.of(!row.channel(channel).orElse(false)));
    }

    public void changeChannel(FlagRow row, ReleaseChannel channel, Optional<Boolean> value) {
        FeatureFlag flag = row.flag();
        Toggle toggle = Toggle.channel(flag, row.overview().channels(), channel, value);
        String what = value.map(on -> "Turn " + channel.dbValue() + (on ? " on" : " off"))
                .orElse("Remove the " + channel.dbValue() + " row") + " for " + row.key() + "?";
        String now = "Now: " + OnOff.word(row.channel(channel), "no row") + ".";
        decide(toggle, row, "Change " + channel.dbValue(), what + "\n" + now, reason -> session ->
                session.flagCommands().setChannel(row.key(), channel, row.channel(channel), value, reason),
                row.key() + ": " + channel.dbValue() + " " + OnOff.word(value, "row removed"));
    }

    public void toggleDefault(FlagRow row) {
        changeDefault(row, !row.flag().defaultEnabled());
    }

    public void changeDefault(FlagRow row, boolean value) {
        decide(Toggle.globalDefault(row.flag(), value), row, "Change the global default",
                "Set the global default of " + row.key() + " " + OnOff.word(value) + "?",
                reason -> session -> session.flagCommands().setDefault(row.flag(), value, reason),
                row.key() + ": global default " + OnOff.word(value));
    }

    private void decide(Toggle toggle, FlagRow row, String title, String question,
                        Function<String, Write> write, String done) {
        if (toggle instanceof Toggle.Promotion promotion) {
            promotions.open(row.flag(), promotion.target(), promotion.way());
            return;
        }
        if (toggle instanceof Toggle.Refused refused) {
            dialogs.showInfo("Not without the gates", refused.why());
            return;
        }
        boolean rollback = toggle instanceof Toggle.Rollback;
        ask(title, rollback ? question + "\nThis takes the feature away: a rollback, recorded with its reason."
                : question, rollback, write, done);
    }

    // --- restore ------------------------------------------------------------------------------

    /** Undoes the newest rollback that still stands, the one the admin was shown. */
    public void restore(ChangeRecord rollback) {
        ask("Restore " + rollback.flagKey(), "Undo this rollback?\n" + describe(rollback)
                        + "\nRestore puts back exactly the rows as they were before it.", false,
                reason -> session -> session.restores().restoreLatest(rollback.flagKey(), Optional.of(rollback.id()), reason),
                rollback.flagKey() + ": change " + rollback.id() + " restored");
    }

    /** Undoes every standing rollback of the flag's incident at once. */
    public void restoreIncident(String flagKey, List<ChangeRecord> rollbacks) {
        StringBuilder question = new StringBuilder("Undo these " + rollbacks.size() + " rollbacks of " + flagKey
                + " in one step?");
        rollbacks.forEach(r -> question.append('\n').append(describe(r)));
        question.append("\nAfterwards the flag is exactly as before the first of them.");
        ask("Restore " + flagKey + " to before the incident", question.toString(), false,
                reason -> session -> session.restores().restoreIncident(flagKey, reason),
                flagKey + ": restored to before the incident");
    }

    /** One line naming a change: what, who, when, why. */
    public static String describe(ChangeRecord change) {
        String reason = change.reason() == null || change.reason().isBlank() ? "no reason given" : "\u201c" + change.reason() + "\u201d";
        return "Change " + change.id() + " (" + change.action() + ") of " + change.flagsLabel() + " by " + change.osUser()
                + " as " + change.dbRole() + " on " + WHEN.format(change.happenedAt()) + ": " + reason + ".";
    }

    // --- killswitch lifecycle -----------------------------------------------------------------

    /** Arm, disarm or un-trip (tripping is Kill): asks for the reason with what it does to the tenants. */
    public void killswitch(FlagRow row, KillswitchAction action) {
        FeatureFlag flag = row.flag();
        KillswitchAction.Step step = action.plan(flag, Optional.empty());
        if (step instanceof KillswitchAction.Refused refused) {
            dialogs.showInfo(action.label() + " the killswitch", refused.why());
            return;
        }
        if (step instanceof KillswitchAction.AlreadyDone done) {
            status.set(done.why());
            return;
        }
        KillswitchAction.Write write = (KillswitchAction.Write) step;
        FeatureFlag after = new FeatureFlag(flag.id(), flag.key(), flag.name(), flag.description(),
                write.defaultEnabled(), write.killswitch());
        String effect = snapshot.get().filter(s -> s.flagIndex(flag.key()) >= 0).map(s -> {
            int f = s.flagIndex(flag.key());
            int before = FlagWhatIf.enabledTenants(s, f, flag);
            int afterCount = FlagWhatIf.enabledTenants(s, f, after);
            return before == afterCount ? "No tenant gains or loses it (on for " + before + " of " + s.tenantCount() + ")."
                    : "On for " + before + " of " + s.tenantCount() + " tenants now, " + afterCount + " afterwards.";
        }).orElse("");
        String question = switch (action) {
            case ARM -> "Arm the killswitch of " + flag.key() + "? Nothing is blocked until it is tripped.";
            case DISARM -> "Disarm the killswitch of " + flag.key() + "? It can no longer be tripped in one step.";
            case UNTRIP -> "Un-trip the killswitch of " + flag.key() + "? is_killswitch goes off and the global default "
                    + "stays off, so the flag follows its overrides and channel rows again. (Restore puts back exactly "
                    + "the state before a kill instead.)";
            case TRIP -> "Trip the killswitch of " + flag.key() + "? It blocks the feature everywhere.";
        };
        ask(action.label() + " the killswitch", question + (effect.isEmpty() ? "" : "\n" + effect), true,
                reason -> session -> session.flagCommands().killswitch(flag.key(), action, reason),
                sentence(ChangeWords.did(action.action(), flag.key())));
    }

    // --- archive ------------------------------------------------------------------------------

    /** Archives the flag out of the daily views (nothing it does changes), or brings it back. */
    public void archive(FlagRow row, boolean archive) {
        String key = row.key();
        var stage = row.lifecycle().stage();
        String underway = switch (stage) {
            case INTERNAL, PILOT, GENERAL -> "\nIt is still on its way (" + stage.words() + "): archived, it keeps "
                    + "deciding exactly as now.";
            default -> "";
        };
        String question = archive ? "Archive " + key + "? It leaves the daily views (Archived flags shows it); its rows, "
                + "what it decides for tenants and its history stay. Undo with Unarchive or Restore." + underway
                : "Bring " + key + " back into the daily views?";
        ask(archive ? "Archive " + key : "Unarchive " + key, question, true,
                reason -> session -> archive ? session.archives().archive(key, reason) : session.archives().unarchive(key, reason),
                key + (archive ? ": archived" : ": unarchived"));
    }

    // --- plumbing -----------------------------------------------------------------------------

    private static String sentence(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    @FunctionalInterface
    interface Write {
        WriteOutcome run(Session session) throws Exception;
    }

    /**
     * Asks for the reason, with the write's SQL and its undo on request (rehearsed with a stand-in
     * reason; nothing written), then runs it.
     */
    private void ask(String title, String question, boolean required, Function<String, Write> write, String done) {
        Session session = sessionState.current();
        SqlPreview sql = new SqlPreview(tasks).prepare(() -> session.dryRun(() -> {
            try {
                return write.apply("(the reason you give)").run(session);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
        dialogs.askReason(title, question, required, session == null ? null : sql)
                .ifPresent(reason -> run(write.apply(reason), done));
    }

    private void run(Write work, String done) {
        Session session = sessionState.current();
        if (session == null || writing.get()) {
            return;
        }
        writing.set(true);
        tasks.run(progress -> work.run(session), outcome -> {
            writing.set(false);
            status.set(outcome.changed() ? done + " (change " + outcome.changeId() + ")." : outcome.message());
            afterWrite.run();
        }, failure -> {
            writing.set(false);
            status.set("");
            dialogs.showError("Nothing was changed", failure);
            afterWrite.run();
        });
    }
}
