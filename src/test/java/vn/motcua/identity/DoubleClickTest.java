package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.catalog.CatalogService;
import vn.motcua.support.ApiClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;
import vn.motcua.support.TestData;

/**
 * An official at the counter clicks a form's button twice (or three times) before the first answer comes: every
 * click of one session gets a real answer, the action is taken once, and nobody sees the error page.
 */
@IntegrationTest
class DoubleClickTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired JdbcClient jdbc;

    @Test
    void clicksOfOneSessionAtOnceEachGetAnAnswerAndActOnce() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();

        PageClient reception = new PageClient(port);
        reception.signIn("reception", "demo123");
        assertThat(reception.get("/quan-tri/ho-so/" + code).statusCode()).isEqualTo(200);
        List<CompletableFuture<HttpResponse<String>>> clicks = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> reception.post("/quan-tri/ho-so/" + code + "/thao-tac",
                        Map.of("action", "RECEIVE"))))
                .toList();

        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            HttpResponse<String> answer = click.join();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("/error");
        }
        assertThat(jdbc.sql("select count(*) from dossier_history h join dossier d on d.id = h.dossier_id "
                + "where d.code = ? and h.action = 'RECEIVE'").param(code).query(Integer.class).single()).isEqualTo(1);
        assertThat(reception.get("/quan-tri/ho-so/" + code).statusCode()).isEqualTo(200);
    }
}
