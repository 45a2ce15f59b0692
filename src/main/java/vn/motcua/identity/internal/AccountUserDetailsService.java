package vn.motcua.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.identity.Workplaces;

@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Workplaces workplaces;

    AccountUserDetailsService(AccountRepository accounts, Workplaces workplaces) {
        this.accounts = accounts;
        this.workplaces = workplaces;
    }

    /**
     * The account with its own roles and, while its holder acts as leader, the acting ones. They are read at sign-in
     * and kept for the session, so an acting period counts from the first sign-in on its first day.
     */
    @Override
    public UserDetails loadUserByUsername(String username) {
        CurrentUser user = accounts.findUser(username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        Set<Role> acting = workplaces.actingRoles(user.getUsername());
        if (acting.isEmpty() || user.roles().containsAll(acting)) {
            return user;
        }
        Set<Role> roles = EnumSet.copyOf(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : user.roles());
        roles.addAll(acting);
        return new CurrentUser(user.accountId(), user.getUsername(), user.fullName(), roles, user.getPassword(),
                user.isEnabled(), !user.isAccountNonLocked());
    }
}
