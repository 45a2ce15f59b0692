package vn.motcua.integration.nationalportal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.platform.security.HmacSignatures;

/**
 * Cổng Dịch vụ công quốc gia – HỘP CÁT THỬ NGHIỆM: a SANDBOX of the national portal for demos and tests, on 127.0.0.1
 * and a free port, started by {@link NationalPortalSandboxStarter} in demo mode when no national portal is configured.
 * It speaks the whole contract, signed both ways: intake pulls served from its queue (a dossier stays queued until it
 * is acknowledged), the documents (small PDFs it makes), acknowledgements, status messages (a repeated MessageId is
 * accepted again without effect) and reconciliation counts from what it recorded. Its page {@code /} lists all that
 * and queues test dossiers. Nothing it holds is real, and it never runs in production.
 */
public final class NationalPortalSandbox implements AutoCloseable {

    /** The property that holds the running sandbox's URL (the admin page links to it). */
    public static final String URL_PROPERTY = "motcua.national-portal.sandbox-url";
    private static final Map<String, NationalPortalSandbox> RUNNING = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final String secret;
    private final URI url;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SandboxDossiers dossiers;
    /** National code → the dossier, in queueing order; served until acknowledged. */
    private final Map<String, Map<String, Object>> queue = new LinkedHashMap<>();
    private final Map<String, JsonNode> acknowledgements = new LinkedHashMap<>();
    private final Map<String, JsonNode> statusMessages = new LinkedHashMap<>();
    /** The application's clock, handed over once its context has one (the sandbox starts before it). */
    private volatile Clock clock;

    private NationalPortalSandbox(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.dossiers = new SandboxDossiers(url);
        server.setExecutor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("national-sandbox")
                .factory()));
        server.createContext("/", this::handle);
        server.start();
        RUNNING.put(url.toString(), this);
    }

    public static NationalPortalSandbox start(String secret) throws IOException {
        return new NationalPortalSandbox(secret);
    }

    /** The sandbox running at this URL (demo and tests), if any. */
    public static java.util.Optional<NationalPortalSandbox> at(String url) {
        return java.util.Optional.ofNullable(url == null ? null : RUNNING.get(url.replaceAll("/+$", "")));
    }

    public URI url() {
        return url;
    }

    /** Dates the test dossiers and the page with the application's clock. */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    private Instant now() {
        Clock c = clock;
        return c == null ? null : c.instant();
    }

    /** Queues a test dossier: for a demo procedure and ward that exist, or for an unknown procedure. */
    public synchronized String queue(boolean unknownProcedure) {
        Map<String, Object> d = dossiers.next(unknownProcedure, now());
        queue.put((String) d.get(IntakeMapping.NATIONAL_CODE), d);
        return (String) d.get(IntakeMapping.NATIONAL_CODE);
    }

    /** The acknowledgements received, by national code (the last one of each). */
    public synchronized Map<String, JsonNode> acknowledgements() {
        return new LinkedHashMap<>(acknowledgements);
    }

    /** The status messages received, by MessageId (the first of each). */
    public synchronized Map<String, JsonNode> statusMessages() {
        return new LinkedHashMap<>(statusMessages);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = read(exchange.getRequestBody());
            if ("GET".equals(method) && "/".equals(path)) {
                send(exchange, 200, "text/html; charset=utf-8", page().getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            if ("POST".equals(method) && "/hang-doi".equals(path)) {
                Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
                queue("unknown".equals(form.get("loai")));
                exchange.getResponseHeaders().set("Location", "/");
                send(exchange, 303, "text/plain; charset=utf-8", new byte[0], false);
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst(HmacSignatures.HEADER);
            if (!HmacSignatures.verify(secret, body, signature)) {
                answer(exchange, 401, Map.of(IntakeMapping.ERROR_CODE, "401", IntakeMapping.MESSAGE,
                        "Chữ ký X-Signature không hợp lệ"));
                return;
            }
            if ("GET".equals(method) && path.startsWith(SandboxDossiers.FILES)) {
                byte[] pdf = dossiers.document(path.substring(SandboxDossiers.FILES.length()));
                if (pdf == null) {
                    answer(exchange, 404, Map.of(IntakeMapping.ERROR_CODE, "404", IntakeMapping.MESSAGE, "Không có tệp"));
                } else {
                    send(exchange, 200, "application/pdf", pdf, true);
                }
                return;
            }
            JsonNode request = json.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            switch (path) {
                case IntakeMapping.PULL_PATH -> answer(exchange, 200, ok("data", pull(request.path(IntakeMapping.COUNT)
                        .asInt(20))));
                case IntakeMapping.ACK_PATH -> {
                    acknowledge(request);
                    answer(exchange, 200, ok(null, null));
                }
                case "/ho-so/dong-bo-trang-thai" -> answer(exchange, 200, ok("accepted", statuses(request)));
                case "/ho-so/doi-soat" -> answer(exchange, 200, ok("data", reconcile(request.path("Ngay").asString())));
                default -> answer(exchange, 404, Map.of(IntakeMapping.ERROR_CODE, "404", IntakeMapping.MESSAGE,
                        "Không có dịch vụ " + path));
            }
        } catch (RuntimeException e) {
            // The sandbox answers a bad request as the national portal would, never with a dropped connection.
            try {
                answer(exchange, 400, Map.of(IntakeMapping.ERROR_CODE, "400", IntakeMapping.MESSAGE,
                        "Yêu cầu không hợp lệ: " + e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the exchange is closed already
            }
        }
    }

    private synchronized List<Map<String, Object>> pull(int count) {
        return queue.values().stream().limit(Math.max(1, count)).toList();
    }

    private synchronized void acknowledge(JsonNode ack) {
        String code = ack.path(IntakeMapping.NATIONAL_CODE).asString();
        acknowledgements.put(code, ack);
        queue.remove(code);
    }

    private synchronized List<String> statuses(JsonNode request) {
        List<String> accepted = new ArrayList<>();
        for (JsonNode message : request.path("data")) {
            String id = message.path("MessageId").asString();
            if (!id.isBlank()) {
                statusMessages.putIfAbsent(id, message);
                accepted.add(id);
            }
        }
        return accepted;
    }

    /** Distinct dossiers per agency with a status message whose NgayCapNhat falls on the day. */
    private synchronized List<Map<String, Object>> reconcile(String day) {
        String prefix = day.replace("-", "");
        Map<String, Set<String>> perAgency = new TreeMap<>();
        for (JsonNode m : statusMessages.values()) {
            if (m.path("NgayCapNhat").asString().startsWith(prefix)) {
                perAgency.computeIfAbsent(m.path("MaCoQuan").asString(), k -> new java.util.HashSet<>())
                        .add(m.path("MaHoSo").asString());
            }
        }
        List<Map<String, Object>> data = new ArrayList<>();
        perAgency.forEach((agency, codes) -> data.add(Map.of("MaCoQuan", agency, "SoHoSo", codes.size())));
        return data;
    }

    private synchronized String page() {
        return SandboxPage.render(queue.values(), acknowledgements.values(), statusMessages.values(), now());
    }

    private static Map<String, Object> ok(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(IntakeMapping.ERROR_CODE, IntakeMapping.OK);
        body.put(IntakeMapping.MESSAGE, "Thành công (hộp cát thử nghiệm)");
        if (field != null) {
            body.put(field, value);
        }
        return body;
    }

    private void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body), true);
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body, boolean signed) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (signed) {
            exchange.getResponseHeaders().set(HmacSignatures.HEADER,
                    HmacSignatures.sign(secret, body));
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(1024 * 1024);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        RUNNING.remove(url.toString());
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
