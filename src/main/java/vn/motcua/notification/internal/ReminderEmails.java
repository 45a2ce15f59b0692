package vn.motcua.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.motcua.dossier.DeadlineDigest;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.VietnamTime;

/**
 * Renders an official's morning digest from the TEXT template {@code templates/notification/reminder-email.txt}
 * (first line the subject, the rest the body), with a link to each dossier in the back office. The subject names the
 * day, never a dossier code: the digest is about the official's day, not about one dossier.
 */
@Component
class ReminderEmails {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final TemplateEngine engine;
    private final String publicUrl;

    ReminderEmails(MotCuaProperties properties) {
        this.publicUrl = properties.publicUrl();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notification/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    NoticeTemplates.Email render(DeadlineDigest digest) {
        Map<String, Object> model = new HashMap<>();
        model.put("day", DAY.format(digest.day()));
        model.put("fullName", digest.fullName());
        model.put("overdue", lines(digest.overdue()));
        model.put("dueSoon", lines(digest.dueSoon()));
        model.put("agencyOverdue", lines(digest.agencyOverdue()));
        model.put("inboxUrl", publicUrl + "/quan-tri/ho-so");
        String text = engine.process("reminder-email", new Context(VIETNAMESE, model));
        int endOfSubject = text.indexOf('\n');
        return new NoticeTemplates.Email(text.substring(0, endOfSubject).strip(),
                text.substring(endOfSubject + 1).strip() + "\n");
    }

    private List<Line> lines(List<DossierSummary> dossiers) {
        return dossiers.stream().map(d -> new Line(d.code(), d.procedureName(), d.applicantName(),
                DUE.format(d.dueAt().atZone(VietnamTime.ZONE)),
                publicUrl + "/quan-tri/ho-so/" + URLEncoder.encode(d.code(), StandardCharsets.UTF_8))).toList();
    }

    /** A dossier as the digest lists it, with its due time in Vietnam and its page in the back office. */
    record Line(String code, String procedureName, String applicantName, String due, String url) {
    }
}
