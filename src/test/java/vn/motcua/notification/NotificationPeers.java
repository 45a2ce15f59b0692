package vn.motcua.notification;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierRef;
import vn.motcua.notification.internal.DeliveryDispatcher;

/**
 * A real SMTP server (GreenMail) and a real HTTP SMS gateway (WireMock) on loopback, shared by all notification
 * tests that need them. The settings live here only, so that those tests share one application context of their own
 * besides the one of the other integration tests.
 */
abstract class NotificationPeers {

    static final String SMS_TOKEN = "test-sms-token";
    static final String EMAIL_FROM = "thongbao@motcua.test";

    static final GreenMail MAIL = new GreenMail(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    static final WireMockServer SMS_GATEWAY = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        MAIL.start();
        SMS_GATEWAY.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SMS_GATEWAY.stop();
            MAIL.stop();
        }));
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("motcua.notification.email-from", () -> EMAIL_FROM);
        registry.add("motcua.notification.sms.url", () -> "http://127.0.0.1:" + SMS_GATEWAY.port() + "/sms");
        registry.add("motcua.notification.sms.token", () -> SMS_TOKEN);
    }

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
