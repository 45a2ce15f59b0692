package vn.motcua.platform.web;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language cookie, restricted to the languages the portal speaks (Vietnamese, English). A cookie or a
 * {@code ?lang=} with anything else (a typo, {@code ..}, a language without messages) is ignored, so a bad cookie can
 * never break every page until it is cleared.
 */
class SupportedLocaleResolver extends CookieLocaleResolver {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final Set<String> LANGUAGES = Set.of("vi", "en");

    SupportedLocaleResolver(String cookieName) {
        super(cookieName);
        setDefaultLocale(VIETNAMESE);
        setRejectInvalidCookies(false);
    }

    /** The supported locale this one asks for, or null. */
    static Locale supported(Locale locale) {
        if (locale == null || !LANGUAGES.contains(locale.getLanguage())) {
            return null;
        }
        return "vi".equals(locale.getLanguage()) ? VIETNAMESE : Locale.ENGLISH;
    }

    @Override
    protected Locale parseLocaleValue(String value) {
        try {
            return supported(super.parseLocaleValue(value));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        Locale locale = context == null ? null : supported(context.getLocale());
        super.setLocaleContext(request, response, locale == null ? null : new SimpleLocaleContext(locale));
    }
}
