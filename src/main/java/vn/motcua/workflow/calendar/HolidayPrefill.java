package vn.motcua.workflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import vn.motcua.workflow.WorkingCalendar;

/**
 * At start-up, enters the public holidays of this year and the next {@value #YEARS_AHEAD} into the calendar, each
 * year once (see {@link CalendarRepository#prefill}). Administrators then add the government's bridge days and
 * make-up working days, and may correct or delete what was pre-filled.
 */
@Component
public class HolidayPrefill implements ApplicationRunner {

    static final int YEARS_AHEAD = 5;

    private static final Logger log = LoggerFactory.getLogger(HolidayPrefill.class);

    private final CalendarRepository repository;
    private final Clock clock;

    HolidayPrefill(CalendarRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int thisYear = LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).getYear();
        for (int year = thisYear; year <= thisYear + YEARS_AHEAD; year++) {
            prefill(year);
        }
    }

    /** Pre-fills one year unless that was done before. */
    public void prefill(int year) {
        OptionalInt added = repository.prefill(year, PublicHolidays.of(year));
        added.ifPresent(n -> log.info("Public holidays of {} entered in the working calendar: {} days", year, n));
    }
}
