package vn.motcua.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.reporting.DossierLine;
import vn.motcua.reporting.Figures;
import vn.motcua.reporting.Pending;
import vn.motcua.reporting.ReportingService;
import vn.motcua.reporting.ServiceIndex;
import vn.motcua.reporting.export.DossierExports;
import vn.motcua.reporting.export.ReportWorkbooks;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The leaders' dashboard (báo cáo, thống kê): the service index of their agency or the province for a period, its
 * trend, the agencies ranked, the overdue dossiers that need action now, throughput by channel; the dossiers behind
 * each figure; Excel exports of every table, the long dossier lists written in the background. Who may see which
 * agency is {@link ReportScopes}' answer, asked before anything is read.
 */
@Controller
class DashboardPages {

    static final int OVERDUE_SHOWN = 10;
    static final int LIST_SHOWN = 500;
    static final int TREND_MONTHS = 12;
    /** The figures of the period that open the dossiers behind them, in the dashboard's order. */
    static final List<String> PERIOD_FIGURES = List.of("RECEIVED", "RECEIVED_ONLINE", "DIGITISED", "REUSED", "HANDLED",
            "EARLY", "ON_TIME", "LATE", "REFUSED", "WITHDRAWN", "WAITING", "E_RESULTS", "FEE_PAID", "PAID_ONLINE", "RATINGS",
            "RATINGS_UNSATISFIED");
    /** Indicators whose numerator or denominator is exactly a figure with a drill-down. */
    static final Map<String, List<String>> INDICATOR_FIGURES = Map.of(
            "TDGQ1", java.util.Arrays.asList(null, "HANDLED"),
            "CLGQ3", List.of("RECEIVED_ONLINE", "RECEIVED"),
            "MDSH4", List.of("REUSED", "RECEIVED"),
            "TTTT3", List.of("PAID_ONLINE", "FEE_PAID"));

    /** A figure of the dashboard and the list of dossiers behind it. */
    public record FigureLink(String code, String label, long value, String href) {
    }

    private final ReportingService reporting;
    private final ReportScopes scopes;
    private final ReportCharts charts;
    private final ReportWorkbooks workbooks;
    private final DossierExports exports;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditTrail trail;

