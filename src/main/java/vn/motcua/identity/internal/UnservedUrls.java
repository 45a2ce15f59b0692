package vn.motcua.identity.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule of the filter chains, after every module's declarations: a URL that a controller serves but no
 * module declared stays denied, while a URL that nothing serves is let through, so that the dispatcher answers 404
 * with the error page, for anyone, instead of a 403 or a sign-in page for a page that does not exist. Static files
 * count as not served: they are public, and the resource handler answers 404 for a missing one.
 */
final class UnservedUrls implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<HandlerMappingIntrospector> introspector;

    UnservedUrls(ObjectProvider<HandlerMappingIntrospector> introspector) {
        this.introspector = introspector;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        return new AuthorizationDecision(!served(context.getRequest()));
    }

    private boolean served(HttpServletRequest request) {
        List<HandlerMapping> mappings = introspector.getObject().getHandlerMappings();
        // Looking up a handler leaves attributes on the request; the lookup gets a request of its own.
        HttpServletRequest probe = new PrivateAttributes(request);
        ServletRequestPathUtils.parseAndCache(probe);
        for (HandlerMapping mapping : mappings) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(probe);
            } catch (Exception e) {
                return true; // the path is known but not for this method or content type: keep it denied
            }
            if (chain != null) {
                return !(chain.getHandler() instanceof ResourceHttpRequestHandler);
            }
        }
        return false;
    }

    /** The request as it is, except that attributes set on it stay with the wrapper. */
    private static final class PrivateAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        PrivateAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (attributes.containsKey(name)) {
                return attributes.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(attributes.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
                return;
            }
            attributes.put(name, value);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }
    }
}
