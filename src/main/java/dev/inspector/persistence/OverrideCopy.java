package dev.inspector.persistence;

import dev.inspector.domain.resolution.OverrideRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The override rows (tenant id, flag id, enabled) read with {@code COPY … TO STDOUT (FORMAT
 * binary)}: each uuid arrives as its 16 bytes and goes to the snapshot as two longs. A result set
 * would make an array per row and per column, a UUID per id and a row object; at 5 M rows that was
 * most of loading a snapshot. COPY runs inside the caller's transaction and so sees its snapshot;
 * it needs no privilege beyond SELECT, and poolers in transaction mode pass it through.
 *
 * <p>The format (PostgreSQL documentation, "COPY", binary format): an 11-byte signature, a flags
 * int and a header extension; then per row a 16-bit field count and per field a 32-bit length
 * (-1 for NULL) and the value in network byte order; a field count of -1 ends the data.
 */
final class OverrideCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int UUID_BYTES = 16;

    private final InputStream in;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    private OverrideCopy(InputStream in) {
        this.in = in;
        buffer.limit(0);
    }

    /** Streams the rows of {@code select} (three columns: uuid, uuid, boolean) into {@code sink}. */
    static void stream(Connection connection, String select, OverrideRows.Sink sink) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (InputStream in = new PGCopyInputStream(pg, "COPY (" + select + ") TO STDOUT (FORMAT binary)")) {
            new OverrideCopy(in).read(sink);
        } catch (IOException e) {
            throw new SQLException("Reading the overrides failed: " + e.getMessage(), "08006", e);
        }
    }

    private void read(OverrideRows.Sink sink) throws IOException {
        need(SIGNATURE.length + 8);
        for (byte b : SIGNATURE) {
            if (buffer.get() != b) {
                throw new IOException("not PostgreSQL's binary COPY format");
            }
        }
        buffer.getInt(); // flags: none defined that matter here
        int extension = buffer.getInt();
        need(extension);
        buffer.position(buffer.position() + extension);
        while (true) {
            need(2);
            short fields = buffer.getShort();
            if (fields == -1) {
                return;
            }
            if (fields != 3) {
                throw new IOException("expected 3 columns, got " + fields);
            }
            need(4);
            int length = buffer.getInt();
            boolean tenantKnown = length == UUID_BYTES;
            need(Math.max(length, 0) + 4);
            long tenantHigh = tenantKnown ? buffer.getLong() : 0;
            long tenantLow = tenantKnown ? buffer.getLong() : 0;
            length = buffer.getInt();
            boolean flagKnown = length == UUID_BYTES;
            need(Math.max(length, 0) + 4);
            long flagHigh = flagKnown ? buffer.getLong() : 0;
            long flagLow = flagKnown ? buffer.getLong() : 0;
            length = buffer.getInt();
            need(Math.max(length, 0));
            boolean enabled = length == 1 && buffer.get() != 0; // NULL reads as false, as getBoolean did
            if (tenantKnown && flagKnown) { // a row without ids can name no tenant or flag
                sink.accept(tenantHigh, tenantLow, flagHigh, flagLow, enabled);
            }
        }
    }

    /** Makes sure {@code count} more bytes are in the buffer, reading more from the stream if not. */
    private void need(int count) throws IOException {
        if (buffer.remaining() >= count) {
            return;
        }
        buffer.compact();
        while (buffer.position() < count) {
            int read = in.read(buffer.array(), buffer.position(), buffer.capacity() - buffer.position());
            if (read < 0) {
                throw new IOException("the COPY data ended early");
            }
            buffer.position(buffer.position() + read);
        }
        buffer.flip();
    }
}
