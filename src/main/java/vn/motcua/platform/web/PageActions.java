package vn.motcua.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form action ends, the one way: the action runs and the browser is sent back to a page (post, redirect,
 * get) with a flash message saying what was done, or, when the action was refused with a {@link UserFacingException}
 * (which changed nothing), with the reason flashed as {@value #PROBLEMS}, the list every page shows above its form.
 */
@Component
public class PageActions {

    /** The flash attribute (a list of messages) a refused action leaves for the page. */
    public static final String PROBLEMS = "problems";

    private final MessageSource messages;

    PageActions(MessageSource messages) {
        this.messages = messages;
    }

    /** What an action answers when done: a message of the bundle, its arguments may be messages too. */
    public static MessageSourceResolvable done(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[]{key}, arguments);
    }

    /**
     * Runs the action and goes back to the page with its answer flashed as {@code doneAttribute}, or with why it was
     * refused.
     *
     * @param errorPages the statuses of refusals that are not flashed but thrown on, to their error page (a record
     *                   the person may not see stays "not found" as on the page itself)
     */
    public String act(String page, String doneAttribute, RedirectAttributes redirect, Locale locale,
                      Supplier<? extends MessageSourceResolvable> action, HttpStatus... errorPages) {
        try {
            MessageSourceResolvable done = action.get();
            redirect.addFlashAttribute(doneAttribute, messages.getMessage(done, locale));
        } catch (UserFacingException e) {
            if (Set.of(errorPages).contains(e.status())) {
                throw e;
            }
            redirect.addFlashAttribute(PROBLEMS, List.of(message(e, locale)));
        }
        return "redirect:" + page;
    }

    /**
     * Runs an action that leads on to another page (the path it answers); when refused, goes back to {@code page}
     * with why.
     */
    public String actThenGo(String page, RedirectAttributes redirect, Locale locale, Supplier<String> action) {
        try {
            return "redirect:" + action.get();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute(PROBLEMS, List.of(message(e, locale)));
            return "redirect:" + page;
        }
    }

    /** The refusal's message in the locale's language (its key when the bundle lacks it). */
    public String message(UserFacingException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }
}
