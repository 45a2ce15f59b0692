package vn.motcua.identity.internal.oidc;

import java.time.Duration;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the OpenID Connect sign-in on the pages' filter chain: {@code /oauth2/authorization/{citizen|staff}} starts it
 * (authorization code with PKCE, also for confidential clients; {@code state} and {@code nonce}), the provider comes
 * back to {@code /login/oauth2/code/{id}}. Its own authentication manager: the pages' one checks passwords only.
 */
@Component
public class NationalSignIn {

    private final ProviderRegistrations registrations;
    private final SignInUserService users;
    private final SignInPages pages;
    private final Duration timeout;

    NationalSignIn(ProviderRegistrations registrations, SignInUserService users, SignInPages pages,
                   NationalSignInProperties properties) {
        this.timeout = properties.timeout();
        this.registrations = registrations;
        this.users = users;
        this.pages = pages;
    }

    /** Adds the sign-in and the provider's logout; {@code landing} is where a password sign-in lands, too. */
    public void configure(HttpSecurity http, AuthenticationSuccessHandler landing) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        ProviderManager providers = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
                tokens(), users));
        http.oauth2Login(login -> login.loginPage("/dang-nhap")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new NoAuthorizedClients())
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                        .successHandler((request, response, auth) -> pages.signedIn(request, response, auth, landing))
                        .failureHandler(pages::refused)
                        .withObjectPostProcessor(new ObjectPostProcessor<Object>() {
                            @Override
                            public <O> O postProcess(O filter) {
                                if (filter instanceof OAuth2LoginAuthenticationFilter callback) {
                                    callback.setAuthenticationManager(providers);
                                } else if (filter instanceof OAuth2AuthorizationRequestRedirectFilter start) {
                                    start.setAuthenticationFailureHandler(pages::notStarted);
                                }
                                return filter;
                            }
                        }))
                .logout(logout -> logout.addLogoutHandler(pages::remember).logoutSuccessHandler(pages::signedOut));
    }

    /** The token endpoint's client, as Spring Security's default but with timeouts: a hung provider is a 503 page. */
    private RestClientAuthorizationCodeTokenResponseClient tokens() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(withTimeouts(timeout))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    static SimpleClientHttpRequestFactory withTimeouts(Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        return factory;
    }

    /**
     * The portal calls no provider API with the access token, so it keeps none (the session holds the ID token for
     * logout only).
     */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
        }
    }
}
