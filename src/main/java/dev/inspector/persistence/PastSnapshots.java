package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_ENTRY;
import static dev.inspector.persistence.jooq.inspector.Tables.CHANGE_SET;

import dev.inspector.domain.resolution.GateSnapshot;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.SettingsTools;
import org.jooq.impl.DSL;

/**
 * The gate tables as they were at a past moment, as far as the console's history knows: inside
 * one transaction the tables are copied into temporary tables, every recorded row change since the
 * moment is undone there, newest first, and the snapshot is read from the copies. The real tables
 * are only read; the copies vanish with the transaction, so nothing is left behind. Changes made
 * outside the console are not in the history and so are not taken back.
 */
public final class PastSnapshots {

    private PastSnapshots() {
    }

    public static GateSnapshot asOf(DSLContext dsl, OffsetDateTime moment, boolean grantsTable, boolean userDirectory) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            List<String> tables = new ArrayList<>(List.of("tenants", "feature_flags", "release_channel_feature_flags",
                    "tenant_feature_flags"));
            if (grantsTable) {
                tables.add("tenant_feature_access");
            }
            if (userDirectory) {
                tables.add("profiles");
            }
            for (String table : tables) {
                tx.execute("CREATE TEMPORARY TABLE {0} (LIKE {1}) ON COMMIT DROP", DSL.name(table), DSL.name("public", table));
                tx.execute("INSERT INTO {0} SELECT * FROM {1}", DSL.name("pg_temp", table), DSL.name("public", table));
            }
            var since = tx.select(CHANGE_ENTRY.TABLE_NAME, CHANGE_ENTRY.BEFORE_VALUE, CHANGE_ENTRY.AFTER_VALUE)
                    .from(CHANGE_ENTRY).join(CHANGE_SET).on(CHANGE_SET.ID.eq(CHANGE_ENTRY.CHANGE_SET_ID))
                    .where(CHANGE_SET.HAPPENED_AT.gt(moment))
                    .orderBy(CHANGE_SET.ID.desc(), CHANGE_ENTRY.ID.desc())
                    .fetch();
            for (var row : since) {
                if (!tables.contains(row.value1())) {
                    continue; // the archive: it changes no answer of the gates
                }
                Restorer.RestorableTable table = UndoSql.known(row.value1());
                tx.execute(UndoSql.render(tx, table, FlagWrites.text(row.value2()), FlagWrites.text(row.value3()),
                        DSL.name("pg_temp", table.bareName())));
            }
            // a copy of the settings: the session's own context must keep reading the real tables
            DSLContext past = DSL.using(tx.configuration().derive(SettingsTools.clone(tx.settings()).withRenderMapping(new RenderMapping()
                    .withSchemata(new MappedSchema().withInput("public").withOutput("pg_temp")))));
            return GateSnapshotRepository.read(past, grantsTable, userDirectory);
        });
    }
}
