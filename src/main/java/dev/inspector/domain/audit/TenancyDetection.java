package dev.inspector.domain.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Works out the tenancy model from the columns and foreign keys of a database, filling in what the
 * admin did not say. The tenants relation is the one the tenant column references most; a relation
 * without the common tenant column but with a foreign key to the tenants relation has that key as
 * its tenant column; membership is the relation that pairs a user with a tenant. Whatever the
 * admin gave is checked against the catalogs and refused when it names nothing there.
 */
public final class TenancyDetection {

    /** Tenant column names in common use, most common first. */
    static final List<String> COMMON_TENANT_COLUMNS = List.of("tenant_id", "account_id", "org_id", "organization_id",
            "workspace_id", "team_id", "company_id", "customer_id", "project_id");
    private static final Pattern MEMBERSHIP_NAME = Pattern.compile(".*(member|membership|_users?$|^users?_|role).*");
    private static final List<String> LABELS = List.of("name", "display_name", "title", "slug", "email", "handle");

    private final Map<String, List<ColumnFacts>> byRelation;
    private final List<String> notes = new ArrayList<>();

    private TenancyDetection(List<ColumnFacts> columns) {
        this.byRelation = columns.stream().collect(Collectors.groupingBy(ColumnFacts::qualifiedRelation,
                TreeMap::new, Collectors.toList()));
    }

    public static TenancyModel detect(TenancyHints hints, List<ColumnFacts> columns) {
        return new TenancyDetection(columns).model(hints);
    }

    private TenancyModel model(TenancyHints hints) {
        Optional<TenancyModel.RelationRef> users = relationWith("auth.users", "id")
                .map(c -> new TenancyModel.RelationRef("auth", "users", "id"));
        Optional<TenancyModel.RelationRef> given = hints.tenants().map(this::checked);
        String column = hints.tenantColumn().map(c -> checkedColumn(c, hints))
                .orElseGet(() -> tenantColumn(given));
        given.ifPresent(t -> notes.add("tenants: " + t.qualifiedName() + " (given)"));
        Optional<TenancyModel.RelationRef> registry = given.isPresent() ? given : registryOf(column);
        Map<String, String> perRelation = new LinkedHashMap<>();
        registry.ifPresent(t -> perRelation.put(t.qualifiedName(), t.idColumn()));
        registry.ifPresent(t -> byRelation.forEach((relation, cols) -> {
            if (cols.stream().noneMatch(c -> c.name().equals(column)) && !perRelation.containsKey(relation)) {
                cols.stream().filter(c -> c.references(t))
                        .min(Comparator.comparing((ColumnFacts c) -> !c.notNull()).thenComparing(ColumnFacts::name))
                        .ifPresent(c -> perRelation.put(relation, c.name()));
            }
        }));
        hints.columnPerRelation().forEach((relation, col) -> {
            List<ColumnFacts> cols = byRelation.get(relation);
            if (cols == null) {
                throw new IllegalArgumentException("There is no relation " + relation + " to take a tenant column from.");
            }
            if (cols.stream().noneMatch(c -> c.name().equals(col))) {
                throw new IllegalArgumentException(relation + " has no column '" + col + "'.");
            }
            perRelation.put(relation, col);
        });
        Optional<TenancyModel.Membership> membership = hints.membership().map(this::checked)
                .or(() -> membership(column, perRelation, registry, users));
        Optional<String> tenantLabel = registry.flatMap(t -> label(t.qualifiedName()));
        Optional<String> userLabel = users.flatMap(u -> label(u.qualifiedName()));
        return new TenancyModel(column, perRelation, registry, tenantLabel, membership, users, userLabel,
                hints.tenantRolePattern(), hints.nullTenantAllowed(), notes);
    }

