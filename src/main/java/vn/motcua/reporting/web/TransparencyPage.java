package vn.motcua.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.platform.web.UserFacingException;
import vn.motcua.reporting.ReportingService;
import vn.motcua.reporting.ServiceIndex;
import vn.motcua.reporting.export.ReportWorkbooks;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The public transparency page (minh bạch): the province's service index as the national portal shows it, its
 * headline rates and the agencies ranked, for this year or a chosen month, quarter or year. Aggregates only: no
 * dossier, no person. Anyone may read it and download its tables.
 */
@Controller
class TransparencyPage {

    /** The headline rates the national portal publishes, as the indicators that measure them. */
    static final List<String> HEADLINES = List.of("CLGQ3", "TTTT3", "MDSH2", "MDSH1", "TDGQ1", "MDHL3");

    private final ReportingService reporting;
    private final ReportCharts charts;
    private final ReportWorkbooks workbooks;
    private final MessageSource messages;
    private final Clock clock;

    TransparencyPage(ReportingService reporting, ReportCharts charts, ReportWorkbooks workbooks, MessageSource messages,
                     Clock clock) {
        this.reporting = reporting;
        this.charts = charts;
        this.workbooks = workbooks;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/minh-bach")
    String page(@ModelAttribute("chon") ReportPeriod.Params params, Model model, Locale locale) {
        ReportPeriod period = ReportPeriod.of(params, ReportPeriod.YEAR, today());
        ServiceIndex index = reporting.index(null, period.from(), period.to(), locale);
        List<ServiceIndex> ranking = reporting.ranking(period.from(), period.to(), locale);
        model.addAttribute("period", period);
        model.addAttribute("periodLabel", period.label(messages, locale));
        model.addAttribute("links", new ReportLinks(period, null));
        model.addAttribute("index", index);
        model.addAttribute("headlines", HEADLINES.stream().map(index::indicator).toList());
        model.addAttribute("groupsChart", charts.groups(index, locale));
        model.addAttribute("ranking", ranking);
        model.addAttribute("rankingChart", charts.ranking(ranking, locale));
        model.addAttribute("thisYear", today().getYear());
        return "reporting/transparency";
    }

    @GetMapping("/minh-bach/xuat.xlsx")
    ResponseEntity<byte[]> export(@ModelAttribute("chon") ReportPeriod.Params params,
                                  @RequestParam(name = "bang", required = false) String table, Locale locale)
            throws IOException {
        ReportPeriod period = ReportPeriod.of(params, ReportPeriod.YEAR, today());
        String label = period.label(messages, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (table == null ? "" : table) {
            case "chi-so" -> workbooks.index(reporting.index(null, period.from(), period.to(), locale), label, locale, out);
            case "xep-hang" -> workbooks.ranking(reporting.ranking(period.from(), period.to(), locale),
                    messages.getMessage("reporting.province", null, locale), label, period.from(), period.to(), locale,
                    out);
            default -> throw UserFacingException.badRequest("reporting.table.unknown", table == null ? "" : table);
        }
        return DashboardPages.workbook(out.toByteArray(), table + "-" + period.from() + "-" + period.to() + ".xlsx");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
    }
}
