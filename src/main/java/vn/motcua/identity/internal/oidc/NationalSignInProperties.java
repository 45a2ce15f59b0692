package vn.motcua.identity.internal.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through OpenID Connect providers ({@code motcua.identity.oidc.*}): registration {@code citizen} for
 * citizens and businesses (the national identity VNeID or the national portal's single sign-on), registration
 * {@code staff} for officials (the province's own Keycloak-compatible provider). Each is off without its issuer; in
 * demo mode the demo's labelled test provider stands in for an unconfigured citizen issuer. Secrets belong in the
 * environment, never in the repository.
 *
 * @param citizen the national identity provider
 * @param staff   the province's identity provider for officials
 * @param timeout for each call to a provider (discovery, token, user info); a provider down or past it is a 503 page
 */
@ConfigurationProperties("motcua.identity.oidc")
public record NationalSignInProperties(
        @DefaultValue Citizen citizen,
        @DefaultValue Staff staff,
        @DefaultValue("5s") Duration timeout) {

    /**
     * @param issuerUri    the issuer; its discovery document is read at the first sign-in, not at startup
     * @param clientId     this portal's client id at the provider
     * @param clientSecret its secret; empty for a public client (PKCE is sent either way)
     * @param scopes       requested scopes
     * @param label        the button's text on the login page; unset: "Đăng nhập bằng tài khoản định danh điện tử" (in
     *                     the page's language)
     * @param claims       which claims carry the applicant's data ({@link CitizenClaims})
     */
    public record Citizen(
            URI issuerUri,
            String clientId,
            String clientSecret,
            @DefaultValue({"openid", "profile"}) List<String> scopes,
            String label,
            @DefaultValue Claims claims) {
    }

    /** The claim names; the defaults follow OpenCPS's {@code dvcqg-sso}, see {@link CitizenClaims}. */
    public record Claims(
            @DefaultValue(CitizenClaims.ID_NUMBER) String idNumber,
            @DefaultValue(CitizenClaims.FULL_NAME) String fullName,
            @DefaultValue(CitizenClaims.BIRTH_DATE) String birthDate,
            @DefaultValue(CitizenClaims.PHONE) String phone,
            @DefaultValue(CitizenClaims.EMAIL) String email,
            @DefaultValue(CitizenClaims.TAX_CODE) String taxCode) {
    }

    /**
     * @param issuerUri     the province's issuer (a Keycloak realm: {@code https://sso.example/realms/province})
     * @param usernameClaim matched to the username of an enabled account that has a staff record
     * @param groupsClaim   the claim listing the official's groups
     * @param requiredGroup when set, only members of this group may sign in this way
     */
    public record Staff(
            URI issuerUri,
            String clientId,
            String clientSecret,
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("groups") String groupsClaim,
            String requiredGroup) {
    }
}
