package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.ApologyIssued;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.notification.internal.DeliveryDispatcher;
import vn.motcua.support.AlternativeIntegrationTest;

/** Where no SMTP host and no SMS gateway are configured (the alternative test application), deliveries are skipped. */
@AlternativeIntegrationTest
class NotificationChannelsOffTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired DeliveryDispatcher dispatcher;
    @Autowired JdbcClient jdbc;

    @Test
    void withoutSmtpHostOrGatewayDeliveriesAreSkippedWithTheReason() throws InterruptedException {
        String code = NotificationPeers.newCode();
        Instant now = Instant.now();
        transactions.executeWithoutResult(status -> events.publishEvent(new ApologyIssued(
                NotificationPeers.dossier(code, "an.nguyen@example.vn", "0912345678"),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)), "Chờ ý kiến của cơ quan phối hợp", now)));

        assertThat(skipReasons(code, 2)).containsOnly(
                Map.entry("EMAIL", "email is off: spring.mail.host is not set"),
                Map.entry("SMS", "SMS is off: motcua.notification.sms.url is not set"));
    }

    @Test
    void aRefusalWithoutReasonIsStillAnnounced() throws InterruptedException {
        String code = NotificationPeers.newCode();
        transactions.executeWithoutResult(status -> events.publishEvent(new DossierRefused(
                NotificationPeers.dossier(code, "an.nguyen@example.vn", null), null, Instant.now())));

        assertThat(skipReasons(code, 2)).containsOnly(
                Map.entry("EMAIL", "email is off: spring.mail.host is not set"),
                Map.entry("SMS", "no phone number"));
        assertThat(jdbc.sql("select body from notification_delivery where dossier_code = ? and channel = 'EMAIL'")
                .param(code).query(String.class).single())
                .contains("không đủ điều kiện để tiếp nhận, giải quyết").doesNotContain("Lý do");
    }

    /** Runs dispatch rounds until the dossier has {@code expected} skipped deliveries; their reasons by channel. */
    private Map<String, String> skipReasons(String code, int expected) {
        return await("skipped deliveries of " + code).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    dispatcher.dispatchOnce();
                    return jdbc.sql("select channel, last_error from notification_delivery where dossier_code = ? "
                                    + "and status = 'SKIPPED'")
                            .param(code).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                }, reasons -> reasons.size() >= expected);
    }
}
