package vn.motcua.workflow;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.web.UserFacingException;

/**
 * Which agencies an administrator configures. A province administrator configures the whole province; anyone else
 * only the agency of their staff record and the agencies below it; an account with neither configures nothing.
 * <p>
 * A process belongs to a procedure, and every agency that decides the procedure follows it. So an agency's
 * administrator may change a procedure's process only when every agency listed for the procedure is in their
 * subtree; a procedure with no listed agency (a commune-level procedure followed by every commune) has a
 * province-wide process that only the province administrator changes.
 */
@Component
public class AdministrationScope {

    private final OrganizationService organization;
    private final CatalogService catalog;

    AdministrationScope(OrganizationService organization, CatalogService catalog) {
        this.organization = organization;
        this.catalog = catalog;
    }

    /**
     * What one account configures.
     *
     * @param wholeProvince the province's own days and processes, and every agency's
     * @param home          the agency of their staff record, null for none
     * @param agencies      the codes of the agencies they configure (all of them for the whole province)
     */
    public record Scope(boolean wholeProvince, String home, Set<String> agencies) {

        public boolean covers(String agencyCode) {
            return agencyCode == null ? wholeProvince : wholeProvince || agencies.contains(agencyCode);
        }
    }

    /**
     * The account's scope.
     *
     * @throws UserFacingException 403 for an account that is neither a province administrator nor on an agency's
     *                             staff
     */
    public Scope of(CurrentUser user) {
        boolean province = user.roles().contains(Role.PROVINCE_ADMIN);
        String home = organization.staffMember(user.getUsername()).map(StaffMember::agencyCode)
                .filter(code -> organization.agency(code).isPresent()).orElse(null);
        if (province) {
            return new Scope(true, home, organization.agencies().stream().map(Agency::code).collect(Collectors.toSet()));
        }
        if (home == null) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "administration.scope.none");
        }
        return new Scope(false, home, organization.subtree(home).stream().map(Agency::code).collect(Collectors.toSet()));
    }

    /**
     * Refuses (403), before anything changes, an account that may not change the procedure's process.
     *
     * @throws UserFacingException 404 for an unknown procedure, 403 outside the account's scope
     */
    public void requireMayEditProcess(String procedureCode, CurrentUser user) {
        Procedure procedure = catalog.procedure(procedureCode)
                .orElseThrow(() -> UserFacingException.notFound("procedure.notFound", procedureCode));
        Scope scope = of(user);
        List<String> deciders = procedure.agencies();
        if (scope.wholeProvince() || !deciders.isEmpty() && deciders.stream().allMatch(scope::covers)) {
            return;
        }
        throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", deciders.isEmpty()
                ? "administration.scope.provinceProcess" : "administration.scope.process", procedure.name(),
                organization.agency(scope.home()).map(Agency::displayName).orElse(scope.home()));
    }
}
