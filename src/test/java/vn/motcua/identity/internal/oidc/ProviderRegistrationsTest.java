package vn.motcua.identity.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Registrations are read at first use: an unconfigured one is unknown, a provider that is down is a
 * {@code provider_unavailable} refusal (a 503 page) rather than a failed startup, and the demo's test provider stands
 * in for an unconfigured citizen issuer.
 */
class ProviderRegistrationsTest {

    @Test
    void anUnconfiguredRegistrationIsUnknownAndOffersNoButton() {
        ProviderRegistrations registrations = registrations(null, null);
        assertThat(registrations.findByRegistrationId("citizen")).isNull();
        assertThat(registrations.findByRegistrationId("staff")).isNull();
        assertThat(registrations.buttons()).isEqualTo(new ProviderRegistrations.Buttons(false, null, false, false));
    }

    @Test
    void aProviderThatIsDownIsReportedAsUnavailableAtEachTry() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ProviderRegistrations registrations = registrations(URI.create("http://127.0.0.1:" + closed + "/vneid"), null);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> registrations.findByRegistrationId("citizen"))
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> assertThat(
                            e.getError().getErrorCode()).isEqualTo(ProviderRegistrations.UNAVAILABLE));
        }
        assertThat(registrations.buttons().citizen()).isTrue();
    }

    @Test
    void theDemoTestProviderStandsInForAnUnconfiguredCitizenIssuer() {
        ProviderRegistrations registrations = registrations(null, new TestIdentityProvider() {
            @Override
            public URI issuer() {
                return URI.create("http://127.0.0.1:9/test");
            }

            @Override
            public String clientId() {
                return "demo";
            }

            @Override
            public String clientSecret() {
                return "demo-secret";
            }
        });
        assertThat(registrations.buttons()).isEqualTo(new ProviderRegistrations.Buttons(true, null, true, false));
    }

    private static ProviderRegistrations registrations(URI citizenIssuer, TestIdentityProvider test) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (test != null) {
            beans.registerSingleton("testIdentityProvider", test);
        }
        NationalSignInProperties properties = new NationalSignInProperties(
                new NationalSignInProperties.Citizen(citizenIssuer, "portal", "secret", List.of("openid", "profile"),
                        null, new NationalSignInProperties.Claims(CitizenClaims.ID_NUMBER, CitizenClaims.FULL_NAME,
                        CitizenClaims.BIRTH_DATE, CitizenClaims.PHONE, CitizenClaims.EMAIL, CitizenClaims.TAX_CODE)),
                new NationalSignInProperties.Staff(null, null, null, "preferred_username", "groups", null),
                Duration.ofSeconds(2));
        return new ProviderRegistrations(properties, beans.getBeanProvider(TestIdentityProvider.class));
    }
}
