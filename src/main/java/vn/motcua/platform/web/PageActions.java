package vn.motcua.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * A page whose ending differs in a detail says so on its {@link #back Ending}.
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
        return back(page, redirect, locale).throwing(errorPages)
                .act(doneAttribute, () -> messages.getMessage(action.get(), locale));
    }

    /**
     * Runs an action that leads on to another page (the path it answers); when refused, goes back to {@code page}
     * with why.
     */
    public String actThenGo(String page, RedirectAttributes redirect, Locale locale, Supplier<String> action) {
        return back(page, redirect, locale).go(action);
    }

    /** The ending back to {@code page}, the common one until told how this page's differs; then run the action. */
    public Ending back(String page, RedirectAttributes redirect, Locale locale) {
        return new Ending(page, redirect, locale);
    }

    /** The refusal's message in the locale's language (its key when the bundle lacks it). */
    public String message(UserFacingException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }

    /** One action's way back to its page. */
    public final class Ending {

        private final String page;
        private final RedirectAttributes redirect;
        private final Locale locale;
        private final Map<String, Object> kept = new LinkedHashMap<>();
        private String problemsAttribute = PROBLEMS;
        private Class<? extends InvalidInputException> correctable;
        private Set<HttpStatus> errorPages = Set.of();

        private Ending(String page, RedirectAttributes redirect, Locale locale) {
            this.page = page;
            this.redirect = redirect;
            this.locale = locale;
        }

        /** Flashes the problems as this attribute instead of {@value PageActions#PROBLEMS} (a panel's own list). */
        public Ending problemsAs(String attribute) {
            this.problemsAttribute = attribute;
            return this;
        }

        /** Flashes the problems of this kind of input to correct too; other input exceptions go to the error page. */
        public Ending correcting(Class<? extends InvalidInputException> kind) {
            this.correctable = kind;
            return this;
        }

        /** Throws refusals of these statuses on to their error page instead of flashing them. */
        public Ending throwing(HttpStatus... statuses) {
            this.errorPages = Set.of(statuses);
            return this;
        }

        /** Flashes this too when the action is refused, e.g. what was typed, to show it again. */
        public Ending keeping(String attribute, Object value) {
            kept.put(attribute, value);
            return this;
        }

        /** Runs the action and goes back with what it answers flashed, as it is, as {@code doneAttribute}. */
        public String act(String doneAttribute, Supplier<?> action) {
            return run(() -> {
                redirect.addFlashAttribute(doneAttribute, action.get());
                return page;
            });
        }

        /** Runs an action whose effect the page shows by itself: nothing is flashed when done. */
        public String act(Runnable action) {
            return run(() -> {
                action.run();
                return page;
            });
        }

        /** Runs an action that leads on to the path it answers. */
        public String go(Supplier<String> action) {
            return run(action);
        }

        private String run(Supplier<String> action) {
            try {
                return "redirect:" + action.get();
            } catch (InvalidInputException e) {
                if (correctable == null || !correctable.isInstance(e)) {
                    throw e;
                }
                return refused(e.problems());
            } catch (UserFacingException e) {
                if (errorPages.contains(e.status())) {
                    throw e;
                }
                return refused(List.of(message(e, locale)));
            }
        }

        private String refused(List<String> problems) {
            redirect.addFlashAttribute(problemsAttribute, problems);
            kept.forEach(redirect::addFlashAttribute);
            return "redirect:" + page;
        }
    }
}
