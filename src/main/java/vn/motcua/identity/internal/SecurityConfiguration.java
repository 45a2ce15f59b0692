package vn.motcua.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import vn.motcua.platform.security.AccessRules;
import vn.motcua.platform.web.ApiErrorWriter;

/**
 * Two filter chains: the JSON API under {@code /api/**} (stateless, bearer tokens, no cookies so no CSRF) and the
 * pages (form login, sessions in the database, CSRF on every form). Both deny whatever no module declared.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

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
                                                AuthenticationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, List<AccessRules> rules, AccountRepository accounts,
                                 ApiErrorWriter errors) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> declare(authorize, rules))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(accounts, errors), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> errors.write(request, response, 401,
                                "unauthorized", "error.unauthorized"))
                        .accessDeniedHandler((request, response, ex) -> errors.write(request, response, 403,
                                "forbidden", "error.forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, List<AccessRules> rules) throws Exception {
        http.authorizeHttpRequests(authorize -> declare(authorize, rules))
                .formLogin(form -> form.loginPage("/dang-nhap").permitAll()
                        .failureHandler(loginFailure())
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl("/?da-dang-xuat").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(basic -> basic.disable())
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
            List<AccessRules> rules) {
        authorize.requestMatchers("/error", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/webjars/**").permitAll();
        authorize.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll();
        rules.forEach(r -> r.declare(authorize));
        authorize.anyRequest().denyAll();
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LockedException ? "/dang-nhap?loi=khoa" : "/dang-nhap?loi=sai"));
    }
}
