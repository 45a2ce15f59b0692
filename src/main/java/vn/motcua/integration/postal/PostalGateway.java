package vn.motcua.integration.postal;

import static vn.motcua.platform.text.Texts.blankToNull;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.platform.http.CallFailures;

/**
 * The postal service's HTTP JSON API, with a bearer token:
 * <ul>
 * <li>{@code POST {url}/shipments} {@code {"type":"PICKUP|DELIVERY","reference":"<dossier code>","name","phone",
 * "address","note"}} answers {@code 201 {"trackingNumber","status"}};</li>
 * <li>{@code GET {url}/shipments/{trackingNumber}} answers {@code {"trackingNumber","status","at","note"}}.</li>
 * </ul>
 * Anything but a 2xx answer with a tracking number, or no answer within the timeout, is a failure the caller retries.
 */
@Component
public class PostalGateway {

    private final RestClient client;
    private final JsonMapper json;
    private final java.time.Duration timeout;

    PostalGateway(PostalProperties properties, JsonMapper json) {
        this.json = json;
        this.timeout = properties.timeout();
        if (properties.url() == null) {
            this.client = null;
            return;
        }
        // HTTP/1.1: a plain-http peer need not understand the HTTP/2 upgrade the JDK client would otherwise try.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        RestClient.Builder builder = RestClient.builder().requestFactory(requests)
                .baseUrl(properties.url().toString().replaceAll("/+$", ""));
        if (properties.token() != null && !properties.token().isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token());
        }
        this.client = builder.build();
    }

    /** Whether the postal service is configured at all. */
    public boolean available() {
        return client != null;
    }

    /**
     * Books a shipment. The idempotency key names the shipment on this side, so that a postal service that honours
     * it does not book twice when an answer was lost and the booking is tried again.
     *
     * @throws PostalException when the postal service did not take it
     */
    public Booking book(BookingRequest request, String idempotencyKey) {
        String answer;
        try {
            answer = client.post().uri("/shipments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", idempotencyKey)
                    .body(request)
                    .retrieve()
                    .onStatus(status -> !status.is2xxSuccessful(), (req, response) -> {
                        throw new PostalException("postal service answered " + response.getStatusCode());
                    })
                    .body(String.class);
        } catch (PostalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PostalException(CallFailures.describe(e, timeout), e);
        }
        JsonNode body = parse(answer);
        String trackingNumber = text(body, "trackingNumber");
        if (trackingNumber == null) {
            throw new PostalException("postal service answered without a tracking number: " + abbreviate(answer));
        }
        return new Booking(trackingNumber, text(body, "status"));
    }

    /**
     * The postal service's current report on a shipment; empty when it does not know the number.
     *
     * @throws PostalException when it could not be asked
     */
    public Optional<Report> status(String trackingNumber) {
        String answer;
        try {
            answer = client.get().uri("/shipments/{trackingNumber}", trackingNumber)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                            return null;
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new PostalException("postal service answered " + response.getStatusCode());
                        }
                        return new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    });
        } catch (PostalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PostalException(CallFailures.describe(e, timeout), e);
        }
        if (answer == null) {
            return Optional.empty();
        }
        JsonNode body = parse(answer);
        return Optional.of(new Report(text(body, "trackingNumber"), text(body, "status"),
                instant(text(body, "at")), text(body, "note")));
    }

    private JsonNode parse(String answer) {
        try {
            return json.readTree(answer == null || answer.isBlank() ? "{}" : answer);
        } catch (JacksonException e) {
            throw new PostalException("postal service did not answer in JSON: " + abbreviate(answer));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isString() || value.isNumber() ? blankToNull(value.asString()) : null;
    }

    /** An instant as the postal service writes it: {@code 2025-11-20T02:30:00Z} or with an offset; null if neither. */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The booking as sent; {@code type} is PICKUP or DELIVERY, {@code reference} the dossier code. */
    public record BookingRequest(String type, String reference, String name, String phone, String address,
                                 String note) {
    }

    /** @param status the postal service's status of the new shipment, null if it gave none */
    public record Booking(String trackingNumber, String status) {
    }

    /** @param at when the status was reached, null if the postal service did not say */
    public record Report(String trackingNumber, String status, Instant at, String note) {
    }

    /** The postal service could not be reached or did not take the request. */
    public static class PostalException extends RuntimeException {

        PostalException(String message) {
            super(message);
        }

        PostalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
