package vn.motcua.reporting.web;

import org.springframework.web.util.UriUtils;

/**
 * The links a report page makes, keeping its period and agency: to the dossiers behind a figure, to the exports, to
 * another agency's report. Paths are context-relative; templates wrap them in {@code @{...}}.
 *
 * @param agencyCode null for the whole province
 */
public record ReportLinks(ReportPeriod period, String agencyCode) {

    static final String DASHBOARD = "/quan-tri/bao-cao";
    static final String PUBLIC = "/minh-bach";

    /** The dossiers behind a figure: always as days, so the list covers exactly what the figure counted. */
    public String drill(String figure) {
        return DASHBOARD + "/ho-so?chiSo=" + figure + "&" + period.days() + agency();
    }

    public String export(String table) {
        return DASHBOARD + "/xuat.xlsx?bang=" + table + "&" + period.query() + agency();
    }

    public String publicExport(String table) {
        return PUBLIC + "/xuat.xlsx?bang=" + table + "&" + period.query();
    }

    /** The same report for another agency. */
    public String dashboard(String otherAgency) {
        return DASHBOARD + "?" + period.query() + (otherAgency == null ? "" : "&coQuan=" + encode(otherAgency));
    }

    /** The back office's page of one dossier, which checks on its own who may see it. */
    public String dossier(String code) {
        return "/quan-tri/ho-so/" + UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A sample dossier of the demo history: counted, but there is no dossier to open. */
    public boolean sample(String code) {
        return code.contains(vn.motcua.reporting.demo.DemoHistory.SAMPLE);
    }

    private String agency() {
        return agencyCode == null ? "" : "&coQuan=" + encode(agencyCode);
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
