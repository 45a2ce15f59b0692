package vn.motcua.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.support.IntegrationTest;

/**
 * The assistant with a language model behind a real OpenAI-compatible HTTP peer (WireMock): a faithful rewording is
 * used; a failing, slow or off-record model leaves the template answer; the model sees only the cited record.
 */
@IntegrationTest
class AssistantModelTest {

    static final String BIRTH = AssistantTest.BIRTH;
    static final Locale VI = Locale.forLanguageTag("vi");
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Actors actors;
    @Autowired CatalogService catalog;
    @Autowired DossierQueries dossiers;
    @Autowired OrganizationService organization;
    @Autowired MessageSource messages;
    @Autowired VietnamTime time;
    @Autowired JsonMapper json;

    Assistant assistant;
    Answer template;

    @BeforeAll
    static void startModel() {
        MODEL.start();
    }

    @AfterAll
    static void stopModel() {
        MODEL.stop();
    }

    @BeforeEach
    void assistantWithModel() {
        MODEL.resetAll();
        AssistantProperties.Model model = new AssistantProperties.Model(URI.create(MODEL.baseUrl() + "/v1/"), "test-model",
                "model-secret", Duration.ofMillis(700));
        assistant = new Assistant(actors, catalog, dossiers, organization, messages, time, json, new AssistantProperties(model));
        Assistant withoutModel = new Assistant(actors, catalog, dossiers, organization, messages, time, json,
                new AssistantProperties(new AssistantProperties.Model(null, "none", null, Duration.ofSeconds(1))));
        template = withoutModel.ask("làm giấy khai sinh cần gì", BIRTH, null, VI);
    }

    void modelSays(String content) {
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                        "choices", java.util.List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", content))))))));
    }

    Answer ask() {
        return assistant.ask("làm giấy khai sinh cần gì", BIRTH, null, VI);
    }

    @Test
    void aRewordingThatStaysWithinTheRecordIsUsedAndTheModelSeesOnlyThatRecord() {
        Procedure birth = catalog.procedure(BIRTH).orElseThrow();
        String documents = birth.documents().stream().map(RequiredDocument::name).collect(Collectors.joining(", "));
        String reworded = "Chào bạn, để làm thủ tục " + birth.name().toLowerCase(VI) + ", bạn cần chuẩn bị: "
                + documents + ".\nBạn nộp hồ sơ tại " + birth.implementingAgency() + " nhé.";
        modelSays(reworded);

        Answer answer = ask();

        assertThat(answer.rephrased()).isTrue();
        assertThat(answer.text()).isEqualTo(reworded);
        assertThat(answer.sentences()).isEqualTo(template.sentences()); // the cited sentences stay with the answer
        MODEL.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer model-secret")));
        LoggedRequest request = MODEL.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst();
        String sent = request.getBodyAsString();
        assertThat(sent).contains("\"model\":\"test-model\"", BIRTH);
        assertThat(sent).doesNotContain(AssistantTest.BIRTH_AGAIN); // no record but the one cited
    }

    @Test
    void aRewordingThatAddsARequirementIsDropped() {
        modelSays("Bạn cần mang giấy khám sức khỏe của mẹ, sổ tiêm chủng của bé và xác nhận của tổ dân phố.");
        Answer answer = ask();
        assertThat(answer.rephrased()).isFalse();
        assertThat(answer.text()).isEqualTo(template.text());
    }

    @Test
    void aRewordingWithANumberTheRecordDoesNotHaveIsDropped() {
        modelSays("Thủ tục đăng ký khai sinh mất 30 ngày làm việc và lệ phí 150.000 đồng.");
        Answer answer = ask();
        assertThat(answer.rephrased()).isFalse();
        assertThat(answer.text()).isEqualTo(template.text());
    }

    @Test
    void aFailingOrSlowModelLeavesTheTemplateAnswer() {
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
        assertThat(ask().text()).isEqualTo(template.text());

        MODEL.resetAll();
        modelSays("Bạn cần chuẩn bị tờ khai.");
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFixedDelay(2_000)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\":[]}")));
        long start = System.nanoTime();
        Answer slow = ask();
        assertThat(slow.rephrased()).isFalse();
        assertThat(slow.text()).isEqualTo(template.text());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));

        MODEL.resetAll();
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withBody("not json")));
        assertThat(ask().rephrased()).isFalse();
    }

    @Test
    void answersAboutAnApplicantsDossiersNeverReachTheModel() {
        modelSays("Hồ sơ của bạn đã xong.");
        CurrentUser citizen = new CurrentUser(0, "citizen", "Công dân", Set.of(Role.CITIZEN), null, true, false);
        Answer answer = assistant.ask("hồ sơ của tôi đến đâu rồi", null, citizen, VI);
        assertThat(answer.rephrased()).isFalse();
        MODEL.verify(0, anyRequestedFor(anyUrl()));
    }
}