    /** The most frequent common tenant column (or the one referencing the given tenants relation most). */
    private String tenantColumn(Optional<TenancyModel.RelationRef> tenants) {
        Map<String, Long> counts = new LinkedHashMap<>();
        byRelation.values().forEach(cols -> cols.forEach(c -> {
            boolean candidate = tenants.map(c::references).orElse(COMMON_TENANT_COLUMNS.contains(c.name()));
            if (candidate && c.kind() != RelationKind.VIEW) {
                counts.merge(c.name(), 1L, Long::sum);
            }
        }));
        Optional<Map.Entry<String, Long>> best = counts.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<String, Long>::getValue)
                        .thenComparing(e -> -rank(e.getKey())));
        if (best.isEmpty()) {
            notes.add("tenant column: none of " + String.join(", ", COMMON_TENANT_COLUMNS) + " exists; assumed tenant_id");
            return "tenant_id";
        }
        notes.add("tenant column: " + best.get().getKey() + " (in " + best.get().getValue() + " relations)");
        return best.get().getKey();
    }

    private static int rank(String column) {
        int i = COMMON_TENANT_COLUMNS.indexOf(column);
        return i < 0 ? COMMON_TENANT_COLUMNS.size() : i;
    }

    /** The relation the tenant column references most, else public.tenants. */
    private Optional<TenancyModel.RelationRef> registryOf(String column) {
        Map<ColumnFacts.Target, Long> targets = byRelation.values().stream().flatMap(List::stream)
                .filter(c -> c.name().equals(column)).map(ColumnFacts::references).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Optional<Map.Entry<ColumnFacts.Target, Long>> best = targets.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<ColumnFacts.Target, Long>::getValue)
                        .thenComparing(e -> e.getKey().qualifiedRelation(), Comparator.reverseOrder()));
        if (best.isPresent()) {
            ColumnFacts.Target t = best.get().getKey();
            notes.add("tenants: " + t.qualifiedRelation() + " (" + t.column() + "), referenced by " + best.get().getValue()
                    + " " + column + " column(s)");
            return Optional.of(new TenancyModel.RelationRef(t.schema(), t.relation(), t.column()));
        }
        Optional<TenancyModel.RelationRef> fallback = relationWith("public.tenants", "id")
                .map(c -> new TenancyModel.RelationRef("public", "tenants", "id"));
        notes.add(fallback.isPresent() ? "tenants: public.tenants (id), by its name"
                : "tenants: none found (no foreign key from " + column + " and no public.tenants)");
        return fallback;
    }

    /** The relation pairing a user with a tenant: named like a membership, else a profile with a tenant. */
    private Optional<TenancyModel.Membership> membership(String column, Map<String, String> perRelation,
                                                        Optional<TenancyModel.RelationRef> tenants,
                                                        Optional<TenancyModel.RelationRef> users) {
        record Candidate(TenancyModel.Membership membership, int score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        byRelation.forEach((relation, cols) -> {
            ColumnFacts first = cols.get(0);
            if (first.kind() != RelationKind.TABLE && first.kind() != RelationKind.PARTITIONED_TABLE
                    || tenants.map(t -> t.qualifiedName().equals(relation)).orElse(false)) {
                return;
            }
            String tenantCol = perRelation.getOrDefault(relation, column);
            Optional<ColumnFacts> tenant = cols.stream().filter(c -> c.name().equals(tenantCol)).findFirst();
            Optional<ColumnFacts> user = cols.stream().filter(c -> users.map(c::references).orElse(false)
                    || c.name().equals("user_id")).min(Comparator.comparing(c -> c.name().equals("id")));
            if (tenant.isEmpty() || user.isEmpty()) {
                return;
            }
            // A profile has the user as its whole key; a membership has (user, tenant) as its key.
            boolean profile = user.get().inPrimaryKey() && user.get().primaryKeySize() == 1;
            boolean pairKey = user.get().inPrimaryKey() && tenant.get().inPrimaryKey() && tenant.get().primaryKeySize() == 2;
            int score = (MEMBERSHIP_NAME.matcher(first.relation().toLowerCase(Locale.ROOT)).matches() ? 4 : 0)
                    + (pairKey ? 4 : 0) + (profile ? 2 : 1);
            candidates.add(new Candidate(new TenancyModel.Membership(first.schema(), first.relation(), user.get().name(),
                    tenantCol), score));
        });
        Optional<TenancyModel.Membership> best = candidates.stream()
                .max(Comparator.comparingInt(Candidate::score)
                        .thenComparing(c -> c.membership().qualifiedName(), Comparator.reverseOrder()))
                .map(Candidate::membership);
        notes.add(best.map(m -> "membership: " + m.qualifiedName() + " (" + m.userColumn() + ", " + m.tenantColumn() + ")")
                .orElse("membership: none found; probes act as a user made up for each tenant"));
        return best;
    }

    private Optional<String> label(String relation) {
        List<ColumnFacts> cols = byRelation.getOrDefault(relation, List.of());
        return LABELS.stream().filter(l -> cols.stream().anyMatch(c -> c.name().equals(l))).findFirst();
    }

    private Optional<ColumnFacts> relationWith(String relation, String column) {
        return byRelation.getOrDefault(relation, List.of()).stream().filter(c -> c.name().equals(column)).findFirst();
    }

    private TenancyModel.RelationRef checked(TenancyModel.RelationRef given) {
        if (!byRelation.containsKey(given.qualifiedName())) {
            throw new IllegalArgumentException("There is no relation " + given.qualifiedName() + " (the tenants relation given).");
        }
        if (relationWith(given.qualifiedName(), given.idColumn()).isEmpty()) {
            throw new IllegalArgumentException(given.qualifiedName() + " has no column '" + given.idColumn() + "'.");
        }
        return given;
    }

    private TenancyModel.Membership checked(TenancyModel.Membership given) {
        if (!byRelation.containsKey(given.qualifiedName())) {
            throw new IllegalArgumentException("There is no relation " + given.qualifiedName() + " (the membership given).");
        }
        for (String col : List.of(given.userColumn(), given.tenantColumn())) {
            if (relationWith(given.qualifiedName(), col).isEmpty()) {
                throw new IllegalArgumentException(given.qualifiedName() + " has no column '" + col + "'.");
            }
        }
        notes.add("membership: " + given.qualifiedName() + " (given)");
        return given;
    }

    /** A tenant column the admin named must exist somewhere, else the audit would cover nothing. */
    private String checkedColumn(String column, TenancyHints hints) {
        boolean exists = byRelation.values().stream().flatMap(List::stream).anyMatch(c -> c.name().equals(column));
        if (!exists && hints.columnPerRelation().isEmpty()) {
            Set<String> present = byRelation.values().stream().flatMap(List::stream).map(ColumnFacts::name)
                    .filter(COMMON_TENANT_COLUMNS::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
            throw new IllegalArgumentException("No relation has a column '" + column + "'"
                    + (present.isEmpty() ? "." : "; columns that could name a tenant here: " + String.join(", ", present) + "."));
        }
        notes.add("tenant column: " + column + " (given)");
        return column;
    }
}
