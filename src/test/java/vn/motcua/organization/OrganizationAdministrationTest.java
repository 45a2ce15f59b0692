package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.reporting.ReportingService;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The organisation's back office as its administrators use it: an agency administrator within and outside its
 * subtree, an acting leader's dates, and a merger's effect on an old dossier and on the reports.
 */
@IntegrationTest
class OrganizationAdministrationTest {

    static final String PROVINCE = "000.00.00.H57";
    static final String WARD = "000.31.01.H57";             // the demo agency administrator's own agency
    static final String JUSTICE = "000.00.11.H57";          // Sở Tư pháp: outside the ward's subtree

    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration admin;
    @Autowired AccountService accounts;
    @Autowired Accounts testAccounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationContext context;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired ReportingService reporting;

    final String run = UUID.randomUUID().toString().substring(0, 6);
    final AdminScope province = new AdminScope("admin", EnumSet.of(Role.PROVINCE_ADMIN), true, Set.of(), null);

    @Test
    void anAgencyAdministratorManagesOnlyItsOwnSubtree() {
        PageClient page = new PageClient(port);
        page.signIn("agency-admin", "demo123");
        assertThat(page.get("/quan-tri/to-chuc").body()).contains(WARD).doesNotContain(JUSTICE);
        assertThat(page.get("/quan-tri/to-chuc/" + JUSTICE).statusCode()).isEqualTo(404);
        assertThat(page.get("/quan-tri/to-chuc/moi?cha=" + JUSTICE).statusCode()).as("a form under a foreign parent")
                .isEqualTo(404);

        page.get("/quan-tri/to-chuc/moi");
        assertThat(page.post("/quan-tri/to-chuc", agencyForm("X" + run, PROVINCE)).statusCode()).isEqualTo(403);
        assertThat(organization.agency("X" + run)).isEmpty();

        assertThat(page.post("/quan-tri/to-chuc/" + JUSTICE + "/can-bo",
                staffForm("ngoai." + run, JUSTICE, "SPECIALIST", null)).statusCode()).isEqualTo(404);
        HttpResponse<String> province = page.post("/quan-tri/to-chuc/" + WARD + "/can-bo",
                staffForm("tinh." + run, WARD, "PROVINCE_ADMIN", null));
        assertThat(province.statusCode()).isEqualTo(400);
        assertThat(province.body()).contains("Bạn không được cấp hay thu hồi vai trò PROVINCE_ADMIN.");
        assertThat(accounts.exists("ngoai." + run)).isFalse();
        assertThat(accounts.exists("tinh." + run)).isFalse();

        // within its subtree: a new unit with its counter and an official at it
        String unit = "Y" + run;
        assertThat(page.post("/quan-tri/to-chuc", agencyForm(unit, WARD)).statusCode()).isEqualTo(302);
        page.get("/quan-tri/to-chuc/" + unit);
        assertThat(page.post("/quan-tri/to-chuc/" + unit + "/quay", Map.of("number", "1", "name", "Quầy 1"))
                .statusCode()).isEqualTo(302);
        assertThat(page.post("/quan-tri/to-chuc/" + unit + "/can-bo", staffForm("quay." + run, unit, "RECEPTION", "1"))
                .statusCode()).isEqualTo(302);

        assertThat(organization.agency(unit)).get().extracting(Agency::parentCode).isEqualTo(WARD);
        StaffMember official = organization.staffMember("quay." + run).orElseThrow();
        assertThat(official.counterId()).isEqualTo(organization.counters(unit).getFirst().id());
        assertThat(accounts.roles("quay." + run)).containsExactly(Role.RECEPTION);
        assertThat(page.get("/quan-tri/to-chuc/" + unit).body()).contains("quay." + run, "Quầy 1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audited("AGENCY_SAVED", unit))
                .containsExactly("agency-admin"));
        assertThat(audited("STAFF_SAVED", "quay." + run)).containsExactly("agency-admin");
    }

