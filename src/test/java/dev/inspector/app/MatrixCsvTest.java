package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.persistence.GateSnapshotRepository;
import dev.inspector.service.report.SpreadsheetSafe;
import dev.inspector.testing.Cli;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed {@code matrix --csv} says exactly what the writer before it said (the matrix held
 * whole, each cell printed through Commons CSV; kept below as the reference), cell for cell, on
 * the demo and on random databases full of names a CSV file and a spreadsheet trip over.
 */
@ExtendWith(PostgresExtension.class)
class MatrixCsvTest {

    /** Names that need quoting, doubling, a guard against formulas, or all three. */
    private static final String[] HOSTILE = {"Acme, Inc.", "The \"Best\" Freight", "Line\nBreak Logistics",
            "=HYPERLINK(\"http://x\")", "+1 Carriers", "-minus", "@home", "\tTabbed", "Trailing space ",
            " Leading space", "Ünïcødé Fracht GmbH 🚚", "Carriage\rReturn", "#hash", "'quoted'", "", "semi;colon"};

    @Test
    void onTheDemoTheStreamedCsvIsTheOneWrittenBeforeByteForByte(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.csv");
        Cli cli = new Cli(db);

        assertThat(cli.run("matrix", "--csv", file.toString(), "-q")).as(cli.err()).isZero();

        String streamed = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(streamed).isEqualTo(previousWriter(new GateSnapshotRepository(db.dsl()).load()));
        assertThat(parse(streamed)).hasSize(1 + 10 * 15);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42, 1234})
    void onRandomDatabasesEveryCellIsTheOneWrittenBefore(long seed, TestPostgres postgres, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = postgres.cloneDemo()) {
            writeRandomGateTables(db.dsl(), new Random(seed));
            GateSnapshot snapshot = new GateSnapshotRepository(db.dsl()).load();
            Path file = dir.resolve("random.csv");
            Cli cli = new Cli(db);

            assertThat(cli.run("matrix", "--csv", file.toString(), "-q")).as(cli.err()).isZero();
            List<CSVRecord> streamed = parse(Files.readString(file, StandardCharsets.UTF_8));
            List<CSVRecord> before = parse(previousWriter(snapshot));

            assertThat(streamed).hasSize(1 + snapshot.tenantCount() * snapshot.flagCount()).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(streamed.get(i).toList()).as("row " + i).isEqualTo(before.get(i).toList());
            }
            // and to stdout, through the command's own output, the same text
            assertThat(cli.run("matrix", "--csv", "-", "-q")).isZero();
            assertThat(cli.out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFlagKeyThatLooksLikeAFormulaIsGuardedAndQuotedLikeAnyOtherText(TestPostgres postgres, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = postgres.cloneDemo()) {
            db.execute("UPDATE public.feature_flags SET key = '=cmd|'' /C calc''!A0,x' WHERE key = 'dark_mode'");
            Path file = dir.resolve("guarded.csv");
            Cli cli = new Cli(db);

            assertThat(cli.run("matrix", "--flag", "=cmd|' /C calc'!A0,x", "--csv", file.toString(), "-q"))
                    .as(cli.err()).isZero();

            List<CSVRecord> rows = parse(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(rows).hasSize(11);
            assertThat(rows.subList(1, 11)).allSatisfy(r -> assertThat(r.get(3)).isEqualTo("'=cmd|' /C calc'!A0,x"));
            assertThat(Files.readString(file)).contains(",\"'=cmd|' /C calc'!A0,x\",");
        }
    }

    /** The matrix writer before streaming, unchanged: the whole matrix, then Commons CSV cell by cell. */
    private static String previousWriter(GateSnapshot snapshot) throws IOException {
        MatrixResult matrix = new FeatureGate(snapshot).computeMatrix();
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder()
                .setHeader("tenant_id", "tenant_name", "channel", "flag_key", "enabled", "reason").get().print(text)) {
            for (int t = 0; t < matrix.tenantCount(); t++) {
                Tenant tenant = matrix.tenant(t);
                for (int f = 0; f < matrix.flagCount(); f++) {
                    FeatureFlag flag = matrix.flag(f);
                    printer.printRecord(tenant.id(), SpreadsheetSafe.cell(tenant.name()),
                            SpreadsheetSafe.cell(tenant.releaseChannel()), flag.key(), matrix.enabled(t, f),
                            matrix.decider(t, f));
                }
            }
        }
        return text.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    /** Tenants with hostile names and odd channels, flags whose keys need quoting, random rows in between. */
    private static void writeRandomGateTables(DSLContext dsl, Random random) {
        dsl.execute("ALTER TABLE public.tenants DROP CONSTRAINT IF EXISTS tenants_release_channel_check");
        dsl.execute("ALTER TABLE public.tenants ALTER COLUMN release_channel DROP NOT NULL");
        String[] channels = {"internal", "pilot", "general", "general", "beta", null, "=x"};
        var tenants = DSL.table(DSL.name("public", "tenants"));
        var flags = DSL.table(DSL.name("public", "feature_flags"));
        for (int i = 0; i < 40 + random.nextInt(20); i++) {
            String name = HOSTILE[random.nextInt(HOSTILE.length)] + " " + i;
            dsl.insertInto(tenants, DSL.field("id"), DSL.field("name"), DSL.field("release_channel"))
                    .values(new UUID(random.nextLong(), random.nextLong()), random.nextInt(8) == 0 ? HOSTILE[i % HOSTILE.length] + i : name,
                            channels[random.nextInt(channels.length)]).execute();
        }
        for (int i = 0; i < 10 + random.nextInt(10); i++) {
            String key = (i % 3 == 0 ? "key, with \"quotes\" " : "flag_") + i;
            dsl.insertInto(flags, DSL.field("id"), DSL.field("key"), DSL.field("name"), DSL.field("default_enabled"),
                            DSL.field("is_killswitch"))
                    .values(new UUID(random.nextLong(), random.nextLong()), key, "Flag " + i, random.nextBoolean(),
                            random.nextInt(4) == 0).execute();
        }
        dsl.execute("INSERT INTO public.release_channel_feature_flags (feature_flag_id, release_channel, enabled) "
                + "SELECT f.id, c, hashtext(c || f.id::text) % 2 = 0 FROM public.feature_flags f, "
                + "unnest(ARRAY['internal','pilot','general']) c WHERE abs(hashtext(f.id::text || c)) % 10 < 7 ON CONFLICT DO NOTHING");
        dsl.execute("INSERT INTO public.tenant_feature_flags (tenant_id, feature_flag_id, enabled) "
                + "SELECT t.id, f.id, hashtext(f.id::text || t.id::text) % 2 = 0 FROM public.tenants t, public.feature_flags f "
                + "WHERE abs(hashtext(t.id::text || f.id::text)) % 10 < 2 ON CONFLICT DO NOTHING");
    }
}
