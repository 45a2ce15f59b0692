package vn.motcua.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.support.TestData;

/**
 * Crash drill: online submissions with attachments from several clients through the public API, a {@code kill -9} of
 * the application (mode {@code app}) or of the application and its embedded PostgreSQL together (mode {@code all}) at
 * a random moment under load, a restart with the README's own command on the same data folder, then what survived.
 *
 * <p>The portal runs as README command 1 runs it: {@code ./mvnw spring-boot:run} in the project folder, in a child
 * process, with {@code MOTCUA_DATA_DIR} and {@code SERVER_PORT} in its environment. Maven forks the application's JVM
 * ({@code vn.motcua.MotCuaApplication}); that JVM is the one killed, found among the command's descendants. The
 * embedded server's postmaster (and its backends) is found through the data folder's {@code postmaster.pid}.
 *
 * <p>Each client signs in as {@code citizen}, sends {@code POST /api/v1/dossiers} with two PDF attachments of its own
 * (unique text, so each hash names one submission) and an {@code Idempotency-Key} per submission, and records the code
 * of each {@code 201}. After the restart: each acknowledged dossier is read and its files downloaded and hashed; each
 * client sends its last acknowledged and its in-flight submission again with the same keys; the database is asked how
 * many dossiers each key made.
 *
 * <p>Run: {@code bench/crash-drill.sh [app|all] [seconds] [clients] [data folder]} (defaults app, 25, 8,
 * {@code /tmp/drill-<mode>-<time>}); port {@code SERVER_PORT}, default 18080.
 */
public final class CrashDrill {

