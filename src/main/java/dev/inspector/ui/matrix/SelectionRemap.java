package dev.inspector.ui.matrix;

/** Keeps a selection across a reload by tenant id and flag key: indexes may have moved. */
final class SelectionRemap {

    private SelectionRemap() {
    }

    static CellSelection keep(MatrixData previous, CellSelection old, MatrixData loaded) {
        CellSelection next = new CellSelection(loaded.matrix().flagCount());
        if (previous == null || old.isEmpty()) {
            return next;
        }
        int[] tenantMap = new int[previous.matrix().tenantCount()];
        for (int t = 0; t < tenantMap.length; t++) {
            tenantMap[t] = loaded.snapshot().tenantIndex(previous.matrix().tenant(t).id());
        }
        int[] flagMap = new int[previous.matrix().flagCount()];
        for (int f = 0; f < flagMap.length; f++) {
            flagMap[f] = loaded.snapshot().flagIndex(previous.matrix().flag(f).key());
        }
        int oldFlags = old.flagCount();
        old.forEach(cell -> {
            int t = tenantMap[cell / oldFlags];
            int f = flagMap[cell % oldFlags];
            if (t >= 0 && f >= 0) {
                next.add(t, f);
            }
        });
        return next;
    }
}
