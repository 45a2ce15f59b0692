package vn.motcua.identity.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.database.DatabaseOutage;

/**
 * The one way passwords are checked, for the login page and the token endpoint alike: a throttled username or
 * address is refused before the password is looked at; every failure is recorded and counted; a success clears
 * the username's count. Unknown usernames go through the same steps (and the password encoder runs on a dummy hash
 * for them, see {@code DaoAuthenticationProvider}), so nothing tells them apart.
 */
class ThrottledAuthentication implements AuthenticationManager {

    private final AuthenticationManager passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationManager passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) {
            throttle.failed(username, address, LoginThrottle.Reason.THROTTLED);
            throw new LoginThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (DisabledException e) {
            throttle.failed(username, address, LoginThrottle.Reason.DISABLED);
            throw e;
        } catch (AuthenticationException e) {
            if (DatabaseOutage.causedBy(e)) {
                throw e; // the accounts could not be read: no failure to count
            }
            throttle.failed(username, address, LoginThrottle.Reason.BAD_CREDENTIALS);
            throw e;
        }
        if (result.getPrincipal() instanceof CurrentUser user) {
            throttle.succeeded(user.getUsername(), address);
        }
        return result;
    }
}
