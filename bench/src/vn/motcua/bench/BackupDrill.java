package vn.motcua.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.MotCuaApplication;
import vn.motcua.audit.VerifyTrail;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.support.TestData;

/**
 * The backup-and-restore drill: starts the demo on a scratch data folder (durable embedded PostgreSQL), submits
 * dossiers with files through the API, records every dossier code, every file's SHA-256 and the audit chain's heads,
 * backs up with {@code deploy/backup.sh} while the portal runs, stops it, wipes the folder, restores with
 * {@code deploy/restore.sh}, starts again on the same folder and checks that every dossier answers, every file has
 * the same hash, every recorded head is still in the chain and the whole chain verifies. Prints the figures; exits 1
 * when anything did not survive.
 *
 * <p>Run: {@code bench/backup-drill.sh [dossiers]} (default 30); {@code SERVER_PORT} for a fixed port.
 */
public final class BackupDrill {

    record Head(String stream, long seq, String hash) {
    }

    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private ConfigurableApplicationContext app;
    private int port;
    private String token;

    private BackupDrill(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path scratch = Files.createTempDirectory("motcua-drill-");
        Path backup = scratch.resolve("backup");
        BackupDrill drill = new BackupDrill(scratch.resolve("data"));
        try {
            System.exit(drill.run(dossiers, backup) ? 0 : 1);
        } finally {
            drill.stop();
            FileSystemUtils.deleteRecursively(scratch);
        }
    }

    private boolean run(int count, Path backup) throws Exception {
        long startedAt = System.nanoTime();
        start();
        System.out.printf("demo started on %s in %.1f s%n", dataDir, seconds(startedAt));
        Procedure procedure = app.getBean(CatalogService.class).procedure(SubmissionBench.PROCEDURE).orElseThrow();
        Map<String, Map<Long, String>> recorded = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String code = submit(procedure, i);
            recorded.put(code, fileHashes(code));
        }
        long files = recorded.values().stream().mapToLong(Map::size).sum();
        Thread.sleep(2_500); // the sealer chains what was recorded within a second
        String before = verifyTrail();
        List<Head> heads = heads();
        System.out.printf("before: %d dossiers, %d files, audit %s (%d streams)%n", recorded.size(), files, before, heads.size());

        long backupAt = System.nanoTime();
        script("deploy/backup.sh", backup.toString());
        double backupSeconds = seconds(backupAt);
        long backupBytes;
        try (Stream<Path> all = Files.walk(backup)) {
            backupBytes = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }

        stop();
        FileSystemUtils.deleteRecursively(dataDir);
        long restoreAt = System.nanoTime();
        script("deploy/restore.sh", backup.toString());
        double restoreSeconds = seconds(restoreAt);
        long restartAt = System.nanoTime();
        start();
        double restartSeconds = seconds(restartAt);

        int missingDossiers = 0;
        int changedFiles = 0;
        for (Map.Entry<String, Map<Long, String>> dossier : recorded.entrySet()) {
            Map<Long, String> now = fileHashes(dossier.getKey());
            if (now == null) {
                missingDossiers++;
                continue;
            }
            for (Map.Entry<Long, String> file : dossier.getValue().entrySet()) {
                if (!file.getValue().equals(now.get(file.getKey()))) {
                    changedFiles++;
                }
            }
        }
        int lostHeads = lostHeads(heads);
        String after = verifyTrail();
        boolean intact = after.startsWith("OK");

