package vn.motcua.identity.web;

import static vn.motcua.platform.text.Texts.blank;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.internal.ApiTokens;
import vn.motcua.identity.internal.LoginThrottledException;
import vn.motcua.platform.database.DatabaseOutage;
import vn.motcua.platform.web.ApiProblem;

/** Issues bearer tokens to API clients in exchange for a username and password. */
@RestController
class TokenController {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final MessageSource messages;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    TokenController(AuthenticationManager authentication, ApiTokens tokens, MessageSource messages) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.messages = messages;
    }

    static final int MAX_USERNAME = 100;
    static final int MAX_PASSWORD = 1000;

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@RequestBody(required = false) TokenRequest request, HttpServletRequest http,
                            Locale locale) {
        if (request == null || blank(request.username()) || blank(request.password())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "error.token.missing", http, locale);
        }
        if (request.username().length() > MAX_USERNAME || request.password().length() > MAX_PASSWORD) {
            // No account has such a name, and hashing a huge password is work a caller should not make us do.
            return ApiProblem.response(HttpStatus.BAD_REQUEST, "invalid_request", messages.getMessage(
                    "error.tooLong", new Object[] {request.username().length() > MAX_USERNAME ? "username" : "password",
                            request.username().length() > MAX_USERNAME ? MAX_USERNAME : MAX_PASSWORD}, locale),
                    http.getRequestURI());
        }
        Authentication result;
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(request.username().trim(), request.password());
        attempt.setDetails(details.buildDetails(http)); // the client address, for the throttle
        try {
            result = authentication.authenticate(attempt);
        } catch (LoginThrottledException e) {
            long seconds = e.retryAfterSeconds();
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiProblem.of(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                            messages.getMessage("login.throttled", new Object[]{seconds}, locale), null,
                            http.getRequestURI()));
        } catch (AuthenticationException e) {
            if (DatabaseOutage.causedBy(e)) {
                throw e; // the accounts are out of reach: 503, not a wrong password
            }
            return error(HttpStatus.UNAUTHORIZED, "invalid_grant", "login.failed", http, locale);
        }
        CurrentUser user = (CurrentUser) result.getPrincipal();
        ApiTokens.Issued issued = tokens.issue(user.accountId());
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds()));
    }

    private ResponseEntity<ProblemDetail> error(HttpStatus status, String code, String key, HttpServletRequest http,
                                                Locale locale) {
        return ApiProblem.response(status, code, messages.getMessage(key, null, locale), http.getRequestURI());
    }
}
