package vn.motcua.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.support.TestData;

/**
 * Sustained online submission over HTTP: citizens' apps POST /api/v1/dossiers (multipart, two small PDF attachments)
 * with bearer tokens, from {@code clients} concurrent connections, against the embedded PostgreSQL. In the same run
 * it measures a bare JDBC insert of the same rows (the dossier, its two files, its history line, its code sequence)
 * with the same concurrency, and prints both rates and their ratio.
 *
 * <p>Run: {@code bench/submission-bench.sh [seconds] [clients] [warm-up seconds]} (defaults 20, 16 and 30). The temporary database runs with
 * {@code fsync} and {@code synchronous_commit} on, as an installation's does; {@code -Dmotcua.database.synchronous-commit=off}
 * (or {@code fsync=off}) in {@code BENCH_JAVA_OPTS} measures without.
 */
public final class SubmissionBench {

    static final String PROCEDURE = "1.001193";
    static final String AGENCY = "000.31.01.H57";
    /** The attachment every submission and every bare insert carries, made once. */
    static final byte[] ATTACHMENT = TestData.realPdf("Giay to kem theo ho so - ban chup so hoa.", 20_000);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        // Both sides are measured warm: the JIT needs well over 5 s of traffic to compile a whole Spring request
        // path on 2 cores (a 5 s warm-up measured HTTP at half its steady rate), the JDBC path far less.
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        System.setProperty("motcua.database.temporary", "true");
        // The throw-away database as durable as an installation's, unless the run says otherwise
        // (BENCH_JAVA_OPTS=-Dmotcua.database.synchronous-commit=off): what durability costs is measured, not assumed.
        for (String setting : List.of("motcua.database.fsync", "motcua.database.synchronous-commit")) {
            System.setProperty(setting, System.getProperty(setting, "on"));
            System.out.println(setting + "=" + System.getProperty(setting));
        }
        System.setProperty("logging.level.root", "WARN");
        ConfigurableApplicationContext app = new SpringApplication(MotCuaApplication.class)
                .run("--spring.profiles.active=demo", "--server.port=0", "--spring.datasource.hikari.maximum-pool-size=20");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JsonMapper json = app.getBean(JsonMapper.class);
            Procedure procedure = app.getBean(CatalogService.class).procedure(PROCEDURE).orElseThrow();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = token(http, port, json);
            byte[] body = multipart(procedure, json);

            run("warm-up", warmUp, clients, () -> submit(http, port, token, body));
            long[] latencies = run("HTTP POST /api/v1/dossiers", seconds, clients, () -> submit(http, port, token, body));
            double httpRate = latencies.length / (double) seconds;
            report("online submission over HTTP", latencies, seconds, clients);

