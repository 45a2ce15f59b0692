package vn.motcua.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.motcua.platform.web.VietnamTime;

/**
 * Renders the messages from the Thymeleaf TEXT templates in {@code templates/notification/}: per event kind an
 * email template, whose first line is the subject and the rest the body, and an SMS template. The engine is this
 * class's own (not a bean) so that it does not replace the HTML engine of the pages.
 */
@Component
class NoticeTemplates {

    /** Applicants are written to in Vietnamese, whatever language an official's screen is in. */
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    /** Dates and due times as every page writes them: {@code [(${vnTime.dateTime(dueAt)})]}. */
    private static final VietnamTime TIME = new VietnamTime();

    private final TemplateEngine engine;

    NoticeTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notification/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    Email email(EventKind kind, Map<String, Object> model) {
        String text = render(kind.templateName() + "-email", model);
        int endOfSubject = text.indexOf('\n');
        return new Email(text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 1).strip() + "\n");
    }

    String sms(EventKind kind, Map<String, Object> model) {
        return render(kind.templateName() + "-sms", model).strip();
    }

    private String render(String template, Map<String, Object> model) {
        Context context = new Context(VIETNAMESE, model);
        context.setVariable("vnTime", TIME);
        return engine.process(template, context);
    }

    record Email(String subject, String body) {
    }
}