    private static final String PROCEDURE = SubmissionBench.PROCEDURE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One submission: what was sent, under which key, with which file hashes; its code once acknowledged. */
    record Submission(String key, byte[] body, Set<String> hashes, String[] code) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "app";
        if (!mode.equals("app") && !mode.equals("all")) {
            throw new IllegalArgumentException("mode is app (the JVM) or all (the JVM and its PostgreSQL), not " + mode);
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        long run = System.currentTimeMillis() / 1000;
        Path data = Path.of(args.length > 3 ? args[3] : "/tmp/drill-" + mode + "-" + run).toAbsolutePath();
        int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "18080"));
        Files.createDirectories(data);
        Random random = new Random(run);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Portal portal = new Portal(Path.of("").toAbsolutePath(), data, port, http);

        System.out.printf("crash drill, mode %s, %d s of load, %d clients, data %s, port %d%n", mode, seconds, clients, data, port);
        System.out.printf("first start: %.1f s%n", portal.start("portal-1.log") / 1000.0);
        byte[] form = formPart(http, port);

        // Load, then the kill at a random moment between 30% and 90% of it.
        List<Submission> acknowledged = new ArrayList<>();
        AtomicReferenceArray<Submission> inFlight = new AtomicReferenceArray<>(clients);
        AtomicReferenceArray<Submission> lastAcknowledged = new AtomicReferenceArray<>(clients);
        ConcurrentLinkedQueue<Submission> acks = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            String token = token(http, port);
            threads.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; !stop.get(); n++) {
                    Submission s = submission("drill-" + run + "-" + client + "-" + n, form);
                    inFlight.set(client, s);
                    try {
                        String code = submit(http, port, token, s);
                        if (code == null) {
                            refused.incrementAndGet();
                            continue;
                        }
                        s.code()[0] = code;
                        acks.add(s);
                        lastAcknowledged.set(client, s);
                        inFlight.set(client, null);
                    } catch (IOException e) {
                        return; // the portal is gone: this submission stays in flight
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        long killAt = (long) (seconds * 1000 * (0.3 + 0.6 * random.nextDouble()));
        Thread.sleep(killAt);
        int before = acks.size();
        portal.kill(mode.equals("all"));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        acknowledged.addAll(acks);
        long inFlightCount = java.util.stream.IntStream.range(0, clients).filter(c -> inFlight.get(c) != null).count();
        System.out.printf("killed (%s) after %.1f s of load: %d acknowledged (%d at the kill signal), %d in flight, %d refused%n",
                mode.equals("all") ? "application and PostgreSQL" : "application", killAt / 1000.0, acknowledged.size(),
                before, inFlightCount, refused.get());

        long restart = portal.start("portal-2.log");
        System.out.printf("restart with the same command: %.1f s until the portal answered%s%n", restart / 1000.0,
                portal.startedIn("portal-2.log"));

        // What survived, through the API.
        String token = token(http, port);
        int missing = 0;
        int missingFile = 0;
        for (Submission s : acknowledged) {
            HttpResponse<String> view = get(http, port, token, "/api/v1/dossiers/" + s.code()[0]);
            if (view.statusCode() != 200) {
                missing++;
                continue;
            }
            Set<String> found = new TreeSet<>();
            for (JsonNode file : JSON.readTree(view.body()).get("files")) {
                HttpResponse<byte[]> content = http.send(request(port, token, "/api/v1/dossiers/" + s.code()[0] + "/files/"
                        + file.get("id").asLong()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (content.statusCode() == 200) {
                    found.add(sha256(content.body()));
                }
            }
            if (!found.containsAll(s.hashes())) {
                missingFile++;
            }
        }
        // The clients retry: the last acknowledged submission (must answer its code) and the one in flight (twice:
        // both answers must name one dossier).
        int changedCodes = 0;
        List<String> retriedKeys = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Submission last = lastAcknowledged.get(c);
            if (last != null) {
                retriedKeys.add(last.key());
                if (!last.code()[0].equals(submit(http, port, token, last))) {
                    changedCodes++;
                }
            }
            Submission pending = inFlight.get(c);
            if (pending != null) {
                retriedKeys.add(pending.key());
                String first = submit(http, port, token, pending);
                if (first == null || !first.equals(submit(http, port, token, pending))) {
                    changedCodes++;
                }
            }
        }
        // And the database: how many dossiers each key made, and whether an acknowledged code names another one.
        Map<String, List<String>> codesByKey = portal.codesByKey("drill-" + run + "-");
        int duplicates = changedCodes;
        for (List<String> codes : codesByKey.values()) {
            duplicates += codes.size() - 1;
        }
        int reassigned = 0;
        for (Submission s : acknowledged) {
            List<String> codes = codesByKey.get(s.key());
            if (codes != null && !codes.contains(s.code()[0])) {
                reassigned++;
            }
        }
        System.out.printf("acknowledged before the kill: %d%n", acknowledged.size());
        System.out.printf("missing after the restart: %d%s%n", missing, reassigned > 0 ? " (" + reassigned + " codes reassigned)" : "");
        System.out.printf("missing a file (hash compared): %d%n", missingFile);
        System.out.printf("duplicates after %d retries with the same keys: %d%n", retriedKeys.size(), duplicates);
        System.out.printf("restart time: %.1f s%n", restart / 1000.0);
        portal.stop();
        System.out.printf("logs and data kept in %s%n", data);
    }

    /** The README's command 1 on a data folder of its own, and what the drill needs of the process tree it starts. */
    static final class Portal {
        private final Path project;
        private final Path data;
        private final int port;
        private final HttpClient http;
        private Process maven;

        Portal(Path project, Path data, int port, HttpClient http) {
            this.project = project;
            this.data = data;
            this.port = port;
            this.http = http;
        }

        /**
         * Starts {@code ./mvnw spring-boot:run}; returns the milliseconds until the home page and the procedure the
         * drill submits to both answered 200.
         */
        long start(String log) throws Exception {
            long start = System.nanoTime();
            ProcessBuilder command = new ProcessBuilder("./mvnw", "-B", "-q", "spring-boot:run").directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(data.resolve(log).toFile());
            command.environment().put("MOTCUA_DATA_DIR", data.toString());
            command.environment().put("SERVER_PORT", Integer.toString(port));
            maven = command.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!maven.isAlive()) {
                    throw new IllegalStateException("./mvnw spring-boot:run ended with " + maven.exitValue() + "; see " + data.resolve(log));
                }
                try {
                    // The portal's pages answer before a demo start has loaded the catalog; the drill needs both.
                    if (answers("/") && answers("/api/v1/procedures/" + PROCEDURE)) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the portal did not answer within 10 minutes; see " + data.resolve(log));
        }

        private boolean answers(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }

        /** The application's own start time as Spring Boot logged it, if it did. */
        String startedIn(String log) throws IOException {
            return Files.readAllLines(data.resolve(log)).stream().filter(l -> l.contains("Started MotCuaApplication in"))
                    .map(l -> " (Spring Boot: " + l.substring(l.indexOf("Started MotCuaApplication in") + 29).strip() + ")")
                    .findFirst().orElse("");
        }

        /** The forked application JVM: the Java descendant of the command that is not Maven itself. */
        ProcessHandle application() {
            return maven.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                    .filter(p -> !String.join(" ", p.info().arguments().orElse(new String[0])).contains("plexus.classworlds"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no application JVM under ./mvnw"));
        }

        /** The embedded server's postmaster, from the first line of the data folder's {@code postmaster.pid}. */
        ProcessHandle postmaster() throws IOException {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no PostgreSQL process " + pid));
        }

        /** SIGKILL to the application, and with {@code database} to the postmaster and all its backends at once. */
        void kill(boolean database) throws Exception {
            ProcessHandle application = application();
            List<ProcessHandle> server = new ArrayList<>();
            if (database) {
                ProcessHandle postmaster = postmaster();
                server.add(postmaster);
                postmaster.descendants().forEach(server::add);
            }
            application.destroyForcibly();
            server.forEach(ProcessHandle::destroyForcibly);
            application.onExit().get();
            for (ProcessHandle p : server) {
                p.onExit().get();
            }
            maven.waitFor();
        }

        /** Stops the application as an operator would (SIGTERM: Spring closes, the embedded server with it). */
        void stop() throws Exception {
            ProcessHandle application = application();
            application.destroy();
            application.onExit().get();
            maven.waitFor();
        }

        /** Codes of the dossiers made under each idempotency key that starts with {@code prefix}, from the database. */
        Map<String, List<String>> codesByKey(String prefix) throws Exception {
            List<String> pid = Files.readAllLines(data.resolve("postgres/postmaster.pid"));
            Map<String, List<String>> codes = new HashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
                    "postgres", "");
                 var query = c.prepareStatement("select idempotency_key, code from dossier where idempotency_key like ?")) {
                query.setString(1, prefix + "%");
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        codes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return codes;
        }
    }

    /** The {@code dossier} part every submission carries, from the procedure's record. */
    static byte[] formPart(HttpClient http, int port) throws Exception {
        HttpResponse<String> record = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/procedures/" + PROCEDURE)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (JsonNode f : JSON.readTree(record.body()).get("formFields")) {
            String type = f.path("type").asString();
            form.put(f.get("key").asString(), switch (type) {
                case "DATE" -> "2025-03-14";
                case "NUMBER" -> "3";
                case "ID_NUMBER" -> "046090001234";
                case "PHONE" -> "0912345678";
                case "EMAIL" -> "an@example.vn";
                case "TAX_CODE" -> "3301234567";
                case "SELECT" -> f.get("options").get(0).asString();
                default -> "Nguyễn Văn An";
            });
        }
        String dossier = JSON.writeValueAsString(Map.of("procedureCode", PROCEDURE, "agencyCode", SubmissionBench.AGENCY,
                "formData", form));
        return ("--drill\r\nContent-Disposition: form-data; name=\"dossier\"\r\nContent-Type: application/json\r\n\r\n"
                + dossier + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A submission with two PDF attachments of its own (the first two required documents of the procedure). */
    static Submission submission(String key, byte[] form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(form);
        Set<String> hashes = new TreeSet<>();
        for (int i = 0; i < 2; i++) {
            byte[] pdf = TestData.realPdf("Crash drill " + key + " document " + i, 20_000);
            hashes.add(sha256(pdf));
            out.writeBytes(("--drill\r\nContent-Disposition: form-data; name=\"document" + i + "\"; filename=\"giay-to-" + i
                    + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(pdf);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("--drill--\r\n".getBytes(StandardCharsets.UTF_8));
        return new Submission(key, out.toByteArray(), hashes, new String[1]);
    }

    /** The code of a 201, null for any other answer. */
    static String submit(HttpClient http, int port, String token, Submission s) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(port, token, "/api/v1/dossiers")
                .header("Content-Type", "multipart/form-data; boundary=drill").header("Idempotency-Key", s.key())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(s.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            System.out.println("HTTP " + response.statusCode() + " for " + s.key() + ": " + response.body());
            return null;
        }
        return JSON.readTree(response.body()).get("code").asString();
    }

    static String token(HttpClient http, int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"citizen\",\"password\":\"demo123\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    static HttpResponse<String> get(HttpClient http, int port, String token, String path) throws Exception {
        return http.send(request(port, token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(int port, String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
