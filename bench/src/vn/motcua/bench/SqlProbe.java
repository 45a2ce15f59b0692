package vn.motcua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the statements of a file (separated by lines holding only {@code ;}) against an embedded database kept by
 * {@code ReportingBench -Dbench.data=<folder>}, each {@code repeat} times, printing the first result and the timings.
 * A tool for working on the read model's queries: {@code bench/run.sh SqlProbe <folder>/postgres <file> [repeat]}.
 */
public final class SqlProbe {

    public static void main(String[] args) throws Exception {
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C.UTF-8").setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB").setServerConfig("fsync", "off").start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            for (String sql : Files.readString(Path.of(args[1])).split("\n;\n")) {
                if (sql.isBlank()) {
                    continue;
                }
                System.out.println("== " + sql.strip().lines().findFirst().orElse(""));
                long[] nanos = new long[repeat];
                for (int i = 0; i < repeat; i++) {
                    long start = System.nanoTime();
                    try (Statement s = c.createStatement()) {
                        boolean rs = s.execute(sql);
                        int rows = 0;
                        if (rs) {
                            try (ResultSet r = s.getResultSet()) {
                                int n = r.getMetaData().getColumnCount();
                                while (r.next()) {
                                    rows++;
                                    if (i == 0 && (rows <= 60 && sql.strip().toLowerCase().startsWith("explain") || rows <= 3)) {
                                        StringBuilder line = new StringBuilder();
                                        for (int k = 1; k <= n; k++) {
                                            line.append(k > 1 ? " | " : "").append(r.getString(k));
                                        }
                                        System.out.println("  " + line);
                                    }
                                }
                            }
                        }
                        nanos[i] = System.nanoTime() - start;
                        if (i == 0) {
                            System.out.println("  rows: " + rows);
                        }
                    }
                }
                Latencies.print("  time", "runs", nanos);
            }
        }
    }
}