    DashboardPages(ReportingService reporting, ReportScopes scopes, ReportCharts charts, ReportWorkbooks workbooks,
                   DossierExports exports, CatalogService catalog, OrganizationService organization,
                   MessageSource messages, Clock clock, AuditTrail trail) {
        this.trail = trail;
        this.reporting = reporting;
        this.scopes = scopes;
        this.charts = charts;
        this.workbooks = workbooks;
        this.exports = exports;
        this.catalog = catalog;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/quan-tri/bao-cao")
    String dashboard(@ModelAttribute("chon") ReportPeriod.Params params,
                     @RequestParam(name = "coQuan", required = false) String agency,
                     @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        ReportScopes.Scope scope = scopes.resolve(user, agency, province(locale));
        ReportPeriod period = ReportPeriod.of(params, ReportPeriod.MONTH, today());
        String code = scope.agencyCode();
        ServiceIndex index = reporting.index(code, period.from(), period.to(), locale);
        YearMonth thisMonth = YearMonth.from(today());
        YearMonth last = period.lastMonth().isAfter(thisMonth) ? thisMonth : period.lastMonth();
        List<ServiceIndex> trend = reporting.trend(code, last, TREND_MONTHS, locale);
        Pending pending = reporting.pending(code);
        boolean mayDrill = user.has(Permission.HANDLE_DOSSIER);
        List<DossierLine> overdue = mayDrill
                ? reporting.dossiers(code, "OVERDUE", period.from(), period.to(), OVERDUE_SHOWN) : List.of();
        Map<String, Figures> channels = reporting.byChannel(code, period.from(), period.to());
        ReportLinks links = new ReportLinks(period, code);

        common(model, scope, period, links, locale);
        model.addAttribute("index", index);
        model.addAttribute("figures", figures(index, links, locale));
        model.addAttribute("indicatorFigures", INDICATOR_FIGURES);
        model.addAttribute("pending", pending);
        model.addAttribute("overdue", overdue);
        model.addAttribute("procedureNames", procedureNames(overdue));
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("trend", trend);
        model.addAttribute("trendTotalChart", charts.trendTotal(trend, scope.name(), locale));
        model.addAttribute("trendGroupsChart", charts.trendGroups(trend, scope.name(), locale));
        model.addAttribute("channels", channels);
        model.addAttribute("channelTotal", channels.values().stream().reduce(new Figures(), Figures::plus));
        model.addAttribute("channelMeasures", ReportWorkbooks.CHANNEL_MEASURES);
        model.addAttribute("channelsChart", channels.isEmpty() ? null : charts.channels(channels, scope.name(), locale));
        if (scope.province()) {
            List<ServiceIndex> ranking = reporting.ranking(period.from(), period.to(), locale);
            model.addAttribute("ranking", ranking);
            model.addAttribute("rankingChart", charts.ranking(ranking, locale));
        }
        model.addAttribute("mayRebuild", user.has(Permission.REBUILD_REPORTS));
        // Figures for everyone with the reports; the dossiers behind them only for officials who handle dossiers.
        model.addAttribute("mayDrill", mayDrill);
        return "reporting/dashboard";
    }

    /** The dossiers behind a figure: the first {@value #LIST_SHOWN} on the page, all of them in the export. */
    @GetMapping("/quan-tri/bao-cao/ho-so")
    String dossiers(@ModelAttribute("chon") ReportPeriod.Params params,
                    @RequestParam(name = "chiSo", required = false) String figure,
                    @RequestParam(name = "coQuan", required = false) String agency,
                    @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        ReportScopes.Scope scope = scopes.resolve(user, agency, province(locale));
        ReportPeriod period = ReportPeriod.of(params, ReportPeriod.MONTH, today());
        String f = figure(figure);
        List<DossierLine> lines = reporting.dossiers(scope.agencyCode(), f, period.from(), period.to(), LIST_SHOWN);
        long total = reporting.countDossiers(scope.agencyCode(), f, period.from(), period.to());
        common(model, scope, period, new ReportLinks(period, scope.agencyCode()), locale);
        model.addAttribute("figure", f);
        model.addAttribute("now", f.equals("PENDING") || f.equals("OVERDUE"));
        model.addAttribute("lines", lines);
        model.addAttribute("total", total);
        model.addAttribute("procedureNames", procedureNames(lines));
        model.addAttribute("agencyNames", agencyNames());
        return "reporting/dossiers";
    }

    /** The small tables as workbooks, written at once: the index, the ranking, the trend, the channels. */
    @GetMapping("/quan-tri/bao-cao/xuat.xlsx")
    ResponseEntity<byte[]> export(@ModelAttribute("chon") ReportPeriod.Params params,
                                  @RequestParam(name = "bang", required = false) String table,
                                  @RequestParam(name = "coQuan", required = false) String agency,
                                  @AuthenticationPrincipal CurrentUser user, Locale locale) throws IOException {
        ReportScopes.Scope scope = scopes.resolve(user, agency, province(locale));
        ReportPeriod period = ReportPeriod.of(params, ReportPeriod.MONTH, today());
        String code = scope.agencyCode();
        String label = period.label(messages, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (table == null ? "" : table) {
            case "chi-so" -> workbooks.index(reporting.index(code, period.from(), period.to(), locale), label, locale, out);
            case "xep-hang" -> workbooks.ranking(reporting.ranking(period.from(), period.to(), locale), province(locale),
                    label, period.from(), period.to(), locale, out);
            case "kenh" -> workbooks.channels(reporting.byChannel(code, period.from(), period.to()), scope.name(), label,
                    period.from(), period.to(), locale, out);
            case "xu-huong" -> {
                YearMonth thisMonth = YearMonth.from(today());
                YearMonth last = period.lastMonth().isAfter(thisMonth) ? thisMonth : period.lastMonth();
                workbooks.trend(reporting.trend(code, last, TREND_MONTHS, locale), scope.name(), locale, out);
            }
            default -> throw UserFacingException.badRequest("reporting.table.unknown", table == null ? "" : table);
        }
        return workbook(out.toByteArray(), table + "-" + period.from() + "-" + period.to() + ".xlsx");
    }

    /** Starts writing the whole list behind a figure in the background and shows its progress. */
    @PostMapping("/quan-tri/bao-cao/ho-so/xuat")
    String startExport(@ModelAttribute("chon") ReportPeriod.Params params,
                       @RequestParam(name = "chiSo", required = false) String figure,
                       @RequestParam(name = "coQuan", required = false) String agency,
                       @AuthenticationPrincipal CurrentUser user, Locale locale) {
        ReportScopes.Scope scope = scopes.resolve(user, agency, province(locale));
        ReportPeriod period = ReportPeriod.of(params, ReportPeriod.MONTH, today());
        String f = figure(figure);
        boolean now = f.equals("PENDING") || f.equals("OVERDUE");
        String title = messages.getMessage("reporting.export.title", new Object[]{
                messages.getMessage("reporting.count." + f, null, locale), scope.name(),
                now ? messages.getMessage("reporting.now", null, locale) : period.label(messages, locale)}, locale);
        UUID id = exports.start(user.getUsername(), scope.agencyCode(), f, period.from(), period.to(), title);
        return "redirect:/quan-tri/bao-cao/xuat/" + id;
    }

    @GetMapping("/quan-tri/bao-cao/xuat/{id}")
    String exportStatus(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        DossierExports.Status status = exports.status(id, user.getUsername())
                .orElseThrow(() -> UserFacingException.notFound("reporting.export.notFound"));
        model.addAttribute("status", status);
        model.addAttribute("figureName", messages.getMessage("reporting.count." + status.figure(), null, locale));
        if (status.running()) {
            model.addAttribute("refreshSeconds", 1); // a meta refresh: progress moves without any script
        }
        return "reporting/export-status";
    }

    @GetMapping("/quan-tri/bao-cao/xuat/{id}/tai-ve")
    ResponseEntity<byte[]> exportFile(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        DossierExports.ExportFile file = exports.file(id, user.getUsername())
                .orElseThrow(() -> UserFacingException.notFound("reporting.export.notFound"));
        trail.record(AuditAction.DOSSIER_LIST_EXPORTED, "bao-cao/xuat/" + id, null, AuditOutcome.OK, file.name());
        return workbook(file.content(), file.name());
    }

    /** Replaces the read model with the fold of its event history (province administrators). */
    @PostMapping("/quan-tri/bao-cao/xay-dung-lai")
    String rebuild(RedirectAttributes redirect, Locale locale) {
        long start = System.nanoTime();
        int subjects = reporting.rebuild();
        trail.changed(AuditAction.REPORTS_REBUILT, null, subjects + " subjects");
        long ms = (System.nanoTime() - start) / 1_000_000;
        redirect.addFlashAttribute("rebuilt", messages.getMessage("reporting.rebuilt", new Object[]{subjects, ms}, locale));
        return "redirect:/quan-tri/bao-cao";
    }

    // ------------------------------------------------------------------

    private void common(Model model, ReportScopes.Scope scope, ReportPeriod period, ReportLinks links, Locale locale) {
        model.addAttribute("scope", scope);
        model.addAttribute("period", period);
        model.addAttribute("periodLabel", period.label(messages, locale));
        model.addAttribute("links", links);
    }

    private List<FigureLink> figures(ServiceIndex index, ReportLinks links, Locale locale) {
        List<FigureLink> figures = new ArrayList<>();
        for (String f : PERIOD_FIGURES) {
            figures.add(new FigureLink(f, messages.getMessage("reporting.count." + f, null, locale),
                    index.counts().getOrDefault(f, 0L), links.drill(f)));
        }
        return figures;
    }

    private static String figure(String figure) {
        if (figure == null || !ReportingService.DRILL_DOWNS.contains(figure.trim())) {
            throw UserFacingException.badRequest("reporting.figure.unknown", figure == null ? "" : figure);
        }
        return figure.trim();
    }

    private Map<String, String> procedureNames(List<DossierLine> lines) {
        Map<String, String> names = new LinkedHashMap<>();
        for (DossierLine l : lines) {
            names.computeIfAbsent(l.procedureCode(), c -> catalog.procedure(c).map(Procedure::name).orElse(c));
        }
        return names;
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        organization.agencies().forEach(a -> names.put(a.code(), a.displayName()));
        return names;
    }

    private String province(Locale locale) {
        return messages.getMessage("reporting.province", null, locale);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
    }

    static ResponseEntity<byte[]> workbook(byte[] content, String fileName) {
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(MediaType.parseMediaType(ReportWorkbooks.CONTENT_TYPE))
                .header("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }
}
