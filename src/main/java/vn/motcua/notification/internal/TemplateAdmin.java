package vn.motcua.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;

/**
 * The province administrator's editing of notification templates: what each template says now, a preview with a
 * sample dossier, saving a change and going back to the jar's default. A template is checked before it is saved
 * (only its event kind's placeholders, sections closed), so that a notice never fails because of its text.
 */
@Service
public class TemplateAdmin {

    private static final int MAX_SUBJECT = 300;
    private static final int MAX_BODY = 10_000;
    static final String SAMPLE_CODE = "000.31.01.H57-251120-0001";

    private final NoticeTemplates templates;
    private final TemplateRepository stored;
    private final AuditTrail trail;
    private final MotCuaProperties motCua;
    private final NotificationProperties properties;
    private final Clock clock;

    TemplateAdmin(NoticeTemplates templates, TemplateRepository stored, AuditTrail trail, MotCuaProperties motCua,
                  NotificationProperties properties, Clock clock) {
        this.templates = templates;
        this.stored = stored;
        this.trail = trail;
        this.motCua = motCua;
        this.properties = properties;
        this.clock = clock;
    }

    /** One template of the list. */
    public record TemplateRow(String name, EventKind kind, NotificationChannel channel, boolean changed,
                              java.time.Instant updatedAt, String updatedBy) {
    }

    /** A template as the edit form shows it. */
    public record TemplateForm(String name, EventKind kind, NotificationChannel channel, String subject, String body,
                               boolean changed, List<String> placeholders) {
    }

    /** A template rendered with the sample dossier; for SMS, the text as sent (without diacritics) and its length. */
    public record Preview(String subject, String body, SmsLength smsLength) {
    }

    public List<TemplateRow> list() {
        List<TemplateRow> rows = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                Optional<TemplateRepository.Stored> changed = stored.find(kind, channel);
                rows.add(new TemplateRow(name(kind, channel), kind, channel, changed.isPresent(),
                        changed.map(TemplateRepository.Stored::updatedAt).orElse(null),
                        changed.map(TemplateRepository.Stored::updatedBy).orElse(null)));
            }
        }
        return rows;
    }

    /** @throws UserFacingException 404 for a name that is no template */
    public TemplateForm form(String name) {
        Target t = target(name);
        NoticeTemplates.Source source = templates.current(t.kind(), t.channel());
        return new TemplateForm(name, t.kind(), t.channel(), source.subject(), source.body(),
                stored.find(t.kind(), t.channel()).isPresent(), t.kind().placeholders());
    }

    /**
     * Renders what the administrator wrote with the sample dossier, without saving it.
     *
     * @throws UserFacingException 400 with the first mistake in the text
     */
    public Preview preview(String name, String subject, String body) {
        Target t = target(name);
        NoticeTemplates.Source source = checked(t, subject, body);
        Map<String, Object> sample = sample(t.kind());
        if (t.channel() == NotificationChannel.EMAIL) {
            NoticeTemplates.Email email = templates.email(t.kind(), source, sample);
            return new Preview(email.subject(), email.body(), null);
        }
        String sms = SmsText.fold(templates.sms(t.kind(), source, sample));
        return new Preview(null, sms, SmsLength.of(sms));
    }

    /** Saves the administrator's text; the next notice of this kind uses it. */
    @Transactional
    public void save(String name, String subject, String body, String author) {
        Target t = target(name);
        NoticeTemplates.Source source = checked(t, subject, body);
        stored.save(t.kind(), t.channel(), source.subject(), source.body(), author);
        trail.changed(AuditAction.NOTIFICATION_TEMPLATE_SAVED, name, "saved");
    }

    /** Drops the administrator's text: the jar's default is used again. */
    @Transactional
    public void restoreDefault(String name, String author) {
        Target t = target(name);
        if (stored.delete(t.kind(), t.channel())) {
            trail.changed(AuditAction.NOTIFICATION_TEMPLATE_SAVED, name, "default restored");
        }
    }

    private NoticeTemplates.Source checked(Target t, String subject, String body) {
        boolean email = t.channel() == NotificationChannel.EMAIL;
        String s = email ? (subject == null ? "" : subject.strip()) : null;
        String b = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (email && s.isEmpty()) {
            throw UserFacingException.badRequest("notification.template.subjectRequired");
        }
        if (email && (s.length() > MAX_SUBJECT || s.contains("\n"))) {
            throw UserFacingException.badRequest("notification.template.subjectTooLong", MAX_SUBJECT);
        }
        if (b.isEmpty()) {
            throw UserFacingException.badRequest("notification.template.bodyRequired");
        }
        if (b.length() > MAX_BODY) {
            throw UserFacingException.badRequest("notification.template.bodyTooLong", MAX_BODY);
        }
        try {
            if (email) {
                TemplateText.parse(s, t.kind().allowed());
            }
            TemplateText.parse(b, t.kind().allowed());
        } catch (TemplateText.TemplateProblem problem) {
            throw UserFacingException.badRequest(problem.messageKey(), problem.tag(),
                    String.join(", ", t.kind().placeholders().stream().map(p -> "{{" + p + "}}").toList()));
        }
        return new NoticeTemplates.Source(s, email ? b + "\n" : b);
    }

    /** A dossier made up for previews, with every placeholder of the kind filled in. */
    private Map<String, Object> sample(EventKind kind) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.timeZone())).withSecond(0).withNano(0);
        Map<String, Object> model = new HashMap<>();
        model.put("code", SAMPLE_CODE);
        model.put("procedureName", "Đăng ký khai sinh");
        model.put("agencyName", "Ủy ban nhân dân phường Thuận Hóa");
        model.put("fullName", "Nguyễn Văn An");
        model.put("trackingUrl", motCua.publicUrl() + "/tra-cuu?ma=" + SAMPLE_CODE);
        switch (kind) {
            case RECEIVED -> {
                model.put("receivedAt", now);
                model.put("dueAt", now.plus(Duration.ofDays(5)));
            }
            case SUPPLEMENT_REQUESTED -> {
                model.put("items", List.of("Bản sao Giấy chứng sinh", "Tờ khai có chữ ký của người yêu cầu"));
                model.put("note", "Bản chụp bị mờ");
            }
            case REFUSED -> model.put("reason", "Hồ sơ không thuộc thẩm quyền giải quyết");
            case RESULT_READY -> model.put("ratingUrl", motCua.publicUrl() + "/danh-gia/mau");
            case APOLOGY_ISSUED -> {
                model.put("originalDueAt", now.minus(Duration.ofDays(1)));
                model.put("newDueAt", now.plus(Duration.ofDays(3)));
                model.put("reason", "Chờ ý kiến của cơ quan phối hợp");
            }
        }
        return model;
    }

    static String name(EventKind kind, NotificationChannel channel) {
        return kind.templateName() + "-" + channel.name().toLowerCase();
    }

    private static Target target(String name) {
        if (name != null) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                String suffix = "-" + channel.name().toLowerCase();
                if (name.endsWith(suffix)) {
                    Optional<EventKind> kind = EventKind.ofTemplateName(name.substring(0, name.length() - suffix.length()));
                    if (kind.isPresent()) {
                        return new Target(kind.get(), channel);
                    }
                }
            }
        }
        throw UserFacingException.notFound("notification.template.notFound");
    }

    private record Target(EventKind kind, NotificationChannel channel) {
    }
}
