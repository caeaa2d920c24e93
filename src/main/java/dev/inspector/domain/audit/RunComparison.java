package dev.inspector.domain.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two runs, finding by finding (identity: check id, relation, tenant). */
public record RunComparison(List<Finding> added, List<Finding> fixed, List<Finding> unchanged) {

    public static RunComparison of(AuditRun previous, AuditRun current) {
        Map<String, Finding> before = previous.findings().stream()
                .collect(Collectors.toMap(Finding::identity, Function.identity(), (a, b) -> a));
        Set<String> now = current.findings().stream().map(Finding::identity).collect(Collectors.toSet());
        List<Finding> added = current.findings().stream().filter(f -> !before.containsKey(f.identity())).toList();
        List<Finding> unchanged = current.findings().stream().filter(f -> before.containsKey(f.identity())).toList();
        List<Finding> fixed = previous.findings().stream().filter(f -> !now.contains(f.identity())).toList();
        return new RunComparison(added, fixed, unchanged);
    }
}
