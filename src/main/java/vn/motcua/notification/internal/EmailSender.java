package vn.motcua.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP with Spring Boot's mail sender, which exists only when {@code spring.mail.host} is set. */
@Component
class EmailSender implements Sender {

    /** Without timeouts a mail server that stops answering would hold the dispatcher forever. */
    private static final String TIMEOUT_MILLIS = "30000";

    private final JavaMailSender mail;
    private final String from;
    private final String fromName;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail.getIfAvailable();
        this.from = properties.emailFrom();
        this.fromName = properties.emailFromName();
        if (this.mail instanceof JavaMailSenderImpl sender) {
            Properties settings = sender.getJavaMailProperties();
            String prefix = "mail." + (sender.getProtocol() == null ? "smtp" : sender.getProtocol()) + ".";
            for (String timeout : new String[]{"connectiontimeout", "timeout", "writetimeout"}) {
                settings.putIfAbsent(prefix + timeout, TIMEOUT_MILLIS); // spring.mail.properties.* still win
            }
            sender.setJavaMailProperties(settings); // drops a mail session created before, without the timeouts
        }
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public Optional<String> unavailable() {
        return mail == null ? Optional.of("email is off: spring.mail.host is not set") : Optional.empty();
    }

    @Override
    public String send(Delivery delivery) throws Exception {
        return send(delivery.recipient(), delivery.subject(), delivery.body());
    }

    /** Sends a plain-text email; the SMTP Message-ID. */
    String send(String to, String subject, String body) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(from, fromName);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body);
        mail.send(message);
        return message.getMessageID();
    }
}