            DataSource dataSource = app.getBean(DataSource.class);
            AtomicInteger sequence = new AtomicInteger();
            run("warm-up", 5, clients, () -> bareInsert(dataSource, sequence.incrementAndGet()));
            long[] inserts = run("bare JDBC insert", seconds, clients, () -> bareInsert(dataSource, sequence.incrementAndGet()));
            double bareRate = inserts.length / (double) seconds;
            report("bare JDBC insert of the same rows", inserts, seconds, clients);
            System.out.printf("ratio: HTTP submissions / bare inserts = %.2f (target at least 0.33)%n", httpRate / bareRate);
        } finally {
            app.close();
        }
    }

    interface Call {
        void run() throws Exception;
    }

    /** Runs the call from {@code clients} threads for {@code seconds}; returns every call's latency in nanoseconds. */
    static long[] run(String name, int seconds, int clients, Call call) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    call.run();
                    mine.add(System.nanoTime() - start);
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    static void submit(HttpClient http, int port, String token, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=benchboundary")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    static String token(HttpClient http, int port, JsonMapper json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"citizen\",\"password\":\"demo123\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("access_token").asString();
    }

    /** A valid form for the procedure, the applicant named {@code name}. */
    static Map<String, String> formData(Procedure procedure, String name) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (FormField f : procedure.formFields()) {
            form.put(f.key(), switch (f.type()) {
                case DATE -> "2025-03-14";
                case NUMBER -> "3";
                case ID_NUMBER -> "046090001234";
                case PHONE -> "0912345678";
                case EMAIL -> "an@example.vn";
                case TAX_CODE -> "3301234567";
                case SELECT -> f.options().getFirst();
                default -> name;
            });
        }
        return form;
    }

    static byte[] multipart(Procedure procedure, JsonMapper json) {
        Map<String, String> form = formData(procedure, "Nguyễn Văn An");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String dossier = json.writeValueAsString(Map.of("procedureCode", PROCEDURE, "agencyCode", AGENCY, "formData", form));
        write(out, "--benchboundary\r\nContent-Disposition: form-data; name=\"dossier\"\r\nContent-Type: application/json\r\n\r\n"
                + dossier + "\r\n");
        int part = 0;
        for (int i = 0; i < procedure.documents().size() && part < 2; i++) {
            if (procedure.documents().get(i).mandatory()) {
                write(out, "--benchboundary\r\nContent-Disposition: form-data; name=\"document" + i
                        + "\"; filename=\"giay-to-" + i + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
                out.writeBytes(ATTACHMENT);
                write(out, "\r\n");
                part++;
            }
        }
        write(out, "--benchboundary--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static void bareInsert(DataSource dataSource, int n) throws Exception {
        byte[] file = ATTACHMENT;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement seq = c.prepareStatement("""
                    insert into dossier_code_sequence (agency_code, day, last_number) values ('BENCH', current_date, 1)
                    on conflict (agency_code, day) do update set last_number = dossier_code_sequence.last_number + 1
                    returning last_number""")) {
                seq.executeQuery().close();
            }
            long id;
            try (PreparedStatement d = c.prepareStatement("""
                    insert into dossier (code, status, channel, procedure_code, procedure_name, processing_days, process_id,
                        receiving_agency, competent_agency, current_agency, owner, applicant_name, applicant_phone,
                        form_data, submitted_at, created_by, idempotency_key)
                    values (?, 'SUBMITTED', 'ONLINE', ?, 'Đăng ký khai sinh', 0,
                        (select min(id) from process), ?, ?, ?, 'citizen', 'Nguyễn Văn An', '0912345678',
                        cast(? as jsonb), ?, 'citizen', ?) returning id""")) {
                d.setString(1, "BENCH-" + n);
                d.setString(2, PROCEDURE);
                d.setString(3, AGENCY);
                d.setString(4, AGENCY);
                d.setString(5, AGENCY);
                d.setString(6, "{\"childFullName\":\"Nguyễn Văn An\"}");
                d.setTimestamp(7, Timestamp.from(Instant.now()));
                d.setString(8, "bench-" + n);
                try (var rs = d.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            // The bytes in stored_file under their hash, the row naming the hash, as the application does (issue 14).
            String sha256 = vn.motcua.platform.security.Hashes.sha256Hex(file);
            try (PreparedStatement f = c.prepareStatement("""
                    insert into stored_file (sha256, content, size) values (?, ?, ?) on conflict (sha256) do nothing""")) {
                for (int i = 0; i < 2; i++) {
                    f.setString(1, sha256);
                    f.setBytes(2, file);
                    f.setLong(3, file.length);
                    f.executeUpdate();
                }
            }
            try (PreparedStatement f = c.prepareStatement("""
                    insert into dossier_file (dossier_id, document_index, kind, file_name, content_type, size, sha256)
                    values (?, ?, 'DOCUMENT', 'giay-to.pdf', 'application/pdf', ?, ?)""")) {
                for (int i = 0; i < 2; i++) {
                    f.setLong(1, id);
                    f.setInt(2, i);
                    f.setLong(3, file.length);
                    f.setString(4, sha256);
                    f.executeUpdate();
                }
            }
            try (PreparedStatement h = c.prepareStatement("""
                    insert into dossier_history (dossier_id, at, actor, action, to_status) values (?, now(), 'citizen', 'SUBMIT', 'SUBMITTED')""")) {
                h.setLong(1, id);
                h.executeUpdate();
            }
            c.commit();
        }
    }

    static void report(String what, long[] nanos, int seconds, int clients) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %d in %d s with %d clients = %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                what, sorted.length, seconds, clients, sorted.length / (double) seconds, at(sorted, 0.5), at(sorted, 0.95),
                at(sorted, 0.99));
    }

    static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
