package vn.motcua.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.motcua.identity.CurrentUser;

/**
 * A signed-in person whose administrator asked for a new password sees only the change-password page (and may sign
 * out) until they have set one. The flag is read once per session while it is off, on every request while it is on.
 */
class ForcedPasswordChange extends OncePerRequestFilter {

    static final String PAGE = "/doi-mat-khau";
    private static final String CHECKED = ForcedPasswordChange.class.getName() + ".checked";
    private static final List<String> OPEN = List.of(PAGE, "/dang-xuat", "/css/", "/js/", "/img/", "/favicon.ico",
            "/error");

    private final AccountAdminRepository accounts;

    ForcedPasswordChange(AccountAdminRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && user.getUsername().equals(session.getAttribute(CHECKED))) {
            chain.doFilter(request, response);
            return;
        }
        if (!accounts.mustChangePassword(user.getUsername())) {
            if (session != null) {
                session.setAttribute(CHECKED, user.getUsername());
            }
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.stream().anyMatch(open -> open.endsWith("/") ? path.startsWith(open) : path.equals(open))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + PAGE);
    }
}