    @Test
    void anActingLeaderHoldsLeaderOnlyWithinItsDates() {
        String name = "quyen." + run;
        testAccounts.official(name, WARD, Role.SPECIALIST);
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        assertThat(rolesAtSignIn(name)).doesNotContain(Role.LEADER);

        acting(name, today.minusDays(1), today.plusDays(1));
        CurrentUser during = (CurrentUser) userDetails().loadUserByUsername(name);
        assertThat(during.roles()).contains(Role.LEADER, Role.SPECIALIST);
        assertThat(during.getAuthorities()).extracting(Object::toString).contains("APPROVE_DOSSIER");
        assertThat(accounts.roles(name)).as("the account's own roles stay").containsExactly(Role.SPECIALIST);

        acting(name, today.minusDays(10), today.minusDays(1));
        assertThat(rolesAtSignIn(name)).doesNotContain(Role.LEADER);
        acting(name, today.plusDays(1), today.plusDays(10));
        assertThat(rolesAtSignIn(name)).doesNotContain(Role.LEADER);
    }

    @Test
    void aMergedAgencysOldDossierKeepsItsAgencyAndCountsUnderTheSuccessor() {
        String old = "M" + run + ".CU", successor = "M" + run + ".MOI";
        LocalDate from = LocalDate.of(2018, 5, 1), to = LocalDate.of(2018, 5, 31);
        admin.saveAgency(province, commune(old, "Xã Cũ " + run), true);
        admin.saveAgency(province, commune(successor, "Xã Mới " + run), true);
        String code = old + "-" + run;
        DossierRef ref = new DossierRef(code, "1.001193", "Đăng ký khai sinh", old, old, "Xã Cũ", Channel.COUNTER,
                new Applicant(null, "Nguyễn Văn An", null, null, null, null, null, null));
        transactions.executeWithoutResult(s -> events.publishEvent(new DossierReceived(ref,
                LocalDateTime.of(2018, 5, 10, 9, 0).atZone(WorkingCalendar.ZONE).toInstant(),
                LocalDateTime.of(2018, 5, 15, 17, 0).atZone(WorkingCalendar.ZONE).toInstant(), 0, 0)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reporting.countDossiers(old, "RECEIVED", from, to) == 1);
        assertThat(reporting.countDossiers(successor, "RECEIVED", from, to)).isZero();

        admin.merge(province, List.of(old), successor, LocalDate.of(2025, 6, 30));

        assertThat(organization.agency(old)).get().satisfies(a -> {
            assertThat(a.effectiveTo()).isEqualTo(LocalDate.of(2025, 6, 30));
            assertThat(a.successorCode()).isEqualTo(successor);
        });
        assertThat(organization.currentSuccessor(old)).isEqualTo(successor);
        assertThat(reporting.countDossiers(successor, "RECEIVED", from, to)).as("reports follow the successor").isEqualTo(1);
        assertThat(reporting.dossiers(successor, "RECEIVED", from, to, 10)).extracting(l -> l.agencyCode())
                .as("the old dossier keeps its original agency").containsExactly(old);
        assertThat(jdbc.sql("select agency from report_dossier where code = ?").param(code).query(String.class).single())
                .isEqualTo(old);
    }

    private Agency commune(String code, String name) {
        return new Agency(code, name, null, AgencyKind.COMMUNE, PROVINCE, null, null, null, LocalDate.of(2000, 1, 1),
                null, null);
    }

    private void acting(String username, LocalDate from, LocalDate to) {
        admin.saveStaff(province, new StaffChange(username, null, null, null, WARD, "Phó Chủ tịch (phụ trách)", null,
                EnumSet.of(Role.SPECIALIST), from, to));
    }

    private UserDetailsService userDetails() {
        return context.getBean("accountUserDetailsService", UserDetailsService.class);
    }

    private Set<Role> rolesAtSignIn(String username) {
        return ((CurrentUser) userDetails().loadUserByUsername(username)).roles();
    }

    private List<String> audited(String action, String subject) {
        return jdbc.sql("""
                select actor from audit_pending where action = :a and subject = :s
                union all select actor from audit_entry where action = :a and subject = :s""")
                .param("a", action).param("s", subject).query(String.class).list();
    }

    private static Map<String, String> agencyForm(String code, String parent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("isNew", "true");
        form.put("code", code);
        form.put("name", "Tổ một cửa " + code);
        form.put("kind", "UNIT");
        form.put("parentCode", parent);
        form.put("effectiveFrom", "2025-07-01");
        return form;
    }

    private static Map<String, String> staffForm(String username, String agency, String role, String counter) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("isNew", "true");
        form.put("username", username);
        form.put("fullName", "Hoàng Văn Thử");
        form.put("email", username + "@example.vn");
        form.put("agencyCode", agency);
        form.put("title", "Công chức một cửa");
        form.put("roles", role);
        if (counter != null) {
            form.put("counterNumber", counter);
        }
        return form;
    }
}
