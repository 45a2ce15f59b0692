package vn.motcua.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.platform.web.VietnamTime;

/**
 * The texts of the notices: per event kind an email (subject and body) and an SMS, written in {@link TemplateText}.
 * The defaults ship in the jar as {@code templates/notification/<kind>-email.txt} (first line the subject) and
 * {@code <kind>-sms.txt}; a template the administrator changed is read from the database instead, at every notice.
 */
@Component
class NoticeTemplates {

    private static final Logger log = LoggerFactory.getLogger(NoticeTemplates.class);

    private final TemplateRepository stored;
    private final Map<NotificationChannel, Map<EventKind, Source>> defaults = new EnumMap<>(NotificationChannel.class);

    NoticeTemplates(TemplateRepository stored) {
        this.stored = stored;
        for (NotificationChannel channel : NotificationChannel.values()) {
            Map<EventKind, Source> byKind = new EnumMap<>(EventKind.class);
            for (EventKind kind : EventKind.values()) {
                byKind.put(kind, readDefault(kind, channel));
            }
            defaults.put(channel, byKind);
        }
    }

    Email email(EventKind kind, Map<String, Object> model) {
        try {
            return email(kind, current(kind, NotificationChannel.EMAIL), model);
        } catch (TemplateText.TemplateProblem e) {
            return email(kind, unreadable(kind, NotificationChannel.EMAIL, e), model);
        }
    }

    String sms(EventKind kind, Map<String, Object> model) {
        try {
            return sms(kind, current(kind, NotificationChannel.SMS), model);
        } catch (TemplateText.TemplateProblem e) {
            return sms(kind, unreadable(kind, NotificationChannel.SMS, e), model);
        }
    }

    /**
     * A stored template is checked when saved, so this happens only if a later version dropped a placeholder it
     * uses: the applicant still gets the default text rather than the notice failing and being retried forever.
     */
    private Source unreadable(EventKind kind, NotificationChannel channel, TemplateText.TemplateProblem problem) {
        log.warn("The administrator's {} template for {} no longer reads ({}); the default is sent instead",
                channel, kind, problem.getMessage());
        return byDefault(kind, channel);
    }

    Email email(EventKind kind, Source source, Map<String, Object> model) {
        Map<String, String> values = values(model);
        String subject = TemplateText.parse(source.subject(), kind.allowed()).render(values);
        String body = TemplateText.parse(source.body(), kind.allowed()).render(values);
        return new Email(subject.replaceAll("\\s+", " ").strip(), body.strip() + "\n");
    }

    String sms(EventKind kind, Source source, Map<String, Object> model) {
        return TemplateText.parse(source.body(), kind.allowed()).render(values(model)).strip();
    }

    /** The template in use: the administrator's, else the default. */
    Source current(EventKind kind, NotificationChannel channel) {
        return stored.find(kind, channel).map(s -> new Source(s.subject(), s.body())).orElseGet(() -> byDefault(kind, channel));
    }

    Source byDefault(EventKind kind, NotificationChannel channel) {
        return defaults.get(channel).get(kind);
    }

    /** The values as text: times as people read them, a list as one "- item" line each. */
    static Map<String, String> values(Map<String, Object> model) {
        Map<String, String> values = new HashMap<>();
        model.forEach((name, value) -> {
            String text = switch (value) {
                case null -> null;
                case ZonedDateTime time -> VietnamTime.DATE_TIME.format(time); // as every page writes it
                case Collection<?> items -> items.stream().map(item -> "- " + item + "\n")
                        .reduce("", String::concat);
                default -> value.toString();
            };
            values.put(name, text);
        });
        String organization = values.get("organizationName");
        values.putIfAbsent("addressee", organization != null && !organization.isBlank() ? organization
                : "ông/bà " + Optional.ofNullable(values.get("fullName")).orElse(""));
        return values;
    }

    private static Source readDefault(EventKind kind, NotificationChannel channel) {
        String name = "templates/notification/" + kind.templateName() + "-" + channel.name().toLowerCase() + ".txt";
        try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing notification template " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            Source source;
            if (channel == NotificationChannel.EMAIL) {
                int endOfSubject = text.indexOf('\n');
                source = new Source(text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 1));
            } else {
                source = new Source(null, text.strip());
            }
            // A default that does not read is a programming error: fail at start, not at the first notice.
            if (source.subject() != null) {
                TemplateText.parse(source.subject(), kind.allowed());
            }
            TemplateText.parse(source.body(), kind.allowed());
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template as written: the subject (email only, else null) and the body. */
    record Source(String subject, String body) {
    }

    record Email(String subject, String body) {
    }
}
