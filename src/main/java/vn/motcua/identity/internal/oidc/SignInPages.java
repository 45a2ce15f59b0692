package vn.motcua.identity.internal.oidc;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.ErrorPages;

/**
 * What a browser sees around a provider's sign-in: the session after success (the account's {@link CurrentUser}, as
 * after a password sign-in, so every page, the forced password change and the audit work alike), a clear page with a
 * fitting status for every refusal (never a 500, nothing touched), and the provider's logout after ours.
 */
@Component
public class SignInPages {

    /** The session attribute naming the provider a session signed in through, for its logout. */
    static final String PROVIDER_SESSION = SignInPages.class.getName() + ".provider";
    /** The session attribute holding a provider's identity that waits for a local account's password. */
    public static final String PENDING_LINK = SignInPages.class.getName() + ".pendingLink";
    private static final String SIGNING_OUT = SignInPages.class.getName() + ".signingOut";
    static final String HOME_AFTER_LOGOUT = "/dang-nhap?da-dang-xuat";

    /** The provider and ID token of a session, for RP-initiated logout. */
    public record ProviderSession(String registrationId, String idToken, String subject) implements Serializable {
    }

    /** Status and message of each refusal, by the OAuth2 error code. */
    private static final Map<String, Refusal> REFUSALS = Map.ofEntries(
            Map.entry("authorization_request_not_found", new Refusal(400, "oidc.stale")),
            Map.entry("invalid_state_parameter", new Refusal(400, "oidc.stale")),
            Map.entry("client_registration_not_found", new Refusal(404, "oidc.notConfigured")),
            Map.entry("invalid_id_token", new Refusal(401, "oidc.invalidToken")),
            Map.entry("invalid_nonce", new Refusal(401, "oidc.invalidToken")),
            Map.entry("invalid_grant", new Refusal(401, "oidc.invalidToken")),
            Map.entry(ProviderRegistrations.UNAVAILABLE, new Refusal(503, "oidc.unavailable")),
            Map.entry("invalid_token_response", new Refusal(503, "oidc.unavailable")),
            Map.entry("invalid_user_info_response", new Refusal(503, "oidc.unavailable")),
            Map.entry(CitizenClaims.ID_NUMBER_MISSING, new Refusal(403, "oidc.idNumberMissing")),
            Map.entry(CitizenClaims.FULL_NAME_MISSING, new Refusal(403, "oidc.fullNameMissing")),
            Map.entry(NationalAccounts.NOT_STAFF, new Refusal(403, "oidc.notStaff")),
            Map.entry(NationalAccounts.STAFF_ACCOUNT, new Refusal(403, "oidc.staffAccount")),
            Map.entry(NationalAccounts.DISABLED, new Refusal(403, "oidc.disabled")),
            Map.entry(NationalAccounts.AMBIGUOUS, new Refusal(409, "oidc.ambiguous")),
            Map.entry("access_denied", new Refusal(401, "oidc.cancelled")));

    private record Refusal(int status, String messageKey) {
    }

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final OidcClientInitiatedLogoutSuccessHandler providerLogout;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignInPages(MessageSource messages, LocaleResolver locales, AuditTrail audit, ApplicationEventPublisher events,
                ProviderRegistrations registrations) {
        this.messages = messages;
        this.locales = locales;
        this.audit = audit;
        this.events = events;
        this.providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}/");
        providerLogout.setDefaultTargetUrl(HOME_AFTER_LOGOUT);
    }

    /** After the provider's callback: the session holds the account, as after a password sign-in. */
    void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication provider,
                  AuthenticationSuccessHandler landing) throws IOException, ServletException {
        if (!(provider instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof AccountOidcUser identity)) {
            throw new IllegalStateException("Not a provider's sign-in: " + provider.getClass());
        }
        signIn(request, response, identity.account(), new ProviderSession(token.getAuthorizedClientRegistrationId(),
                identity.getIdToken().getTokenValue(), identity.getSubject()), true);
        landing.onAuthenticationSuccess(request, response, SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * Signs the account in for this session (the session id was changed by the caller); {@code record}: publish the
     * sign-in for the audit (a password check published it already).
     */
    public void signIn(HttpServletRequest request, HttpServletResponse response, CurrentUser account,
                       ProviderSession through, boolean record) {
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(account, null,
                account.getAuthorities());
        signedIn.setDetails(new WebAuthenticationDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        session.removeAttribute(PENDING_LINK);
        session.setAttribute(PROVIDER_SESSION, through);
        if (record) {
            events.publishEvent(new AuthenticationSuccessEvent(signedIn)); // the audit's LOGIN, as for a password
        }
    }

    /** A refused callback: a clear page, or the page that asks a local account's password before linking. */
    void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof NationalAccounts.LinkRequired link) {
            request.getSession().setAttribute(PENDING_LINK, link.pending());
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/dang-nhap/lien-ket");
            return;
        }
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        Refusal refusal = REFUSALS.getOrDefault(code, new Refusal(401, "oidc.failed"));
        audit.record(AuditAction.LOGIN, registration(request), null,
                refusal.status() == 503 ? AuditOutcome.FAILED : AuditOutcome.DENIED, "oidc " + code);
        show(request, response, refusal);
    }

    /** The sign-in could not start: an unknown or unconfigured registration is no page, a provider down a 503. */
    void notStarted(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OAuth2AuthenticationException oauth
                    && ProviderRegistrations.UNAVAILABLE.equals(oauth.getError().getErrorCode())) {
                show(request, response, REFUSALS.get(ProviderRegistrations.UNAVAILABLE));
                return;
            }
            if (cause instanceof IllegalArgumentException) {
                response.sendError(404); // no such registration, or not configured
                return;
            }
        }
        show(request, response, new Refusal(400, "oidc.failed"));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        request.setAttribute(ErrorPages.MESSAGE,
                messages.getMessage(refusal.messageKey(), null, locales.resolveLocale(request)));
        response.sendError(refusal.status());
    }

    private static String registration(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Before the session ends: remember which provider it signed in through. */
    void remember(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PROVIDER_SESSION) instanceof ProviderSession through) {
            request.setAttribute(SIGNING_OUT, through);
        }
    }

    /** After our logout: the provider's end-session endpoint for a provider's session, else the login page. */
    void signedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (request.getAttribute(SIGNING_OUT) instanceof ProviderSession through) {
            try {
                OidcIdToken idToken = new OidcIdToken(through.idToken(), null, null, Map.of("sub", through.subject()));
                DefaultOidcUser user = new DefaultOidcUser(java.util.List.of(), idToken);
                providerLogout.onLogoutSuccess(request, response,
                        new OAuth2AuthenticationToken(user, java.util.List.of(), through.registrationId()));
                return;
            } catch (OAuth2AuthenticationException e) {
                // The provider is out of reach: our session is over all the same.
            }
        }
        response.sendRedirect(request.getContextPath() + HOME_AFTER_LOGOUT);
    }
}
