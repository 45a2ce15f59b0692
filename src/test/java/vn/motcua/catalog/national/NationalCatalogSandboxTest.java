package vn.motcua.catalog.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.platform.security.HmacSignatures;
import vn.motcua.support.IntegrationTest;

/**
 * The demo's sandbox speaks the national protocol with signed answers, and its procedures set against the demo catalog
 * show what the README's demo step promises: 2.000635 changed in its processing time, 1.001193 only gaining its
 * announcing decision.
 */
@IntegrationTest
class NationalCatalogSandboxTest {

    @Autowired CatalogService catalog;
    @Autowired JsonMapper json;

    @Test
    void theSandboxAnswersSignedProceduresThatDifferFromTheDemoCatalogAsDocumented() throws Exception {
        HttpServer server = NationalCatalogSandbox.start("sandbox-test-secret");
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/csdl-tthc");
            JsonNode changed = ask(http, url, "{\"service\":\"LayThuTuc\",\"maTTHC\":\"2.000635\"}");
            NationalProcedure extract = NationalCatalogMapping.procedure(NationalCatalogMapping.results(changed).getFirst());
            Procedure local = catalog.procedure("2.000635").orElseThrow();
            Procedure merged = NationalCatalogImports.merge(local, extract.procedure());
            assertThat(merged.processingTime()).isNotEqualTo(local.processingTime());
            assertThat(new Procedure(merged.code(), merged.name(), merged.field(), merged.level(),
                    merged.implementingAgency(), merged.agencies(), merged.onlineLevel(), merged.processingDays(),
                    local.processingTime(), merged.fees(), merged.feeNote(), merged.documents(), merged.applicantTypes(),
                    merged.requirements(), merged.legalBasis(), merged.result(), merged.steps(), merged.formFields()))
                    .isEqualTo(local);
            assertThat(extract.decisionNumber()).isEqualTo("1872/QĐ-BTP");

            JsonNode same = ask(http, url, "{\"service\":\"LayThuTuc\",\"maTTHC\":\"1.001193\"}");
            Procedure birth = catalog.procedure("1.001193").orElseThrow();
            assertThat(NationalCatalogImports.merge(birth, NationalCatalogMapping.procedure(
                    NationalCatalogMapping.results(same).getFirst()).procedure())).isEqualTo(birth);

            JsonNode field = ask(http, url, "{\"service\":\"LayDanhSachTTHC\",\"maLinhVuc\":\"HOTICH\"}");
            assertThat(NationalCatalogMapping.codes(field)).containsExactly("1.001193", "2.000635", "1.009990");
            assertThat(NationalCatalogMapping.results(ask(http, url, "{\"service\":\"LayThuTuc\",\"maTTHC\":\"1.999999\"}")))
                    .isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void startsOnlyInDemoModeWithoutAConfiguredUrl() {
        StandardEnvironment configured = environment(Map.of("motcua.demo.enabled", "true",
                "motcua.national-catalog.url", "https://csdl.example/api"));
        new NationalCatalogSandbox().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getPropertySources().contains("national-catalog-sandbox")).isFalse();

        StandardEnvironment production = environment(Map.of());
        new NationalCatalogSandbox().postProcessEnvironment(production, new SpringApplication());
        assertThat(production.getProperty("motcua.national-catalog.url")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }

    private JsonNode ask(HttpClient http, URI url, String question) throws Exception {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString(question)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(HmacSignatures.verify("sandbox-test-secret", answer.body(),
                answer.headers().firstValue(HmacSignatures.HEADER).orElse(null))).isTrue();
        assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("HỘP CÁT THỬ NGHIỆM");
        return json.readTree(answer.body());
    }
}
