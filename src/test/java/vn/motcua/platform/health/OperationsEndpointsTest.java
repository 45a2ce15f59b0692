package vn.motcua.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.DispatcherServlet;

import vn.motcua.catalog.CatalogService;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * The operator's view of a running node over real HTTP: probes on both ports, Prometheus metrics on the management
 * port only (with the domain's own gauges, one of which moves with a submission), and the request id in the response
 * and in the log lines of the request.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest {

    static final String WARD = "000.31.01.H57";   // Phường Thuận Hóa
    static final String BIRTH = "1.001193";       // Đăng ký khai sinh: online, free
    static final List<String> DOMAIN_GAUGES = List.of("motcua_dossiers_received_today", "motcua_dossiers_overdue",
            "motcua_notifications_backlog", "motcua_postal_backlog", "motcua_events_incomplete",
            "motcua_reporting_unfolded", "motcua_reporting_lag_seconds",
            // National portal status sync (issue 16)
            "motcua_national_sync_backlog", "motcua_national_sync_failed");

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired CatalogService catalog;

    @Test
    void livenessAndReadinessAreUpOnTheManagementPortAndAsProbesOnThePublicOne() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            HttpResponse<String> response = Http.get(managementPort, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
        // The whole health names its components for the operator; the probes say UP or DOWN and nothing else.
        assertThat(Http.get(managementPort, "/actuator/health").body()).contains("\"db\"").contains("\"diskSpace\"");
        assertThat(Http.get(managementPort, "/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        for (String path : List.of("/livez", "/readyz")) {
            HttpResponse<String> response = Http.get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void aVisitorOnThePublicPortReadsNoManagementEndpoint() {
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/prometheus", "/actuator/health",
                "/actuator/heapdump", "/actuator/metrics")) {
            assertThat(Http.get(port, path).statusCode()).as(path).isEqualTo(404);
        }
        // Only health, info and prometheus exist at all, even on the management port.
        for (String path : List.of("/actuator/env", "/actuator/heapdump", "/actuator/metrics", "/actuator/beans")) {
            assertThat(Http.get(managementPort, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void prometheusHasHttpJvmPoolAndDomainMetricsAndAGaugeMovesWithASubmission() {
        Http.get(port, "/tra-cuu"); // at least one request timed
        String scrape = scrape();
        assertThat(scrape).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                "hikaricp_connections_active");
        for (String gauge : DOMAIN_GAUGES) {
            assertThat(value(scrape, gauge)).as(gauge).isNotNaN();
        }
        double before = value(scrape, "motcua_dossiers_received_today");

        TestData.receivedOnline(port, catalog.procedure(BIRTH).orElseThrow(), WARD);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(value(scrape(), "motcua_dossiers_received_today")).isGreaterThan(before));
    }

    @Test
    void theRequestIdIsAnsweredAndCarriedByTheRequestsLogLines(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        String logger = DispatcherServlet.class.getName();
        logging.setLogLevel(logger, LogLevel.DEBUG);
        try {
            HttpResponse<String> sane = Http.get(port, "/tra-cuu", "X-Request-Id", "lb-7f3a-0042");
            assertThat(sane.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a-0042");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(output.getOut()).containsPattern("\\[lb-7f3a-0042\\] .*DispatcherServlet"));

            HttpResponse<String> forged = Http.get(port, "/tra-cuu", "X-Request-Id", "x\" injected=1");
            String given = forged.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(given).matches("[0-9a-f-]{36}");
            HttpResponse<String> none = Http.get(port, "/khong-co-trang-nay");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.headers().firstValue("X-Request-Id")).isPresent();
        } finally {
            logging.setLogLevel(logger, null);
        }
    }

    private String scrape() {
        HttpResponse<String> response = Http.get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double value(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
