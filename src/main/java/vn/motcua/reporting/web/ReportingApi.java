package vn.motcua.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.reporting.ReportingService;
import vn.motcua.reporting.ServiceIndex;

/** The service index as JSON: public, like the national portal's, since it holds only aggregate figures. */
@RestController
class ReportingApi {

    private final ReportingService reporting;
    private final Clock clock;

    ReportingApi(ReportingService reporting, Clock clock) {
        this.reporting = reporting;
        this.clock = clock;
    }

    /**
     * The indicators, groups and total for an agency (with the agencies below it) or, without {@code agency}, the
     * province; {@code from} and {@code to} are inclusive days (ISO dates), by default this year so far.
     */
    @GetMapping("/api/v1/reports/service-index")
    ServiceIndex serviceIndex(@RequestParam(required = false) String agency,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              Locale locale) {
        LocalDate today = LocalDate.now(clock.withZone(vn.motcua.workflow.WorkingCalendar.ZONE));
        return reporting.index(agency, from == null ? today.withDayOfYear(1) : from, to == null ? today : to, locale);
    }
}
