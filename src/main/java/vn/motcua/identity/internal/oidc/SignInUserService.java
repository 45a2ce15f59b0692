package vn.motcua.identity.internal.oidc;

import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

import vn.motcua.identity.CurrentUser;

/**
 * After the ID token was checked (signature, issuer, audience, expiry, nonce) and the user info read: the account
 * the identity signs in to, or a refusal that leaves every account as it was.
 */
@Component
class SignInUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService userInfo = new OidcUserService();
    private final NationalAccounts accounts;
    private final CitizenClaims claims;

    SignInUserService(NationalAccounts accounts, NationalSignInProperties properties) {
        // The user info endpoint with timeouts, as the token endpoint: a hung provider is a 503 page.
        RestTemplate rest = new RestTemplate(NationalSignIn.withTimeouts(properties.timeout()));
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        DefaultOAuth2UserService plain = new DefaultOAuth2UserService();
        plain.setRestOperations(rest);
        userInfo.setOauth2UserService(plain);
        this.accounts = accounts;
        this.claims = new CitizenClaims(properties.citizen().claims());
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser identity = userInfo.loadUser(request);
        ClientRegistration registration = request.getClientRegistration();
        CurrentUser account = switch (registration.getRegistrationId()) {
            case ProviderRegistrations.CITIZEN -> accounts.citizen(registration.getProviderDetails().getIssuerUri(),
                    identity.getSubject(), claims.read(identity.getClaims()), request.getIdToken().getTokenValue());
            case ProviderRegistrations.STAFF -> accounts.staff(identity.getClaims());
            default -> throw NationalAccounts.refused(NationalAccounts.NOT_STAFF);
        };
        return new AccountOidcUser(identity, account);
    }
}
