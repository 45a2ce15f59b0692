package vn.motcua.organization;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.web.UserFacingException;

/** A change of the organisation refused for a reason the administrator can fix; nothing was changed. */
public class OrganizationProblem extends UserFacingException {

    public OrganizationProblem(String messageKey, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, "invalid_request", messageKey, arguments);
    }

    /** Outside the administrator's scope: a 403 that says so. */
    public static UserFacingException outOfScope(String messageKey, Object... arguments) {
        return new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", messageKey, arguments);
    }
}
