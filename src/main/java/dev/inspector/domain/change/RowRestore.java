package dev.inspector.domain.change;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What undoing one recorded row change takes, decided from three images of the row: before the
 * change, after it, and now. Only the columns the change itself moved are put back, so a later
 * edit of another column (a new description) does not block a restore; but a column the change
 * moved that has moved again since means someone acted on the state the change left, and the
 * restore is refused with what changed.
 */
public sealed interface RowRestore {

    /** The change inserted the row and it is still as inserted: delete it. */
    record Delete() implements RowRestore {
    }

    /** The change deleted the row and none has come back: insert the recorded one. */
    record Insert() implements RowRestore {
    }

    /** Put these columns back to their value before the change. */
    record Update(Set<String> columns) implements RowRestore {
        public Update {
            columns = Set.copyOf(columns);
        }
    }

    /** The change moved nothing in this row. */
    record Nothing() implements RowRestore {
    }

    /** The row moved on since the change; {@code what} says how, e.g. "enabled is now true, the change left false". */
    record Conflict(String what) implements RowRestore {
    }

    /**
     * @param before the row before the change (null: the change inserted it)
     * @param after  the row after the change (null: the change deleted it)
     * @param now    the row as it is now, read under lock (null: there is none)
     */
    static RowRestore decide(Map<String, Object> before, Map<String, Object> after, Map<String, Object> now) {
        if (before == null && after == null) {
            return new Nothing();
        }
        if (before == null) {
            if (now == null) {
                return new Conflict("the row the change created has been deleted since");
            }
            return firstDifference(after, now, after.keySet())
                    .<RowRestore>map(Conflict::new).orElseGet(Delete::new);
        }
        if (after == null) {
            return now == null ? new Insert() : new Conflict("the row the change deleted exists again");
        }
        Set<String> moved = new TreeSet<>();
        for (String column : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(column), after.get(column))) {
                moved.add(column);
            }
        }
        if (moved.isEmpty()) {
            return new Nothing();
        }
        if (now == null) {
            return new Conflict("the row has been deleted since");
        }
        return firstDifference(after, now, moved).<RowRestore>map(Conflict::new).orElseGet(() -> new Update(moved));
    }

    private static java.util.Optional<String> firstDifference(Map<String, Object> expected, Map<String, Object> now,
                                                             Set<String> columns) {
        for (String column : new TreeSet<>(columns)) {
            Object left = expected.get(column);
            Object current = now.get(column);
            if (!Objects.equals(left, current)) {
                return java.util.Optional.of(column + " is now " + current + ", the change left " + left);
            }
        }
        return java.util.Optional.empty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
