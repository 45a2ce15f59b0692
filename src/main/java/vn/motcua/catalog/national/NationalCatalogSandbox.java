package vn.motcua.catalog.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.motcua.platform.security.HmacSignatures;

/**
 * Demo mode only ({@code motcua.demo.enabled=true}) and only while {@code motcua.national-catalog.url} is unset: a
 * labelled sandbox "CSDL quốc gia về TTHC – HỘP CÁT THỬ NGHIỆM" on 127.0.0.1 that speaks the national procedure
 * database's protocol ({@link NationalCatalogMapping}) with the procedures of {@code catalog/national/sandbox.json},
 * so a newcomer sees the import work. It is started before the settings are bound, adds the url and a fresh signing
 * secret as the lowest-priority settings, and stops with the application. Never in production: demo mode is off
 * there, and a configured url always wins.
 */
public class NationalCatalogSandbox implements EnvironmentPostProcessor, Ordered {

    public static final String LABEL = "CSDL quốc gia về TTHC – HỘP CÁT THỬ NGHIỆM";
    private static final Logger requests = LoggerFactory.getLogger(NationalCatalogSandbox.class);

    /** Logging is not set up yet when this runs: Boot replays these lines once it is. */
    private final Log log;

    public NationalCatalogSandbox(DeferredLogFactory logs) {
        this.log = logs.getLog(NationalCatalogSandbox.class);
    }

    NationalCatalogSandbox() {
        this.log = LogFactory.getLog(NationalCatalogSandbox.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("motcua.demo.enabled", Boolean.class, false)
                || environment.containsProperty("motcua.national-catalog.url")) {
            return;
        }
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        String secret = HexFormat.of().formatHex(key);
        HttpServer server = start(secret);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/csdl-tthc";
        environment.getPropertySources().addLast(new MapPropertySource("national-catalog-sandbox", Map.of(
                "motcua.national-catalog.url", url, "motcua.national-catalog.signing-secret", secret,
                IN_USE, "true")));
        application.addListeners((ApplicationListener<ContextClosedEvent>) event -> server.stop(0));
        log.info(LABEL + " listening at " + url + " (demo mode; set motcua.national-catalog.url for the real one)");
    }

    /** Set while the sandbox stands in for the national side, so that the page can say so. */
    static final String IN_USE = "motcua.national-catalog.sandbox-in-use";

    static HttpServer start(String secret) {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode procedures;
        try (InputStream in = NationalCatalogSandbox.class.getResourceAsStream("/catalog/national/sandbox.json")) {
            procedures = json.readTree(in).path(NationalCatalogMapping.RESULT);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> answer(exchange, json, procedures, secret));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("The national catalog sandbox could not start", e);
        }
    }

    private static void answer(HttpExchange exchange, JsonMapper json, JsonNode procedures, String secret)
            throws IOException {
        try (exchange) {
            byte[] body;
            int status = 200;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                body = (LABEL + ": POST {\"service\": \"LayThuTuc\", \"maTTHC\": \"...\"}").getBytes(StandardCharsets.UTF_8);
            } else {
                JsonNode question = json.readTree(exchange.getRequestBody().readAllBytes());
                ObjectNode reply = json.createObjectNode().put(NationalCatalogMapping.ERROR_CODE, 0)
                        .put("message", LABEL);
                ArrayNode result = reply.putArray(NationalCatalogMapping.RESULT);
                String service = question.path(NationalCatalogMapping.SERVICE).asString("");
                for (JsonNode p : procedures) {
                    if (service.equals(NationalCatalogMapping.ONE_PROCEDURE) && p.path(NationalCatalogMapping.CODE)
                            .asString("").equals(question.path(NationalCatalogMapping.CODE_PARAMETER).asString(""))) {
                        result.add(p);
                    } else if (service.equals(NationalCatalogMapping.PROCEDURES_OF_FIELD)
                            && p.path(NationalCatalogMapping.FIELDS).path(0).path(NationalCatalogMapping.FIELD_CODE)
                            .asString("").equals(question.path(NationalCatalogMapping.FIELD_PARAMETER).asString(""))) {
                        result.addObject().put(NationalCatalogMapping.CODE, p.path(NationalCatalogMapping.CODE).asString(""))
                                .put(NationalCatalogMapping.NAME, p.path(NationalCatalogMapping.NAME).asString(""));
                    }
                }
                body = json.writeValueAsBytes(reply);
            }
            exchange.getResponseHeaders().put("Content-Type", List.of("application/json; charset=utf-8"));
            exchange.getResponseHeaders().put(HmacSignatures.HEADER, List.of(HmacSignatures.sign(secret, body)));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (RuntimeException e) {
            requests.warn("{}: bad request ({})", LABEL, e.toString());
        }
    }
}
