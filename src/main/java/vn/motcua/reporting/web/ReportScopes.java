package vn.motcua.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/**
 * Whose figures an official may see. An official sees their own agency and the agencies below it; a province
 * administrator, or an official of the province's root agency, sees the whole province and may choose any agency.
 * Asking for an agency outside one's scope is refused (403) before anything is read.
 */
@Component
class ReportScopes {

    /**
     * What a report covers.
     *
     * @param agencyCode null for the whole province
     * @param name       the agency's name, or "Toàn tỉnh"
     * @param choices    the agencies the person may choose from, parents before children (the first, with a null
     *                   code, is the province when they may see it)
     */
    public record Scope(String agencyCode, String name, boolean wholeProvince, List<Choice> choices) {

        public boolean province() {
            return agencyCode == null;
        }
    }

    /** An agency in the chooser, indented by its depth under the official's own. */
    public record Choice(String code, String label) {
    }

    private final OrganizationService organization;
    private final Clock clock;

    ReportScopes(OrganizationService organization, Clock clock) {
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * The scope of the report the user asked for ({@code requested} blank: their default, the province or their own
     * agency).
     *
     * @throws UserFacingException 404 for an unknown agency, 403 for one outside the user's scope
     */
    Scope resolve(CurrentUser user, String requested, String provinceName) {
        Map<String, Agency> byCode = organization.agenciesByCode();
        String home = organization.staffMember(user.getUsername()).map(s -> s.agencyCode()).orElse(null);
        boolean wholeProvince = user.roles().contains(Role.PROVINCE_ADMIN)
                || home != null && byCode.containsKey(home) && byCode.get(home).parentCode() == null;
        if (!wholeProvince && (home == null || !byCode.containsKey(home))) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "reporting.scope.noAgency");
        }
        String code = requested == null || requested.isBlank() ? (wholeProvince ? null : home) : requested.trim();
        if (code != null) {
            Agency agency = byCode.get(code);
            if (agency == null) {
                throw UserFacingException.notFound("reporting.agency.unknown", code);
            }
            if (agency.parentCode() == null) {
                code = null; // the root agency's figures are the province's
            }
        }
        List<Choice> choices = new ArrayList<>();
        if (wholeProvince) {
            choices.add(new Choice(null, provinceName));
            for (Agency a : organization.activeAgencies()) {
                if (a.parentCode() != null) {
                    choices.add(new Choice(a.code(), indent(depth(a, byCode) - 1) + a.displayName()));
                }
            }
            if (code == null) {
                return new Scope(null, provinceName, true, choices);
            }
            return new Scope(code, byCode.get(code).displayName(), true, choices);
        }
        Set<String> allowed = organization.subtree(home).stream().map(Agency::code).collect(Collectors.toSet());
        if (code == null || !allowed.contains(code)) {
            Agency asked = code == null ? null : byCode.get(code);
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "reporting.scope.forbidden",
                    asked == null ? provinceName : asked.displayName());
        }
        int homeDepth = depth(byCode.get(home), byCode);
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        for (Agency a : organization.agencies()) {
            if (allowed.contains(a.code()) && (a.activeOn(today) || a.code().equals(code))) {
                choices.add(new Choice(a.code(), indent(depth(a, byCode) - homeDepth) + a.displayName()));
            }
        }
        return new Scope(code, byCode.get(code).displayName(), false, choices);
    }

    private static int depth(Agency a, Map<String, Agency> byCode) {
        int depth = 0;
        for (Agency up = a; up != null && up.parentCode() != null && depth < 32; up = byCode.get(up.parentCode())) {
            depth++;
        }
        return depth;
    }

    private static String indent(int depth) {
        return "— ".repeat(Math.max(0, depth));
    }
}
