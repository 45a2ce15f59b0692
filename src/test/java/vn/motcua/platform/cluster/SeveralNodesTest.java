package vn.motcua.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.MotCuaApplication;
import vn.motcua.audit.AuditService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.cluster.internal.ChangeChannel;
import vn.motcua.support.Http;
import vn.motcua.support.PageClient;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;
import vn.motcua.workflow.CalendarDay;
import vn.motcua.workflow.calendar.CalendarRepository;

/**
 * Two application nodes on one PostgreSQL, as behind a load balancer: node A starts the (embedded) server, node B is
 * given its address as an external database. Changes made on one reach the other's caches and search index; codes,
 * scheduled work and sessions hold across both. Its own two applications, not the shared test context.
 */
class SeveralNodesTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";
    static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static int portA;
    static int portB;

    @BeforeAll
    static void startTwoNodes() {
        portA = freePort();
        a = node("a", portA, Map.of());
        String url = a.getBean(HikariDataSource.class).getJdbcUrl();
        portB = freePort();
        b = node("b", portB, Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres"));
        await("both nodes listening").atMost(Duration.ofSeconds(10))
                .until(() -> a.getBean(ChangeChannel.class).listening() && b.getBean(ChangeChannel.class).listening());
    }

    @AfterAll
    static void stopBoth() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aProcedureSavedOnOneNodeIsFoundBySearchOnTheOtherWithinTwoSeconds() {
        CatalogService catalogB = b.getBean(CatalogService.class);
        assertThat(catalogB.procedure("1.999077")).isEmpty(); // now cached as absent on B
        assertThat(catalogB.search("nuôi tằm", 5)).noneMatch(h -> h.procedure().code().equals("1.999077"));

        Procedure birth = a.getBean(CatalogService.class).procedure(BIRTH).orElseThrow();
        Procedure silkworms = new Procedure("1.999077", "Cấp giấy chứng nhận cơ sở nuôi tằm thử nghiệm", birth.field(),
                birth.level(), birth.implementingAgency(), birth.agencies(), birth.onlineLevel(),
                birth.processingDays(), birth.processingTime(), birth.fees(), birth.feeNote(), birth.documents(),
                birth.applicantTypes(), birth.requirements(), birth.legalBasis(), birth.result(), birth.steps(),
                birth.formFields());
        long saved = System.nanoTime();
        a.getBean(CatalogService.class).save(silkworms, Locale.forLanguageTag("vi"));
        long committed = System.nanoTime(); // and node A's own index rebuilt

        await("search on node B").atMost(TWO_SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> catalogB.search("nuoi tam", 5).stream().anyMatch(h -> h.procedure().code().equals("1.999077")));
        long found = System.nanoTime();
        System.out.printf("Saved on node A in %d ms, then found by search on node B after %d ms%n",
                (committed - saved) / 1_000_000, (found - committed) / 1_000_000);
        await("procedure cache on node B").atMost(TWO_SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> catalogB.procedure("1.999077").isPresent());
        HttpResponse<String> page = Http.get(portB, "/api/v1/procedures/1.999077");
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void aHolidayAddedOnOneNodeIsInTheOtherNodesCalendarWithinTwoSeconds() {
        LocalDate day = LocalDate.of(2031, 3, 12); // a Wednesday
        CalendarRepository calendarB = b.getBean(CalendarRepository.class);
        assertThat(calendarB.snapshot().isWorkingDay(day, null)).isTrue(); // B holds a snapshot now

        a.getBean(CalendarRepository.class).insert(
                new CalendarDay(day, CalendarDay.Kind.HOLIDAY, "Ngày nghỉ thử nghiệm", null), "test");

        await("calendar on node B").atMost(TWO_SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> !calendarB.snapshot().isWorkingDay(day, null));
    }

    @Test
    void anAgencyChangedInTheDatabaseReachesBothNodesOnceAnnounced() {
        OrganizationService organizationA = a.getBean(OrganizationService.class);
        OrganizationService organizationB = b.getBean(OrganizationService.class);
        assertThat(organizationB.agency("000.31.99.H57")).isEmpty();
        assertThat(organizationA.agency("000.31.99.H57")).isEmpty();

        // as README's "Several nodes" tells an administrator who changes agencies by hand
        jdbc().sql("insert into agency (code, name, kind, parent_code, effective_from) "
                + "values ('000.31.99.H57', 'Phường Thử Nghiệm', 'COMMUNE', null, date '2025-07-01')").update();
        jdbc().sql("select pg_notify('motcua_changes', 'sql organization')").query(Object.class).single();

        await("agencies on both nodes").atMost(TWO_SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> organizationA.agency("000.31.99.H57").isPresent()
                        && organizationB.agency("000.31.99.H57").isPresent());
    }

    @Test
    void aNodeThatLostItsListeningConnectionReconnectsAndRefreshesWhatItMissed() {
        OrganizationService organizationB = b.getBean(OrganizationService.class);
        assertThat(organizationB.agency("000.31.98.H57")).isEmpty(); // cached on B
        jdbc().sql("insert into agency (code, name, kind, parent_code, effective_from) "
                + "values ('000.31.98.H57', 'Xã Mất Kết Nối', 'COMMUNE', null, date '2025-07-01')").update();

        // as a database restart does to both listeners; nothing was announced for the new agency
        long cut = System.nanoTime();
        assertThat(jdbc().sql("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = 'motcua-cluster-changes'").query(Long.class).single()).isEqualTo(2);

        await("node B refreshed after reconnecting").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> organizationB.agency("000.31.98.H57").isPresent());
        System.out.printf("Listening connections cut; node B back and refreshed after %d ms%n",
                (System.nanoTime() - cut) / 1_000_000);
        await("both listening again").atMost(Duration.ofSeconds(10))
                .until(() -> a.getBean(ChangeChannel.class).listening() && b.getBean(ChangeChannel.class).listening());
    }

    @Test
    void submissionsThroughBothNodesGetUniqueCodesAndTheirScheduledWorkIsDoneOnce() throws Exception {
        Procedure birth = a.getBean(CatalogService.class).procedure(BIRTH).orElseThrow();
        long receivedBefore = received();
        // The mail server serves every application of the test run, and other applications' databases give out the
        // same codes (same agency, same day): count only what arrives from here on. GreenMail lists messages mailbox by
        // mailbox, not in arrival order, so what was there is told apart by its Message-ID, not by its position.
        Set<String> mailBefore = messageIds();
        int perNode = 5;
        List<Future<String>> submitted = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < perNode; i++) {
                submitted.add(clients.submit(() -> TestData.receivedOnline(portA, birth, WARD)));
                submitted.add(clients.submit(() -> TestData.receivedOnline(portB, birth, WARD)));
            }
        }
        List<String> codes = new ArrayList<>();
        for (Future<String> f : submitted) {
            codes.add(f.get());
        }
        assertThat(new HashSet<>(codes)).as("dossier codes").hasSize(2 * perNode);

        // Both nodes run every scheduled job; each piece of work is claimed by one of them. The waits are long for a
        // loaded CI machine (the full suite once took over 30 s here); they end as soon as the work is done.
        await("a receipt email for each dossier").atMost(Duration.ofSeconds(90))
                .until(() -> codes.stream().allMatch(code -> emailsAbout(code, mailBefore) >= 1));
        await("the read model folded them").atMost(Duration.ofSeconds(90))
                .until(() -> received() - receivedBefore >= 2L * perNode);
        await("every audit entry chained").atMost(Duration.ofSeconds(90))
                .until(() -> jdbc().sql("select count(*) from audit_pending").query(Long.class).single() == 0);
        Thread.sleep(2_000); // a second node's late duplicate would arrive in this time
        codes.forEach(code -> assertThat(emailsAbout(code, mailBefore)).as("emails about " + code).isEqualTo(1));
        assertThat(received() - receivedBefore).as("dossiers received, as folded").isEqualTo(2L * perNode);
        assertThat(b.getBean(AuditService.class).verify().intact()).isTrue();
    }

    @Test
    void aSessionStartedOnOneNodeIsValidOnTheOther() {
        PageClient browser = new PageClient(portA);
        assertThat(browser.signIn("citizen", "demo123").statusCode()).isEqualTo(302);
        String cookies = String.join("; ", browser.cookies().getCookieStore().getCookies().stream()
                .map(HttpCookie::toString).toList());

        assertThat(Http.get(portB, "/ho-so-cua-toi", "Cookie", cookies).statusCode()).isEqualTo(200);
        assertThat(Http.get(portB, "/ho-so-cua-toi").statusCode()).as("without the cookie").isEqualTo(302);
    }

    private static long received() {
        return jdbc().sql("select coalesce(sum(received), 0) from report_day where agency = ? and procedure = ?")
                .params(WARD, BIRTH).query(Long.class).single();
    }

    private static long emailsAbout(String code, Set<String> before) {
        return java.util.Arrays.stream(Peers.MAIL.getReceivedMessages()).filter(m -> {
            try {
                return !before.contains(m.getMessageID()) && m.getSubject() != null && m.getSubject().contains(code);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static Set<String> messageIds() {
        Set<String> ids = new HashSet<>();
        for (jakarta.mail.internet.MimeMessage m : Peers.MAIL.getReceivedMessages()) {
            try {
                ids.add(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private static JdbcClient jdbc() {
        return a.getBean(JdbcClient.class);
    }

    private static ConfigurableApplicationContext node(String name, int port, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.put("server.port", port);
        settings.put("motcua.public-url", "http://localhost:" + port);
        settings.put("motcua.data-dir", "target/test-nodes/" + name);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Peers.MAIL.getSmtp().getPort());
        settings.put("motcua.notification.email-from", Peers.EMAIL_FROM);
        // as arguments: they come before application.yml, as a real node's environment does
        return new SpringApplicationBuilder(MotCuaApplication.class).profiles("test")
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
