package vn.motcua.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as the rest of the application sees them. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    private final long accountId;
    private final String username;
    private final String fullName;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    public CurrentUser(long accountId, String username, String fullName, Set<Role> roles, String passwordHash,
                       boolean enabled, boolean locked) {
        this.accountId = accountId;
        this.username = username;
        this.fullName = fullName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Permission permission) {
        return roles.stream().anyMatch(r -> r.permissions().contains(permission));
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
            permissions.addAll(role.permissions());
        }
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
