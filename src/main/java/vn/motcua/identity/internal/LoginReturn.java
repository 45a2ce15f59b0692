package vn.motcua.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.web.util.WebUtils;

/**
 * Where a visitor was going when they were sent to sign in, and the way back there after signing in. The place is
 * kept in a cookie rather than the session, so an anonymous visitor costs no session row, and only as a path on
 * this site: another site, the login page itself (with or without an error) or an error page is never a
 * destination, and the home page stands in for them.
 */
final class LoginReturn implements RequestCache, AuthenticationSuccessHandler {

    static final String COOKIE = "motcua-ve";
    private static final int MAX_LENGTH = 2000;

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        String target = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        // Only pages: not forms being posted, not fragments fetched by script.
        if (!HttpMethod.GET.matches(request.getMethod()) || request.getHeader("HX-Request") != null
                || request.getHeader("X-Requested-With") != null || !destination(target)) {
            return;
        }
        response.addCookie(cookie(request, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(target.getBytes(StandardCharsets.UTF_8)), -1));
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        String target = saved(request);
        return target == null ? null : new SimpleSavedRequest(target);
    }

    /** Nothing is replayed: only GETs are saved, and signing in redirects to them. */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        if (WebUtils.getCookie(request, COOKIE) != null) {
            response.addCookie(cookie(request, "", 0));
        }
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        String target = saved(request);
        removeRequest(request, response);
        response.sendRedirect(request.getContextPath() + (target == null ? "/" : target));
    }

    /** The saved path, if the cookie holds one that is a fit destination. */
    private static String saved(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > MAX_LENGTH * 2) {
            return null;
        }
        try {
            String target = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
            return destination(target) ? target : null;
        } catch (IllegalArgumentException e) {
            return null; // not written by us
        }
    }

    /** A path on this site (never "//host" or "/\host", which browsers read as another site) that is not a dead end. */
    static boolean destination(String target) {
        if (target.isEmpty() || target.length() > MAX_LENGTH || target.charAt(0) != '/'
                || target.startsWith("//") || target.startsWith("/\\") || target.chars().anyMatch(c -> c < 0x21)) {
            return false;
        }
        String path = target.replaceFirst("[?#].*", "");
        return !(path.equals("/dang-nhap") || path.equals("/dang-xuat") || path.equals("/error")
                || path.startsWith("/error/") || path.equals("/favicon.ico") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/img/"));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
