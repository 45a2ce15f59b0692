package vn.motcua.integration.nationalportal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.platform.http.CallFailures;
import vn.motcua.platform.security.HmacSignatures;

/**
 * The national portal's HTTP API, for the intake and the status sync alike: every request carries the bearer token
 * (if set) and the {@code X-Signature} of its body; an answer counts only when it is a 2xx carrying a valid
 * {@code X-Signature} of its exact body, and for JSON an {@code error_code} "0". Anything else, or no answer within the timeout, is a failure.
 */
@Component
public class NationalPortalClient {

    /** A JSON answer larger than this is not one the national portal sends. */
    private static final long MAX_ANSWER = 64L * 1024 * 1024;

    private final NationalPortalProperties properties;
    private final JsonMapper json;
    private final RestClient client;

    NationalPortalClient(NationalPortalProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        if (!properties.configured()) {
            this.client = null;
            return;
        }
        // HTTP/1.1: a plain-http peer need not understand the HTTP/2 upgrade the JDK client would otherwise try.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(properties.timeout());
        RestClient.Builder builder = RestClient.builder().requestFactory(requests);
        if (properties.token() != null && !properties.token().isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token());
        }
        this.client = builder.build();
    }

    public boolean available() {
        return client != null;
    }

    public String provinceCode() {
        return properties.provinceCode();
    }

    public URI base() {
        return properties.url();
    }

    /** Posts a JSON body to {@code {url}{path}} and answers the verified JSON answer, whose error_code is "0". */
    public JsonNode post(String path, String body) {
        byte[] answer = exchange(URI.create(properties.url().toString().replaceAll("/+$", "") + path), body,
                MAX_ANSWER);
        JsonNode node;
        try {
            node = json.readTree(answer);
        } catch (JacksonException e) {
            throw new NationalPortalException("the national portal did not answer in JSON");
        }
        String code = IntakeMapping.text(node, IntakeMapping.ERROR_CODE);
        if (!IntakeMapping.OK.equals(code)) {
            throw new NationalPortalException("the national portal refused (error_code " + code + "): "
                    + IntakeMapping.text(node, IntakeMapping.MESSAGE));
        }
        return node;
    }

    /**
     * Downloads a document (a signed GET).
     *
     * @throws DocumentTooLarge when it is larger than {@code maxBytes}
     */
    public byte[] document(URI url, long maxBytes) {
        return exchange(url, null, maxBytes);
    }

    private byte[] exchange(URI url, String body, long maxBytes) {
        byte[] sent = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String secret = properties.signingSecret();
        try {
            RestClient.RequestBodySpec request = (body == null ? client.method(org.springframework.http.HttpMethod.GET)
                    : client.post()).uri(url).header(HmacSignatures.HEADER,
                    HmacSignatures.sign(secret, sent));
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(sent);
            }
            return request.exchange((req, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new NationalPortalException("the national portal answered " + response.getStatusCode());
                }
                byte[] answer = read(response.getBody(), maxBytes);
                if (!HmacSignatures.verify(secret, answer,
                        response.getHeaders().getFirst(HmacSignatures.HEADER))) {
                    throw new NationalPortalException("the national portal's answer is not signed (X-Signature)");
                }
                return answer;
            });
        } catch (NationalPortalException | DocumentTooLarge e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NationalPortalException(CallFailures.describe(e, properties.timeout()), e);
        }
    }

    private static byte[] read(InputStream in, long maxBytes) throws IOException {
        int limit = maxBytes >= Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : (int) maxBytes + 1;
        byte[] bytes = in.readNBytes(limit);
        if (bytes.length > maxBytes) {
            throw new DocumentTooLarge(maxBytes);
        }
        return bytes;
    }

    /** A document over the size limit: not a failure to retry, a reason to refuse. */
    public static class DocumentTooLarge extends RuntimeException {

        private final long maxBytes;

        DocumentTooLarge(long maxBytes) {
            super("document larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }
}
