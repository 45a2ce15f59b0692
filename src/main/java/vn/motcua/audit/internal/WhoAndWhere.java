package vn.motcua.audit.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.cache.LocalCache;
import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;

/** Who is acting and from where, taken from the request being served (or the system, outside a request). */
@Component
class WhoAndWhere {

    static final String SYSTEM = "system";
    static final String ANONYMOUS = "anonymous";

    record Who(String actor, String roles, String agencyCode, String client) {
    }

    private final OrganizationService organization;
    // an official's agency is read on every audited request; it changes rarely
    private final LocalCache<String, Optional<String>> agencies = new LocalCache<>(Duration.ofMinutes(1), 10_000);

    WhoAndWhere(OrganizationService organization) {
        this.organization = organization;
    }

    @EventListener
    void forgetAgencies(ClusterChange change) {
        if (change.is(ClusterChanges.ORGANIZATION)) {
            agencies.invalidateAll();
        }
    }

    Who now() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    Who of(Authentication auth) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        String client = request == null ? null : request.getRemoteAddr();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            String roles = user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
            String agency = user.isStaff() ? agencies.get(user.getUsername(),
                    u -> organization.staffMember(u).map(StaffMember::agencyCode)).orElse(null) : null;
            return new Who(user.getUsername(), roles, agency, client);
        }
        return new Who(request == null ? SYSTEM : ANONYMOUS, "", null, client);
    }

    /** For a failed login: the name that was typed, not an account. */
    Who attempt(String username) {
        Who who = now();
        return new Who(username == null || username.isBlank() ? ANONYMOUS : username, "", null, who.client());
    }
}
