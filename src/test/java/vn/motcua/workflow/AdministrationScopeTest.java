package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * Administrators configure only within their agency's subtree: a procedure's process only when every agency that
 * decides it is theirs (a province-wide process only the province administrator), the calendar only of their
 * agencies; an account with no staff record and no province role configures nothing. Refusals are 403 with a
 * Vietnamese message, and change nothing.
 */
@IntegrationTest
class AdministrationScopeTest {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final String HOME_AFFAIRS = "000.00.16.H57";   // Sở Nội vụ, with its employment centre below it
    static final String UNEMPLOYMENT_TRANSFER = "1.400003"; // decided by the employment centre only
    static final String LABOUR_LEASING = "1.400005";      // decided by Sở Nội vụ and the province's people's committee
    static final String BIRTH = "1.001193";               // commune level: every commune follows one process

    @Autowired MockMvc mvc;
    @Autowired ProcessService processes;
    @Autowired WorkingCalendar calendar;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void accounts() {
        accounts.official("home-affairs-admin", HOME_AFFAIRS, Role.AGENCY_ADMIN);
        accounts.bare("agency-admin-nowhere", "Quản trị không có cơ quan", TestData.PASSWORD, Role.AGENCY_ADMIN);
    }

    @Test
    void aDepartmentsAdministratorEditsTheProcessOfAProcedureDecidedWithinItsSubtreeOnly() throws Exception {
        CurrentUser admin = account("home-affairs-admin");
        assertThat(page(get("/quan-tri/quy-trinh/" + UNEMPLOYMENT_TRANSFER), admin).getStatus()).isEqualTo(200);
        int before = processes.current(UNEMPLOYMENT_TRANSFER).version();
        assertThat(processes.save(UNEMPLOYMENT_TRANSFER, ProcessService.defaultSteps(), admin, VI).version())
                .isEqualTo(before + 1);

        // Also decided by the province's people's committee, above them: refused, nothing saved.
        int leasing = processes.current(LABOUR_LEASING).version();
        MockHttpServletResponse refused = page(save(LABOUR_LEASING), admin);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("chỉ quản trị cấp trên được sửa");
        assertThat(page(get("/quan-tri/quy-trinh/" + LABOUR_LEASING), admin).getStatus()).isEqualTo(403);
        assertThat(processes.current(LABOUR_LEASING).version()).isEqualTo(leasing);
    }

    @Test
    void aWardsAdministratorCannotChangeTheProvinceWideProcessOfACommuneProcedure() throws Exception {
        CurrentUser wardAdmin = account("agency-admin");
        int before = processes.current(BIRTH).version();
        MockHttpServletResponse refused = page(save(BIRTH), wardAdmin);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("chỉ quản trị tỉnh được sửa");
        assertThat(page(get("/quan-tri/quy-trinh/" + BIRTH), wardAdmin).getStatus()).isEqualTo(403);
        assertThatThrownBy(() -> processes.save(BIRTH, ProcessService.defaultSteps(), wardAdmin, VI))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        assertThat(processes.current(BIRTH).version()).isEqualTo(before);
        // The province administrator may.
        assertThat(page(get("/quan-tri/quy-trinh/" + BIRTH), account("admin")).getStatus()).isEqualTo(200);
    }

    @Test
    void anAdministratorWithoutAStaffRecordConfiguresNothing() throws Exception {
        CurrentUser nowhere = account("agency-admin-nowhere");
        assertThat(page(get("/quan-tri/quy-trinh/" + UNEMPLOYMENT_TRANSFER), nowhere).getStatus()).isEqualTo(403);
        int before = processes.current(UNEMPLOYMENT_TRANSFER).version();
        assertThat(page(save(UNEMPLOYMENT_TRANSFER), nowhere).getStatus()).isEqualTo(403);
        assertThat(processes.current(UNEMPLOYMENT_TRANSFER).version()).isEqualTo(before);

        MockHttpServletResponse calendarPage = page(get("/quan-tri/lich-lam-viec"), nowhere);
        assertThat(calendarPage.getStatus()).isEqualTo(403);
        assertThat(calendarPage.getContentAsString(StandardCharsets.UTF_8)).contains("không gắn với cơ quan nào");
        LocalDate day = LocalDate.of(2031, 8, 19); // a Tuesday
        MockHttpServletResponse added = page(post("/quan-tri/lich-lam-viec").with(csrf()).param("nam", "2031")
                .param("date", day.toString()).param("kind", "HOLIDAY").param("name", "Nghỉ không có thẩm quyền")
                .param("agency", ""), nowhere);
        assertThat(added.getStatus()).isEqualTo(403);
        assertThat(calendar.isWorkingDay(day, null)).isTrue();
    }

    @Test
    void aDepartmentsAdministratorEditsTheCalendarOfTheAgenciesBelowItButNotOthers() throws Exception {
        CurrentUser admin = account("home-affairs-admin");
        LocalDate day = LocalDate.of(2031, 9, 16); // a Tuesday
        assertThat(page(post("/quan-tri/lich-lam-viec").with(csrf()).param("nam", "2031").param("date", day.toString())
                .param("kind", "HOLIDAY").param("name", "Nghỉ của phường khác").param("agency", "000.31.01.H57"), admin)
                .getStatus()).isEqualTo(403);
        assertThat(calendar.isWorkingDay(day, "000.31.01.H57")).isTrue();
        assertThat(page(post("/quan-tri/lich-lam-viec").with(csrf()).param("nam", "2031").param("date", day.toString())
                .param("kind", "HOLIDAY").param("name", "Nghỉ của trung tâm").param("agency", "000.16.23.H57"), admin)
                .getStatus()).isEqualTo(302);
        assertThat(calendar.isWorkingDay(day, "000.16.23.H57")).isFalse();
    }

    private MockHttpServletRequestBuilder save(String procedureCode) {
        return post("/quan-tri/quy-trinh/" + procedureCode).with(csrf())
                .param("name", "Tiếp nhận", "Xử lý").param("role", "RECEPTION", "SPECIALIST")
                .param("place", "RECEIVING", "COMPETENT").param("agencyCode", "", "").param("timeShare", "20", "80")
                .param("actions0", "FORWARD").param("actions1", "ISSUE_RESULT");
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        return mvc.perform(request.with(user(who))).andReturn().getResponse();
    }

    private CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }
}
