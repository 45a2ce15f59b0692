package vn.motcua.catalog.national;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.motcua.catalog.national.NationalCatalogMapping.MalformedAnswerException;
import vn.motcua.platform.security.HmacSignatures;

/**
 * The HTTP side of the national procedure database: one POST per question, JSON both ways, Bearer token out,
 * {@code X-Signature} checked on every answer. A 5xx, a cut connection or a late answer is tried again with a doubling
 * wait; anything else that is not a signed, well-formed 200 ends the fetch with a reason.
 */
@Component
public class NationalCatalogClient {

    private static final Logger log = LoggerFactory.getLogger(NationalCatalogClient.class);
    /** More than a province's largest field; a longer answer is not what was asked for. */
    static final int MAX_PROCEDURES = 300;

    private final NationalCatalogProperties settings;
    private final JsonMapper json;
    private final HttpClient http;

    NationalCatalogClient(NationalCatalogProperties settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public boolean configured() {
        return settings.configured();
    }

    /**
     * The procedures with these codes, once each, in the order asked, and the codes the national side does not know.
     */
    public Fetched byCodes(List<String> codes) throws NationalCatalogException {
        Map<String, NationalProcedure> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        int duplicates = 0;
        for (String code : codes) {
            List<NationalProcedure> answer = procedures(ask(NationalCatalogMapping.procedureRequest(json, code)));
            boolean any = false;
            for (NationalProcedure p : answer) {
                if (p.code().equals(code)) {
                    any = true;
                    if (found.putIfAbsent(code, p) != null) {
                        duplicates++;
                    }
                }
            }
            if (!any) {
                unknown.add(code);
            }
        }
        return new Fetched(List.copyOf(found.values()), unknown, duplicates);
    }

    /** Every procedure of a field (by its national field code). */
    public Fetched byField(String fieldCode) throws NationalCatalogException {
        List<String> codes;
        try {
            codes = NationalCatalogMapping.codes(ask(NationalCatalogMapping.fieldRequest(json, fieldCode)));
        } catch (MalformedAnswerException e) {
            throw malformed(e);
        }
        List<String> distinct = codes.stream().distinct().toList();
        if (distinct.size() > MAX_PROCEDURES) {
            throw new NationalCatalogException("national.catalog.tooMany", MAX_PROCEDURES);
        }
        Fetched fetched = byCodes(distinct);
        return new Fetched(fetched.procedures(), fetched.unknown(), fetched.duplicates() + codes.size() - distinct.size());
    }

    private List<NationalProcedure> procedures(JsonNode answer) throws NationalCatalogException {
        try {
            return NationalCatalogMapping.results(answer).stream().map(NationalCatalogMapping::procedure).toList();
        } catch (MalformedAnswerException e) {
            throw malformed(e);
        }
    }

    private static NationalCatalogException malformed(MalformedAnswerException e) {
        log.warn("National procedure database: malformed answer ({})", e.getMessage());
        return new NationalCatalogException("national.catalog.malformed");
    }

    /** One question, tried up to {@code attempts} times; the answer's body is parsed only once its signature holds. */
    private JsonNode ask(ObjectNode question) throws NationalCatalogException {
        if (!settings.configured()) {
            throw new NationalCatalogException("national.catalog.off");
        }
        byte[] body = json.writeValueAsBytes(question);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        Duration wait = settings.backoff();
        String lastFailure = "national.catalog.down";
        for (int attempt = 1; attempt <= Math.max(1, settings.attempts()); attempt++) {
            if (attempt > 1) {
                pause(wait);
                wait = wait.multipliedBy(2);
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                lastFailure = "national.catalog.timeout";
                log.warn("National procedure database: attempt {} timed out", attempt);
                continue;
            } catch (IOException e) {
                lastFailure = "national.catalog.down";
                log.warn("National procedure database: attempt {} failed ({})", attempt, e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NationalCatalogException("national.catalog.down", 1);
            }
            int status = response.statusCode();
            if (status >= 500) {
                lastFailure = "national.catalog.serverError";
                log.warn("National procedure database: attempt {} answered {}", attempt, status);
                continue;
            }
            if (status == 401 || status == 403) {
                throw new NationalCatalogException("national.catalog.refused", status);
            }
            if (status != 200) {
                throw new NationalCatalogException("national.catalog.status", status);
            }
            String signature = response.headers().firstValue(HmacSignatures.HEADER).orElse(null);
            if (!HmacSignatures.verify(settings.signingSecret(), response.body(), signature)) {
                log.warn("National procedure database: answer without a valid signature refused");
                throw new NationalCatalogException("national.catalog.unsigned");
            }
            try {
                return json.readTree(new String(response.body(), StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                throw new NationalCatalogException("national.catalog.malformed");
            }
        }
        throw new NationalCatalogException(lastFailure, settings.attempts());
    }

    private static void pause(Duration wait) throws NationalCatalogException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NationalCatalogException("national.catalog.down", 1);
        }
    }

    /** What a fetch brought: the procedures once each, the codes asked for that are unknown, duplicates dropped. */
    public record Fetched(List<NationalProcedure> procedures, List<String> unknown, int duplicates) {
    }
}
