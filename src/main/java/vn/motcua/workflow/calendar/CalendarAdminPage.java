package vn.motcua.workflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.workflow.AdministrationScope;
import vn.motcua.workflow.CalendarDay;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The administrator's page for the working-day calendar of a year: the exception days, a form to add one and a
 * button to delete each. A province administrator edits the province's days and every agency's; any other calendar
 * manager edits only the days of their agency and those below it ({@link AdministrationScope}); an account with
 * neither role nor staff record is refused.
 */
@Controller
@RequestMapping("/quan-tri/lich-lam-viec")
class CalendarAdminPage {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;
    private static final DateTimeFormatter DAY = VietnamTime.DATE;
    private static final List<DateTimeFormatter> INPUT_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final WorkingCalendar calendar;
    private final OrganizationService organization;
    private final AdministrationScope scopes;
    private final MessageSource messages;
    private final Clock clock;

    CalendarAdminPage(WorkingCalendar calendar, OrganizationService organization, AdministrationScope scopes,
                      MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.scopes = scopes;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the add form holds, kept when it is shown again with an error. */
    record DayForm(String date, String kind, String name, String agency) {

        static final DayForm EMPTY = new DayForm("", CalendarDay.Kind.HOLIDAY.name(), "", "");
    }

    @GetMapping
    String show(@RequestParam(name = "nam", required = false) Integer year, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        scopes.of(user); // 403 for an account that administers no agency
        int shown = year == null ? LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).getYear() : year;
        if (shown < FIRST_YEAR || shown > LAST_YEAR) {
            throw UserFacingException.badRequest("calendar.invalid.year", String.valueOf(shown));
        }
        return page(model, user, shown, DayForm.EMPTY);
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String kind,
               @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String agency,
               @RequestParam(name = "nam", required = false) Integer year, @AuthenticationPrincipal CurrentUser user,
               Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        scopes.of(user); // 403 for an account that administers no agency, before anything is read
        String shownDate = date; // shown again in the form: ISO once understood, as a date input needs
        try {
            LocalDate day = parseDate(date);
            shownDate = day.toString();
            String agencyCode = agency.isBlank() ? null : agency.strip();
            checkMayEdit(user, agencyCode);
            calendar.add(new CalendarDay(day, parseKind(kind), name, agencyCode), user.getUsername());
            redirect.addFlashAttribute("done", messages.getMessage("calendar.added",
                    new Object[]{DAY.format(day), name.strip()}, locale));
            return "redirect:/quan-tri/lich-lam-viec?nam=" + day.getYear();
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN) {
                response.setStatus(e.status().value()); // outside one's scope; bad input stays on the page as before
            }
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return page(model, user, pageYear(year), new DayForm(shownDate, kind, name, agency));
        }
    }

    @PostMapping("/xoa")
    String remove(@RequestParam String date, @RequestParam(defaultValue = "") String agency,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                  RedirectAttributes redirect, Locale locale) {
        scopes.of(user);
        LocalDate day = parseDate(date);
        String agencyCode = agency.isBlank() ? null : agency.strip();
        try {
            checkMayEdit(user, agencyCode);
            calendar.remove(day, agencyCode);
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN) {
                response.setStatus(e.status().value()); // outside one's scope; bad input stays on the page as before
            }
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return page(model, user, day.getYear(), DayForm.EMPTY);
        }
        redirect.addFlashAttribute("done", messages.getMessage("calendar.removed", new Object[]{DAY.format(day)}, locale));
        return "redirect:/quan-tri/lich-lam-viec?nam=" + day.getYear();
    }

    private String page(Model model, CurrentUser user, int year, DayForm form) {
        AdministrationScope.Scope scope = scopes.of(user);
        Map<String, Agency> agencies = organization.agenciesByCode();
        List<Row> rows = calendar.exceptionDays(year).stream()
                .filter(d -> d.agencyCode() == null || scope.covers(d.agencyCode()))
                .map(d -> new Row(d, DAY.format(d.date()), agencyName(d.agencyCode(), agencies),
                        scope.covers(d.agencyCode())))
                .toList();
        List<Agency> choices = organization.activeAgencies().stream().filter(a -> scope.covers(a.code())).toList();
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        model.addAttribute("kinds", CalendarDay.Kind.values());
        model.addAttribute("agencies", choices);
        model.addAttribute("provinceWide", scope.wholeProvince());
        model.addAttribute("form", form);
        return "workflow/calendar";
    }

    /** An exception day as the page lists it; {@code agencyName} is null for the province's days. */
    record Row(CalendarDay day, String date, String agencyName, boolean deletable) {
    }

    private static String agencyName(String code, Map<String, Agency> agencies) {
        if (code == null) {
            return null;
        }
        Agency agency = agencies.get(code);
        return agency == null ? code : agency.displayName();
    }

    private void checkMayEdit(CurrentUser user, String agencyCode) {
        AdministrationScope.Scope scope = scopes.of(user);
        if (!scope.covers(agencyCode)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "calendar.invalid.scope",
                    organization.agency(scope.home()).map(Agency::displayName).orElse(scope.home()));
        }
    }

    private int pageYear(Integer year) {
        return year != null && year >= FIRST_YEAR && year <= LAST_YEAR ? year
                : LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).getYear();
    }

    private static LocalDate parseDate(String input) {
        String text = input.strip();
        for (DateTimeFormatter format : INPUT_FORMATS) {
            try {
                LocalDate day = LocalDate.parse(text, format);
                if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                    return day;
                }
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw UserFacingException.badRequest("calendar.invalid.date", input);
    }

    private static CalendarDay.Kind parseKind(String input) {
        for (CalendarDay.Kind kind : CalendarDay.Kind.values()) {
            if (kind.name().equals(input)) {
                return kind;
            }
        }
        throw UserFacingException.badRequest("calendar.invalid.kind");
    }
}
