package vn.motcua.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;

/**
 * Sign-ins (successful, wrong password) from Spring Security's authentication events, and requests
 * of signed-in people that were refused: a 403 anywhere, and a 404 on a dossier (the dossier module answers "not
 * found" for a dossier the person may not see, so as not to tell that it exists).
 */
@Component
@ConditionalOnProperty(name = "motcua.audit.enabled", havingValue = "true", matchIfMissing = true)
class SecurityEvents implements WebMvcConfigurer {

    private final TrailWriter trail;

    SecurityEvents(TrailWriter trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        trail.recordLogin(event.getAuthentication());
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        trail.recordFailedLogin(event.getAuthentication().getName(), AuditOutcome.FAILED,
                event.getException().getClass().getSimpleName());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                        Exception ex) {
                int status = response.getStatus();
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (!(auth != null && auth.getPrincipal() instanceof CurrentUser)) {
                    return;
                }
                String path = request.getRequestURI();
                boolean dossier = path.startsWith("/quan-tri/ho-so/") || path.startsWith("/api/v1/dossiers/")
                        || path.startsWith("/ho-so-cua-toi/");
                if (status == 403 || status == 404 && dossier) {
                    trail.record(AuditAction.ACCESS_DENIED, request.getMethod() + " " + path, null,
                            AuditOutcome.DENIED, Integer.toString(status));
                }
            }
        });
    }
}
