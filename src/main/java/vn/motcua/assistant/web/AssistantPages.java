package vn.motcua.assistant.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.assistant.Assistant;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.InvalidInputException;

/**
 * The assistant as a page: a plain form that works without JavaScript. The chat panel on every page asks the same
 * address for just the answer ({@code khung=1}) and shows it in place.
 */
@Controller
class AssistantPages {

    private final Assistant assistant;

    AssistantPages(Assistant assistant) {
        this.assistant = assistant;
    }

    @GetMapping("/tro-ly")
    String ask(@RequestParam(name = "q", defaultValue = "") String question,
               @RequestParam(name = "chon", required = false) String choice,
               @RequestParam(name = "khung", defaultValue = "false") boolean panel,
               @AuthenticationPrincipal CurrentUser user, Locale locale, Model model, HttpServletResponse response) {
        model.addAttribute("question", question);
        model.addAttribute("assistantPage", true);
        if (!question.isBlank()) {
            try {
                model.addAttribute("answer", assistant.ask(question, choice, user, locale));
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("problems", e.problems());
            }
        }
        return panel ? "assistant/parts :: reply" : "assistant/page";
    }
}
