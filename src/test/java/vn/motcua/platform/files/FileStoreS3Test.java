package vn.motcua.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.platform.files.internal.FileMoveCommand;
import vn.motcua.platform.files.internal.FileMove;
import vn.motcua.platform.files.internal.FileSweep;
import vn.motcua.platform.security.Hashes;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.TestData;
import vn.motcua.wallet.StoredDocument;
import vn.motcua.wallet.WalletService;

/**
 * Files in an S3-compatible store: Adobe S3Mock (copied to target/s3mock by the build) runs as its own process on
 * loopback, and the application is started here with {@code motcua.files.store=s3} (its own context: the shared one
 * keeps the database store). A dossier's attachment and the wallet document made from it are one object; the move
 * command takes every file to the database and back, checking each hash.
 */
class FileStoreS3Test {

    static final String BUCKET = "motcua-files";
    static final String BIRTH = "1.001193";
    static final String WARD = "000.31.01.H57";

    static Process s3mock;
    static S3Client bucket;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        int httpPort = freePort();
        Path jar = Path.of("target/s3mock/s3mock.jar");
        assertThat(jar).as("run the build's generate-test-resources phase first").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        s3mock = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(),
                "--server.port=" + freePort(), "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("s3"))
                .redirectErrorStream(true).redirectOutput(root.resolve("s3mock.log").toFile()).start();
        await("S3Mock listening").atMost(Duration.ofSeconds(90)).until(() -> listening(httpPort));
        String endpoint = "http://127.0.0.1:" + httpPort;
        bucket = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        await("bucket ready").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> bucket.headBucket(b -> b.bucket(BUCKET)) != null);

        app = new SpringApplicationBuilder(MotCuaApplication.class).profiles("test").properties(Map.of(
                "server.port", "0",
                "motcua.files.store", "s3",
                "motcua.files.s3.endpoint", endpoint,
                "motcua.files.s3.bucket", BUCKET,
                "motcua.files.s3.path-style", "true",
                "motcua.files.s3.access-key", "test",
                "motcua.files.s3.secret-key", "test")).run();
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (bucket != null) {
            bucket.close();
        }
        if (s3mock != null) {
            s3mock.destroy();
        }
    }

    @Test
    void theDossierAndTheWalletShareOneObjectAndTheMoveCommandTakesFilesToTheDatabaseAndBack() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        byte[] scan = TestData.realPdf("Giay chung sinh S3 " + Instant.now());
        String sha = Hashes.sha256Hex(scan);
        Map<String, Object> parts = TestData.submission(app.getBean(CatalogService.class).procedure(BIRTH)
                .orElseThrow(), WARD);
        parts.put("document1", new FilePart("giay-chung-sinh.pdf", "application/pdf", scan));
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();
        assertThat(reception.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE")).status())
                .isEqualTo(200);

        // The wallet got the document: its bytes read back through the store, as do the dossier's.
        WalletService wallet = app.getBean(WalletService.class);
        StoredDocument kept = await("in the wallet").atMost(Duration.ofSeconds(20)).until(() -> wallet
                .documents("citizen").stream().filter(d -> d.source().equals("Hồ sơ " + code)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(wallet.content("citizen", kept.id())).isEqualTo(scan);
        String fileUrl = "/api/v1/dossiers/" + code + "/files/" + fileId(citizen, code, sha);
        assertThat(citizen.getBytes(fileUrl)).isEqualTo(scan);

        // One object for both, none of it in the database.
        String key = "sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
        assertThat(objects()).filteredOn(o -> o.key().endsWith(sha)).extracting(S3Object::key).containsExactly(key);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(storedRows(jdbc)).isZero();
        printStorageFigures(jdbc);

        // What comes back from the store is checked against its hash.
        byte[] other = "not the scan".getBytes();
        String otherSha = Hashes.sha256Hex(other);
        bucket.putObject(b -> b.bucket(BUCKET).key("sha256/" + otherSha.substring(0, 2) + "/"
                + otherSha.substring(2, 4) + "/" + otherSha), RequestBody.fromBytes("tampered".getBytes()));
        FileStore store = app.getBean(FileStore.class);
        assertThatThrownBy(() -> store.get(otherSha)).isInstanceOf(FileStore.CorruptFileException.class);

        // To the database: every verified file moves, the tampered one stays where it is and is counted.
        int inBucket = objects().size();
        FileMove.Report toDatabase = run("files", "move", "--to=database");
        assertThat(toDatabase.copied()).isEqualTo(inBucket - 1);
        assertThat(toDatabase.failed()).isEqualTo(1);
        assertThat(objects()).extracting(S3Object::key).containsExactly(
                "sha256/" + otherSha.substring(0, 2) + "/" + otherSha.substring(2, 4) + "/" + otherSha);
        assertThat(storedRows(jdbc)).isEqualTo(inBucket - 1);
        assertThat(jdbc.sql("select content from stored_file where sha256 = ?").param(sha).query(byte[].class)
                .single()).isEqualTo(scan);
        bucket.deleteObject(b -> b.bucket(BUCKET).key("sha256/" + otherSha.substring(0, 2) + "/"
                + otherSha.substring(2, 4) + "/" + otherSha));

        // Resumable: a file already in the target is not copied again, only checked and removed from the source.
        bucket.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(scan));
        FileMove.Report back = run("files", "move", "--to", "s3");
        assertThat(back.present()).isEqualTo(1);
        assertThat(back.copied()).isEqualTo(inBucket - 2);
        assertThat(back.failed()).isZero();
        assertThat(back.removed()).isEqualTo(inBucket - 1);
        assertThat(storedRows(jdbc)).isZero();
        assertThat(objects()).hasSize(inBucket - 1);
        assertThat(citizen.getBytes(fileUrl)).isEqualTo(scan);
        assertThat(wallet.content("citizen", kept.id())).isEqualTo(scan);

        // The clean-up deletes an object no row references once it is older than the cutoff; the scan stays.
        String orphan = store.put(("bỏ lại trong kho " + Instant.now()).getBytes());
        FileSweep sweep = app.getBean(FileSweep.class);
        sweep.sweep(); // with the grace age of a day: the orphan is too young
        assertThat(store.exists(orphan)).isTrue();
        assertThat(sweep.sweep(Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(1);
        assertThat(store.exists(orphan)).isFalse();
        assertThat(citizen.getBytes(fileUrl)).isEqualTo(scan);
        assertThat(wallet.content("citizen", kept.id())).isEqualTo(scan);

        // A command without a target says so and moves nothing.
        FileMoveCommand command = app.getBean(FileMoveCommand.class);
        command.run(new DefaultApplicationArguments("files", "move", "--to=ftp"));
        assertThat(command.getExitCode()).isEqualTo(2);
    }

    private static FileMove.Report run(String... args) {
        FileMoveCommand command = app.getBean(FileMoveCommand.class);
        command.run(new DefaultApplicationArguments(args));
        System.out.println(command.report());
        return command.report();
    }

    private static long fileId(ApiClient client, String code, String sha) {
        for (JsonNode file : client.get("/api/v1/dossiers/" + code).json().get("files")) {
            if (file.get("sha256").asString().equals(sha)) {
                return file.get("id").asLong();
            }
        }
        throw new AssertionError("no file " + sha + " in " + code);
    }

    private static List<S3Object> objects() {
        return bucket.listObjectsV2(b -> b.bucket(BUCKET)).contents();
    }

    private static long storedRows(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }

    /** Bytes as the old tables held them (every row its own copy) against the distinct stored objects. */
    private static void printStorageFigures(JdbcClient jdbc) {
        Map<String, Object> rows = jdbc.sql("""
                select (select coalesce(sum(size), 0) from dossier_file) as dossier_bytes,
                       (select coalesce(sum(size), 0) from wallet_document) as wallet_bytes,
                       (select count(*) from dossier_file) + (select count(*) from wallet_document) as row_count
                """).query().singleRow();
        long objectBytes = objects().stream().mapToLong(S3Object::size).sum();
        System.out.printf("files: %s rows, one copy per row %d bytes (dossier %s + wallet %s), stored once: %d objects,"
                        + " %d bytes (results not counted: their hash is in result_document without a size)%n",
                rows.get("row_count"), ((Number) rows.get("dossier_bytes")).longValue()
                        + ((Number) rows.get("wallet_bytes")).longValue(), rows.get("dossier_bytes"),
                rows.get("wallet_bytes"), objects().size(), objectBytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
