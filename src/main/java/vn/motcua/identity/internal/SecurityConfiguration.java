package vn.motcua.identity.internal;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import vn.motcua.identity.internal.oidc.NationalSignIn;
import vn.motcua.platform.database.DatabaseOutage;
import vn.motcua.platform.security.AccessRules;
import vn.motcua.platform.web.ApiErrorWriter;
import vn.motcua.platform.web.ErrorPages;

/**
 * Two filter chains: the JSON API under {@code /api/**} (stateless, bearer tokens, no cookies so no CSRF) and the
 * pages (form login, sessions in the database, CSRF on every form). Both deny whatever no module declared, and
 * leave a URL that nothing serves to be answered 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Browser features no page of the portal uses, switched off for pages and anything they embed. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=(), browsing-topics=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "argon2";
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(current, Map.of(
                current, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        return encoder;
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
                                                AuthenticationEventPublisher events, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        // A disabled account is told apart only after its password is checked: the same steps and timing as any other.
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return new ThrottledAuthentication(manager, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, List<AccessRules> rules, AccountRepository accounts,
                                 ApiErrorWriter errors, ObjectProvider<HandlerMappingIntrospector> handlers)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> declare(authorize, rules, handlers))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(accounts, errors), BasicAuthenticationFilter.class)
                .headers(headers -> headers.permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> errors.write(request, response, 401,
                                "unauthorized", "error.unauthorized"))
                        .accessDeniedHandler((request, response, ex) -> errors.write(request, response, 403,
                                "forbidden", "error.forbidden")));
        return http.build();
    }

    /**
     * Pages. An anonymous visitor gets no session: the CSRF token lives in an HttpOnly cookie and the page they were
     * going to in another ({@link LoginReturn}); a session starts at sign-in. HSTS is sent over HTTPS (as seen
     * through a trusted proxy's forwarded headers, see {@code server.forward-headers-strategy}).
     */
    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, List<AccessRules> rules, AuthenticationManager authentication,
                                 CsrfTokenRepository pageCsrfTokens,
                                 ObjectProvider<HandlerMappingIntrospector> handlers, MessageSource messages,
                                 LocaleResolver locales, AccountAdminRepository accounts,
                                 NationalSignIn nationalSignIn) throws Exception {
        LoginReturn loginReturn = new LoginReturn();
        http.authenticationManager(authentication) // the throttled one, as for the token endpoint
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(HttpMethod.GET, "/dang-nhap").permitAll(); // with any message
                    declare(authorize, rules, handlers);
                })
                .formLogin(form -> form.loginPage("/dang-nhap").permitAll()
                        .successHandler(loginReturn)
                        .failureHandler(loginFailure()))
                .requestCache(cache -> cache.requestCache(loginReturn))
                .exceptionHandling(e -> e.authenticationEntryPoint(toLoginPage())
                        .accessDeniedHandler(staleFormsExplained(messages, locales)))
                .logout(logout -> logout.logoutUrl("/dang-xuat").permitAll()) // where to: nationalSignIn
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .httpBasic(basic -> basic.disable())
                .addFilterAfter(new ForcedPasswordChange(accounts), AuthorizationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(pageCsrfTokens));
        nationalSignIn.configure(http, loginReturn);
        return http.build();
    }

    /** The pages' CSRF tokens, in an HttpOnly cookie (Secure over HTTPS) rather than a session. */
    @Bean
    CsrfTokenRepository pageCsrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    private static void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
            List<AccessRules> rules, ObjectProvider<HandlerMappingIntrospector> handlers) {
        authorize.requestMatchers("/error", "/css/**", "/js/**", "/img/**", "/favicon.ico").permitAll();
        authorize.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll();
        rules.forEach(r -> r.declare(authorize));
        // Deny by default; only a URL that nothing serves passes, to be answered 404.
        authorize.anyRequest().access(new UnservedUrls(handlers));
    }

    /** Back to the login page with what went wrong; the same message for an unknown user as for a wrong password. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            if (DatabaseOutage.causedBy(exception)) {
                throw exception; // not a wrong password: the database is out of reach, answered 503
            }
            response.sendRedirect(request.getContextPath()
                    + (exception instanceof LoginThrottledException throttled
                    ? "/dang-nhap?loi=cho&sau=" + throttled.retryAfterSeconds() : "/dang-nhap?loi=sai"));
        };
    }

    /** To the login page, saying so when the visitor's session ran out. */
    /**
     * A form sent without a valid CSRF token is, in practice, a page left open past its session or sent from an old
     * tab: say so, rather than "not allowed".
     */
    private static AccessDeniedHandler staleFormsExplained(MessageSource messages, LocaleResolver locales) {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            if (exception instanceof CsrfException) {
                request.setAttribute(ErrorPages.MESSAGE,
                        messages.getMessage("error.staleForm", null, locales.resolveLocale(request)));
            }
            denied.handle(request, response, exception);
        };
    }

    private static AuthenticationEntryPoint toLoginPage() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
                ? "/dang-nhap?het-han" : "/dang-nhap"));
    }
}
