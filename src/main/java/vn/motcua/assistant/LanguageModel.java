package vn.motcua.assistant;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A language model behind an OpenAI-compatible chat completions endpoint, asked to reword an answer in plainer
 * Vietnamese from the records it was made of. Any failure (no answer, an error status, a timeout, an unreadable
 * answer) is an empty result: the caller keeps its own answer.
 */
final class LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(LanguageModel.class);

    static final String INSTRUCTIONS = """
            Bạn là trợ lý ảo của Cổng dịch vụ công. Hãy viết lại câu trả lời mẫu cho người dân dễ hiểu, ngắn gọn, \
            lịch sự, bằng tiếng Việt. Chỉ dùng thông tin có trong câu trả lời mẫu và hồ sơ thủ tục được cung cấp. \
            Không thêm giấy tờ, điều kiện, thời hạn, mức phí, địa điểm hay bước nào khác; không đưa đường dẫn; \
            giữ nguyên các con số.""";

    private final RestClient client;
    private final String model;
    private final JsonMapper json;

    LanguageModel(AssistantProperties.Model settings, JsonMapper json) {
        this.json = json;
        this.model = settings.name();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        RestClient.Builder builder = RestClient.builder().requestFactory(requests)
                .baseUrl(settings.url().toString().replaceAll("/+$", ""));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
        }
        this.client = builder.build();
    }

    record Message(String role, String content) {
    }

    record Request(String model, double temperature, List<Message> messages) {
    }

    /** The model's rewording of {@code answer}, or empty when it gave none. */
    Optional<String> reword(String question, String answer, String recordsJson) {
        String prompt = "Câu hỏi của người dân:\n" + question + "\n\nCâu trả lời mẫu:\n" + answer
                + "\n\nHồ sơ thủ tục (JSON):\n" + recordsJson;
        try {
            String body = client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
                    .body(new Request(model, 0, List.of(new Message("system", INSTRUCTIONS), new Message("user", prompt))))
                    .retrieve().body(String.class);
            JsonNode content = json.readTree(body == null ? "" : body).path("choices").path(0).path("message").path("content");
            return content.isString() && !content.asString().isBlank() ? Optional.of(content.asString().strip())
                    : Optional.empty();
        } catch (RestClientException | JacksonException e) {
            log.warn("The language model gave no usable answer ({}); the template answer is used", e.toString());
            return Optional.empty();
        }
    }
}
