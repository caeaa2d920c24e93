package dev.inspector.domain.change;

/**
 * A change some console committed: its change set, the console that wrote it, and its flag (empty
 * for a change over several flags, or when unknown).
 */
public record ChangeNotice(long changeSetId, String consoleId, String flagKey) {

    public ChangeNotice {
        consoleId = consoleId == null ? "" : consoleId;
        flagKey = flagKey == null ? "" : flagKey;
    }

    /** Parses the payload "changeSetId consoleId flagKey"; a payload of another shape is a notice with id 0. */
    public static ChangeNotice parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
        long id;
        try {
            id = parts.length > 0 ? Long.parseLong(parts[0]) : 0;
        } catch (NumberFormatException e) {
            id = 0;
        }
        return new ChangeNotice(id, parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    public boolean from(String console) {
        return consoleId.equals(console);
    }
}
