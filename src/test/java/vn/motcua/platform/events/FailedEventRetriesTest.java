package vn.motcua.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.catalog.CatalogService;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * A listener that failed (its mail gateway, postal service or broker was down) is delivered again while the
 * application runs, not only at the next start; a failure younger than the retry delay waits.
 */
@IntegrationTest
class FailedEventRetriesTest {

    static final String WARD = "000.31.01.H57";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogService catalog;
    @Autowired FailedEventRetries retries;

    @Test
    void aFailedDeliveryToTheWalletIsDoneAgainOnceItIsOldEnough() {
        // A document of its own (the wallet keeps one copy of the same bytes per owner).
        Map<String, Object> parts = TestData.submission(catalog.procedure("1.001193").orElseThrow(), WARD);
        parts.put("document1", new FilePart("giay-chung-sinh.pdf", "application/pdf",
                TestData.realPdf("Retry " + System.nanoTime())));
        String code = ApiClient.signIn(port, "citizen", "demo123").postMultipart("/api/v1/dossiers", parts, null)
                .json().get("code").asString();
        assertThat(ApiClient.signIn(port, "reception", "demo123")
                .postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> walletDocumentsFrom(code) > 0 && !walletDeliveryOpen(code));
        // As if the wallet's listener had failed: its work undone, its publication left failed.
        jdbc.sql("delete from wallet_document where source = :source").param("source", "Hồ sơ " + code).update();
        failWalletDelivery(code, "now()");

        retries.retryFailed();
        assertThat(walletDocumentsFrom(code)).as("a failure younger than the retry delay waits").isZero();

        failWalletDelivery(code, "now() - interval '2 minutes'");
        retries.retryFailed();
        await().atMost(Duration.ofSeconds(20)).until(() -> walletDocumentsFrom(code) > 0 && !walletDeliveryOpen(code));
    }

    private void failWalletDelivery(String code, String publishedAt) {
        assertThat(jdbc.sql("""
                update event_publication set status = 'FAILED', completion_date = null,
                       publication_date = %s
                where listener_id like '%%DossierDocumentsToWallet%%' and serialized_event like :code""".formatted(publishedAt))
                .param("code", "%" + code + "%").update()).isEqualTo(1);
    }

    private long walletDocumentsFrom(String code) {
        return jdbc.sql("select count(*) from wallet_document where source = :source")
                .param("source", "Hồ sơ " + code).query(Long.class).single();
    }

    private boolean walletDeliveryOpen(String code) {
        return jdbc.sql("""
                select count(*) from event_publication
                where listener_id like '%DossierDocumentsToWallet%' and serialized_event like :code
                  and completion_date is null""").param("code", "%" + code + "%").query(Long.class).single() > 0;
    }
}
