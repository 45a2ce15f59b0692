package vn.motcua.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.workflow.CalendarDay;
import vn.motcua.workflow.WorkingCalendar;

@IntegrationTest
class CalendarAdminPageTest {

    static final String PAGE = "/quan-tri/lich-lam-viec";
    /** Phường Thuận Hóa, where the demo agency administrator works. */
    static final String WARD = "000.31.01.H57";

    @Autowired MockMvc mvc;
    @Autowired WorkingCalendar calendar;
    @Autowired HolidayPrefill prefill;
    @Autowired Accounts accounts;

    @Test
    void onlyCalendarManagersReachThePage() throws Exception {
        mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
        mvc.perform(get(PAGE).with(user(account("citizen")))).andExpect(status().isForbidden());
        mvc.perform(get(PAGE).with(user(account("specialist")))).andExpect(status().isForbidden());
        mvc.perform(post(PAGE).with(user(account("citizen"))).with(csrf())
                .param("date", "2030-07-08").param("kind", "HOLIDAY").param("name", "Không được"))
                .andExpect(status().isForbidden());
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 7, 8), null)).isTrue();
        mvc.perform(get(PAGE).with(user(account("admin")))).andExpect(status().isOk());
        mvc.perform(get(PAGE).with(user(account("agency-admin")))).andExpect(status().isOk());
    }

    @Test
    void listsTheYearsExceptionDays() throws Exception {
        prefill.prefill(2026);
        mvc.perform(get(PAGE).param("nam", "2026").with(user(account("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lịch làm việc năm 2026")))
                .andExpect(content().string(containsString("17/02/2026")))
                .andExpect(content().string(containsString("Tết Nguyên Đán (mùng 1 tháng Giêng năm Bính Ngọ)")))
                .andExpect(content().string(containsString("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)")))
                .andExpect(content().string(containsString("Chủ nhật")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/quan-tri/lich-lam-viec?nam=2027\"")));
        mvc.perform(get(PAGE).param("nam", "1000").with(user(account("admin")))).andExpect(status().isBadRequest());
    }

    @Test
    void anAdministratorAddsAMakeUpSaturdayRefusesBadInputAndDeletesIt() throws Exception {
        CurrentUser admin = account("admin");
        LocalDate saturday = LocalDate.of(2030, 7, 6);
        assertThat(calendar.isWorkingDay(saturday, null)).isFalse();
        int before = calendar.exceptionDays(2030).size();

        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("nam", "2030")
                        .param("date", "06/07/2030").param("kind", "MAKE_UP_WORKING_DAY").param("name", " Làm bù thử ")
                        .param("agency", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PAGE + "?nam=2030"))
                .andExpect(flash().attribute("done", "Đã thêm ngày 06/07/2030: Làm bù thử."));
        assertThat(calendar.isWorkingDay(saturday, null)).isTrue();
        assertThat(calendar.exceptionDays(2030))
                .contains(new CalendarDay(saturday, CalendarDay.Kind.MAKE_UP_WORKING_DAY, "Làm bù thử", null));
        mvc.perform(get(PAGE).param("nam", "2030").with(user(admin)))
                .andExpect(content().string(containsString("Làm bù thử")))
                .andExpect(content().string(containsString("Làm bù (đi làm)")));

        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("nam", "2030")
                        .param("date", "2030-07-06").param("kind", "HOLIDAY").param("name", "Trùng ngày"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Ngày 06/07/2030 đã có trong lịch chung. Muốn đổi, hãy xóa ngày đó rồi thêm lại.")))
                .andExpect(content().string(containsString("value=\"Trùng ngày\"")));
        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("nam", "2030")
                        .param("date", "31/02/2030").param("kind", "HOLIDAY").param("name", "Ngày không có"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ngày &quot;31/02/2030&quot; không hợp lệ.")));
        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("nam", "2030")
                        .param("date", "hôm qua").param("kind", "HOLIDAY").param("name", "Ngày không có"))
                .andExpect(content().string(containsString("Ngày &quot;hôm qua&quot; không hợp lệ.")));
        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("nam", "2030")
                        .param("date", "8/7/2030").param("kind", "HOLIDAY").param("name", "   "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy nhập tên ngày")))
                .andExpect(content().string(containsString("value=\"2030-07-08\"")));
        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("nam", "2030")
                        .param("date", "2030-07-08").param("kind", "BRIDGE").param("name", "Ngày lạ"))
                .andExpect(content().string(containsString("Hãy chọn loại ngày")));
        mvc.perform(post(PAGE).with(user(admin)).param("date", "2030-07-08").param("kind", "HOLIDAY")
                .param("name", "Không có CSRF")).andExpect(status().isForbidden());
        assertThat(calendar.exceptionDays(2030)).hasSize(before + 1);
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 7, 8), null)).isTrue();

        mvc.perform(post(PAGE + "/xoa").with(user(admin)).with(csrf()).param("date", "2030-07-06").param("agency", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PAGE + "?nam=2030"))
                .andExpect(flash().attribute("done", "Đã xóa ngày 06/07/2030 khỏi lịch làm việc."));
        assertThat(calendar.isWorkingDay(saturday, null)).isFalse();
        assertThat(calendar.exceptionDays(2030)).hasSize(before);
        mvc.perform(post(PAGE + "/xoa").with(user(admin)).with(csrf()).param("date", "2030-07-06"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lịch làm việc không có ngày 06/07/2030")));
    }

    @Test
    void anAgencyAdministratorEditsOnlyTheirAgencysDays() throws Exception {
        prefill.prefill(2030);
        CurrentUser agencyAdmin = account("agency-admin");
        LocalDate day = LocalDate.of(2030, 8, 19);
        mvc.perform(post(PAGE).with(user(agencyAdmin)).with(csrf()).param("nam", "2030")
                        .param("date", "2030-08-19").param("kind", "HOLIDAY").param("name", "Lễ hội của phường")
                        .param("agency", ""))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn chỉ được sửa lịch làm việc riêng của Phường Thuận Hóa.")));
        assertThat(calendar.isWorkingDay(day, null)).isTrue();

        mvc.perform(post(PAGE).with(user(agencyAdmin)).with(csrf()).param("nam", "2030")
                        .param("date", "2030-08-19").param("kind", "HOLIDAY").param("name", "Lễ hội của phường")
                        .param("agency", WARD))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(day, WARD)).isFalse();
        assertThat(calendar.isWorkingDay(day, null)).isTrue();
        mvc.perform(get(PAGE).param("nam", "2030").with(user(agencyAdmin)))
                .andExpect(content().string(containsString("Lễ hội của phường")))
                .andExpect(content().string(not(containsString("value=\"\">Chung cho mọi cơ quan"))));
        mvc.perform(get(PAGE).param("nam", "2030").with(user(account("admin"))))
                .andExpect(content().string(containsString("Phường Thuận Hóa")));

        // The province's days are shown to them but not theirs to delete.
        mvc.perform(post(PAGE + "/xoa").with(user(agencyAdmin)).with(csrf()).param("date", "2030-09-02"))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("Bạn chỉ được sửa lịch làm việc riêng")));
        assertThat(calendar.exceptionDays(2030)).extracting(CalendarDay::date).contains(LocalDate.of(2030, 9, 2));

        mvc.perform(post(PAGE + "/xoa").with(user(agencyAdmin)).with(csrf()).param("date", "2030-08-19").param("agency", WARD))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(day, WARD)).isTrue();
    }

    private CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }
}
