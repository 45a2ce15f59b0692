package vn.motcua.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.workflow.calendar.CalendarRepository;
import vn.motcua.workflow.calendar.ExceptionDays;

/**
 * The working-day calendar: Monday to Friday are worked, except the exception days an administrator keeps (public
 * holidays, Tết, days in lieu, bridge days off, make-up working Saturdays), for the whole province or for one
 * agency, whose own days take precedence for it. Answers come from memory; an edit is seen at once on this node
 * and within a minute on the others.
 *
 * <p>Every method taking an {@code agencyCode} accepts null for "the province's calendar".
 */
@Service
public class WorkingCalendar {

    /** The calendar's, and every office's, time zone. */
    public static final ZoneId ZONE = VietnamTime.ZONE;

    static final int MAX_NAME_LENGTH = 200;
    private static final DateTimeFormatter DAY = VietnamTime.DATE;

    private final CalendarRepository repository;
    private final OrganizationService organization;
    private final AuditTrail trail;

    WorkingCalendar(CalendarRepository repository, OrganizationService organization, AuditTrail trail) {
        this.trail = trail;
        this.repository = repository;
        this.organization = organization;
    }

    public boolean isWorkingDay(LocalDate day, String agencyCode) {
        return repository.snapshot().isWorkingDay(day, agencyCode);
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day, String agencyCode) {
        return next(repository.snapshot(), day, agencyCode);
    }

    /** The {@code n}-th working day after {@code from} ({@code from} itself when {@code n} is 0). */
    public LocalDate addWorkingDays(LocalDate from, int n, String agencyCode) {
        if (n < 0) {
            throw new IllegalArgumentException("Cannot add " + n + " working days");
        }
        ExceptionDays days = repository.snapshot();
        LocalDate day = from;
        for (int i = 0; i < n; i++) {
            day = next(days, day, agencyCode);
        }
        return day;
    }

    /** How many working days there are from {@code fromInclusive} up to but not including {@code toExclusive}. */
    public int workingDaysBetween(LocalDate fromInclusive, LocalDate toExclusive, String agencyCode) {
        ExceptionDays days = repository.snapshot();
        int count = 0;
        for (LocalDate day = fromInclusive; day.isBefore(toExclusive); day = day.plusDays(1)) {
            if (days.isWorkingDay(day, agencyCode)) {
                count++;
            }
        }
        return count;
    }

    /** The exception days of a year, by date, for the province and for every agency. */
    public List<CalendarDay> exceptionDays(int year) {
        return repository.findYear(year);
    }

    /**
     * Adds an exception day.
     *
     * @param addedBy the username recorded as having added it
     * @throws UserFacingException when the name is missing or too long, the agency unknown, or the date already has
     *                             an exception day for the same agency (or for the province)
     */
    @Transactional
    public void add(CalendarDay day, String addedBy) {
        String name = day.name() == null ? "" : day.name().strip();
        if (name.isEmpty()) {
            throw UserFacingException.badRequest("calendar.invalid.name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw UserFacingException.badRequest("calendar.invalid.nameLength", MAX_NAME_LENGTH);
        }
        String agencyName = null;
        if (day.agencyCode() != null) {
            agencyName = organization.agency(day.agencyCode()).map(Agency::displayName)
                    .orElseThrow(() -> UserFacingException.badRequest("calendar.invalid.agency", day.agencyCode()));
        }
        if (!repository.insert(new CalendarDay(day.date(), day.kind(), name, day.agencyCode()), addedBy)) {
            throw agencyName == null
                    ? UserFacingException.badRequest("calendar.invalid.duplicate", DAY.format(day.date()))
                    : UserFacingException.badRequest("calendar.invalid.duplicateForAgency", DAY.format(day.date()), agencyName);
        }
        trail.changed(AuditAction.CALENDAR_CHANGED, day.date().toString(), "added " + day.kind() + " " + day.agencyCode());
    }

    /**
     * Removes the exception day of that date for that agency (or the province).
     *
     * @throws UserFacingException when there is none
     */
    @Transactional
    public void remove(LocalDate date, String agencyCode) {
        if (!repository.delete(date, agencyCode)) {
            throw UserFacingException.notFound("calendar.notFound", DAY.format(date));
        }
        trail.changed(AuditAction.CALENDAR_CHANGED, date.toString(), "removed " + agencyCode);
    }

    private static LocalDate next(ExceptionDays days, LocalDate day, String agencyCode) {
        LocalDate next = day.plusDays(1);
        while (!days.isWorkingDay(next, agencyCode)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
