package vn.motcua.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** The assistant through its API and its page, as a citizen's phone or the chat panel would ask it. */
@IntegrationTest
class AssistantTest {

    static final String BIRTH = "1.001193";            // Đăng ký khai sinh
    static final String BIRTH_AGAIN = "1.004884";      // Đăng ký lại khai sinh
    static final String MARRIAGE = "1.000894";         // Đăng ký kết hôn
    static final String WARD = "000.31.01.H57";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired CatalogService catalog;

    JsonNode ask(String question) {
        HttpResponse<String> response = Http.postJson(port, "/api/v1/assistant/ask",
                JSON.writeValueAsString(Map.of("question", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode ask(ApiClient who, Map<String, Object> body) {
        ApiClient.Response response = who.postJson("/api/v1/assistant/ask", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> texts(JsonNode sentences) {
        List<String> texts = new ArrayList<>();
        sentences.forEach(s -> texts.add(s.get("text").asString()));
        return texts;
    }

    @Test
    void answersTheProcedureFromItsRecordAloneWithTheAskedPartFirst() {
        JsonNode answer = ask("lam giay khai sinh cho con can giay to gi");
        Procedure birth = catalog.procedure(BIRTH).orElseThrow();

        assertThat(answer.get("procedures").get(0).get("code").asString()).isEqualTo(BIRTH);
        assertThat(answer.has("followUp")).isTrue();
        assertThat(answer.get("followUp").isNull()).isTrue();
        JsonNode sentences = answer.get("sentences");
        sentences.forEach(s -> assertThat(s.get("source").asString()).startsWith(BIRTH + "#"));
        // The question asked what to bring: the documents come right after what the procedure is.
        assertThat(sentences.get(1).get("source").asString()).isEqualTo(BIRTH + "#documents");
        for (RequiredDocument document : birth.documents()) {
            assertThat(sentences.get(1).get("text").asString()).contains(document.name());
        }
        String text = answer.get("answer").asString();
        assertThat(text).contains(birth.name(), birth.implementingAgency());
        assertThat(text).contains(birth.processingTime() != null ? birth.processingTime()
                : birth.processingDays() + " ngày làm việc");
        assertThat(answer.get("links").toString()).contains("/thu-tuc/" + BIRTH, "/nop-ho-so/" + BIRTH);
        assertThat(answer.get("rephrased").asBoolean()).isFalse();
    }

    @Test
    void aQuestionAboutTheFeeIsAnsweredWithTheFeeFirst() {
        JsonNode answer = ask("đăng ký kết hôn có mất phí không");
        Procedure marriage = catalog.procedure(MARRIAGE).orElseThrow();
        assertThat(answer.get("procedures").get(0).get("code").asString()).isEqualTo(MARRIAGE);
        JsonNode fee = answer.get("sentences").get(1);
        assertThat(fee.get("source").asString()).isEqualTo(MARRIAGE + "#fees");
        if (marriage.free()) {
            assertThat(fee.get("text").asString()).startsWith("Không mất phí");
        } else {
            marriage.fees().forEach(f -> assertThat(fee.get("text").asString()).contains(f.description()));
        }
    }

    @Test
    void whenProceduresFitAboutEquallyItAsksTheQuestionThatSeparatesThem() {
        JsonNode answer = ask("khai sinh");
        JsonNode followUp = answer.get("followUp");
        assertThat(followUp.isNull()).isFalse();
        assertThat(followUp.get("question").asString()).startsWith("Việc này đã từng được đăng ký trước đây chưa");
        List<String> choices = new ArrayList<>();
        followUp.get("choices").forEach(c -> choices.add(c.get("code").asString()));
        assertThat(choices).contains(BIRTH, BIRTH_AGAIN).hasSizeLessThanOrEqualTo(3);

        // Choosing one answers about that procedure, with no further question.
        HttpResponse<String> chosen = Http.postJson(port, "/api/v1/assistant/ask",
                JSON.writeValueAsString(Map.of("question", "khai sinh", "choice", BIRTH_AGAIN)));
        JsonNode again = JSON.readTree(chosen.body());
        assertThat(again.get("followUp").isNull()).isTrue();
        assertThat(again.get("procedures").get(0).get("code").asString()).isEqualTo(BIRTH_AGAIN);
        assertThat(again.get("answer").asString()).contains(catalog.procedure(BIRTH_AGAIN).orElseThrow().name());

        assertThat(ask("chuyen truong cho con").get("followUp").get("question").asString())
                .isEqualTo("Con bạn học cấp mấy?");
        JsonNode named = ask("dang ky ket hon");
        assertThat(named.get("followUp").isNull()).as("a question that names a procedure in full needs no follow-up")
                .isTrue();
        assertThat(named.get("procedures").get(0).get("code").asString()).isEqualTo(MARRIAGE);
    }

    @Test
    void answersAboutTheAskersOwnDossiersAndNobodyElses() {
        JsonNode anonymous = ask("hồ sơ của tôi đến đâu rồi?");
        assertThat(anonymous.get("answer").asString()).contains("đăng nhập");
        assertThat(anonymous.get("procedures")).isEmpty();
        assertThat(anonymous.get("links").toString()).contains("/dang-nhap", "/tra-cuu");

        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        Procedure birth = catalog.procedure(BIRTH).orElseThrow();
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers", TestData.submission(birth, WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();

        JsonNode mine = ask(citizen, Map.of("question", "hs cua toi den dau roi"));
        assertThat(mine.get("answer").asString()).contains(code, birth.name(), "Đã nộp, chờ tiếp nhận");
        assertThat(mine.get("links").toString()).contains("/ho-so-cua-toi/" + code);
        JsonNode byCode = ask(citizen, Map.of("question", "Hồ sơ " + code + " xong chưa?"));
        assertThat(texts(byCode.get("sentences"))).anyMatch(t -> t.startsWith("Hồ sơ " + code));

        ApiClient business = ApiClient.signIn(port, "business", "demo123");
        JsonNode other = ask(business, Map.of("question", "Hồ sơ " + code + " đến đâu rồi?"));
        assertThat(other.get("answer").asString()).contains("Không thấy hồ sơ " + code).doesNotContain(birth.name());

        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        assertThat(ask(reception, Map.of("question", "hồ sơ của tôi đến đâu rồi")).get("answer").asString())
                .contains("hộp hồ sơ").doesNotContain(code);
    }

    @Test
    void badQuestionsGetAClearMessageAndA400() {
        HttpResponse<String> empty = Http.postJson(port, "/api/v1/assistant/ask", "{\"question\":\"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Hãy nhập câu hỏi");

        HttpResponse<String> tooLong = Http.postJson(port, "/api/v1/assistant/ask",
                JSON.writeValueAsString(Map.of("question", "khai sinh ".repeat(60))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("dài quá 500 ký tự");

        HttpResponse<String> unknown = Http.postJson(port, "/api/v1/assistant/ask",
                JSON.writeValueAsString(Map.of("question", "khai sinh", "choice", "9.999999")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("9.999999");

        assertThat(Http.postJson(port, "/api/v1/assistant/ask", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void thePageWorksWithoutJavaScriptAndThePanelIsOnEveryPublicPage() {
        HttpResponse<String> page = Http.get(port, "/tro-ly?q=" + URLEncoder.encode("khai sinh", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "Việc này đã từng được đăng ký trước đây chưa",
                "chon=" + BIRTH_AGAIN, "<label for=\"assistant-q\"");

        HttpResponse<String> panel = Http.get(port, "/tro-ly?khung=1&q=" + URLEncoder.encode("lam giay khai sinh can gi",
                StandardCharsets.UTF_8));
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).doesNotContain("<html").contains("assistant-reply",
                catalog.procedure(BIRTH).orElseThrow().name());

        HttpResponse<String> empty = Http.get(port, "/tro-ly?khung=1&q=" + "x".repeat(501));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("dài quá 500 ký tự");

        for (String path : List.of("/", "/thu-tuc", "/thu-tuc/" + BIRTH, "/tra-cuu")) {
            HttpResponse<String> response = Http.get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path)
                    .contains("id=\"tro-ly\"", "action=\"/tro-ly\"", "/js/assistant.js");
        }
    }
}
