package vn.motcua.assistant.web;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.assistant.Answer;
import vn.motcua.assistant.Assistant;
import vn.motcua.identity.CurrentUser;

/** The assistant for apps and chat widgets. With a bearer token, it also answers about the applicant's dossiers. */
@RestController
@RequestMapping("/api/v1/assistant")
class AssistantApi {

    private final Assistant assistant;

    AssistantApi(Assistant assistant) {
        this.assistant = assistant;
    }

    /**
     * @param question the question as the person typed it
     * @param choice   the code of a procedure chosen from a previous answer's follow-up, asked with the same question
     */
    record Ask(@Schema(example = "lam giay khai sinh cho con can gi") String question,
               @Schema(nullable = true) String choice) {
    }

    record Reply(String answer, List<Answer.Suggestion> procedures,
                 @JsonInclude(JsonInclude.Include.ALWAYS) Answer.FollowUp followUp, List<Answer.Sentence> sentences,
                 List<Answer.Link> links, boolean rephrased) {
    }

    @Operation(summary = "Ask the virtual assistant",
            description = "Answers from the catalog records it cites (each sentence names its source), best-fitting "
                    + "procedures first. When procedures fit about equally, followUp asks the question that separates "
                    + "them; ask again with the chosen code as choice. With a bearer token, questions such as "
                    + "\"hồ sơ của tôi đến đâu rồi?\" are answered from the applicant's own dossiers.")
    @PostMapping("/ask")
    Reply ask(@RequestBody Ask ask, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        Answer answer = assistant.ask(ask.question(), ask.choice(), user, locale);
        return new Reply(answer.text(), answer.procedures(), answer.followUp(), answer.sentences(), answer.links(),
                answer.rephrased());
    }
}
