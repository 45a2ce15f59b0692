package vn.motcua.population.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.population.LgspMapping;

/**
 * Demo mode only ({@code motcua.demo.enabled=true}) and only while {@code motcua.population.url} is unset: the
 * "CSDL quốc gia về dân cư – HỘP CÁT THỬ NGHIỆM", a made-up LGSP population service on 127.0.0.1 and a free port,
 * speaking the same HTTP protocol as the real one ({@link LgspMapping}: an OAuth2 client-credentials token, signed
 * answers), started before the settings are bound and pointed to by {@code motcua.population.*}, stopped with the
 * application. Its register knows the demo applicants {@code citizen} and {@code business}, who match, and
 * {@value #MISMATCHED_ID} (Phạm Thị Hoa, born {@value #MISMATCHED_BIRTH}), so that a counter check with another birth
 * date shows a mismatch. It holds no real person.
 */
public class PopulationSandbox implements EnvironmentPostProcessor, Ordered {

    public static final String LABEL = "CSDL quốc gia về dân cư – HỘP CÁT THỬ NGHIỆM";
    public static final String MISMATCHED_ID = "046095009999";
    public static final String MISMATCHED_BIRTH = "10/03/1995";
    static final String CLIENT_ID = "motcua-sandbox";
    static final String CLIENT_SECRET = "sandbox-secret-not-for-production";
    static final String SIGNING_SECRET = "sandbox-signing-secret";

    private static final Map<String, Resident> REGISTER = Map.of(
            "046090001234", new Resident("Nguyễn Văn An", LocalDate.of(1990, 5, 14),
                    "12 Lê Lợi, phường Thuận Hóa, thành phố Huế", "12 Lê Lợi, phường Thuận Hóa, thành phố Huế"),
            "046185005678", new Resident("Trần Thị Bình", LocalDate.of(1985, 9, 2),
                    "45 Hùng Vương, phường Thuận Hóa, thành phố Huế", "45 Hùng Vương, phường Thuận Hóa, thành phố Huế"),
            MISMATCHED_ID, new Resident("Phạm Thị Hoa", LocalDate.of(1995, 3, 10),
                    "8 Đinh Tiên Hoàng, phường Thuận Hóa, thành phố Huế", "8 Đinh Tiên Hoàng, phường Thuận Hóa, thành phố Huế"),
            // The demo's second test identity (identity/demo/TestIdentities, born 21/03/1998 by the identity provider):
            // day and month swapped in the register, so that her online submission shows the applicant's mismatch.
            "046198004321", new Resident("Lê Minh Châu", LocalDate.of(1998, 3, 12),
                    "30 Trần Hưng Đạo, phường Thuận Hóa, thành phố Huế", "30 Trần Hưng Đạo, phường Thuận Hóa, thành phố Huế"));

    private final Log log;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    public PopulationSandbox(DeferredLogFactory logs) {
        this.log = logs.getLog(PopulationSandbox.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and the profiles are read
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("motcua.population.url");
        if (!environment.getProperty("motcua.demo.enabled", Boolean.class, false) || url != null && !url.isBlank()) {
            return;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            log.warn(LABEL + " not started: " + e.getMessage());
            return;
        }
        server.createContext("/token", this::token);
        server.createContext("/dancu" + LgspMapping.CHECK_PATH, this::check);
        server.createContext("/", this::label);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, Object> settings = new HashMap<>();
        settings.put("motcua.population.url", base + "/dancu");
        settings.put("motcua.population.token-url", base + "/token");
        settings.put("motcua.population.client-id", CLIENT_ID);
        settings.put("motcua.population.client-secret", CLIENT_SECRET);
        settings.put("motcua.population.signing-secret", SIGNING_SECRET);
        settings.put("motcua.population.sandbox", "true");
        // Last: any setting of the installation's (or a test's) own wins over the sandbox's.
        environment.getPropertySources().addLast(new MapPropertySource("population-sandbox", settings));
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
                server.stop(0);
            }
        });
        log.info(LABEL + " started at " + base + " (demo mode, motcua.population.url unset)");
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = read(exchange.getRequestBody());
        if (!"POST".equals(exchange.getRequestMethod()) || !form.contains("grant_type=client_credentials")
                || !form.contains("client_id=" + CLIENT_ID) || !form.contains("client_secret=" + CLIENT_SECRET)) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "sandbox-" + UUID.randomUUID();
        tokens.add(token);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void check(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !tokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(read(exchange.getRequestBody()));
        } catch (RuntimeException e) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        Resident resident = REGISTER.get(request.path(LgspMapping.ID_NUMBER).asString(""));
        Map<String, Object> answer = new HashMap<>();
        answer.put(LgspMapping.REQUEST_ID, request.path(LgspMapping.REQUEST_ID).asString(""));
        if (resident == null) {
            answer.put(LgspMapping.STATUS, LgspMapping.NOT_FOUND);
        } else {
            answer.put(LgspMapping.STATUS, LgspMapping.FOUND);
            answer.put(LgspMapping.COMPARISON, Map.of(LgspMapping.ID_NUMBER, true,
                    LgspMapping.FULL_NAME, fold(resident.name()).equals(fold(request.path(LgspMapping.FULL_NAME).asString(""))),
                    LgspMapping.BIRTH_DATE, LgspMapping.date(resident.birthDate())
                            .equals(request.path(LgspMapping.BIRTH_DATE).asString(""))));
            answer.put(LgspMapping.PERMANENT_ADDRESS, resident.permanentAddress());
            answer.put(LgspMapping.CURRENT_ADDRESS, resident.currentAddress());
        }
        send(exchange, 200, json.writeValueAsString(answer));
    }

    private void label(HttpExchange exchange) throws IOException {
        send(exchange, 200, "{\"ten\":\"" + LABEL + "\",\"dancu\":" + List.copyOf(REGISTER.keySet()).size() + "}");
    }

    private static String fold(String name) {
        return Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("X-Sandbox", "CSDL quoc gia ve dan cu - HOP CAT THU NGHIEM");
        exchange.getResponseHeaders().set(LgspMapping.SIGNATURE_HEADER, vn.motcua.platform.security.HmacSignatures.sign(SIGNING_SECRET, bytes));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private record Resident(String name, LocalDate birthDate, String permanentAddress, String currentAddress) {
    }
}
