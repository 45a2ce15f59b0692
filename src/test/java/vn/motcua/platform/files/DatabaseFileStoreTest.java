package vn.motcua.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.catalog.CatalogService;
import vn.motcua.platform.security.Hashes;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** The default file store, the {@code stored_file} table: one copy per content, checked on every read. */
@IntegrationTest
class DatabaseFileStoreTest {

    @LocalServerPort int port;
    @Autowired FileStore files;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogService catalog;

    @Test
    void theSameBytesAreStoredOnceAndReadBackCheckedAgainstTheirHash() {
        byte[] content = ("một tệp " + Instant.now()).getBytes();
        String sha = files.put(content);
        assertThat(files.put(content.clone())).isEqualTo(sha).isEqualTo(Hashes.sha256Hex(content));
        assertThat(rows(sha)).isEqualTo(1);
        assertThat(files.exists(sha)).isTrue();
        assertThat(files.get(sha)).contains(content);
        assertThat(files.get("0".repeat(64))).isEmpty();
        assertThat(files.exists("0".repeat(64))).isFalse();
        assertThatThrownBy(() -> files.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);

        jdbc.sql("update stored_file set content = ? where sha256 = ?").params("hỏng".getBytes(), sha).update();
        assertThatThrownBy(() -> files.get(sha)).isInstanceOf(FileStore.CorruptFileException.class);
        jdbc.sql("delete from stored_file where sha256 = ?").param(sha).update();
    }

    @Test
    void aWalletDocumentSharesTheStoredCopyOfTheDossierFileItCameFrom() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        byte[] scan = TestData.realPdf("Giay chung sinh mot ban " + Instant.now());
        String sha = Hashes.sha256Hex(scan);
        Map<String, Object> parts = TestData.submission(catalog.procedure("1.001193").orElseThrow(), "000.31.01.H57");
        parts.put("document1", new FilePart("giay-chung-sinh.pdf", "application/pdf", scan));
        String code = citizen.postMultipart("/api/v1/dossiers", parts, null).json().get("code").asString();
        assertThat(reception.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE")).status())
                .isEqualTo(200);

        await("in the wallet").atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from wallet_document where owner = 'citizen' and sha256 = ?").param(sha)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from dossier_file where sha256 = ?").param(sha).query(Long.class).single())
                .isEqualTo(1);
        assertThat(rows(sha)).isEqualTo(1);
    }

    private long rows(String sha) {
        return jdbc.sql("select count(*) from stored_file where sha256 = ?").param(sha).query(Long.class).single();
    }
}