        System.out.println();
        System.out.printf("dossiers: %d recorded, %d missing after restore%n", recorded.size(), missingDossiers);
        System.out.printf("files: %d recorded, %d missing or with another SHA-256%n", files, changedFiles);
        System.out.printf("audit chain: before %s; recorded heads not found after: %d of %d; after: %s%n",
                before, lostHeads, heads.size(), after);
        System.out.printf("backup: %.1f MB (%s), %.1f s; restore %.1f s; restart on the restored folder %.1f s; whole drill %.0f s%n",
                backupBytes / 1e6, String.join(", ", listing(backup)), backupSeconds, restoreSeconds, restartSeconds,
                seconds(startedAt));
        boolean survived = missingDossiers == 0 && changedFiles == 0 && lostHeads == 0 && intact;
        System.out.println(survived ? "DRILL PASSED: everything survived" : "DRILL FAILED");
        return survived;
    }

    private void start() throws Exception {
        app = new SpringApplication(MotCuaApplication.class).run("--spring.profiles.active=demo",
                "--server.port=" + System.getenv().getOrDefault("SERVER_PORT", "0"),
                "--motcua.data-dir=" + dataDir, "--logging.level.root=WARN");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        token = SubmissionBench.token(http, port, json);
    }

    private void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /** Submits dossier number {@code n} with two attachments of its own (so every file has its own hash). */
    private String submit(Procedure procedure, int n) throws Exception {
        Map<String, String> form = SubmissionBench.formData(procedure, "Nguyễn Văn An " + n);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        text(body, "--drill\r\nContent-Disposition: form-data; name=\"dossier\"\r\nContent-Type: application/json\r\n\r\n"
                + json.writeValueAsString(Map.of("procedureCode", SubmissionBench.PROCEDURE, "agencyCode",
                SubmissionBench.AGENCY, "formData", form)) + "\r\n");
        int parts = 0;
        for (int i = 0; i < procedure.documents().size() && parts < 2; i++) {
            if (procedure.documents().get(i).mandatory()) {
                text(body, "--drill\r\nContent-Disposition: form-data; name=\"document" + i + "\"; filename=\"giay-to-"
                        + n + "-" + i + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
                body.writeBytes(TestData.realPdf("Ho so dien tap sao luu " + n + ", giay to " + i + " " + UUID.randomUUID(),
                        30_000 + n * 997));
                text(body, "\r\n");
                parts++;
            }
        }
        text(body, "--drill--\r\n");
        HttpResponse<String> response = http.send(request("/api/v1/dossiers")
                .header("Content-Type", "multipart/form-data; boundary=drill")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("code").asString();
    }

    /** Each file of the dossier by id with the SHA-256 of what downloading it gives; null when the dossier is gone. */
    private Map<Long, String> fileHashes(String code) throws Exception {
        HttpResponse<String> view = http.send(request("/api/v1/dossiers/" + code).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (view.statusCode() != 200) {
            return null;
        }
        Map<Long, String> hashes = new LinkedHashMap<>();
        for (JsonNode file : json.readTree(view.body()).get("files")) {
            long id = file.get("id").asLong();
            HttpResponse<byte[]> content = http.send(request("/api/v1/dossiers/" + code + "/files/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            hashes.put(id, content.statusCode() == 200
                    ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.body()))
                    : "HTTP " + content.statusCode());
        }
        return hashes;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    /** The command line verifier over the running database and the exported heads: "OK: n entries intact" or the break. */
    private String verifyTrail() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyTrail.run(new String[] {jdbcUrl(), "postgres", "", dataDir.resolve("audit").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String verdict = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("no answer");
        return status == 0 ? verdict : verdict + " (exit " + status + ")";
    }

    private List<Head> heads() throws Exception {
        List<Head> heads = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select stream, seq, hash from audit_head order by stream")) {
            while (rs.next()) {
                heads.add(new Head(rs.getString(1), rs.getLong(2), rs.getString(3)));
            }
        }
        return heads;
    }

    /** How many of the heads recorded before the backup are not, with the same hash, in the restored chain. */
    private int lostHeads(List<Head> heads) throws Exception {
        int lost = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             PreparedStatement entry = c.prepareStatement("select hash from audit_entry where stream = ? and seq = ?")) {
            for (Head head : heads) {
                entry.setString(1, head.stream());
                entry.setLong(2, head.seq());
                try (ResultSet rs = entry.executeQuery()) {
                    if (!rs.next() || !rs.getString(1).equals(head.hash())) {
                        lost++;
                    }
                }
            }
        }
        return lost;
    }

    private String jdbcUrl() {
        return ((HikariDataSource) app.getBean(javax.sql.DataSource.class)).getJdbcUrl();
    }

    private void script(String script, String argument) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder(script, argument).inheritIO();
        process.environment().put("MOTCUA_DATA_DIR", dataDir.toString());
        int status = process.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(script + " exited " + status);
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(p -> p.getFileName() + " " + String.format("%.1f MB", p.toFile().length() / 1e6)).toList();
        }
    }

    private static void text(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
