package dev.inspector.ui.isolation;

import java.util.List;

/** Everything the progress area shows, taken in one piece on the worker and applied on the FX thread. */
record RunProgress(String message, int done, int total, List<RelationProgress> relations) {

    RunProgress {
        relations = List.copyOf(relations);
    }

    double fraction() {
        return total <= 0 ? -1 : (double) done / total;
    }
}
