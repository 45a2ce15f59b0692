package vn.motcua.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.catalog.CatalogService;
import vn.motcua.platform.files.internal.FileSweep;
import vn.motcua.platform.security.Hashes;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** The clean-up of the database store: only files that no row references and that are older than the grace age go. */
@IntegrationTest
class FileSweepTest {

    @LocalServerPort int port;
    @Autowired FileStore files;
    @Autowired FileSweep sweep;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogService catalog;

    @Test
    void deletesOnlyUnreferencedFilesOlderThanTheGraceAge() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        byte[] scan = TestData.realPdf("Giay chung sinh don dep " + Instant.now());
        Map<String, Object> parts = TestData.submission(catalog.procedure("1.001193").orElseThrow(), "000.31.01.H57");
        parts.put("document1", new FilePart("giay-chung-sinh.pdf", "application/pdf", scan));
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String referenced = Hashes.sha256Hex(scan);
        String oldOrphan = files.put(("bỏ lại từ lâu " + Instant.now()).getBytes());
        String youngOrphan = files.put(("vừa đính kèm " + Instant.now()).getBytes());
        age(referenced);
        age(oldOrphan);

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(files.exists(referenced)).as("referenced by a dossier file").isTrue();
        assertThat(files.get(referenced)).contains(scan);
        assertThat(files.exists(oldOrphan)).as("unreferenced, older than the grace age").isFalse();
        assertThat(files.exists(youngOrphan)).as("unreferenced, younger than the grace age").isTrue();
        jdbc.sql("delete from stored_file where sha256 = ?").param(youngOrphan).update();
    }

    private void age(String sha256) {
        jdbc.sql("update stored_file set created_at = now() - interval '2 days' where sha256 = ?").param(sha256)
                .update();
    }
}
