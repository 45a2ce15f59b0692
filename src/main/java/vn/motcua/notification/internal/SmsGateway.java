package vn.motcua.notification.internal;

import java.net.http.HttpClient;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through an HTTP gateway: {@code POST {"to": "+84...", "message": "..."}} with a bearer token. Any 2xx answer
 * means the gateway took the message; its JSON may name the message ({@code {"id": ...}}). Anything else, or no
 * answer within the timeout, is a failed attempt.
 */
@Component
class SmsGateway implements Sender {

    private final RestClient client;
    private final JsonMapper json;

    SmsGateway(NotificationProperties properties, JsonMapper json) {
        this.json = json;
        NotificationProperties.Sms sms = properties.sms();
        if (sms.url() == null) {
            this.client = null;
            return;
        }
        // HTTP/1.1: a plain-http gateway need not understand the HTTP/2 upgrade the JDK client would otherwise try.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(sms.timeout()).build());
        requests.setReadTimeout(sms.timeout());
        RestClient.Builder builder = RestClient.builder().requestFactory(requests).baseUrl(sms.url().toString());
        if (sms.token() != null && !sms.token().isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + sms.token());
        }
        this.client = builder.build();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public Optional<String> unavailable() {
        return client == null ? Optional.of("SMS is off: motcua.notification.sms.url is not set") : Optional.empty();
    }

    @Override
    public String send(Delivery delivery) {
        String answer = client.post()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Message(delivery.recipient(), delivery.body()))
                .retrieve()
                .onStatus(status -> !status.is2xxSuccessful(), (request, response) -> {
                    throw new IllegalStateException("SMS gateway answered " + response.getStatusCode());
                })
                .body(String.class);
        return messageId(answer);
    }

    private String messageId(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode id = json.readTree(answer).path("id");
            return id.isString() || id.isNumber() ? id.asString() : null;
        } catch (JacksonException e) {
            return null; // accepted all the same; the gateway just did not answer in JSON
        }
    }

    record Message(String to, String message) {
    }
}
