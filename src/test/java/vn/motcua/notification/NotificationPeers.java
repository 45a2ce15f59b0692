package vn.motcua.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierRef;
import vn.motcua.notification.internal.DeliveryDispatcher;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Peers;

/**
 * The notification tests that need the real SMTP server (GreenMail) and SMS gateway (WireMock) on loopback: the
 * suite's {@link Peers}, which the {@link IntegrationTest} application sends to.
 */
abstract class NotificationPeers {

    static final String SMS_TOKEN = Peers.SMS_TOKEN;
    static final String EMAIL_FROM = Peers.EMAIL_FROM;
    static final GreenMail MAIL = Peers.MAIL;
    static final WireMockServer SMS_GATEWAY = Peers.SMS_GATEWAY;

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired DeliveryDispatcher dispatcher;

    /** Publishes as the dossier module does: inside a transaction, so that listeners run after it commits. */
    void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Runs dispatch rounds until the condition holds; fails after ten seconds. */
    void dispatchUntil(String what, BooleanSupplier condition) {
        await(what).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    dispatcher.dispatchOnce();
                    return condition.getAsBoolean();
                });
    }

    /** The emails GreenMail received about this dossier. */
    static List<MimeMessage> emailsAbout(String code) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> subject(message).contains(code)).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newCode() {
        return "000.31.01.H57-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static DossierRef dossier(String code, String email, String phone) {
        return new DossierRef(code, "1.001193", "Đăng ký khai sinh", "H57.31.01", "H57.31.01",
                "Ủy ban nhân dân phường Thuận Hóa", Channel.ONLINE,
                new Applicant("citizen", "Nguyễn Văn An", "046090001234", phone, email,
                        "12 Lê Lợi, phường Thuận Hóa, thành phố Huế", null, null));
    }
}
