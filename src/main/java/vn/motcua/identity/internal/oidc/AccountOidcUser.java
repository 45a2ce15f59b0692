package vn.motcua.identity.internal.oidc;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import vn.motcua.identity.CurrentUser;

/**
 * A provider's identity together with the account it signs in to. It lives only for the callback request: the
 * session then holds the account's {@link CurrentUser}, as after a password sign-in ({@link SignInPages}).
 */
final class AccountOidcUser extends DefaultOidcUser {

    private final CurrentUser account;

    AccountOidcUser(OidcUser identity, CurrentUser account) {
        super(account.getAuthorities(), identity.getIdToken(), identity.getUserInfo(), "sub");
        this.account = account;
    }

    CurrentUser account() {
        return account;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountOidcUser that && super.equals(that) && account.equals(that.account);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
