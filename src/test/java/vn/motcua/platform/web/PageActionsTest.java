package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** The one way a page's form action ends: back to the page with what was done, or with why it was refused. */
class PageActionsTest {

    static final Locale VI = Locale.forLanguageTag("vi-VN");

    final StaticMessageSource messages = new StaticMessageSource();
    final PageActions actions = new PageActions(messages);
    final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

    PageActionsTest() {
        messages.addMessage("done", VI, "Đã {0}.");
        messages.addMessage("what", VI, "trả lời");
        messages.addMessage("refused", VI, "Không được: {0}");
    }

    @Test
    void aDoneActionFlashesItsMessageWithMessagesAsArguments() {
        String view = actions.act("/trang", "xong", redirect, VI,
                () -> PageActions.done("done", new DefaultMessageSourceResolvable("what")));
        assertThat(view).isEqualTo("redirect:/trang");
        assertThat(flash()).containsEntry("xong", "Đã trả lời.").doesNotContainKey("problems");
    }

    @Test
    void aRefusalIsFlashedAsAProblemAndAnErrorPageStatusThrownOn() {
        String view = actions.act("/trang", "xong", redirect, VI, () -> {
            throw new UserFacingException(HttpStatus.CONFLICT, "refused", "refused", "A1");
        });
        assertThat(view).isEqualTo("redirect:/trang");
        assertThat(flash()).containsEntry(PageActions.PROBLEMS, List.of("Không được: A1"))
                .doesNotContainKey("xong");

        assertThatThrownBy(() -> actions.act("/trang", "xong", redirect, VI, () -> {
            throw UserFacingException.notFound("missing");
        }, HttpStatus.NOT_FOUND)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void anActionThatLeadsOnGoesThereOrBackWithTheRefusal() {
        assertThat(actions.actThenGo("/trang", redirect, VI, () -> "/tiep")).isEqualTo("redirect:/tiep");
        assertThat(actions.actThenGo("/trang", redirect, VI, () -> {
            throw UserFacingException.badRequest("unknown.key");
        })).isEqualTo("redirect:/trang");
        assertThat(flash()).containsEntry(PageActions.PROBLEMS, List.of("unknown.key"));
    }

    @Test
    void anEndingOfItsOwnFlashesInputToCorrectAsItsProblemsWithWhatWasTyped() {
        PageActions.Ending ending = actions.back("/trang", redirect, VI).problemsAs("panelProblems")
                .correcting(InvalidInputException.class).keeping("form", "typed").throwing(HttpStatus.FORBIDDEN);
        assertThat(ending.act(() -> {
            throw new InvalidInputException(List.of("Sai."));
        })).isEqualTo("redirect:/trang");
        assertThat(flash()).containsEntry("panelProblems", List.of("Sai.")).containsEntry("form", "typed")
                .doesNotContainKey(PageActions.PROBLEMS);

        assertThatThrownBy(() -> ending.act(() -> {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "refused");
        })).isInstanceOf(UserFacingException.class);
    }

    @Test
    void aDoneAnswerIsFlashedAsItIsAndNothingWhenThePageShowsTheEffect() {
        assertThat(actions.back("/trang", redirect, VI).act("xong", () -> "ACCEPT")).isEqualTo("redirect:/trang");
        assertThat(flash()).containsEntry("xong", "ACCEPT");

        RedirectAttributesModelMap other = new RedirectAttributesModelMap();
        assertThat(actions.back("/trang", other, VI).act(() -> { })).isEqualTo("redirect:/trang");
        assertThat(other.getFlashAttributes()).isEmpty();
    }

    @Test
    void inputToCorrectIsOnlyFlashedWhenThePageSaysSo() {
        assertThatThrownBy(() -> actions.back("/trang", redirect, VI).act(() -> {
            throw new InvalidInputException(List.of("Sai."));
        })).isInstanceOf(InvalidInputException.class);
        assertThat(flash()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> flash() {
        return (Map<String, Object>) redirect.getFlashAttributes();
    }
}
