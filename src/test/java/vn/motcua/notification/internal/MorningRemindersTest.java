package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DeadlineDigests;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.InboxFilter;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Role;
import vn.motcua.platform.database.DatabaseOutage;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;
import vn.motcua.workflow.CalendarDay;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The officials' morning digest against the demo ward's reception officer, specialist and leader, with four dossiers
 * of this test whose due times are set around each test's own day in March 2031 (which no other test uses): one at
 * reception due today, and at the specialist's step one overdue, one due the next working day and one due next week.
 * Other tests' dossiers of the ward are all overdue by then, so the digests are checked for what they contain and
 * leave out, and counted per recipient and day.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MorningRemindersTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";
    static final LocalTime MORNING = LocalTime.of(7, 45);
    static final Actor SPECIALIST = new Actor("specialist", "Phạm Văn Dũng", Set.of(Role.SPECIALIST), WARD);
    static final Actor RECEPTION = new Actor("reception", "Lê Thị Cúc", Set.of(Role.RECEPTION), WARD);

    @LocalServerPort int port;
    @Autowired MorningReminders reminders;
    @Autowired DeadlineDigests digests;
    @Autowired AccountService accounts;
    @Autowired DossierQueries dossiers;
    @Autowired CatalogService catalog;
    @Autowired WorkingCalendar calendar;
    @Autowired ReminderRepository repository;
    @Autowired ReminderEmails emails;
    @Autowired EmailSender email;
    @Autowired DatabaseOutage outage;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired HikariDataSource dataSource;

    String atReception;
    String overdue;
    String dueSoon;
    String inTime;
    ConfigurableApplicationContext otherNode;

    @BeforeAll
    void fourDossiers() {
        Procedure birth = catalog.procedure(BIRTH).orElseThrow();
        atReception = TestData.receivedAtCounter(port, birth, WARD);
        overdue = atSpecialist(TestData.atSpecialistStep(port, birth, WARD));
        dueSoon = atSpecialist(TestData.atSpecialistStep(port, birth, WARD));
        inTime = atSpecialist(TestData.atSpecialistStep(port, birth, WARD));
        assertThat(onDesk(RECEPTION, atReception)).as("at reception").isTrue();
    }

    @AfterAll
    void stopOtherNode() {
        if (otherNode != null) {
            otherNode.close();
        }
    }

    @Test
    void eachOfficialGetsOneDigestWithTheirOwnDossiersEvenWhenTheJobRunsTwice() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 19); // a Wednesday
        Instant now = arrange(day);

        int first = reminders.round(now);
        int second = reminders.round(now);
        reminders.retry(now);

        assertThat(first).as("digests sent").isGreaterThanOrEqualTo(3);
        assertThat(second).as("digests sent by the second run").isZero();
        String reception = onlyDigest("reception@example.vn", day);
        assertThat(reception).contains(atReception).doesNotContain(overdue, dueSoon, inTime);
        String specialist = onlyDigest("specialist@example.vn", day);
        assertThat(section(specialist, "Hồ sơ quá hạn (")).contains(overdue).doesNotContain(dueSoon, atReception);
        assertThat(section(specialist, "Hồ sơ sắp đến hạn")).contains(dueSoon).doesNotContain(overdue);
        assertThat(specialist).doesNotContain(inTime, atReception)
                .contains("http://localhost:" + port + "/quan-tri/ho-so/" + overdue);
        String leader = onlyDigest("leader@example.vn", day);
        assertThat(section(leader, "Hồ sơ quá hạn khác của cơ quan")).contains(overdue);
        assertThat(leader).doesNotContain(dueSoon, inTime, atReception);
        assertThat(digestsTo("citizen@example.vn", day)).isEmpty();
        assertThat(jdbc.sql("select count(*) from official_reminder where day = ? and status = 'SENT'")
                .param(day).query(Integer.class).single()).isEqualTo(first);
    }

    @Test
    void twoThreadsRunningTheJobAtOnceSendOneDigestPerOfficial() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 20); // a Thursday
        Instant now = arrange(day);

        List<Integer> sent = concurrently(() -> reminders.round(now), () -> reminders.round(now));

        assertThat(sent.get(0) + sent.get(1)).isGreaterThanOrEqualTo(3);
        for (String official : List.of("reception", "specialist", "leader")) {
            assertThat(digestsTo(official + "@example.vn", day)).as(official).hasSize(1);
        }
        assertThat(sent.get(0) + sent.get(1)).isEqualTo(sentOn(day));
    }

    @Test
    void twoNodesOnOneDatabaseRunningTheJobAtOnceSendOneDigestPerOfficial() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 21); // a Friday
        Instant now = arrange(day);
        MorningReminders onOtherNode = otherNode().getBean(MorningReminders.class);

        List<Integer> sent = concurrently(() -> reminders.round(now), () -> onOtherNode.round(now));

        assertThat(sent.get(0) + sent.get(1)).isGreaterThanOrEqualTo(3).isEqualTo(sentOn(day));
        for (String official : List.of("reception", "specialist", "leader")) {
            assertThat(digestsTo(official + "@example.vn", day)).as(official).hasSize(1);
        }
    }

    @Test
    void noDigestOnAHoliday() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 24); // a Monday, made a day off below
        Instant now = arrange(day);
        calendar.add(new CalendarDay(day, CalendarDay.Kind.HOLIDAY, "Ngày nghỉ thử nghiệm nhắc việc", null), "test");

        assertThat(digests.officialsToRemind(now)).isEmpty();
        assertThat(reminders.round(now)).isZero();
        assertThat(digestsTo("specialist@example.vn", day)).isEmpty();
        assertThat(sentOn(day)).isZero();
    }

    @Test
    void disabledSendsNothingAndSchedulesNothing() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 25); // a Tuesday
        Instant now = arrange(day);
        MorningReminders disabled = new MorningReminders(digests, repository, emails, email,
                new ReminderProperties(false, LocalTime.of(7, 30), Duration.ofMinutes(1), Duration.ofMinutes(15), 5,
                        Duration.ofMinutes(5)), outage, clock);
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        disabled.configureTasks(registrar);
        disabled.check(now);

        assertThat(registrar.hasTasks()).isFalse();
        assertThat(disabled.round(now)).isZero();
        assertThat(jdbc.sql("select count(*) from official_reminder where day = ?").param(day).query(Integer.class)
                .single()).isZero();
        assertThat(digestsTo("specialist@example.vn", day)).isEmpty();
    }

    @Test
    void aFailedSendIsRetriedLaterThatDayWithoutADuplicate() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 26); // a Wednesday
        Instant now = arrange(day);
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(freePort()); // nothing listens there
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", unreachable));
        EmailSender failing = new EmailSender(beans.getBeanProvider(JavaMailSender.class),
                new NotificationProperties(Peers.EMAIL_FROM, "Thử", VietnamTime.ZONE, null, null));
        MorningReminders withMailDown = new MorningReminders(digests, repository, emails, failing,
                new ReminderProperties(true, LocalTime.of(7, 30), Duration.ofMinutes(1), Duration.ZERO, 5,
                        Duration.ofMinutes(5)), outage, clock);

        assertThat(withMailDown.round(now)).as("sent while the mail server is down").isZero();
        assertThat(jdbc.sql("select count(*) from official_reminder where day = ? and status = 'PENDING' and attempts = 1")
                .param(day).query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(reminders.round(now)).as("a new round leaves claimed digests alone").isZero();

        int retried = reminders.retry(now);

        assertThat(retried).isGreaterThanOrEqualTo(3).isEqualTo(sentOn(day));
        assertThat(reminders.retry(now)).isZero();
        for (String official : List.of("reception", "specialist", "leader")) {
            assertThat(digestsTo(official + "@example.vn", day)).as(official).hasSize(1);
        }
    }

    @Test
    void theInboxShowsTheSpecialistsDossiersDueSoonAndOverdue() {
        Instant now = clock.instant();
        set(overdue, now.minus(Duration.ofDays(3650))); // first of the panel's ten, whatever other tests left overdue
        set(dueSoon, now.plus(Duration.ofHours(1)));
        set(inTime, now.plus(Duration.ofDays(30)));
        PageClient browser = new PageClient(port);
        assertThat(browser.signIn("specialist", "demo123").statusCode()).isEqualTo(302);

        HttpResponse<String> inbox = browser.get("/quan-tri/ho-so");

        assertThat(inbox.statusCode()).isEqualTo(200);
        String panel = inbox.body().substring(inbox.body().indexOf("id=\"reminders-title\""));
        panel = panel.substring(0, panel.indexOf("</section>"));
        assertThat(htmlSection(panel, "reminders-overdue")).contains(overdue).doesNotContain(dueSoon);
        assertThat(htmlSection(panel, "reminders-dueSoon")).contains(dueSoon).doesNotContain(overdue);
        assertThat(panel).contains("Nhắc việc hôm nay", "/quan-tri/ho-so/" + dueSoon).doesNotContain(inTime, atReception);
    }

    @Test
    void aDossierAssignedByNameToAnotherOfficialIsInTheirDigestNotInTheOthersAndADisabledAccountGetsNone() {
        Instant now = arrange(LocalDate.of(2031, 3, 25)); // a Tuesday
        if (!accounts.exists("specialist-2")) {
            accounts.createStaffAccount("specialist-2", "Ngô Văn Em", null, null, Set.of(Role.SPECIALIST));
            jdbc.sql("insert into staff (username, agency_code, title) values ('specialist-2', ?, 'Chuyên viên')")
                    .param(WARD).update();
        }
        jdbc.sql("""
                insert into dossier_assignment (dossier_id, username, step, assigned_by, assigned_at)
                select id, 'specialist-2', step, 'leader', now() from dossier where code = ?""").param(overdue).update();
        try {
            assertThat(codes(digests.of("specialist", now).orElseThrow().overdue())).doesNotContain(overdue);
            assertThat(codes(digests.of("specialist-2", now).orElseThrow().overdue())).contains(overdue);
        } finally {
            jdbc.sql("delete from dossier_assignment where dossier_id = (select id from dossier where code = ?)")
                    .param(overdue).update();
        }
        assertThat(codes(digests.of("specialist", now).orElseThrow().overdue())).contains(overdue);

        jdbc.sql("update account set enabled = false where username = 'specialist-2'").update();
        try {
            assertThat(digests.of("specialist-2", now)).as("a disabled account gets no digest").isEmpty();
        } finally {
            jdbc.sql("update account set enabled = true where username = 'specialist-2'").update();
        }
    }

    private static List<String> codes(List<DossierSummary> dossiers) {
        return dossiers.stream().map(DossierSummary::code).toList();
    }

    /** Sets the four dossiers' due times around 07:45 of {@code day}; that moment. */
    private Instant arrange(LocalDate day) {
        Instant now = day.atTime(MORNING).atZone(VietnamTime.ZONE).toInstant();
        set(atReception, day.atTime(16, 0).atZone(VietnamTime.ZONE).toInstant());
        set(overdue, now.minus(Duration.ofDays(1)));
        set(dueSoon, calendar.nextWorkingDay(day, WARD).atTime(10, 0).atZone(VietnamTime.ZONE).toInstant());
        set(inTime, calendar.addWorkingDays(day, 5, WARD).atTime(10, 0).atZone(VietnamTime.ZONE).toInstant());
        return now;
    }

    private void set(String code, Instant dueAt) {
        jdbc.sql("update dossier set due_at = ? where code = ?")
                .params(java.sql.Timestamp.from(dueAt), code).update();
    }

    /** The dossier, once the specialist's inbox has it. */
    private String atSpecialist(String code) {
        assertThat(onDesk(SPECIALIST, code)).as("at the specialist's step").isTrue();
        return code;
    }

    private boolean onDesk(Actor official, String code) {
        return !dossiers.inbox(official, new InboxFilter(true, null, null, null, code)).isEmpty();
    }

    private int sentOn(LocalDate day) {
        return jdbc.sql("select count(*) from official_reminder where day = ? and status = 'SENT'")
                .param(day).query(Integer.class).single();
    }

    private String onlyDigest(String to, LocalDate day) throws Exception {
        List<MimeMessage> found = digestsTo(to, day);
        assertThat(found).as("digests to " + to).hasSize(1);
        return found.getFirst().getContent().toString().replace("\r\n", "\n");
    }

    /** The digests of that day received by that address. */
    private static List<MimeMessage> digestsTo(String to, LocalDate day) throws MessagingException {
        String subject = "Nhắc việc ngày " + String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(),
                day.getYear());
        return Arrays.stream(Peers.MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().startsWith(subject)
                        && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The email's text from the heading to the next blank line. */
    private static String section(String text, String heading) {
        return between(text, heading, "\n\n");
    }

    /** The panel's list under the heading of that id, up to the next heading. */
    private static String htmlSection(String html, String headingId) {
        return between(html, "id=\"" + headingId + "\"", "<h3");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("section " + start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }

    private static <T> List<T> concurrently(Callable<T> one, Callable<T> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<T> a = threads.submit(() -> {
                start.await();
                return one.call();
            });
            Future<T> b = threads.submit(() -> {
                start.await();
                return other.call();
            });
            return List.of(a.get(), b.get());
        }
    }

    /** A second application node on this test's database, as behind a load balancer, started once. */
    private ConfigurableApplicationContext otherNode() {
        if (otherNode == null) {
            int otherPort = freePort();
            Map<String, Object> settings = new HashMap<>();
            settings.put("server.port", otherPort);
            settings.put("motcua.public-url", "http://localhost:" + port);
            settings.put("motcua.data-dir", "target/test-nodes/reminders");
            settings.put("spring.datasource.url", dataSource.getJdbcUrl());
            settings.put("spring.datasource.username", "postgres");
            settings.put("spring.mail.host", "127.0.0.1");
            settings.put("spring.mail.port", Peers.MAIL.getSmtp().getPort());
            settings.put("motcua.notification.email-from", Peers.EMAIL_FROM);
            otherNode = new SpringApplicationBuilder(MotCuaApplication.class).profiles("test")
                    .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new));
        }
        return otherNode;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
