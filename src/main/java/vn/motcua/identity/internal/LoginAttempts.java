package vn.motcua.identity.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.motcua.platform.MotCuaProperties;

/**
 * Locks an account for a while after repeated wrong passwords, whether they came through the login page or the
 * token endpoint. The counter lives in the database, so it holds across application nodes.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final MotCuaProperties.Security policy;
    private final Clock clock;

    LoginAttempts(AccountRepository accounts, MotCuaProperties properties, Clock clock) {
        this.accounts = accounts;
        this.policy = properties.security();
        this.clock = clock;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailure(event.getAuthentication().getName(), policy.maxFailedLogins(),
                clock.instant().plus(policy.lockout()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof vn.motcua.identity.CurrentUser user) {
            accounts.recordSuccess(user.getUsername());
        }
    }
}
