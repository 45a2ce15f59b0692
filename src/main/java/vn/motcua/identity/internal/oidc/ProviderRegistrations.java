package vn.motcua.identity.internal.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two registrations, {@code citizen} and {@code staff}, read LAZILY from their issuer's discovery document at the
 * first sign-in and then kept: a provider that is down at startup stops nothing, and one that is down at sign-in is a
 * clear 503 page ({@link #UNAVAILABLE}). An unconfigured registration is unknown (its sign-in address answers 404).
 * The citizen registration falls back to the demo's {@link TestIdentityProvider} when there is one.
 */
@Component
public class ProviderRegistrations implements ClientRegistrationRepository {

    public static final String CITIZEN = "citizen";
    public static final String STAFF = "staff";
    /** The error code of a provider that could not be reached. */
    static final String UNAVAILABLE = "provider_unavailable";

    private final NationalSignInProperties properties;
    private final ObjectProvider<TestIdentityProvider> testProvider;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ClientRegistration> known = new ConcurrentHashMap<>();

    ProviderRegistrations(NationalSignInProperties properties, ObjectProvider<TestIdentityProvider> testProvider) {
        this.properties = properties;
        this.testProvider = testProvider;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        NationalSignInProperties.Staff staff = properties.staff();
        if (staff.issuerUri() != null && !staff.issuerUri().toString().isBlank()
                && (staff.requiredGroup() == null || staff.requiredGroup().isBlank())) {
            org.slf4j.LoggerFactory.getLogger(ProviderRegistrations.class).warn("Officials' sign-in through {} requires"
                    + " no group: every user of that realm whose username is an official's signs in as that official;"
                    + " set motcua.identity.oidc.staff.required-group", staff.issuerUri());
        }
    }

    /** What a registration is set up with, before its discovery document is read. */
    record Settings(URI issuer, String clientId, String clientSecret, List<String> scopes, boolean test) {
    }

    /**
     * What the login page offers: the citizen button (its configured text, or null for the default one), whether it
     * goes to the demo's test provider, and the officials' button.
     */
    public record Buttons(boolean citizen, String citizenLabel, boolean test, boolean staff) {
    }

    public Buttons buttons() {
        Settings citizen = citizen();
        String label = properties.citizen().label();
        return new Buttons(citizen != null, label == null || label.isBlank() ? null : label.strip(),
                citizen != null && citizen.test(), staff() != null);
    }

    /** The citizen registration's settings: the configured issuer, else the demo's test provider, else none. */
    Settings citizen() {
        NationalSignInProperties.Citizen citizen = properties.citizen();
        if (citizen.issuerUri() != null && !citizen.issuerUri().toString().isBlank()) {
            return new Settings(citizen.issuerUri(), citizen.clientId(), citizen.clientSecret(), citizen.scopes(), false);
        }
        TestIdentityProvider test = testProvider.getIfAvailable();
        return test == null ? null
                : new Settings(test.issuer(), test.clientId(), test.clientSecret(), citizen.scopes(), true);
    }

    Settings staff() {
        NationalSignInProperties.Staff staff = properties.staff();
        return staff.issuerUri() == null || staff.issuerUri().toString().isBlank() ? null
                : new Settings(staff.issuerUri(), staff.clientId(), staff.clientSecret(), List.of("openid", "profile"),
                false);
    }

    Settings settings(String registrationId) {
        return switch (registrationId) {
            case CITIZEN -> citizen();
            case STAFF -> staff();
            default -> null;
        };
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        Settings settings = registrationId == null ? null : settings(registrationId);
        if (settings == null) {
            return null;
        }
        ClientRegistration registration = known.get(registrationId);
        if (registration != null && strip(registration.getProviderDetails().getIssuerUri()).equals(issuer(settings))) {
            return registration;
        }
        registration = discover(registrationId, settings);
        known.put(registrationId, registration);
        return registration;
    }

    private ClientRegistration discover(String registrationId, Settings settings) {
        String issuer = issuer(settings);
        Map<String, Object> metadata;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(properties.timeout()).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unavailable("discovery answered " + response.statusCode(), null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> read = json.readValue(response.body(), Map.class);
            metadata = read;
        } catch (IOException | JacksonException e) {
            throw unavailable("discovery failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
        // The document must be the issuer's own (OpenID Connect Discovery, section 4.3).
        if (!issuer.equals(strip(String.valueOf(metadata.get("issuer"))))
                || !(metadata.get("authorization_endpoint") instanceof String authorize)
                || !(metadata.get("token_endpoint") instanceof String token)
                || !(metadata.get("jwks_uri") instanceof String keys)) {
            throw unavailable("discovery document of another issuer or incomplete", null);
        }
        boolean secret = settings.clientSecret() != null && !settings.clientSecret().isBlank();
        return ClientRegistration.withRegistrationId(registrationId)
                .clientId(settings.clientId())
                .clientSecret(secret ? settings.clientSecret() : null)
                .clientAuthenticationMethod(secret ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                        : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .authorizationUri(authorize)
                .tokenUri(token)
                .jwkSetUri(keys)
                .userInfoUri(metadata.get("userinfo_endpoint") instanceof String info ? info : null)
                .userNameAttributeName("sub")
                .issuerUri(String.valueOf(metadata.get("issuer")))
                .providerConfigurationMetadata(metadata)
                .clientName(registrationId)
                .build();
    }

    private static String issuer(Settings settings) {
        return strip(settings.issuer().toString());
    }

    private static String strip(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static OAuth2AuthenticationException unavailable(String why, Throwable cause) {
        return new OAuth2AuthenticationException(new OAuth2Error(UNAVAILABLE), why, cause);
    }
}
