package vn.motcua.bench;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, streamed to the server in 1 MB chunks as they are made: no string of the
 * whole table is ever held. Times are Vietnam local seconds since the epoch, written with {@code +07}.
 */
final class Rows {

    private static final int CHUNK = 1 << 20;

    private final CopyIn copy;
    private final byte[] buffer = new byte[CHUNK + 4096];
    private int length;
    private long rows;
    private long lastDay = Long.MIN_VALUE;
    private final byte[] dayText = new byte[11];

    Rows(CopyIn copy) {
        this.copy = copy;
    }

    Rows text(byte[] value) {
        if (length + value.length > buffer.length) {
            flush();
        }
        if (value.length > buffer.length) {
            write(value);
        } else {
            System.arraycopy(value, 0, buffer, length, value.length);
            length += value.length;
        }
        return this;
    }

    Rows textOrNull(byte[] value) {
        return value == null ? nul() : text(value);
    }

    Rows num(long value) {
        return text(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    Rows tab() {
        return put((byte) '\t');
    }

    Rows nul() {
        put((byte) '\\');
        return put((byte) 'N');
    }

    Rows nl() {
        rows++;
        put((byte) '\n');
        if (length >= CHUNK) {
            flush();
        }
        return this;
    }

    Rows timeOrNull(long local) {
        return local < 0 ? nul() : time(local);
    }

    /** {@code YYYY-MM-DD HH:MM:SS+07}. */
    Rows time(long local) {
        long day = Math.floorDiv(local, 86_400);
        int second = (int) Math.floorMod(local, 86_400);
        if (day != lastDay) {
            byte[] d = (java.time.LocalDate.ofEpochDay(day) + " ").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(d, 0, dayText, 0, 11);
            lastDay = day;
        }
        if (length + 24 > buffer.length) {
            flush();
        }
        System.arraycopy(dayText, 0, buffer, length, 11);
        length += 11;
        two(second / 3600);
        buffer[length++] = ':';
        two(second / 60 % 60);
        buffer[length++] = ':';
        two(second % 60);
        buffer[length++] = '+';
        buffer[length++] = '0';
        buffer[length++] = '7';
        return this;
    }

    private void two(int v) {
        buffer[length++] = (byte) ('0' + v / 10);
        buffer[length++] = (byte) ('0' + v % 10);
    }

    private Rows put(byte b) {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = b;
        return this;
    }

    private void flush() {
        write(buffer, length);
        length = 0;
    }

    private void write(byte[] bytes) {
        write(bytes, bytes.length);
    }

    private void write(byte[] bytes, int n) {
        try {
            copy.writeToCopy(bytes, 0, n);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
    }

    /** Ends the COPY; returns the rows written. */
    long end() {
        flush();
        try {
            long n = copy.endCopy();
            if (n != rows) {
                throw new IllegalStateException("COPY took " + n + " of " + rows + " rows");
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
    }

    /** UTF-8 bytes of a value in COPY text format (backslash, tab and line breaks escaped). */
    static byte[] escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                .getBytes(StandardCharsets.UTF_8);
    }
}
